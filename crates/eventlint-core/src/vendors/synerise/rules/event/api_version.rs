use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;

declare_rule! {
    /// ## What it checks
    /// That a request to the v4 events API (`POST /v4/events/custom`, a dedicated endpoint
    /// such as `/v4/events/hit-timer`, `POST /v4/events/batch`) carries the header
    /// `Api-Version: 4.4`: present, and `4.4` (surrounding spaces aside).
    ///
    /// ## Why
    /// The API reference lists `Api-Version` as a required header whose only value is `4.4`
    /// (SYN-HUB-DM; the generated client of SYN-M2 requires `$api_version` too, and the
    /// official PHP SDK sends `Api-Version: 4.4`, SYN-PHP). Every example of SEED-001 sends it
    /// (vendor-rules.md §2.1, §2.3).
    ///
    /// ## Example
    /// ```http
    /// POST https://api.synerise.com/v4/events/custom
    /// Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl
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
    pub(crate) static API_VERSION = {
        id: "synerise.event/api-version",
        severity: Error,
        summary: "A v4 events request lacks the header `Api-Version: 4.4`",
        fix: Safe("when the header is there with another value: it is set to `4.4` (a missing header has no fix)."),
    };
}

/// The only version the v4 events API documents.
const VERSION: &str = "4.4";

pub(crate) fn check(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    let at = || Location::Header("Api-Version".to_owned());
    match request.header("Api-Version").map(str::trim) {
        None => ctx.report(
            Finding::on_request(
                &API_VERSION,
                at(),
                "the request has no `Api-Version` header",
            )
            .help(format!("add the header `Api-Version: {VERSION}`")),
        ),
        Some(VERSION) => {}
        Some(other) => ctx.report(
            Finding::on_request(
                &API_VERSION,
                at(),
                format!("`Api-Version` is `{other}`, not `{VERSION}`"),
            )
            .help(format!("send `Api-Version: {VERSION}`"))
            .propose_header(VERSION)
            .note("the v4 events API documents `4.4` as the only value of `Api-Version`"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::http::testing::{check, marked, of};

    const HEAD: &str = "POST https://api.synerise.com/v4/events/custom\nAuthorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl\nContent-Type: application/json\n";
    const BODY: &str =
        "\n{\"action\": \"dog.bark\", \"client\": {\"id\": 1}, \"label\": \"bark\"}\n";
    const RULE: &str = "synerise.event/api-version";

    #[test]
    fn a_missing_header_is_reported_on_the_request_line() {
        let text = format!("{HEAD}{BODY}");
        let report = check(&text);
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
        assert_eq!(
            marked(&report, found[0]),
            "POST https://api.synerise.com/v4/events/custom"
        );
        assert!(found[0].message.contains("`Api-Version`"));
    }

    #[test]
    fn another_version_is_reported_on_its_header() {
        let text = format!("{HEAD}Api-Version: 4.3\n{BODY}");
        let report = check(&text);
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
        assert_eq!(marked(&report, found[0]), "Api-Version: 4.3");
        assert_eq!(found[0].message, "`Api-Version` is `4.3`, not `4.4`");
    }

    #[test]
    fn version_4_4_is_clean() {
        for header in ["Api-Version: 4.4", "api-version:  4.4 "] {
            let text = format!("{HEAD}{header}\n{BODY}");
            assert!(of(&check(&text), RULE).is_empty(), "{header}");
        }
    }
}
