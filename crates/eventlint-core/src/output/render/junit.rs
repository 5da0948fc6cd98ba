//! `--format junit`: `JUnit` XML, the report most CI systems show as a test list.
//!
//! - one `<testsuite>` per file (name = the path), one `<testcase>` per document: name = the
//!   path (`.json`) or `path:LINE` (NDJSON, LINE the 1-based line of the document in the file,
//!   which CI views can link to; blank lines are not documents, so it is not the ordinal once
//!   one comes before), classname = the kind the document was checked as, or `eventlint` when
//!   none was decided;
//! - a document fails (`<failure>`) exactly when its diagnostics fail the run: any error, and
//!   warnings too with `--deny-warnings`. The failure's text lists every diagnostic of the
//!   document, whatever its severity;
//! - a document whose diagnostics do not fail the run (warnings, infos) passes, and its
//!   diagnostics are listed in the test case's `<system-out>`;
//! - a document without diagnostics is a passing, empty test case.

use std::fmt::Write;

use crate::catalog::kind::Kind;
use crate::message::diagnostic::{Diagnostic, Severity};
use crate::output::report::{DocumentOutcome, FileRecord, Summary};

/// What fails a test case.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Warnings fail a test case too (`--deny-warnings`).
    pub deny_warnings: bool,
}

/// The `JUnit` XML report. `files` lists every file of the run (clean documents included);
/// `outcomes` are the documents with diagnostics, in report order.
///
/// The same bytes as [`head`], then for each file its [`suite_head`], a [`case_head`] per
/// document followed by `/>` and a line break, or by the [`case_body`] of its diagnostics, and
/// [`SUITE_END`]; then [`END`]. The CLI renders the case bodies as the documents are checked
/// and spills them, and writes the rest at the end.
#[must_use]
pub fn render(
    files: &[FileRecord],
    outcomes: &[DocumentOutcome],
    summary: &Summary,
    options: Options,
) -> String {
    let mut suites = String::new();
    let mut total_tests = 0;
    let mut total_failures = 0;
    // Outcomes are sorted like files (path, then document): walk both in step.
    let mut pending = outcomes.iter().peekable();
    for file in files {
        let mut cases = String::new();
        let mut failures = 0;
        for (document, at, kind) in file.iter_with_lines() {
            let mut diagnostics: Vec<(&DocumentOutcome, &Diagnostic)> = Vec::new();
            while let Some(o) = pending.next_if(|o| o.path == file.path && o.document <= document) {
                if o.document == document {
                    diagnostics.extend(o.diagnostics.iter().map(|d| (o, d)));
                }
            }
            cases.push_str(&case_head(file, at, kind));
            if diagnostics.is_empty() {
                cases.push_str("/>\n");
            } else if body(&diagnostics, options, &mut cases) {
                failures += 1;
            }
        }
        total_tests += file.documents();
        total_failures += failures;
        suites.push_str(&suite_head(file, failures));
        suites.push_str(&cases);
        suites.push_str(SUITE_END);
    }
    let mut out = head(total_tests, total_failures, summary);
    out.push_str(&suites);
    out.push_str(END);
    out
}

/// The end of a file's test suite.
pub const SUITE_END: &str = "  </testsuite>\n";

/// The end of the report.
pub const END: &str = "</testsuites>\n";

/// The opening of the report: the XML declaration, `<testsuites>` with the run's `tests` (its
/// documents) and `failures` (the documents that fail), and the summary line.
#[must_use]
pub fn head(tests: usize, failures: usize, summary: &Summary) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"eventlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
    );
    let _ = writeln!(
        out,
        "  <!-- {} -->",
        // The fixable counts name `--fix`, which no XML comment may hold: they are left out.
        escape(&crate::output::render::human::summary_line(
            &crate::output::report::Summary {
                fixable: 0,
                unsafe_fixable: 0,
                ..*summary
            }
        ))
        .replace("--", "- -")
    );
    out
}

/// The opening of `file`'s test suite, of which `failures` documents fail.
#[must_use]
pub fn suite_head(file: &FileRecord, failures: usize) -> String {
    format!(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n",
        escape_attribute(&file.path),
        file.documents()
    )
}

