//! The outcome of a run: documents with their diagnostics, and the totals.

use crate::catalog::kind::Kind;
use crate::lint::check::DocumentReport;
use crate::message::diagnostic::{Diagnostic, Position, Severity};

/// One checked document that has diagnostics, with what renderers need to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentOutcome {
    /// The path as found (`/` separators), or the stdin name.
    pub path: String,
    /// 1-based ordinal of the document within its file (1 for `.json`).
    pub document: usize,
    /// Where the document sits in its file. Already applied to the diagnostics' positions
    /// (which are the file's); the human report reads it to number the lines of a snippet.
    pub placement: OffsetMap,
    /// The kind the document was checked as.
    pub kind: Option<&'static Kind>,
    /// The document's text (kept only for documents with diagnostics).
    pub source: String,
    /// The diagnostics, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

impl DocumentOutcome {
    /// Wraps a document report; `bytes` is the document's bytes (lossily decoded), whose first
    /// line is the file's line `line_offset + 1` (0 for a whole file).
    #[must_use]
    pub fn new(
        path: &str,
        document: usize,
        line_offset: usize,
        bytes: &[u8],
        report: DocumentReport,
    ) -> Self {
        Self::placed(path, document, OffsetMap::lines(line_offset), bytes, report)
    }

    /// Wraps a document report for a document at `placement` in its file: its diagnostics'
    /// positions (and their related places' and fix edits') become the file's, here, once; no
    /// renderer adds anything to them.
    #[must_use]
    pub fn placed(
        path: &str,
        document: usize,
        placement: OffsetMap,
        bytes: &[u8],
        report: DocumentReport,
    ) -> Self {
        let (_, bytes) = crate::document::strip_bom(bytes);
        let mut diagnostics = report.diagnostics;
        if placement != OffsetMap::IDENTITY {
            for d in &mut diagnostics {
                d.start = placement.position(d.start);
                d.end = placement.position(d.end);
                for r in &mut d.related {
                    r.start = placement.position(r.start);
                    r.end = placement.position(r.end);
                }
                for e in d.fix.iter_mut().flat_map(|f| &mut f.edits) {
                    e.start = placement.position(e.start);
                    e.end = placement.position(e.end);
                }
            }
        }
        DocumentOutcome {
            path: path.to_owned(),
            document,
            placement,
            kind: report.kind,
            source: lossy(bytes),
            diagnostics,
        }
    }
}

/// Where a document's text sits in the file the user has: document positions to file
/// positions. A whole `.json` file is the identity; an NDJSON document is shifted by the lines
/// before it; an element checked alone (`--split-arrays`) also by the characters before it on
/// its first line. (A body inside a request, or held in an escaped string, will need a
/// piecewise map: this type is where it goes, so that diagnostics and renderers do not change.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OffsetMap {
    /// The file's lines before the document's first line.
    pub lines: usize,
    /// The characters before the document on its first line.
    pub columns: usize,
}

impl OffsetMap {
    /// The document is the file.
    pub const IDENTITY: OffsetMap = OffsetMap {
        lines: 0,
        columns: 0,
    };

    /// The document starts a line, after `lines` lines of the file.
    #[must_use]
    pub fn lines(lines: usize) -> Self {
        OffsetMap { lines, columns: 0 }
    }

