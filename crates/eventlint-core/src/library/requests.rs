//! A file of requests checked whole: read by the reader of its format, each request checked
//! and placed in the file. What the CLI, the fixture tests and (later) the editor server call.

use eventlint_request::{Format, Item, ReadContext};

use crate::catalog::kind::Kind;
use crate::lint::check::{CheckOptions, DocumentReport};
use crate::locate::spans::LineIndex;
use crate::output::report::{DocumentOutcome, OffsetMap};
use crate::rules::request::credentials_stripped::CREDENTIALS_STRIPPED;

/// The requests of a file, checked.
#[derive(Debug, Default)]
pub struct CheckedFile {
    /// Per request (or unreadable part), in file order: the kind it was checked as, and its
    /// outcome when it has diagnostics.
    pub documents: Vec<(Option<&'static Kind>, Option<DocumentOutcome>)>,
    /// HAR entries skipped because they are not requests to a vendor's API.
    pub skipped: usize,
}

/// Reads `text` (the file `name`) as `format` and checks each request. A HAR's entries that are
/// no vendor's requests are counted, not checked; the note that a browser's HAR strips
/// credentials is given once, on the first request it concerns.
#[must_use]
pub fn check_file(
    name: &str,
    text: &str,
    format: Format,
    ctx: &ReadContext,
    options: &CheckOptions,
) -> CheckedFile {
    let items = match format {
        Format::Http => eventlint_request::http::read(text, ctx),
        Format::Curl => eventlint_request::curl::read(text, ctx),
        Format::Hurl => eventlint_request::hurl::read(text, ctx),
        Format::Har => eventlint_request::har::read(text, ctx),
        Format::Requests => eventlint_request::requests::read(text, ctx),
    };
    let lines = LineIndex::new(text);
    let mut out = CheckedFile::default();
    let mut stripped_said = false;
    for (n, item) in items.iter().enumerate() {
        let (ordinal, report) = match item {
            Item::Request(request) => {
                if format == Format::Har && !crate::http::is_vendor_request(request) {
                    out.skipped += 1;
                    continue;
                }
                (
                    request.ordinal,
                    crate::http::check_isolated(request, text, options),
                )
            }
            Item::Problem(problem) => (n + 1, crate::http::problem(problem, text, options)),
        };
        let mut diagnostics = report.diagnostics;
        if diagnostics
            .iter()
            .any(|d| d.rule == CREDENTIALS_STRIPPED.id)
        {
            if stripped_said {
                diagnostics.retain(|d| d.rule != CREDENTIALS_STRIPPED.id);
            }
            stripped_said = true;
        }
        let outcome = (!diagnostics.is_empty()).then(|| {
            let at = lines.position(report.region.start);
            DocumentOutcome::placed(
                name,
                ordinal,
                OffsetMap {
                    lines: at.line - 1,
                    columns: at.column - 1,
                },
                report.source.as_bytes(),
                DocumentReport {
                    kind: report.kind,
                    diagnostics,
                },
            )
        });
        out.documents.push((report.kind, outcome));
    }
    out
}
