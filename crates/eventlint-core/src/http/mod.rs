//! Whole HTTP requests: the layer between the request readers (`eventlint-request`: `.http`,
//! curl, Hurl, HAR, the request log) and the body pipeline. A request is routed by its method,
//! path and host to a kind ([`crate::registry`]'s routes); its body goes through exactly the body
//! pipeline ([`crate::check_document`]), whose findings are moved to the body's bytes in the file
//! through the reader's offset map; its transport rules (the kind's, and `request/*`) report on
//! the request line, a header or a query parameter. Every diagnostic's span and positions are
//! in the request's text ([`RequestReport::source`]), so renderers show them as they show a
//! body's.
//!
//! Architecture Invariant: nothing of the body pipeline is copied here; this module calls it.

mod mask;
#[cfg(test)]
pub(crate) mod probe;
pub(crate) mod target;
#[cfg(test)]
mod tests;

use std::ops::Range;

use eventlint_request::{Body, BodySource, Problem, RawRequest};

use crate::catalog::kind::Kind;
use crate::catalog::registry::{self, Routing};
use crate::lint::check::{CheckOptions, finish_with};
use crate::lint::isolation::check_document_isolated;
use crate::locate::spans::{LineIndex, Spans};
use crate::message::diagnostic::{Diagnostic, Part, RequestPlace};
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;
use crate::rules::request as rules;

/// One checked request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestReport {
    /// The kind the body was checked as: the endpoint's, or (for a path eventlint does not
    /// route) the one its shape shows.
    pub kind: Option<&'static Kind>,
    /// The bytes of the file the request spans: what [`RequestReport::source`] is.
    pub region: Range<usize>,
    /// The request's text in the file, with credentials masked (the same number of bytes, so
    /// every span stays exact): the source renderers quote.
    pub source: String,
    /// Every finding, with spans and positions in [`RequestReport::source`], in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Some bytes of a file: a whole file read, or (a HAR streamed) the entry being checked.
#[derive(Debug, Clone, Copy)]
pub struct Window<'a> {
    /// The bytes, as text.
    pub text: &'a str,
    /// Where they start in the file.
    pub start: usize,
}

impl<'a> Window<'a> {
    /// A whole file.
    #[must_use]
    pub fn whole(text: &'a str) -> Self {
        Window { text, start: 0 }
    }

    /// The file's bytes `range`, if the window holds them.
    #[must_use]
    pub fn get(&self, range: Range<usize>) -> Option<&'a str> {
        let start = range.start.checked_sub(self.start)?;
        let end = range.end.checked_sub(self.start)?;
        self.text.get(start..end)
    }

    /// One past the window's last byte, in the file.
    #[must_use]
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Checks `request`, read from `file` (the whole text of the file the reader read).
#[must_use]
pub fn check(request: &RawRequest, file: &str, options: &CheckOptions) -> RequestReport {
    check_in(request, Window::whole(file), options)
}

