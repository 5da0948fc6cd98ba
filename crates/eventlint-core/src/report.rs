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
            source: String::from_utf8_lossy(bytes).into_owned(),
            diagnostics: report.diagnostics,
        }
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

/// Sorts outcomes by path, then document (the report order of design.md §2).
pub fn sort(outcomes: &mut [DocumentOutcome]) {
    outcomes.sort_by(|a, b| (a.path.as_str(), a.document).cmp(&(b.path.as_str(), b.document)));
}
