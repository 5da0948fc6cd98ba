use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;
use crate::rules::common::content_type::media_type;

declare_rule! {
    /// ## What it checks
    /// That `Content-Type: application/json` carries no `charset` parameter
    /// (`application/json; charset=utf-8`).
    ///
    /// ## Why
    /// Glia documents the header as "Must be `application/json`" (SEED-004) [D], with nothing
    /// after it; whether its API accepts a parameter is not documented. The parameter says
    /// nothing either: JSON is UTF-8, and `application/json` defines no `charset` parameter
    /// (RFC 8259 §8.1, and its section 11). An info, since most servers ignore it [I].
    ///
    /// ## Example
    /// ```http
    /// POST https://api.salemove.com/engagements/af8c2e16-545d-4f83-9e79-7c5ebc544b1d/events
    /// Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA
    /// Accept: application/vnd.salemove.v1+json
    /// Content-Type: application/json; charset=utf-8
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
    pub(crate) static CONTENT_TYPE_CHARSET = {
        id: "glia.engagement-event/content-type-charset",
        severity: Info,
        summary: "`Content-Type: application/json` has a `charset` parameter Glia does not document",
        fix: Safe("the value is set to `application/json`: JSON is UTF-8 without saying so."),
    };
}

/// Reports `application/json` with a `charset` parameter.
pub(crate) fn check(ctx: &mut Ctx<'_>, view: &RequestView<'_>) {
    let Some(value) = view.header("Content-Type") else {
        return;
    };
    if media_type(value) != "application/json" {
        return;
    }
    let Some(charset) = value.split(';').skip(1).map(str::trim).find(|p| {
        p.split('=')
            .next()
            .is_some_and(|name| name.trim().eq_ignore_ascii_case("charset"))
    }) else {
        return;
    };
    ctx.report(
        Finding::on_request(
            &CONTENT_TYPE_CHARSET,
            Location::Header("Content-Type".to_owned()),
            format!("`Content-Type` has the parameter `{charset}`; Glia documents `application/json` alone"),
        )
        .help("send `Content-Type: application/json`: JSON is UTF-8 without saying so")
        .propose_header("application/json"),
    );
}

#[cfg(test)]
mod tests {
    use crate::http::probe::{check, marked, rules};
    use crate::vendors::glia::shared::testing::{CLEAN, with_line};

    const ID: &str = "glia.engagement-event/content-type-charset";

    #[test]
    fn a_charset_parameter_is_reported_on_the_header() {
        for line in [
            "Content-Type: application/json; charset=utf-8",
            "Content-Type: application/json;Charset=\"UTF-8\"",
        ] {
            let report = check(&with_line("Content-Type", line));
            assert_eq!(rules(&report), [ID], "{line}");
            assert_eq!(marked(&report, ID), [line]);
        }
    }

    #[test]
    fn application_json_alone_is_not_reported() {
        assert!(!rules(&check(CLEAN)).contains(&ID));
        let report = check(&with_line(
            "Content-Type",
            "Content-Type: text/plain; charset=utf-8",
        ));
        assert_eq!(rules(&report), ["glia.engagement-event/content-type"]);
    }
}
