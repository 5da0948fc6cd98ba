//! Test helpers for transport rules: a `.http` text read and checked as a request, and what
//! its diagnostics mark.

use eventlint_request::{Item, ReadContext, http};

use super::RequestReport;
use crate::lint::check::CheckOptions;

/// The report of the first request of the `.http` text `text` (`stripped`: as if read from a
/// browser's HAR, which strips credentials).
fn report(text: &str, stripped: bool) -> RequestReport {
    let items = http::read(text, &ReadContext::default());
    let Some(Item::Request(request)) = items.first() else {
        panic!("no request in\n{text}\n{items:?}");
    };
    let mut request = request.clone();
    request.credentials_stripped = stripped;
    let options = CheckOptions::at_rfc3339("2026-01-01T00:00:00Z").expect("a clock");
    super::check(&request, text, &options)
}

/// The report of the first request of the `.http` text `text`.
pub(crate) fn check(text: &str) -> RequestReport {
    report(text, false)
}

/// [`check`], as if the request came from a browser's HAR export (credentials stripped).
pub(crate) fn check_stripped(text: &str) -> RequestReport {
    report(text, true)
}

/// What the diagnostics of `rule` mark in the report's source, in order.
pub(crate) fn marked<'r>(report: &'r RequestReport, rule: &str) -> Vec<&'r str> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| &report.source[d.span.clone()])
        .collect()
}

/// The rules of the report's diagnostics, in order.
pub(crate) fn rules(report: &RequestReport) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.rule).collect()
}

/// `text` with its first line starting `starts` (a header's name, or the method) replaced by
/// `line` (removed when `line` is empty).
pub(crate) fn with_line(text: &str, starts: &str, line: &str) -> String {
    let mut out = String::new();
    let mut found = false;
    for l in text.lines() {
        if !found && l.starts_with(starts) {
            found = true;
            if !line.is_empty() {
                out.push_str(line);
                out.push('\n');
            }
        } else {
            out.push_str(l);
            out.push('\n');
        }
    }
    assert!(found, "no line starts with {starts}");
    out
}
