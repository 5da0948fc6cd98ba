//! The library face of requests: check the exact request an HTTP client builds.

use eventlint_request::{Body, BodySource, Header, OffsetMap, RawRequest, Spanned};

use super::PayloadReport;
use crate::lint::check::CheckOptions;

/// Checks an HTTP request as a service's HTTP client builds it: the method, the URL (absolute,
/// or a path with its query), the headers in order and the body. The request is routed to its
/// kind by method, path and host; the body gets exactly the checks of [`crate::check_str`] for
/// that kind, and the headers, path and query the vendor's transport rules (`Api-Version`,
/// `Authorization`, `Accept`, …). The report's [`PayloadReport::source`] is the request written
/// as an HTTP/1.1 message (`METHOD URL HTTP/1.1`, a line per header, a blank line, the body),
/// with credentials masked: what spans, positions and [`PayloadReport::render_plain`] refer to.
/// Every diagnostic says which part of the request it is on ([`crate::Diagnostic::request`]).
///
/// ```
/// use eventlint_core::{CheckOptions, check_request};
///
/// let options = CheckOptions::at_rfc3339("2026-01-01T00:00:00Z")?;
/// let report = check_request(
///     "POST",
///     "https://api.neuralens.ai/analytics/event",
///     &[
///         ("X-Neuralens-API-Key", "Bearer 7d1f0c9e2b4a4e6f9a3c5b8d0e2f4a6c"),
///         ("X-Neuralens-Application-ID", "shop-au-1"),
///         ("Content-Type", "text/plain"),
///     ],
///     Some(r#"{"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "ADD_TO_CART"}"#),
///     &options,
/// );
/// assert_eq!(report.kind.map(|k| k.id), Some("neuralens.event"));
/// assert_eq!(report.rules(), ["common/content-type"]);
/// let place = report.diagnostics[0].request.as_ref().expect("a request's diagnostic");
/// assert_eq!(place.name.as_deref(), Some("Content-Type"));
/// // The key never appears whole, in the report's text or anywhere else.
/// assert!(!report.source.contains("7d1f0c9e2b4a4e6f9a3c5b8d0e2f4a6c"));
/// # Ok::<(), chrono::ParseError>(())
/// ```
#[must_use]
pub fn check_request(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
    options: &CheckOptions,
) -> PayloadReport {
    let (text, request) = written(method, url, headers, body);
    let report = crate::http::check_isolated(&request, &text, options);
    PayloadReport {
        kind: report.kind,
        source: report.source,
        diagnostics: report.diagnostics,
    }
}

/// The request as an HTTP/1.1 message, and the request read from it (every span exact).
fn written(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> (String, RawRequest) {
    // Line breaks inside a part would make another line; they are written as spaces.
    let clean = |s: &str| s.replace(['\r', '\n'], " ");
    let (method, url) = (clean(method).to_ascii_uppercase(), clean(url));
    let mut text = String::new();
    let method_span = 0..method.len();
    text.push_str(&method);
    text.push(' ');
    let url_span = text.len()..text.len() + url.len();
    text.push_str(&url);
    text.push_str(" HTTP/1.1\n");
    let mut written_headers = Vec::new();
    for (name, value) in headers {
        let (name, value) = (clean(name), clean(value));
        let start = text.len();
        text.push_str(&name);
        text.push_str(": ");
        let value_start = text.len();
        text.push_str(&value);
        written_headers.push(Header {
            name: Spanned::new(name.clone(), start..start + name.len()),
            value: Spanned::new(value.clone(), value_start..text.len()),
            span: start..text.len(),
        });
        text.push('\n');
    }
    let body = body.map(|body| {
        text.push('\n');
        let start = text.len();
        text.push_str(body);
        Body {
            text: body.to_owned(),
            source: BodySource::Inline(OffsetMap::shifted(start, body.len())),
            span: start..text.len(),
        }
    });
    let request = RawRequest {
        ordinal: 1,
        method: Spanned::new(method, method_span),
        url: Spanned::new(url, url_span),
        headers: written_headers,
        body,
        span: 0..text.len(),
        problems: Vec::new(),
        credentials_stripped: false,
        credentials_masked: false,
    };
    (text, request)
}
