use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::shown_credential as shown;
use crate::rules::common::placeholder::{form, is_placeholder};
use crate::vendors::glia::shared::authorization::split;

declare_rule! {
    /// ## What it checks
    /// That the `Authorization` token is not a documentation placeholder: `$access_token` (the
    /// token of Glia's own curl example), or another of `common/placeholder`'s forms such as
    /// `{{token}}`, `YOUR_TOKEN` or `<token>`.
    ///
    /// ## Why
    /// Glia's curl example sends `-H 'Authorization: Bearer $access_token'` (SEED-004): in
    /// single quotes the shell does not expand `$access_token`, so the request carries the
    /// placeholder itself and is answered 401 "Invalid token" [D].
    ///
    /// ## Example
    /// ```http
    /// POST https://api.salemove.com/engagements/af8c2e16-545d-4f83-9e79-7c5ebc544b1d/events
    /// Authorization: Bearer $access_token
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
    pub(crate) static AUTH_PLACEHOLDER = {
        id: "glia.engagement-event/auth-placeholder",
        severity: Warning,
        summary: "The `Authorization` token is a documentation placeholder",
    };
}

/// Reports an `Authorization` value whose token (or the whole value) is a placeholder.
pub(crate) fn check(ctx: &mut Ctx<'_>, value: &str) {
    let (_, token) = split(value);
    let placeholder = if is_placeholder(token) {
        token
    } else if is_placeholder(value.trim()) {
        value.trim()
    } else {
        return;
    };
    let mut finding = Finding::on_request(
        &AUTH_PLACEHOLDER,
        Location::Header("Authorization".to_owned()),
        format!(
            "the `Authorization` token (`{}`) is {}, not a token",
            shown(value),
            form(placeholder)
        ),
    )
    .help("send the visitor's access token: `Authorization: Bearer <token>`");
    if placeholder.starts_with('$') {
        finding = finding.note(
            "in single quotes a shell sends `$name` as written: put the header in double quotes so the variable is expanded (Glia's curl example has this defect)",
        );
    }
    ctx.report(finding);
}

#[cfg(test)]
mod tests {
    use crate::http::probe::{check, marked, rules};
    use crate::vendors::glia::shared::testing::{CLEAN, with_line};

    const ID: &str = "glia.engagement-event/auth-placeholder";

    #[test]
    fn the_seed_placeholder_and_other_forms_are_reported_on_the_header() {
        let line = "Authorization: Bearer $access_token";
        let report = check(&with_line("Authorization", line));
        assert_eq!(rules(&report), [ID]);
        let d = &report.diagnostics[0];
        assert!(
            d.message.contains("`Bearer $access_token`"),
            "{}",
            d.message
        );
        assert!(d.message.contains("shell variable"), "{}", d.message);
        let mark = marked(&report, ID)[0];
        assert!(mark.starts_with("Authorization: Bearer $acc") && mark.len() == line.len());
        for line in [
            "Authorization: Bearer YOUR_TOKEN",
            "Authorization: Bearer <token>",
            "Authorization: Bearer ${ACCESS_TOKEN}",
            "Authorization: AuthToken YOUR_ACCESS_TOKEN",
        ] {
            let report = check(&with_line("Authorization", line));
            assert_eq!(marked(&report, ID).len(), 1, "{line}");
        }
    }

    #[test]
    fn a_real_token_is_not_reported() {
        assert!(!rules(&check(CLEAN)).contains(&ID));
        let report = check(&with_line(
            "Authorization",
            "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2VjcmV0",
        ));
        assert!(rules(&report).is_empty());
    }
}
