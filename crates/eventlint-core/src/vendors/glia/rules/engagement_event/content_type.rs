use crate::rule::declare_rule;
use crate::rule::finding::Ctx;
use crate::rule::request::RequestView;
use crate::rules::common::content_type as common;

declare_rule! {
    /// ## What it checks
    /// That the request's JSON body is sent with `Content-Type: application/json` (the media
    /// type in any case). A `charset` parameter is `glia.engagement-event/content-type-charset`'s
    /// (an info). This rule replaces `common/content-type` (a warning) for Glia.
    ///
    /// ## Why
    /// "Content type of data sent to the server. Must be `application/json`" (SEED-004) [D]; a
    /// request without it (what `curl -d` sends without `-H` is form-encoded) is rejected [I].
    ///
    /// ## Example
    /// ```http
    /// POST https://api.salemove.com/engagements/af8c2e16-545d-4f83-9e79-7c5ebc544b1d/events
    /// Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA
    /// Accept: application/vnd.salemove.v1+json
    /// Content-Type: application/x-www-form-urlencoded
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
    pub(crate) static CONTENT_TYPE = {
        id: "glia.engagement-event/content-type",
        severity: Error,
        summary: "The JSON body is sent without `Content-Type: application/json`",
        fix: Safe("when the header is there with another media type: its value is set to `application/json` (a missing header has no fix)."),
    };
}

/// Reports a request with a body whose `Content-Type` is missing or not `application/json`.
pub(crate) fn check(ctx: &mut Ctx<'_>, view: &RequestView<'_>) {
    common::check_as(&CONTENT_TYPE, ctx, view);
}

#[cfg(test)]
mod tests {
    use crate::http::probe::{check, marked, rules};
    use crate::vendors::glia::shared::testing::{CLEAN, with_line};

    const ID: &str = "glia.engagement-event/content-type";

    #[test]
    fn a_missing_or_other_content_type_is_reported_on_the_header() {
        let line = "Content-Type: text/plain";
        let report = check(&with_line("Content-Type", line));
        assert_eq!(rules(&report), [ID]);
        assert_eq!(marked(&report, ID), [line]);
        let report = check(&with_line("Content-Type", ""));
        assert_eq!(rules(&report), [ID]);
        assert!(marked(&report, ID)[0].starts_with("POST "));
    }

    #[test]
    fn application_json_is_not_reported_nor_is_common_content_type() {
        assert!(rules(&check(CLEAN)).is_empty());
        let report = check(&with_line("Content-Type", "Content-Type: Application/JSON"));
        assert!(rules(&report).is_empty());
    }
}
