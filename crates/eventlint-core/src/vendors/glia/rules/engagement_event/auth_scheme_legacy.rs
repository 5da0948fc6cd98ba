use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::vendors::glia::shared::authorization::{legacy, split};

declare_rule! {
    /// ## What it checks
    /// That `Authorization` does not use the token type `SessionId` or `AuthToken` (in any
    /// case) where this endpoint documents `Bearer`.
    ///
    /// ## Why
    /// The sources conflict (vendor-rules.md §8.10): the endpoint's documentation says
    /// "Allowed token type is `Bearer`", but its own 401 `debug_message` says "`token_type` is
    /// `SessionId` or `AuthToken`" (SEED-004) [D]; `SessionId` with `X-Salemove-Visit-Session-Id` is
    /// the older visitor-session scheme (GLIA-OLD, GLIA-ER). Such a request may work, so this
    /// is a warning, not an error.
    ///
    /// ## Example
    /// ```http
    /// POST https://api.salemove.com/engagements/af8c2e16-545d-4f83-9e79-7c5ebc544b1d/events
    /// Authorization: SessionId 2YotnFZFEjr1zCsicMWpAA
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
    pub(crate) static AUTH_SCHEME_LEGACY = {
        id: "glia.engagement-event/auth-scheme-legacy",
        severity: Warning,
        summary: "`Authorization` uses the `SessionId` or `AuthToken` token type, not `Bearer`",
    };
}

/// Reports an `Authorization` value `SessionId <token>` or `AuthToken <token>`.
pub(crate) fn check(ctx: &mut Ctx<'_>, value: &str) {
    let (Some(scheme), token) = split(value) else {
        return;
    };
    let Some(scheme) = legacy(scheme).filter(|_| !token.is_empty()) else {
        return;
    };
    ctx.report(
        Finding::on_request(
            &AUTH_SCHEME_LEGACY,
            Location::Header("Authorization".to_owned()),
            format!("`Authorization` uses the token type `{scheme}`; this endpoint documents `Bearer`"),
        )
        .help("send the visitor's access token as `Authorization: Bearer <token>`")
        .note("the 401 error names `SessionId` and `AuthToken`, but the endpoint allows `Bearer`; `SessionId` is the older visitor-session scheme"),
    );
}

#[cfg(test)]
mod tests {
    use crate::http::probe::{check, marked, rules};
    use crate::vendors::glia::shared::testing::{CLEAN, with_line};

    const ID: &str = "glia.engagement-event/auth-scheme-legacy";

    #[test]
    fn session_id_and_auth_token_are_reported_on_the_header() {
        for (line, scheme) in [
            (
                "Authorization: SessionId 2YotnFZFEjr1zCsicMWpAA",
                "`SessionId`",
            ),
            (
                "Authorization: authtoken 2YotnFZFEjr1zCsicMWpAA",
                "`AuthToken`",
            ),
        ] {
            let report = check(&with_line("Authorization", line));
            assert_eq!(rules(&report), [ID], "{line}");
            let mark = marked(&report, ID)[0];
            assert!(
                mark.starts_with("Authorization: ") && mark.len() == line.len(),
                "{mark}"
            );
            assert!(report.diagnostics[0].message.contains(scheme));
        }
    }

    #[test]
    fn bearer_and_a_legacy_type_without_token_are_not_reported() {
        assert!(!rules(&check(CLEAN)).contains(&ID));
        let report = check(&with_line("Authorization", "Authorization: SessionId"));
        assert_eq!(rules(&report), ["glia.engagement-event/auth-format"]);
    }
}
