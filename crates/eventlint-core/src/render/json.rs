//! `--format json`: exactly one JSON object, version 1 (design.md §2).

use serde::Serialize;

use crate::report::{DocumentOutcome, Summary};

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    summary: Summary,
    diagnostics: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Entry<'a> {
    path: &'a str,
    document: usize,
    kind: Option<&'static str>,
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    pointer: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    help: Option<&'a str>,
}

/// The JSON report (pretty-printed, with a final newline).
#[must_use]
pub fn render(outcomes: &[DocumentOutcome], summary: &Summary) -> String {
    let diagnostics = outcomes
        .iter()
        .flat_map(|o| {
            o.diagnostics.iter().map(move |d| Entry {
                path: &o.path,
                document: o.document,
                kind: o.kind.map(|k| k.id),
                rule: d.rule,
                severity: d.severity.as_str(),
                message: &d.message,
                pointer: &d.pointer,
                line: d.start.line + o.line_offset,
                column: d.start.column,
                end_line: d.end.line + o.line_offset,
                end_column: d.end.column,
                help: d.help.as_deref(),
            })
        })
        .collect();
    let report = Report {
        version: 1,
        summary: *summary,
        diagnostics,
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}
