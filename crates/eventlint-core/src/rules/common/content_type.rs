use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;

declare_rule! {
    /// ## What it checks
    /// That a request with a JSON body says so: `Content-Type: application/json` (a `charset`
    /// parameter is fine). Reported as a warning for Neuralens, AWS Personalize and Sajari;
    /// Glia and Synerise reject other media types, and have their own rules
    /// (`glia.engagement-event/content-type`, `synerise.event/content-type`), which are errors.
    ///
    /// ## Why
    /// Servers choose their body parser by `Content-Type`: `application/x-www-form-urlencoded`
    /// (what `curl -d` sends without `-H`) or `text/plain` makes many of them refuse the body or
    /// read it as something else (vendor-rules.md §0.4; SEED-004; SYN-PHP maps 415).
    ///
    /// ## Example
    /// ```http
    /// POST https://api.neuralens.ai/analytics/event
    /// X-Neuralens-API-Key: Bearer 4f9c2a7e1b
    /// X-Neuralens-Application-ID: shop-1
    /// Content-Type: text/plain
    ///
    /// {"uid": "u-1", "items": ["i-1"], "event": "PURCHASE"}
    /// ```
    ///
    /// ## Fix
    /// ```http
    /// POST https://api.neuralens.ai/analytics/event
    /// X-Neuralens-API-Key: Bearer 4f9c2a7e1b
    /// X-Neuralens-Application-ID: shop-1
    /// Content-Type: application/json
    ///
    /// {"uid": "u-1", "items": ["i-1"], "event": "PURCHASE"}
    /// ```
    pub(crate) static CONTENT_TYPE = {
        id: "common/content-type",
        severity: Warning,
        summary: "A JSON body is sent without `Content-Type: application/json`",
        fix: Safe("when the header is there with another media type: its value is set to `application/json` (a missing header has no fix)."),
    };
}

/// The media type of a `Content-Type` value, lower-case, without parameters.
pub(crate) fn media_type(value: &str) -> String {
    value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Reports, as `rule`, a request with a body whose `Content-Type` is missing or not
/// `application/json`.
pub(crate) fn check_as(
    rule: &'static crate::rule::Rule,
    ctx: &mut Ctx<'_>,
    request: &RequestView<'_>,
) {
    if !request.has_body {
        return;
    }
    match request.header("Content-Type") {
        None => ctx.report(
            Finding::on_request(
                rule,
                Location::Header("Content-Type".to_owned()),
                "the request has a JSON body but no `Content-Type` header",
            )
            .help("add `Content-Type: application/json`"),
        ),
        Some(value) if media_type(value) != "application/json" => ctx.report(
            Finding::on_request(
                rule,
                Location::Header("Content-Type".to_owned()),
                format!(
                    "`Content-Type` is `{}`, not `application/json`",
                    media_type(value)
                ),
            )
            .help("send the JSON body with `Content-Type: application/json`")
            .propose_header("application/json"),
        ),
        Some(_) => {}
    }
}

/// `common/content-type` for a request.
pub(crate) fn check(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    check_as(&CONTENT_TYPE, ctx, request);
}
