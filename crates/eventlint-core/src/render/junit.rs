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

use crate::diagnostic::{Diagnostic, Severity};
use crate::report::{DocumentOutcome, FileRecord, Summary};

/// What fails a test case.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Warnings fail a test case too (`--deny-warnings`).
    pub deny_warnings: bool,
}

/// The `JUnit` XML report. `files` lists every file of the run (clean documents included);
/// `outcomes` are the documents with diagnostics, in report order.
#[must_use]
pub fn render(
    files: &[FileRecord],
    outcomes: &[DocumentOutcome],
    summary: &Summary,
    options: Options,
) -> String {
    let fails = |d: &Diagnostic| {
        d.severity == Severity::Error || (options.deny_warnings && d.severity == Severity::Warning)
    };
    let mut suites = String::new();
    let mut total_tests = 0;
    let mut total_failures = 0;
    // Outcomes are sorted like files (path, then document): walk both in step.
    let mut pending = outcomes.iter().peekable();
    for file in files {
        let mut cases = String::new();
        let mut tests = 0;
        let mut failures = 0;
        for (document, at, kind) in file.iter_with_lines() {
            tests += 1;
            let name = if file.stream {
                format!("{}:{at}", file.path)
            } else {
                file.path.clone()
            };
            let classname = kind.map_or("eventlint", |k| k.id);
            let mut diagnostics: Vec<(&DocumentOutcome, &Diagnostic)> = Vec::new();
            while let Some(o) = pending.next_if(|o| o.path == file.path && o.document <= document) {
                if o.document == document {
                    diagnostics.extend(o.diagnostics.iter().map(|d| (o, d)));
                }
            }
            let _ = write!(
                cases,
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"",
                escape(&name),
                escape(classname),
                escape(&file.path)
            );
            if diagnostics.is_empty() {
                cases.push_str("/>\n");
                continue;
            }
            cases.push_str(">\n");
            let listing: String = diagnostics
                .iter()
                .map(|(o, d)| line(o, d))
                .collect::<Vec<_>>()
                .join("\n");
            let failing: Vec<&Diagnostic> = diagnostics
                .iter()
                .map(|(_, d)| *d)
                .filter(|d| fails(d))
                .collect();
            if let Some(first) = failing.first() {
                failures += 1;
                let _ = writeln!(
                    cases,
                    "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                    escape(&counts(diagnostics.iter().map(|(_, d)| *d))),
                    escape(first.rule),
                    escape(&listing)
                );
            } else {
                let _ = writeln!(cases, "      <system-out>{}</system-out>", escape(&listing));
            }
            cases.push_str("    </testcase>\n");
        }
        total_tests += tests;
        total_failures += failures;
        let _ = write!(
            suites,
            "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n{cases}  </testsuite>\n",
            escape(&file.path)
        );
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"eventlint\" tests=\"{total_tests}\" failures=\"{total_failures}\" errors=\"0\">"
    );
    let _ = writeln!(
        out,
        "  <!-- {} -->",
        escape(&crate::render::human::summary_line(summary)).replace("--", "- -")
    );
    out.push_str(&suites);
    out.push_str("</testsuites>\n");
    out
}

/// `path:line:column: severity[rule] message` and the help on the next line.
fn line(o: &DocumentOutcome, d: &Diagnostic) -> String {
    let mut text = format!(
        "{}:{}:{}: {}[{}] {}",
        o.path,
        d.start.line + o.line_offset,
        d.start.column,
        d.severity,
        d.rule,
        d.message
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(
            escape("a<b>&\"c'\u{1}"),
            "a&lt;b&gt;&amp;&quot;c&apos;\u{FFFD}"
        );
    }
}
