use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;

declare_rule! {
    /// ## What it checks
    /// That the request carries an `X-Neuralens-Application-ID` header, and that it is not
    /// empty. A placeholder in it is `neuralens.event/app-id-placeholder`'s.
    ///
    /// ## Why
    /// The event-tracking API takes the application id in `X-Neuralens-Application-ID`
    /// (SEED-002; NL-SEARCH documents the same) [D]; without it the event belongs to no
    /// application and is rejected [I].
    ///
    /// ## Example
    /// ```http
    /// POST https://api.neuralens.ai/analytics/event
    /// X-Neuralens-API-Key: Bearer 8d2f6b1c9e4a7f3d
    /// Content-Type: application/json
    ///
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE", "timestamp": 1715644800}
    /// ```
    ///
    /// ## Fix
    /// ```http
    /// POST https://api.neuralens.ai/analytics/event
    /// X-Neuralens-API-Key: Bearer 8d2f6b1c9e4a7f3d
    /// X-Neuralens-Application-ID: shop-1
    /// Content-Type: application/json
    ///
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE", "timestamp": 1715644800}
    /// ```
    pub(crate) static APP_ID_HEADER = {
        id: "neuralens.event/app-id-header",
        severity: Error,
        summary: "The request has no `X-Neuralens-Application-ID` header, or it is empty",
    };
}

/// The header.
pub(crate) const HEADER: &str = "X-Neuralens-Application-ID";

/// Reports a missing or empty `X-Neuralens-Application-ID`, and returns the value to check
/// further.
pub(crate) fn check<'v>(ctx: &mut Ctx<'_>, view: &'v RequestView<'_>) -> Option<&'v str> {
    let message = match view.header(HEADER).map(str::trim) {
        None => "the request has no `X-Neuralens-Application-ID` header",
        Some("") => "the `X-Neuralens-Application-ID` header is empty",
        Some(v) => return Some(v),
    };
    ctx.report(
        Finding::on_request(&APP_ID_HEADER, Location::Header(HEADER.to_owned()), message)
            .help("send your application's id: `X-Neuralens-Application-ID: <application id>`"),
    );
    None
}

#[cfg(test)]
mod tests {
    use crate::http::probe::{check, marked, rules};
    use crate::vendors::neuralens::shared::testing::{CLEAN, with_line};

    const ID: &str = "neuralens.event/app-id-header";

    #[test]
    fn a_missing_or_empty_application_id_is_reported() {
        let report = check(&with_line("X-Neuralens-Application-ID", ""));
        assert_eq!(rules(&report), [ID]);
        assert_eq!(
            marked(&report, ID),
            ["POST https://api.neuralens.ai/analytics/event"]
        );
        let line = "X-Neuralens-Application-ID:";
        let report = check(&with_line("X-Neuralens-Application-ID", line));
        assert_eq!(rules(&report), [ID]);
        assert_eq!(marked(&report, ID), [line]);
    }

    #[test]
    fn an_application_id_is_not_reported() {
        assert!(rules(&check(CLEAN)).is_empty());
    }
}
