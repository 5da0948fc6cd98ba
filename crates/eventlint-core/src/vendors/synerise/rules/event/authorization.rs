use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;
use crate::rules::request::credentials_stripped::CREDENTIALS_STRIPPED;
use crate::vendors::synerise::shared::auth::bearer_problem;

declare_rule! {
    /// ## What it checks
    /// That a request to the v4 events API (custom, dedicated and batch endpoints) carries
    /// `Authorization: Bearer <JWT>`, a JWT being three base64url parts separated by dots.
    /// It reports a missing header, another scheme (`Basic …`) or a bare token, `Bearer`
    /// without a token, a Bearer token that is not a JWT, and a placeholder: this rule, not
    /// `common/placeholder` (which reads bodies only), reports the documentation's
    /// `Bearer $access_token` (a shell variable that single quotes kept from expanding),
    /// `Bearer ey...RtH_g` and `Bearer <JWT>`. Messages show a credential masked (`Bearer eyJh…`),
    /// never whole.
    ///
    /// In a browser's HAR export, which strips `Authorization` by default, a missing header is
    /// not reported: `request/credentials-stripped` says so instead.
    ///
    /// ## Why
    /// The v4 events endpoints are authorized with the JWT of a profile (formerly client) or
    /// workspace (formerly business profile), sent as `Authorization: Bearer <JWT>` (SEED-001;
    /// vendor-rules.md §2.1, §2.3). Without it Synerise answers 401.
    ///
    /// ## Example
    /// ```http
    /// POST https://api.synerise.com/v4/events/custom
    /// Authorization: Bearer $access_token
    /// Api-Version: 4.4
    /// Content-Type: application/json
    ///
    /// {"action": "dog.bark", "client": {"id": 5092159999}, "label": "bark", "time": "2022-11-28T12:18:27Z", "params": {"mood": "happy"}}
    /// ```
    ///
    /// ## Fix
    /// ```http
    /// POST https://api.synerise.com/v4/events/custom
    /// Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl
    /// Api-Version: 4.4
    /// Content-Type: application/json
    ///
    /// {"action": "dog.bark", "client": {"id": 5092159999}, "label": "bark", "time": "2022-11-28T12:18:27Z", "params": {"mood": "happy"}}
    /// ```
    pub(crate) static AUTHORIZATION = {
        id: "synerise.event/authorization",
        severity: Error,
        summary: "A v4 events request lacks `Authorization: Bearer <JWT>`",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    let at = || Location::Header("Authorization".to_owned());
    match request.header("Authorization") {
        None if request.credentials_stripped => ctx.report(stripped()),
        None => ctx.report(
            Finding::on_request(
                &AUTHORIZATION,
                at(),
                "the request has no `Authorization` header",
            )
            .help("add `Authorization: Bearer <JWT>` with the JWT of a profile or workspace"),
        ),
        Some(value) => {
            if let Some(problem) = bearer_problem(value) {
                ctx.report(
                    Finding::on_request(&AUTHORIZATION, at(), problem.message(value))
                        .help(problem.help()),
                );
            }
        }
    }
}

/// `request/credentials-stripped` for a request of a capture without credentials.
pub(crate) fn stripped() -> Finding {
    Finding::on_request(
        &CREDENTIALS_STRIPPED,
        Location::Header("Authorization".to_owned()),
        "the capture strips credentials: whether the request had an `Authorization` header is not known",
    )
    .help("export the HAR with sensitive data, or capture with a proxy, to check `Authorization`")
}

#[cfg(test)]
mod tests {
    use crate::http::testing::{check, check_read, marked, of, read};

    const LINE: &str = "POST https://api.synerise.com/v4/events/custom\n";
    const REST: &str = "Api-Version: 4.4\nContent-Type: application/json\n\n{\"action\": \"dog.bark\", \"client\": {\"id\": 1}, \"label\": \"bark\"}\n";
    const JWT: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2VjcmV0";
    const RULE: &str = "synerise.event/authorization";

    fn with(header: &str) -> String {
        format!("{LINE}{header}\n{REST}")
    }

    #[test]
    fn a_missing_header_is_reported_on_the_request_line() {
        let text = format!("{LINE}{REST}");
        let report = check(&text);
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
        assert_eq!(
            marked(&report, found[0]),
            "POST https://api.synerise.com/v4/events/custom"
        );
        assert_eq!(
            found[0].message,
            "the request has no `Authorization` header"
        );
    }

    #[test]
    fn a_bad_credential_is_reported_on_its_header() {
        for (header, says) in [
            (
                "Authorization: Bearer $access_token",
                "placeholder `$access_token`",
            ),
            ("Authorization: Bearer ey...RtH_g", "placeholder"),
            ("Authorization: Bearer abcdefgh12345", "not a JWT"),
            (
                "Authorization: Basic dXNlcjpwYXNzd29yZA==",
                "not `Bearer <JWT>`",
            ),
            ("Authorization: Bearer", "without a token"),
        ] {
            let text = with(header);
            let report = check(&text);
            let found = of(&report, RULE);
            assert_eq!(found.len(), 1, "{header}: {:#?}", report.diagnostics);
            assert!(found[0].message.contains(says), "{}", found[0].message);
            assert!(
                marked(&report, found[0]).starts_with("Authorization: "),
                "{header}"
            );
            assert!(!found[0].message.contains("dXNlcjpwYXNzd29yZA"));
            assert!(!found[0].message.contains("abcdefgh12345"));
        }
    }

    #[test]
    fn a_jwt_is_clean() {
        let text = with(&format!("Authorization: Bearer {JWT}"));
        let report = check(&text);
        assert!(of(&report, RULE).is_empty(), "{:#?}", report.diagnostics);
    }

    #[test]
    fn a_stripped_capture_gets_the_info_instead() {
        let text = format!("{LINE}{REST}");
        let mut request = read(&text);
        request.credentials_stripped = true;
        let report = check_read(&request, &text);
        assert!(of(&report, RULE).is_empty(), "{:#?}", report.diagnostics);
        let info = of(&report, "request/credentials-stripped");
        assert_eq!(info.len(), 1, "{:#?}", report.diagnostics);
        // Stripping does not excuse a header that is there and wrong.
        let text = with("Authorization: Bearer nope");
        let mut request = read(&text);
        request.credentials_stripped = true;
        let report = check_read(&request, &text);
        assert_eq!(of(&report, RULE).len(), 1);
    }
}
