use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rules::common::placeholder::{form, is_placeholder};

use super::app_id_header::HEADER;

declare_rule! {
    /// ## What it checks
    /// That `X-Neuralens-Application-ID` is not a documentation placeholder:
    /// `YOUR_APPLICATION_ID` (the documentation's own) or another of `common/placeholder`'s
    /// forms (`{{app_id}}`, `<application id>`, `$NEURALENS_APP_ID`).
    ///
    /// ## Why
    /// The documentation gives the header's value as `YOUR_APPLICATION_ID` (SEED-002) [D]; sent
    /// as written, it names no application, and the event is rejected or lost [I].
    ///
    /// ## Example
    /// ```http
    /// POST https://api.neuralens.ai/analytics/event
    /// X-Neuralens-API-Key: Bearer 8d2f6b1c9e4a7f3d
    /// X-Neuralens-Application-ID: YOUR_APPLICATION_ID
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
    pub(crate) static APP_ID_PLACEHOLDER = {
        id: "neuralens.event/app-id-placeholder",
        severity: Warning,
        summary: "`X-Neuralens-Application-ID` is a documentation placeholder",
    };
}

/// Reports an `X-Neuralens-Application-ID` value (present, not empty) that is a placeholder.
/// The application id is no secret: the message names it.
pub(crate) fn check(ctx: &mut Ctx<'_>, value: &str) {
    if !is_placeholder(value) {
        return;
    }
    ctx.report(
        Finding::on_request(
            &APP_ID_PLACEHOLDER,
            Location::Header(HEADER.to_owned()),
            format!(
                "`X-Neuralens-Application-ID` is `{value}`, {}, not an application id",
                form(value)
            ),
        )
        .help("send your Neuralens application's id"),
    );
}

#[cfg(test)]
mod tests {
    use crate::http::probe::{check, marked, rules};
    use crate::vendors::neuralens::shared::testing::{CLEAN, with_line};

    const ID: &str = "neuralens.event/app-id-placeholder";

    #[test]
    fn a_placeholder_is_reported_on_the_header() {
        for line in [
            "X-Neuralens-Application-ID: YOUR_APPLICATION_ID",
            "X-Neuralens-Application-ID: <application id>",
            "X-Neuralens-Application-ID: $NEURALENS_APP_ID",
        ] {
            let report = check(&with_line("X-Neuralens-Application-ID", line));
            assert_eq!(rules(&report), [ID], "{line}");
            assert_eq!(marked(&report, ID), [line]);
        }
    }

    #[test]
    fn an_application_id_is_not_reported() {
        assert!(!rules(&check(CLEAN)).contains(&ID));
        let report = check(&with_line(
            "X-Neuralens-Application-ID",
            "X-Neuralens-Application-ID: PURCHASE_APP",
        ));
        assert!(rules(&report).is_empty());
    }
}