/// Checks `request` whose bytes are in `window` (spans are the file's).
#[must_use]
pub fn check_in(request: &RawRequest, window: Window<'_>, options: &CheckOptions) -> RequestReport {
    let region = region(request, window);
    let base = region.start;
    let text = window.get(region.clone()).unwrap_or_default();
    let target = target::split(
        &request.url.value,
        &request.url.span,
        window.get(request.url.span.clone()),
    );
    let method = request.method.value.as_str();
    let mut findings: Vec<Finding> = request
        .problems
        .iter()
        .map(|p| reader_finding(&rules::reader::READER, p))
        .collect();
    let routing = registry::route_request(method, &target.path, target.host.as_deref());
    let mut routed: Option<(&'static Kind, &'static crate::catalog::kind::Route, Vec<_>)> = None;
    match routing {
        Routing::Endpoint {
            kind,
            route,
            params,
        } => routed = Some((kind, route, params)),
        Routing::Method { kind, route } => findings.push(
            Finding::on_request(
                &rules::method::METHOD,
                Location::Method,
                format!("`{}` takes `{}`, not `{method}`", route.path, route.method),
            )
            .help(format!(
                "send the `{}` event with `{}`",
                kind.id, route.method
            )),
        ),
        Routing::Undocumented { vendor, nearest } => {
            let mut f = Finding::on_request(
                &rules::unknown_endpoint::UNKNOWN_ENDPOINT,
                Location::Path,
                format!("`{}` is not a documented {vendor} endpoint", target.path),
            );
            f = match nearest {
                Some(near) => f.help(format!("send it to `{near}`, the nearest documented path")),
                None => f.help("`eventlint kinds` lists the documented endpoints"),
            };
            findings.push(f);
        }
        Routing::Unknown => {
            if request.body.is_none() {
                findings.push(
                    Finding::on_request(
                        &rules::unknown_endpoint::UNKNOWN_ENDPOINT,
                        Location::Path,
                        format!(
                            "`{method} {}` is not an endpoint of a vendor eventlint knows, and has no body to check",
                            target.path
                        ),
                    )
                    .help("`eventlint kinds` lists the documented endpoints"),
                );
            }
        }
    }
    let mut kind = options.kind.or(routed.as_ref().map(|(k, ..)| *k));
    let lines = LineIndex::new(text);
    let mut diagnostics = Vec::new();
    match &request.body {
        Some(body) => {
            // The options as given when they already name the kind (no copy per request).
            let routed_options;
            let body_options = match kind {
                Some(kind) if options.kind != Some(kind) => {
                    routed_options = options.clone().with_kind(kind);
                    &routed_options
                }
                _ => options,
            };
            let report = check_document_isolated(body.text.as_bytes(), body_options);
            kind = report.kind;
            for d in report.diagnostics {
                let mut d = moved(d, body, base, text, &lines);
                d.request = Some(RequestPlace {
                    method: method.to_owned(),
                    path: target.path.clone(),
                    part: Part::Body,
                    name: None,
                });
                diagnostics.push(d);
            }
        }
        None => {
            if let Some((kind, route, _)) = &routed
                && route.method.eq_ignore_ascii_case("POST")
            {
                findings.push(
                    Finding::on_request(
                        &rules::body_missing::BODY_MISSING,
                        Location::RequestLine,
                        format!("the request to `{}` has no body", route.path),
                    )
                    .help(format!("send the `{}` payload as the JSON body", kind.id)),
                );
            }
        }
    }
    if let Some((kind, route, params)) = &routed {
        let headers: Vec<(&str, &str)> = request
            .headers
            .iter()
            .map(|h| (h.name.value.as_str(), h.value.value.as_str()))
            .collect();
        let view = RequestView {
            method,
            path: &target.path,
            query: target
                .query
                .iter()
                .map(|(n, v, _)| (n.clone(), v.clone()))
                .collect(),
            headers,
            endpoint: route.path,
            deprecated: route.deprecated,
            params,
            has_body: request.body.is_some(),
            body: request.body.as_ref().map(|b| b.text.as_str()),
            credentials_stripped: request.credentials_stripped,
        };
        let mut ctx = Ctx {
            clock: options.clock(),
            bytes: &[],
            findings: Vec::new(),
        };
        (kind.transport)(&mut ctx, &view);
        // A value the reader could not resolve (a shell variable the shell would expand, an
        // undefined `{{variable}}`) is reported by the reader; the rules do not judge it.
        let unresolved: Vec<&Range<usize>> = request.problems.iter().map(|p| &p.span).collect();
        ctx.findings.retain(|f| {
            if !matches!(
                f.location,
                Location::Header(_) | Location::Query(_) | Location::PathParam(_)
            ) {
                return true;
            }
            let at = place_in_file(&f.location, request, &target, Some(params));
            !unresolved
                .iter()
                .any(|p| at.start <= p.start && p.end <= at.end && p.start < p.end)
        });
        if request.credentials_masked {
            masked_credentials(&mut ctx.findings, request, &target);
        }
        findings.append(&mut ctx.findings);
    }
    let place = |location: &Location| -> Range<usize> {
        let span = place_in_file(location, request, &target, routed.as_ref().map(|r| &r.2));
        relative(&span, base, text.len())
    };
    // Each finding on its own, to keep its part with it (a request has a few).
    for finding in findings {
        let (part, name) = part_of(&finding.location);
        for mut d in finish_with(text, vec![finding], options, place) {
            d.request = Some(RequestPlace {
                method: method.to_owned(),
                path: target.path.clone(),
                part,
                name: name.clone(),
            });
            diagnostics.push(d);
        }
    }
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
    });
    RequestReport {
        kind,
        source: mask::masked(text, &region, request, &target),
        region,
        diagnostics,
    }
}