/// The start of the test case of `file`'s document on `line` (from
/// [`FileRecord::iter_with_lines`]), checked as `kind`: `<testcase` and its attributes, to be
/// ended by `/>` and a line break, or by the document's [`case_body`].
#[must_use]
pub fn case_head(file: &FileRecord, line: usize, kind: Option<&'static Kind>) -> String {
    let path = escape_attribute(&file.path);
    let classname = escape_attribute(kind.map_or("eventlint", |k| k.id));
    if file.stream {
        format!("    <testcase name=\"{path}:{line}\" classname=\"{classname}\" file=\"{path}\"")
    } else {
        format!("    <testcase name=\"{path}\" classname=\"{classname}\" file=\"{path}\"")
    }
}

/// Appends the end of the test case of a document with diagnostics: its `<failure>` when they
/// fail the run, its `<system-out>` otherwise, listing every diagnostic. Returns whether the
/// case fails.
pub fn case_body(outcome: &DocumentOutcome, options: Options, out: &mut String) -> bool {
    let diagnostics: Vec<(&DocumentOutcome, &Diagnostic)> =
        outcome.diagnostics.iter().map(|d| (outcome, d)).collect();
    body(&diagnostics, options, out)
}

/// [`case_body`] of diagnostics that may come from several outcomes of one document.
fn body(
    diagnostics: &[(&DocumentOutcome, &Diagnostic)],
    options: Options,
    out: &mut String,
) -> bool {
    let fails = |d: &Diagnostic| {
        d.severity == Severity::Error || (options.deny_warnings && d.severity == Severity::Warning)
    };
    out.push_str(">\n");
    let listing: String = diagnostics
        .iter()
        .map(|(o, d)| line(o, d))
        .collect::<Vec<_>>()
        .join("\n");
    let failing = diagnostics.iter().map(|(_, d)| *d).find(|d| fails(d));
    if let Some(first) = failing {
        let _ = writeln!(
            out,
            "      <failure message=\"{}\" type=\"{}\">{}</failure>",
            escape_attribute(&counts(diagnostics.iter().map(|(_, d)| *d))),
            escape_attribute(first.rule),
            escape(&listing)
        );
    } else {
        let _ = writeln!(out, "      <system-out>{}</system-out>", escape(&listing));
    }
    out.push_str("    </testcase>\n");
    failing.is_some()
}

/// `path:line:column: severity[rule] message` and the help on the next line.
fn line(o: &DocumentOutcome, d: &Diagnostic) -> String {
    let mut text = format!(
        "{}:{}:{}: {}[{}] {}",
        o.path, d.start.line, d.start.column, d.severity, d.rule, d.message
    );
    if let Some(help) = &d.help {
        let _ = write!(text, "\n  help: {help}");
    }
    text
}

/// `2 errors, 1 warning`
fn counts<'a>(diagnostics: impl Iterator<Item = &'a Diagnostic>) -> String {
    let mut n = [0usize; 3];
    for d in diagnostics {
        n[match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        }] += 1;
    }
    let parts: Vec<String> = [("error", n[0]), ("warning", n[1]), ("info", n[2])]
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(word, count)| format!("{count} {word}{}", if *count == 1 { "" } else { "s" }))
        .collect();
    parts.join(", ")
}

/// Escapes text for XML attributes and content; characters XML 1.0 cannot carry at all (most
/// control characters) become U+FFFD.
#[must_use]
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for an XML attribute: as [`escape`], and a tab, line feed or carriage return is
/// written as a character reference, since a parser turns a literal one into a space
/// (attribute-value normalization): a file name with a newline keeps it.
#[must_use]
pub(crate) fn escape_attribute(text: &str) -> String {
    let escaped = escape(text);
    if !escaped.contains(['\t', '\n', '\r']) {
        return escaped;
    }
    escaped
        .replace('\t', "&#9;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_keep_line_breaks_and_tabs() {
        assert_eq!(escape_attribute("a\nb\tc\rd&"), "a&#10;b&#9;c&#13;d&amp;");
        assert_eq!(escape("a\nb"), "a\nb");
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escape("a<b>&\"c'\u{1}"),
            "a&lt;b&gt;&amp;&quot;c&apos;\u{FFFD}"
        );
    }
}
