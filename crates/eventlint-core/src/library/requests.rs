//! A file of requests checked whole: read by the reader of its format, each request checked
//! and placed in the file. What the CLI, the fixture tests and (later) the editor server call.

use eventlint_request::{Format, Item, ReadContext};

use crate::catalog::kind::Kind;
use crate::http::Window;
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
    let items = eventlint_request::read(format, text, ctx);
    let lines = LineIndex::new(text);
    let mut out = CheckedFile::default();
    let mut stripped = Stripped::default();
    for (n, item) in items.iter().enumerate() {
        let checked = check_item(
            name,
            item,
            n + 1,
            Window::whole(text),
            |offset| {
                let at = lines.position(offset);
                (at.line - 1, at.column - 1)
            },
            &mut stripped,
            format,
            options,
        );
        match checked {
            Some(document) => out.documents.push(document),
            None => out.skipped += 1,
        }
    }
    out
}

/// The id of the rule whose note, that a capture strips credentials, is given once per file
/// (`request/credentials-stripped`): a caller that checks a file's requests out of order keeps
/// the first in file order.
#[must_use]
pub fn credentials_stripped_rule() -> &'static str {
    CREDENTIALS_STRIPPED.id
}

/// Whether the note that a capture strips credentials was given in this file yet.
#[derive(Debug, Default)]
pub struct Stripped {
    said: bool,
}

impl Stripped {
    /// A file whose note was given already.
    #[must_use]
    pub fn said() -> Self {
        Stripped { said: true }
    }

    /// Whether the note was given.
    #[must_use]
    pub fn is_said(&self) -> bool {
        self.said
    }

    /// The note is given now.
    pub fn say(&mut self) {
        self.said = true;
    }
}

/// Checks one item a reader gave (a request, or a part that could not be read), whose bytes are
/// in `window`; `place` gives the 0-based line and character column of a file offset in the
/// window. `None` for a HAR entry that is no vendor's request (skipped). `n` is the item's
/// place in the file, for a problem, which has no ordinal of its own.
#[allow(clippy::too_many_arguments)] // the item, its file and its place, and the run's settings
pub fn check_item(
    name: &str,
    item: &Item,
    n: usize,
    window: Window<'_>,
    place: impl Fn(usize) -> (usize, usize),
    stripped: &mut Stripped,
    format: Format,
    options: &CheckOptions,
) -> Option<(Option<&'static Kind>, Option<DocumentOutcome>)> {
    let (ordinal, report) = match item {
        Item::Request(request) => {
            if format == Format::Har && !crate::http::is_vendor_request(request) {
                return None;
            }
            (
                request.ordinal,
                crate::http::check_isolated_in(request, window, options),
            )
        }
        Item::Problem(problem) => (n, crate::http::problem_in(problem, window, options)),
    };
    let mut diagnostics = report.diagnostics;
    if diagnostics
        .iter()
        .any(|d| d.rule == CREDENTIALS_STRIPPED.id)
    {
        if stripped.said {
            diagnostics.retain(|d| d.rule != CREDENTIALS_STRIPPED.id);
        }
        stripped.said = true;
    }
    let outcome = (!diagnostics.is_empty()).then(|| {
        let (lines, columns) = place(report.region.start);
        DocumentOutcome::placed(
            name,
            ordinal,
            OffsetMap { lines, columns },
            report.source.as_bytes(),
            DocumentReport {
                kind: report.kind,
                diagnostics,
            },
        )
    });
    Some((report.kind, outcome))
}
