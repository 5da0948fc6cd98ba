use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;
use crate::vendors::synerise::rules::event::authorization::stripped;
use crate::vendors::synerise::shared::auth::{bearer_problem, placeholder};

declare_rule! {
    /// ## What it checks
    /// That a request to the AI events API (`POST /events/v1/single/{eventType}`,
    /// `POST /events/v1/batch`) is authorized: by a tracker key in the `token` query parameter
    /// (`?token=56ba9d02-…`; tracker keys look like UUIDs), or by `Authorization: Bearer <JWT>`.
    /// With no `token`, the `Authorization` header is checked as `synerise.event/authorization`
    /// checks it (a Bearer JWT: three base64url parts separated by dots; a placeholder such as
    /// `$access_token` is reported). An empty `token`, or one that is a placeholder
    /// (`$TRACKER_KEY`, `<tracker key>`), is reported too. Messages show a credential masked,
    /// never whole.
    ///
    /// In a browser's HAR export, which strips `Authorization`, a request with neither is not
    /// reported: `request/credentials-stripped` says so instead (a `token` query parameter is
    /// never stripped, so a request that has one is checked as usual).
    ///
    /// ## Why
    /// "The AI events endpoints may use two authorization methods: a JWT, same as in other
    /// endpoints; a tracker key sent as the token parameter of the query" (SEED-001;
    /// vendor-rules.md §2.1, §2.7; the tracker key scheme of SYN-HUB-REC). A request with
    /// neither is answered 401.
    ///
    /// ## Example
    /// ```http
    /// POST https://api.synerise.com/events/v1/single/recommendation.view
    /// Content-Type: application/json
    ///
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"], "eventTimestamp": 1670505802000}
    /// ```
    ///
    /// ## Fix
    /// ```http
    /// POST https://api.synerise.com/events/v1/single/recommendation.view?token=98A5FC55-0000-4000-8000-00000000cafe
    /// Content-Type: application/json
    ///
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"], "eventTimestamp": 1670505802000}
    /// ```
    pub(crate) static AUTH = {
        id: "synerise.ai-event/auth",
        severity: Error,
        summary: "An AI events request has neither a `token` query parameter nor `Authorization: Bearer <JWT>`",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    if let Some(token) = request.query("token") {
        let token = token.trim();
        let problem = if token.is_empty() {
            Some("the `token` query parameter is empty".to_owned())
        } else {
            placeholder(token)
                .map(|shown| format!("the `token` query parameter is the placeholder `{shown}`"))
        };
        // A good `Authorization` makes a bad `token` moot only if the server reads it first,
        // which is undocumented: report the `token`.
        if let Some(message) = problem {
            ctx.report(
                Finding::on_request(&AUTH, Location::Query("token".to_owned()), message)
                    .help("send the tracker key of the workspace (`?token=<tracker key>`), or `Authorization: Bearer <JWT>`"),
            );
        }
        return;
    }
    let at = || Location::Header("Authorization".to_owned());
    match request.header("Authorization") {
        None if request.credentials_stripped => ctx.report(stripped()),
        None => ctx.report(
            Finding::on_request(
                &AUTH,
                at(),
                "the request has neither a `token` query parameter nor an `Authorization` header",
            )
            .help("add the tracker key as `?token=<tracker key>`, or send `Authorization: Bearer <JWT>`"),
        ),
        Some(value) => {
            if let Some(problem) = bearer_problem(value) {
                ctx.report(
                    Finding::on_request(&AUTH, at(), problem.message(value))
                        .help(problem.help())
                        .note("the AI events API also takes a tracker key as `?token=<tracker key>`"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::http::testing::{check, check_read, marked, of, read};

    const RULE: &str = "synerise.ai-event/auth";
    const JWT: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2VjcmV0";
    const KEY: &str = "98A5FC55-0000-4000-8000-00000000cafe";
    const SINGLE: &str = "POST https://api.synerise.com/events/v1/single/recommendation.view";
    const BATCH: &str = "POST https://api.synerise.com/events/v1/batch";
    const ONE: &str = "{\"correlationId\": \"5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b\", \"clientUUID\": \"e0097757-d1e2-44ac-ba3c-d97979a354c1\", \"items\": [\"1\"]}";

    fn request(line: &str, headers: &str) -> String {
        let body = if line.ends_with("batch") || line.contains("batch?") {
            format!("{{\"eventType\": \"recommendation.view\", \"items\": [{ONE}]}}")
        } else {
            ONE.to_owned()
        };
        format!("{line}\n{headers}Content-Type: application/json\n\n{body}\n")
    }

    #[test]
    fn neither_credential_is_reported_on_the_request_line() {
        for line in [SINGLE, BATCH] {
            let text = request(line, "");
            let report = check(&text);
            let found = of(&report, RULE);
            assert_eq!(found.len(), 1, "{line}: {:#?}", report.diagnostics);
            assert_eq!(marked(&report, found[0]), line);
        }
    }

    #[test]
    fn a_token_or_a_jwt_is_clean() {
        for line in [SINGLE, BATCH] {
            let text = request(&format!("{line}?token={KEY}"), "");
            assert!(of(&check(&text), RULE).is_empty(), "{text}");
            let text = request(line, &format!("Authorization: Bearer {JWT}\n"));
            assert!(of(&check(&text), RULE).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_bad_token_or_bearer_is_reported_where_it_is() {
        let text = request(&format!("{SINGLE}?token=$TRACKER_KEY"), "");
        let report = check(&text);
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
        assert!(
            marked(&report, found[0]).starts_with("token="),
            "{}",
            marked(&report, found[0])
        );
        let text = request(SINGLE, "Authorization: Bearer $access_token\n");
        let report = check(&text);
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
        assert_eq!(
            marked(&report, found[0]),
            "Authorization: Bearer $acc*********"
        );
        assert!(found[0].message.contains("`$access_token`"));
    }

    #[test]
    fn a_stripped_capture_excuses_a_missing_authorization_only() {
        let text = request(SINGLE, "");
        let mut stripped = read(&text);
        stripped.credentials_stripped = true;
        let report = check_read(&stripped, &text);
        assert!(of(&report, RULE).is_empty(), "{:#?}", report.diagnostics);
        assert_eq!(of(&report, "request/credentials-stripped").len(), 1);
        let text = request(&format!("{SINGLE}?token="), "");
        let mut stripped = read(&text);
        stripped.credentials_stripped = true;
        assert_eq!(of(&check_read(&stripped, &text), RULE).len(), 1);
    }

    /// No report shows a credential whole: not a message, help or note, nor the source quoted.
    #[test]
    fn no_report_shows_a_secret_whole() {
        for text in [
            request(
                &format!("{SINGLE}?token={KEY}"),
                &format!("Authorization: Bearer {JWT}\n"),
            ),
            request(
                &format!("{SINGLE}x?token={KEY}"),
                &format!("Authorization: Bearer {JWT}\n"),
            ),
            request(
                &format!("{SINGLE}?token={KEY}"),
                &format!("Authorization: {JWT}\n"),
            ),
            request(SINGLE, &format!("Authorization: {JWT}\n")),
            request(SINGLE, &format!("Authorization: Bearer {KEY}\n")),
            format!(
                "POST https://api.synerise.com/v4/events/custom?token={KEY}\nAuthorization: {JWT}\n\n{{\"action\": \"a.b\", \"client\": {{\"id\": 1}}, \"label\": \"l\"}}\n"
            ),
        ] {
            let report = check(&text);
            assert!(!report.diagnostics.is_empty(), "{text}");
            for secret in [JWT, KEY] {
                assert!(!report.source.contains(secret), "{}", report.source);
                for d in &report.diagnostics {
                    for said in [Some(&d.message), d.help.as_ref(), d.note.as_ref()]
                        .into_iter()
                        .flatten()
                    {
                        assert!(!said.contains(secret), "{}: {said}", d.rule);
                    }
                }
            }
        }
    }
}
