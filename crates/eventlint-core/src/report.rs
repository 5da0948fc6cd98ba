//! The outcome of a run: documents with their diagnostics, and the totals.

use crate::check::DocumentReport;
use crate::diagnostic::{Diagnostic, Severity};
use crate::kind::Kind;

/// One checked document that has diagnostics, with what renderers need to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentOutcome {
    /// The path as found (`/` separators), or the stdin name.
    pub path: String,
    /// 1-based ordinal of the document within its file (1 for `.json`).
    pub document: usize,
    /// The file line of the document's first line, minus one.
    pub line_offset: usize,
    /// The kind the document was checked as.
    pub kind: Option<&'static Kind>,
    /// The document's text (kept only for documents with diagnostics).
    pub source: String,
    /// The diagnostics, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

impl DocumentOutcome {
    /// Wraps a document report; `source` is the document's bytes (lossily decoded).
    #[must_use]
    pub fn new(
        path: &str,
        document: usize,
        line_offset: usize,
        bytes: &[u8],
        report: DocumentReport,
    ) -> Self {
        let (_, bytes) = crate::source::strip_bom(bytes);
        DocumentOutcome {
            path: path.to_owned(),
            document,
            line_offset,
            kind: report.kind,
            source: lossy(bytes),
            diagnostics: report.diagnostics,
        }
    }
}

/// `bytes` as text, invalid UTF-8 replaced by U+FFFD; valid text (the usual case) is checked by
/// `from_utf8`, several times faster than `from_utf8_lossy`'s chunking.
pub(crate) fn lossy(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Every file of a run with the kind of each of its documents, clean documents included, so
/// that reports listing every document (`JUnit`) can show the passing ones. Only the kinds are
/// kept, run-length encoded: a long NDJSON stream of one kind costs one entry, never its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRecord {
    /// The path as found (`/` separators), or the stdin name.
    pub path: String,
    /// Whether the file holds one document per line (NDJSON, JSON Lines).
    pub stream: bool,
    /// The kind of each document in order, as runs of `(kind, count)`.
    kinds: Vec<(Option<&'static Kind>, usize)>,
}

impl FileRecord {
    /// A file with no documents yet.
    #[must_use]
    pub fn new(path: &str, stream: bool) -> Self {
        FileRecord {
            path: path.to_owned(),
            stream,
            kinds: Vec::new(),
        }
    }

    /// Records the next document's kind.
    pub fn push(&mut self, kind: Option<&'static Kind>) {
        match self.kinds.last_mut() {
            Some((last, n)) if *last == kind => *n += 1,
            _ => self.kinds.push((kind, 1)),
        }
    }

    /// The number of documents.
    #[must_use]
    pub fn documents(&self) -> usize {
        self.kinds.iter().map(|(_, n)| n).sum()
    }

    /// Runs of consecutive documents of one kind: the first and last 1-based ordinals and the
    /// kind (`None`: undecided), in order.
    pub fn runs(&self) -> impl Iterator<Item = (usize, usize, Option<&'static Kind>)> + '_ {
        self.kinds.iter().scan(0, |before, &(kind, n)| {
            let first = *before + 1;
            *before += n;
            Some((first, *before, kind))
        })
    }

    /// Each document's 1-based ordinal and kind, in order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, Option<&'static Kind>)> + '_ {
        self.kinds
            .iter()
            .flat_map(|(kind, n)| std::iter::repeat_n(*kind, *n))
            .enumerate()
            .map(|(i, kind)| (i + 1, kind))
    }
}

/// Totals of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Files read.
    pub files: usize,
    /// Documents checked.
    pub documents: usize,
    /// Diagnostics of severity error.
    pub errors: usize,
    /// Diagnostics of severity warning.
    pub warnings: usize,
    /// Diagnostics of severity info.
    pub infos: usize,
    /// Diagnostics of files that behaved as their `eventlint.toml` expectation declared
    /// (`expect = "invalid"`): not reported and not counted above. Omitted from the JSON
    /// report when zero, so runs without expectations keep the exact version 1 report.
    #[serde(skip_serializing_if = "is_zero")]
    pub expected: usize,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    /// Counts the diagnostics of `outcome`.
    pub fn add(&mut self, outcome: &DocumentOutcome) {
        for d in &outcome.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// A whole run: every file, the documents with diagnostics, the totals.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Run {
    /// Every file read, sorted by path.
    pub files: Vec<FileRecord>,
    /// Documents with diagnostics, in report order.
    pub outcomes: Vec<DocumentOutcome>,
    /// The totals.
    pub summary: Summary,
}

/// Sorts outcomes by path, then document (the report order of design.md §2).
pub fn sort(outcomes: &mut [DocumentOutcome]) {
    outcomes.sort_by(|a, b| (a.path.as_str(), a.document).cmp(&(b.path.as_str(), b.document)));
}