    /// A position in the document (1-based) as a position in the file.
    #[must_use]
    pub fn position(&self, p: Position) -> Position {
        Position {
            line: p.line + self.lines,
            column: if p.line == 1 {
                p.column + self.columns
            } else {
                p.column
            },
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

/// Every file of a run with the kind and line of each of its documents, clean documents
/// included, so that reports listing every document (`JUnit`) can show the passing ones. Only
/// kinds and line gaps are kept, run-length encoded: a run is consecutive documents of one kind
/// that each follow the previous document after the same number of skipped (blank) lines. A
/// long NDJSON stream of one kind costs one entry whether it has no blank line or one after
/// every document; only irregular gaps or changes of kind add entries. Never any text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRecord {
    /// The path as found (`/` separators), or the stdin name.
    pub path: String,
    /// Whether the file holds one document per line (NDJSON, JSON Lines).
    pub stream: bool,
    /// The documents in order, as runs.
    runs: Vec<KindRun>,
    /// The line of the last document recorded (0 before the first).
    last_line: usize,
}

/// `count` consecutive documents of `kind`, each `gap` lines after the line of the document
/// before it plus one (the first document of a file: after line 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KindRun {
    kind: Option<&'static Kind>,
    gap: usize,
    count: usize,
}

impl FileRecord {
    /// A file with no documents yet.
    #[must_use]
    pub fn new(path: &str, stream: bool) -> Self {
        FileRecord {
            path: path.to_owned(),
            stream,
            runs: Vec::new(),
            last_line: 0,
        }
    }

    /// Records the next document's kind, on the line after the previous document (line 1 for
    /// the first): a `.json` file's one document, or an NDJSON line with no blank line before.
    pub fn push(&mut self, kind: Option<&'static Kind>) {
        self.push_at_line(kind, self.last_line + 1);
    }

    /// Records the next document's kind and its 1-based line in the file (NDJSON: blank lines
    /// are not documents, so lines and ordinals differ after one). A line not after the
    /// previous document's is taken as the line right after it.
    pub fn push_at_line(&mut self, kind: Option<&'static Kind>, line: usize) {
        let line = line.max(self.last_line + 1);
        let gap = line - self.last_line - 1;
        self.last_line = line;
        match self.runs.last_mut() {
            Some(run) if run.kind == kind && run.gap == gap => run.count += 1,
            _ => self.runs.push(KindRun {
                kind,
                gap,
                count: 1,
            }),
        }
    }

    /// The number of documents.
    #[must_use]
    pub fn documents(&self) -> usize {
        self.runs.iter().map(|run| run.count).sum()
    }

