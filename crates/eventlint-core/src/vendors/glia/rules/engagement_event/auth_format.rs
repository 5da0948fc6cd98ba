use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::{is_scheme_word, shown_credential as shown};
use crate::vendors::glia::shared::authorization::{BEARER, legacy, split};

declare_rule! {
    /// ## What it checks
    /// That `Authorization` is `<token_type> <token>` with the token type `Bearer` (in any
    /// case): a value with no token type (a bare token), a token type with no token, another
    /// token type (`Basic`, `Token`), `Bearer` written twice, or a token with a space in it.
    ///
    /// `SessionId` and `AuthToken` are `glia.engagement-event/auth-scheme-legacy`'s (a warning);
    /// a placeholder token is `glia.engagement-event/auth-placeholder`'s.
    ///
    /// ## Why
    /// The endpoint's documentation says "Allowed token type is `Bearer`", and its 401
    /// `debug_message` says the header "must have format `token_type token`" (SEED-004) [D]:
    /// anything else is answered 401.
    ///
    /// ## Example
    /// ```http
    /// POST https://api.salemove.com/engagements/af8c2e16-545d-4f83-9e79-7c5ebc544b1d/events
    /// Authorization: 2YotnFZFEjr1zCsicMWpAA
    /// Accept: application/vnd.salemove.v1+json
    /// Content-Type: application/json
    ///
    /// {"message": "Visitor navigated to insurance page"}
    /// ```
    ///
    /// ## Fix
    /// ```http
    /// POST https://api.salemove.com/engagements/af8c2e16-545d-4f83-9e79-7c5ebc544b1d/events
    /// Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA
    /// Accept: application/vnd.salemove.v1+json
    /// Content-Type: application/json
    ///
    /// {"message": "Visitor navigated to insurance page"}
    /// ```
    pub(crate) static AUTH_FORMAT = {
        id: "glia.engagement-event/auth-format",
        severity: Error,
        summary: "`Authorization` is not `Bearer <token>`",
    };
}

/// Reports an `Authorization` value (present, not empty) that is not `Bearer <token>`, unless
/// its token type is a legacy one.
pub(crate) fn check(ctx: &mut Ctx<'_>, value: &str) {
    let message = match split(value) {
        (None, word) if word.eq_ignore_ascii_case(BEARER) => {
            "`Authorization` is `Bearer` with no token".to_owned()
        }
        (None, word) if legacy(word).is_some() => format!(
            "`Authorization` is `{}` with no token",
            legacy(word).unwrap_or_default()
        ),
        (None, _) => format!(
            "`Authorization` (`{}`) has no token type: Glia reads it as `<token_type> <token>`",
            shown(value)
        ),
        (Some(scheme), token) if scheme.eq_ignore_ascii_case(BEARER) => match split(token) {
            (None, _) => return,
            (Some(again), _) if again.eq_ignore_ascii_case(BEARER) => {
                "`Authorization` says `Bearer` twice".to_owned()
            }
            (Some(_), _) => format!(
                "the `Authorization` token (`{}`) has a space in it",
                shown(value)
            ),
        },
        (Some(scheme), _) if legacy(scheme).is_some() => return,
        (Some(scheme), _) if is_scheme_word(scheme) => {
            format!("`Authorization` uses the token type `{scheme}`; this endpoint allows `Bearer`")
        }
        (Some(_), _) => format!(
            "`Authorization` (`{}`) does not start with a token type; this endpoint allows `Bearer`",
            shown(value)
        ),
    };
    ctx.report(
        Finding::on_request(
            &AUTH_FORMAT,
            Location::Header("Authorization".to_owned()),
            message,
        )
        .help("send the visitor's access token as `Authorization: Bearer <token>`")
        .note("Glia answers 401: \"Authorization header must have format 'token_type token'\""),
    );
}

#[cfg(test)]
mod tests {
    use crate::http::probe::{check, marked, rules};
    use crate::vendors::glia::shared::testing::{CLEAN, with_line};

    const ID: &str = "glia.engagement-event/auth-format";

    fn message(line: &str) -> Option<String> {
        let report = check(&with_line("Authorization", line));
        let found: Vec<_> = report.diagnostics.iter().filter(|d| d.rule == ID).collect();
        assert!(found.len() <= 1, "{line}: {found:?}");
        if !found.is_empty() {
            // The header's line, its credential masked.
            let mark = marked(&report, ID)[0];
            assert!(mark.starts_with("Authorization:"), "{mark}");
            assert_eq!(mark.len(), line.len(), "{mark}");
        }
        found.first().map(|d| d.message.clone())
    }

    #[test]
    fn a_value_that_is_not_bearer_and_a_token_is_reported_on_the_header() {
        for (line, says) in [
            ("Authorization: 2YotnFZFEjr1zCsicMWpAA", "no token type"),
            ("Authorization: Bearer", "`Bearer` with no token"),
            ("Authorization: AuthToken", "`AuthToken` with no token"),
            (
                "Authorization: Basic dXNlcjpwYXNz",
                "the token type `Basic`",
            ),
            ("Authorization: Bearer Bearer 2YotnFZF", "`Bearer` twice"),
            ("Authorization: Bearer 2Yot nFZF", "has a space"),
            (
                "Authorization: 2Yot3nFZ 2YotnFZF",
                "does not start with a token type",
            ),
        ] {
            let message = message(line).unwrap_or_else(|| panic!("{line}: not reported"));
            assert!(message.contains(says), "{line}: {message}");
        }
    }

    #[test]
    fn bearer_in_any_case_and_the_legacy_types_are_not_its_business() {
        for line in [
            "Authorization: bearer 2YotnFZFEjr1zCsicMWpAA",
            "Authorization: SessionId 2YotnFZFEjr1zCsicMWpAA",
            "Authorization: AuthToken 2YotnFZFEjr1zCsicMWpAA",
        ] {
            assert_eq!(message(line), None, "{line}");
        }
        assert!(!rules(&check(CLEAN)).contains(&ID));
    }
}
