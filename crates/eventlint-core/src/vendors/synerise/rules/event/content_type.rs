use crate::rule::declare_rule;
use crate::rule::finding::Ctx;
use crate::rule::request::RequestView;
use crate::rules::common::content_type::check_as;

declare_rule! {
    /// ## What it checks
    /// That a request to the v4 events API (custom, dedicated and batch endpoints) with a body
    /// says `Content-Type: application/json` (a `charset` parameter is fine). This is
    /// `common/content-type` as an error: elsewhere a wrong media type is a warning.
    ///
    /// ## Why
    /// Every example of SEED-001 sends `Content-Type: application/json`, and 415 (Unsupported
    /// Media Type) is one of the statuses the official client maps to an error body (SYN-PHP;
    /// vendor-rules.md §0.4, §2.1). `curl -d` without `-H` sends
    /// `application/x-www-form-urlencoded`, which Synerise refuses.
    ///
    /// ## Example
    /// ```http
    /// POST https://api.synerise.com/v4/events/custom
    /// Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl
    /// Api-Version: 4.4
    /// Content-Type: application/x-www-form-urlencoded
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
    pub(crate) static CONTENT_TYPE = {
        id: "synerise.event/content-type",
        severity: Error,
        summary: "A v4 events request sends its body without `Content-Type: application/json`",
        fix: Safe("when the header is there with another media type: its value is set to `application/json` (a missing header has no fix)."),
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    check_as(&CONTENT_TYPE, ctx, request);
}

#[cfg(test)]
mod tests {
    use crate::http::testing::{check, marked, of};

    const HEAD: &str = "POST https://api.synerise.com/v4/events/batch\nAuthorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl\nApi-Version: 4.4\n";
    const BODY: &str =
        "\n[{\"type\": \"hit-timer\", \"client\": {\"id\": 1}, \"label\": \"timer\"}]\n";
    const RULE: &str = "synerise.event/content-type";

    #[test]
    fn a_wrong_media_type_is_an_error_on_its_header() {
        let text = format!("{HEAD}Content-Type: text/plain\n{BODY}");
        let report = check(&text);
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
        assert_eq!(marked(&report, found[0]), "Content-Type: text/plain");
        assert!(of(&report, "common/content-type").is_empty());
    }

    #[test]
    fn a_missing_header_is_reported_and_json_is_clean() {
        let report = check(&format!("{HEAD}{BODY}"));
        assert_eq!(of(&report, RULE).len(), 1, "{:#?}", report.diagnostics);
        let text = format!("{HEAD}Content-Type: application/json; charset=utf-8\n{BODY}");
        assert!(of(&check(&text), RULE).is_empty());
    }
}