    /// Runs of consecutive documents of one kind: the first and last 1-based ordinals and the
    /// kind (`None`: undecided), in order.
    pub fn runs(&self) -> impl Iterator<Item = (usize, usize, Option<&'static Kind>)> + '_ {
        let mut merged: Vec<(usize, usize, Option<&'static Kind>)> = Vec::new();
        let mut before = 0;
        for run in &self.runs {
            let (first, last) = (before + 1, before + run.count);
            before = last;
            match merged.last_mut() {
                Some((_, end, kind)) if *kind == run.kind => *end = last,
                _ => merged.push((first, last, run.kind)),
            }
        }
        merged.into_iter()
    }

    /// Each document's 1-based ordinal and kind, in order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, Option<&'static Kind>)> + '_ {
        self.iter_with_lines()
            .map(|(document, _, kind)| (document, kind))
    }

    /// Each document's 1-based ordinal, 1-based line in the file and kind, in order.
    pub fn iter_with_lines(
        &self,
    ) -> impl Iterator<Item = (usize, usize, Option<&'static Kind>)> + '_ {
        self.runs
            .iter()
            .flat_map(|run| std::iter::repeat_n((run.kind, run.gap), run.count))
            .enumerate()
            .scan(0, |line, (i, (kind, gap))| {
                *line += gap + 1;
                Some((i + 1, *line, kind))
            })
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
    /// HAR entries that are not requests to a vendor's API: read, not checked, not counted as
    /// documents. Omitted from the JSON report when zero.
    #[serde(skip_serializing_if = "is_zero")]
    pub skipped: usize,
    /// Diagnostics with a safe fix (`check --fix` applies them). Omitted from the JSON report
    /// when zero.
    #[serde(skip_serializing_if = "is_zero")]
    pub fixable: usize,
    /// Diagnostics with an unsafe fix (`--unsafe-fixes` adds them). Omitted from the JSON
    /// report when zero.
    #[serde(skip_serializing_if = "is_zero")]
    pub unsafe_fixable: usize,
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
            match d.fix.as_ref().map(|f| f.applicability) {
                Some(crate::message::fix::Applicability::Safe) => self.fixable += 1,
                Some(crate::message::fix::Applicability::Unsafe) => self.unsafe_fixable += 1,
                None => {}
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A document placed in its file gets the file's positions once, its related places too;
    /// the renderers print them as they are.
    #[test]
    fn placement_is_applied_once_when_the_outcome_is_made() {
        use crate::lint::check::{CheckOptions, check_document};
        // Line 1 holds the key twice: the finding on line 1, the first key on line 1, the
        // second finding on line 2.
        let text = "{\"action\": \"a.b\", \"label\": \"x\", \"client\": {\"id\": 1},\n\"action\": \"c.d\"}";
        let report = check_document(text.as_bytes(), &CheckOptions::default());
        let inside = DocumentOutcome::new("t.json", 1, 0, text.as_bytes(), report.clone());
        let placement = OffsetMap {
            lines: 4,
            columns: 10,
        };
        let placed = DocumentOutcome::placed("t.json", 1, placement, text.as_bytes(), report);
        let repeat = |o: &DocumentOutcome| {
            o.diagnostics
                .iter()
                .find(|d| d.rule == "json/duplicate-key")
                .cloned()
                .expect("the repeated key")
        };
        let (before, after) = (repeat(&inside), repeat(&placed));
        assert_eq!(before.start, Position { line: 2, column: 1 });
        // Not the first line: shifted by lines only.
        assert_eq!(after.start, Position { line: 6, column: 1 });
        // The first `action`, on the first line: lines and columns.
        assert_eq!(before.related[0].start, Position { line: 1, column: 2 });
        assert_eq!(
            after.related[0].start,
            Position {
                line: 5,
                column: 12
            }
        );
        // Spans stay the document's bytes (the snippet's).
        assert_eq!(before.span, after.span);
        let mut json = String::new();
        crate::output::render::json::entries(&placed, &mut json, &mut false);
        assert!(
            json.contains("\"line\": 6,\n      \"column\": 1,"),
            "{json}"
        );
        assert!(
            json.contains("\"line\": 5,\n          \"column\": 12,"),
            "{json}"
        );
    }

    #[test]
    fn records_keep_each_document_line_in_few_runs() {
        let kind = crate::catalog::registry::kinds().first().copied();
        let mut record = FileRecord::new("a.ndjson", true);
        // Lines 1, 3, 5, 7 (a blank line after each document), then 8, then 12 (three blank).
        for line in [1, 3, 5, 7, 8] {
            record.push_at_line(kind, line);
        }
        record.push_at_line(None, 12);
        record.push(None);
        let lines: Vec<(usize, usize, bool)> = record
            .iter_with_lines()
            .map(|(document, line, kind)| (document, line, kind.is_some()))
            .collect();
        assert_eq!(
            lines,
            [
                (1, 1, true),
                (2, 3, true),
                (3, 5, true),
                (4, 7, true),
                (5, 8, true),
                (6, 12, false),
                (7, 13, false),
            ]
        );
        assert_eq!(record.documents(), 7);
        assert_eq!(record.iter().map(|(d, _)| d).last(), Some(7));
        // A regular gap costs one run however long the file: (1), (3, 5, 7), (8), (12), (13).
        assert_eq!(record.runs.len(), 5);
        let mut long = FileRecord::new("b.ndjson", true);
        for i in 0..10_000 {
            long.push_at_line(kind, 2 * i + 1);
        }
        assert_eq!(long.runs.len(), 2);
        assert_eq!(
            long.iter_with_lines().last().map(|(_, l, _)| l),
            Some(19_999)
        );
        // A line that goes back is taken as the next one.
        let mut odd = FileRecord::new("c.ndjson", true);
        odd.push_at_line(kind, 4);
        odd.push_at_line(kind, 2);
        let lines: Vec<usize> = odd.iter_with_lines().map(|(_, l, _)| l).collect();
        assert_eq!(lines, [4, 5]);
    }
}
