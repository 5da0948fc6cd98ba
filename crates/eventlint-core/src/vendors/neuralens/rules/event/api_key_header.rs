use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;

declare_rule! {
    /// ## What it checks
    /// That the request carries an `X-Neuralens-API-Key` header with a key: not missing, not
    /// empty, not `Bearer` alone. The form of the value (`Bearer <API key>`, no placeholder) is
    /// `neuralens.event/api-key-format`'s.
    ///
    /// A request read from a browser's HAR export is reported too: browsers strip
    /// `Authorization` and cookies from their exports, not custom headers like this one, so
    /// the request was sent without it.
    ///
    /// ## Why
    /// The event-tracking API authenticates by the two headers `X-Neuralens-API-Key` (`Bearer
    /// YOUR_API_KEY_HERE`) and `X-Neuralens-Application-ID` (SEED-002; NL-SEARCH documents the
    /// same) [D]; a request without the key is rejected [I].
    ///
    /// ## Example
    /// ```http
    /// POST https://api.neuralens.ai/analytics/event
    /// X-Neuralens-Application-ID: shop-1
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
    pub(crate) static API_KEY_HEADER = {
        id: "neuralens.event/api-key-header",
        severity: Error,
        summary: "The request has no `X-Neuralens-API-Key` header, or it holds no key",
    };
}

/// The header.
pub(crate) const HEADER: &str = "X-Neuralens-API-Key";

/// Reports a missing or empty `X-Neuralens-API-Key`, and returns the value to check further.
pub(crate) fn check<'v>(ctx: &mut Ctx<'_>, view: &'v RequestView<'_>) -> Option<&'v str> {
    let value = view.header(HEADER).map(str::trim);
    let message = match value {
        None => "the request has no `X-Neuralens-API-Key` header",
        Some("") => "the `X-Neuralens-API-Key` header is empty",
        Some(v) if v.eq_ignore_ascii_case("Bearer") => {
            "`X-Neuralens-API-Key` is `Bearer` with no key"
        }
        Some(v) => return Some(v),
    };
    let mut finding = Finding::on_request(
        &API_KEY_HEADER,
        Location::Header(HEADER.to_owned()),
        message,
    )
    .help("send your API key: `X-Neuralens-API-Key: Bearer <API key>`");
    if value.is_none() && view.credentials_stripped {
        finding = finding.note(
            "a browser's HAR export strips `Authorization` and cookies, not custom headers: the request was sent without it",
        );
    }
    ctx.report(finding);
    None
}

#[cfg(test)]
mod tests {
    use crate::http::probe::{check, check_stripped, marked, rules};
    use crate::vendors::neuralens::shared::testing::{CLEAN, with_line};

    const ID: &str = "neuralens.event/api-key-header";

    #[test]
    fn a_missing_or_empty_key_is_reported() {
        let report = check(&with_line("X-Neuralens-API-Key", ""));
        assert_eq!(rules(&report), [ID]);
        assert_eq!(
            marked(&report, ID),
            ["POST https://api.neuralens.ai/analytics/event"]
        );
        for line in ["X-Neuralens-API-Key:", "x-neuralens-api-key: Bearer"] {
            let report = check(&with_line("X-Neuralens-API-Key", line));
            assert_eq!(rules(&report), [ID], "{line}");
            // The header's line (its credential masked).
            let mark = marked(&report, ID)[0];
            assert!(
                mark.len() == line.len() && mark.starts_with(&line[..20]),
                "{mark}"
            );
        }
    }

    #[test]
    fn a_har_that_strips_credentials_does_not_excuse_it() {
        let report = check_stripped(&with_line("X-Neuralens-API-Key", ""));
        assert_eq!(rules(&report), [ID]);
        assert!(
            report.diagnostics[0]
                .note
                .as_deref()
                .is_some_and(|n| n.contains("custom headers"))
        );
    }

    #[test]
    fn a_key_is_not_reported() {
        assert!(rules(&check(CLEAN)).is_empty());
    }
}