/// [`check`] with a panic inside eventlint reported as `internal/error` on the request's line
/// instead of taking the caller down (as [`crate::check_document_isolated`] does for a body).
#[must_use]
pub fn check_isolated(request: &RawRequest, file: &str, options: &CheckOptions) -> RequestReport {
    check_isolated_in(request, Window::whole(file), options)
}

/// [`check_in`], with a panic isolated as [`check_isolated`] does.
#[must_use]
pub fn check_isolated_in(
    request: &RawRequest,
    window: Window<'_>,
    options: &CheckOptions,
) -> RequestReport {
    let mut out = None;
    let report = crate::lint::isolation::isolate(options, || {
        let report = check_in(request, window, options);
        let body = crate::lint::check::DocumentReport {
            kind: report.kind,
            diagnostics: Vec::new(),
        };
        out = Some(report);
        body
    });
    out.unwrap_or_else(|| {
        let region = region(request, window);
        RequestReport {
            kind: None,
            source: window.get(region.clone()).unwrap_or_default().to_owned(),
            region,
            diagnostics: report.diagnostics,
        }
    })
}

/// Whether a request goes to a vendor's API (a documented endpoint or not).
#[must_use]
pub fn is_vendor_request(request: &RawRequest) -> bool {
    let target = target::split(&request.url.value, &request.url.span, None);
    !matches!(
        registry::route_request(&request.method.value, &target.path, target.host.as_deref()),
        Routing::Unknown
    )
}

/// A reader's problem as a finding of `rule`, at its bytes.
fn reader_finding(rule: &'static crate::rule::Rule, problem: &Problem) -> Finding {
    Finding::on_request(
        rule,
        Location::Bytes(problem.span.clone()),
        problem.message.clone(),
    )
    .help(problem.help.clone())
}

/// A problem that kept a request from being read (`request/syntax`), as a report of the
/// lines it is on.
#[must_use]
pub fn problem(problem: &Problem, file: &str, options: &CheckOptions) -> RequestReport {
    problem_in(problem, Window::whole(file), options)
}

