use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::shown_credential;
use crate::rules::common::placeholder::{form, is_placeholder};

use super::api_key_header::HEADER;

declare_rule! {
    /// ## What it checks
    /// That `X-Neuralens-API-Key` is `Bearer <API key>`: a key without the `Bearer ` prefix, or
    /// a documentation placeholder as the key (`YOUR_API_KEY_HERE`, the documentation's own,
    /// or another of `common/placeholder`'s forms), is reported.
    ///
    /// ## Why
    /// The documentation gives the value as `Bearer YOUR_API_KEY_HERE` (SEED-002) [D]: a bearer
    /// scheme inside a custom header, which is easy to leave out, and a placeholder that is
    /// easy to leave in. Whether the API accepts a bare key is not documented, so this is a
    /// warning [I].
    ///
    /// ## Example
    /// ```http
    /// POST https://api.neuralens.ai/analytics/event
    /// X-Neuralens-API-Key: Bearer YOUR_API_KEY_HERE
    /// X-Neuralens-Application-ID: shop-1
    /// Content-Type: application/json
    ///
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE", "timestamp": 1715644800}
    /// ```
    ///
    /// ```http
    /// POST https://api.neuralens.ai/analytics/event
    /// X-Neuralens-API-Key: 8d2f6b1c9e4a7f3d
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
    pub(crate) static API_KEY_FORMAT = {
        id: "neuralens.event/api-key-format",
        severity: Warning,
        summary: "`X-Neuralens-API-Key` is not `Bearer <API key>`, or its key is a placeholder",
    };
}

/// Reports an `X-Neuralens-API-Key` value (present, with a key) without the `Bearer ` prefix or
/// with a placeholder key.
pub(crate) fn check(ctx: &mut Ctx<'_>, value: &str) {
    let (bearer, key) = match value.split_once([' ', '\t']) {
        Some((scheme, key)) if scheme.eq_ignore_ascii_case("Bearer") => (true, key.trim_start()),
        _ => (false, value),
    };
    let shown = shown_credential(value);
    let message = if is_placeholder(key) {
        let prefix = if bearer {
            ""
        } else {
            ", without the `Bearer ` prefix"
        };
        format!(
            "the `X-Neuralens-API-Key` key (`{shown}`) is {}, not an API key{prefix}",
            form(key)
        )
    } else if !bearer {
        format!("`X-Neuralens-API-Key` (`{shown}`) has no `Bearer ` prefix")
    } else {
        return;
    };
    ctx.report(
        Finding::on_request(
            &API_KEY_FORMAT,
            Location::Header(HEADER.to_owned()),
            message,
        )
        .help("send your API key as `X-Neuralens-API-Key: Bearer <API key>`"),
    );
}

#[cfg(test)]
mod tests {
    use crate::http::probe::{check, marked, rules};
    use crate::vendors::neuralens::shared::testing::{CLEAN, with_line};

    const ID: &str = "neuralens.event/api-key-format";

    /// An undefined `{{variable}}` is the reader's finding (`request/reader`), not this rule's.
    #[test]
    fn an_undefined_variable_is_left_to_the_reader() {
        let report = check(&with_line(
            "X-Neuralens-API-Key",
            "X-Neuralens-API-Key: Bearer {{api_key}}",
        ));
        let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule).collect();
        assert!(rules.contains(&"request/reader"), "{rules:?}");
        assert!(!rules.contains(&ID), "{rules:?}");
    }

    #[test]
    fn a_placeholder_or_a_key_without_bearer_is_reported_on_the_header() {
        for (line, says) in [
            (
                "X-Neuralens-API-Key: Bearer YOUR_API_KEY_HERE",
                "`Bearer YOUR_API_KEY_HERE`",
            ),
            (
                "X-Neuralens-API-Key: YOUR_API_KEY_HERE",
                "without the `Bearer ` prefix",
            ),
            (
                "X-Neuralens-API-Key: 8d2f6b1c9e4a7f3d",
                "`8d2f…`) has no `Bearer ",
            ),
            (
                "X-Neuralens-API-Key: Token 8d2f6b1c9e4a7f3d",
                "`Token 8d2f…`) has no",
            ),
        ] {
            let report = check(&with_line("X-Neuralens-API-Key", line));
            let found: Vec<_> = report.diagnostics.iter().filter(|d| d.rule == ID).collect();
            assert_eq!(found.len(), 1, "{line}");
            assert!(
                found[0].message.contains(says),
                "{line}: {}",
                found[0].message
            );
            let mark = marked(&report, ID)[0];
            assert!(mark.starts_with("X-Neuralens-API-Key: ") && mark.len() == line.len());
        }
    }

    #[test]
    fn bearer_and_a_key_is_not_reported() {
        assert!(!rules(&check(CLEAN)).contains(&ID));
        let report = check(&with_line(
            "X-Neuralens-API-Key",
            "X-Neuralens-API-Key: bearer 8d2f6b1c9e4a7f3d",
        ));
        assert!(rules(&report).is_empty());
    }
}