/// [`problem`], for a problem whose bytes are in `window` (as far as it holds them).
#[must_use]
pub fn problem_in(problem: &Problem, window: Window<'_>, options: &CheckOptions) -> RequestReport {
    let text = window.text;
    let clamp = |i: usize| {
        let mut i = i.clamp(window.start, window.end()) - window.start;
        while i > 0 && !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (span_start, span_end) = (clamp(problem.span.start), clamp(problem.span.end));
    let start = text[..span_start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span_end..]
        .find('\n')
        .map_or(text.len(), |i| span_end + i);
    let region = window.start + start..window.start + end.max(start);
    let region_text = window.get(region.clone()).unwrap_or_default();
    let finding = reader_finding(&rules::syntax::SYNTAX, problem);
    let diagnostics = finish_with(
        region_text,
        vec![finding],
        options,
        |location| match location {
            Location::Bytes(span) => relative(span, region.start, region_text.len()),
            _ => 0..0,
        },
    );
    RequestReport {
        kind: None,
        source: region_text.to_owned(),
        region,
        diagnostics,
    }
}

/// The bytes of the file a request's report quotes: the request's, widened to whole lines (as
/// far as the window holds them).
fn region(request: &RawRequest, window: Window<'_>) -> Range<usize> {
    let text = window.text;
    let end = request.span.end.clamp(window.start, window.end()) - window.start;
    let start = request.span.start.clamp(window.start, window.start + end) - window.start;
    // Char boundaries: spans come from the reader, but a window may cut a line.
    let floor = |mut i: usize| {
        while i > 0 && !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (start, end) = (floor(start), floor(end));
    let start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    window.start + start..window.start + end
}

/// `span` of the file as a span of the region at `base` (clamped into it).
fn relative(span: &Range<usize>, base: usize, len: usize) -> Range<usize> {
    let start = span.start.saturating_sub(base).min(len);
    let end = span.end.saturating_sub(base).clamp(start, len);
    start..end
}

/// `content` as it must be written inside a body whose text `body` is written as `literal`
/// in the file: as is in a body written verbatim (`.http`, Hurl), escaped inside a
/// single-quoted shell word (`'\''` for a quote) or inside double quotes (a curl `-d "…"`, a
/// HAR's or the request log's JSON string: `\"` and `\\` work for both); `None` where no
/// writing is sure (cmd's `^"`, `$'…'`, a `$` or a control character inside double quotes).
fn encode_in(literal: &str, body: &str, content: &str) -> Option<String> {
    if literal == body {
        return Some(content.to_owned());
    }
    match literal.as_bytes().first() {
        Some(b'\'') => Some(content.replace('\'', "'\\''")),
        Some(b'"') => {
            if content
                .chars()
                .any(|c| c.is_control() || c == '$' || c == '`')
            {
                return None;
            }
            Some(content.replace('\\', "\\\\").replace('"', "\\\""))
        }
        _ => None,
    }
}

/// A body diagnostic moved from the body's bytes to the request's text.
fn moved(
    mut d: Diagnostic,
    body: &eventlint_request::Body,
    base: usize,
    text: &str,
    lines: &LineIndex<'_>,
) -> Diagnostic {
    let to_file = |span: &Range<usize>| match &body.source {
        BodySource::Inline(map) => map.file_range(span.clone()),
        BodySource::File(_) => body.span.clone(),
    };
    let span = relative(&to_file(&d.span), base, text.len());
    d.start = lines.position(span.start);
    d.end = lines.position(span.end);
    d.span = span;
    for r in &mut d.related {
        let span = relative(&to_file(&r.span), base, text.len());
        r.start = lines.position(span.start);
        r.end = lines.position(span.end);
        r.span = span;
    }
    d.fix = d.fix.take().and_then(|mut fix| {
        // A fix is written where the body is written, as the file writes it there; a body read
        // from another file, or quoted in a way no fix is written into, has none.
        let BodySource::Inline(map) = &body.source else {
            return None;
        };
        let literal = text.get(relative(&body.span, base, text.len()))?;
        for edit in &mut fix.edits {
            let span = relative(&map.file_range(edit.span.clone()), base, text.len());
            edit.content = encode_in(literal, &body.text, &edit.content)?;
            edit.start = lines.position(span.start);
            edit.end = lines.position(span.end);
            edit.span = span;
        }
        Some(fix)
    });
    if let BodySource::File(path) = &body.source {
        let note = format!("in the body file `{}`", path.display());
        d.note = Some(match d.note.take() {
            Some(old) => format!("{old}; {note}"),
            None => note,
        });
    }
    d
}

/// The part of a request a finding's place is.
fn part_of(location: &Location) -> (Part, Option<String>) {
    match location {
        Location::Body { .. } => (Part::Body, None),
        Location::Header(name) => (Part::Header, Some(name.clone())),
        Location::Query(name) => (Part::Query, Some(name.clone())),
        _ => (Part::RequestLine, None),
    }
}

/// A request's target (`/path?query`, or a URL) and headers with their credentials masked as
/// reports mask them (the scheme and four characters kept, then one `*` per byte): the
/// credential headers (`Authorization`, `X-Neuralens-API-Key`, `Cookie`, …, any case) and query
/// parameters (`token`, `api_key`, …); and whether anything was masked. What `eventlint serve
/// --log` writes: a log that `check` reads back with `"credentials": "masked"`, whose masked
/// values are not judged.
#[must_use]
pub fn mask_credentials(
    target: &str,
    headers: &[(String, String)],
) -> (String, Vec<(String, String)>, bool) {
    mask::mask_credentials(target, headers)
}

/// A request log whose credentials are masked (`"credentials": "masked"`, as `eventlint serve
/// --log` writes it) is treated as a capture that strips them (a HAR, see
/// `request/credentials-stripped`): there, a credential's absence says nothing; here, a present
/// credential's masked value (its first characters, then `*`s) says nothing. So a finding on a
/// masked credential header or query parameter (`Bearer eyJh****` is no JWT) is not reported:
/// the `request/credentials-stripped` note says instead, once per file, that the value was not
/// checked. A credential that is missing, or too short to be masked, is checked as usual: the log
/// keeps the headers as they were sent, only their values masked.
fn masked_credentials(findings: &mut Vec<Finding>, request: &RawRequest, target: &target::Target) {
    let masked = |location: &Location| match location {
        Location::Header(name) => {
            mask::is_secret_header(name)
                && request.headers.iter().any(|h| {
                    h.name.value.eq_ignore_ascii_case(name) && mask::is_masked(&h.value.value)
                })
        }
        Location::Query(name) => {
            mask::SECRET_QUERY.contains(&name.as_str())
                && target
                    .query
                    .iter()
                    .any(|(n, v, _)| n == name && mask::is_masked(v))
        }
        _ => false,
    };
    let mut notes: Vec<Finding> = Vec::new();
    findings.retain(|f| {
        if !masked(&f.location) {
            return true;
        }
        let name = match &f.location {
            Location::Header(name) | Location::Query(name) => name.clone(),
            _ => String::new(),
        };
        if !notes.iter().any(|n| n.location == f.location) {
            notes.push(
                Finding::on_request(
                    &rules::credentials_stripped::CREDENTIALS_STRIPPED,
                    f.location.clone(),
                    format!("the request log masks credentials, so the value of `{name}` is not checked"),
                )
                .help("`eventlint serve` checked it as it was sent: the line's `verdict` says how it fared"),
            );
        }
        false
    });
    findings.append(&mut notes);
}

/// The bytes of the file a place outside the body is.
fn place_in_file(
    location: &Location,
    request: &RawRequest,
    target: &target::Target,
    params: Option<&Vec<(&'static str, String)>>,
) -> Range<usize> {
    let line = request.method.span.start.min(request.url.span.start)
        ..request.method.span.end.max(request.url.span.end);
    match location {
        Location::Body { pointer, target } => match &request.body {
            Some(Body {
                text,
                source: BodySource::Inline(map),
                ..
            }) => map.file_range(Spans::new(text).resolve(pointer.as_str(), target)),
            Some(body) => body.span.clone(),
            None => line,
        },
        Location::RequestLine => line,
        Location::Method => request.method.span.clone(),
        Location::Path => target.path_span.clone(),
        Location::PathParam(name) => {
            let value = params
                .and_then(|p| p.iter().find(|(n, _)| n == name))
                .map(|(_, v)| v.as_str());
            match value {
                Some(v) if target.path_span.len() == target.path.len() => {
                    match target.path.find(&format!("/{v}")) {
                        Some(i) => {
                            let start = target.path_span.start + i + 1;
                            start..start + v.len()
                        }
                        None => target.path_span.clone(),
                    }
                }
                _ => target.path_span.clone(),
            }
        }
        Location::Query(name) => target
            .query
            .iter()
            .find(|(n, ..)| n == name)
            .map_or_else(|| request.url.span.clone(), |(.., span)| span.clone()),
        Location::Header(name) => request
            .headers
            .iter()
            .find(|h| h.name.value.eq_ignore_ascii_case(name))
            .map_or(line, |h| h.span.clone()),
        Location::Bytes(span) => span.clone(),
    }
}

/// What the transport rules' tests share: a `.http` text checked as a request.
#[cfg(test)]
pub(crate) mod testing {
    use super::RequestReport;
    use crate::lint::check::CheckOptions;
    use crate::message::diagnostic::Diagnostic;

    /// The first request of the `.http` text, read.
    pub(crate) fn read(text: &str) -> eventlint_request::RawRequest {
        eventlint_request::http::read(text, &eventlint_request::ReadContext::default())
            .into_iter()
            .find_map(|item| match item {
                eventlint_request::Item::Request(request) => Some(request),
                eventlint_request::Item::Problem(_) => None,
            })
            .unwrap_or_else(|| panic!("no request in\n{text}"))
    }

    /// `request` (read from `text`) checked at the fixed clock of the fixtures.
    pub(crate) fn check_read(request: &eventlint_request::RawRequest, text: &str) -> RequestReport {
        let options = CheckOptions::at_rfc3339("2026-01-01T00:00:00Z")
            .unwrap_or_else(|e| panic!("a clock: {e}"));
        super::check(request, text, &options)
    }

    /// The first request of the `.http` text, checked.
    pub(crate) fn check(text: &str) -> RequestReport {
        check_read(&read(text), text)
    }

    /// The diagnostics of `rule` in `report`.
    pub(crate) fn of<'r>(report: &'r RequestReport, rule: &str) -> Vec<&'r Diagnostic> {
        report
            .diagnostics
            .iter()
            .filter(|d| d.rule == rule)
            .collect()
    }

    /// The text a diagnostic marks.
    pub(crate) fn marked<'r>(report: &'r RequestReport, d: &Diagnostic) -> &'r str {
        &report.source[d.span.clone()]
    }
}
