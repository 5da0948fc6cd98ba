//! `--format json`: exactly one JSON object, version 1 (design.md §2).

use serde::Serialize;

use crate::report::{DocumentOutcome, Summary};

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
///
/// The same bytes as [`head`], then [`entries`] of every outcome, then [`tail`]: the CLI streams
/// those pieces so a large run never holds its report in memory.
#[must_use]
pub fn render(outcomes: &[DocumentOutcome], summary: &Summary) -> String {
    let mut body = String::new();
    let mut any = false;
    for outcome in outcomes {
        entries(outcome, &mut body, &mut any);
    }
    let mut text = head(summary);
    text.push_str(&body);
    text.push_str(tail(any));
    text
}

/// The opening of the report, up to and including `"diagnostics": [`.
#[must_use]
pub fn head(summary: &Summary) -> String {
    let summary = serde_json::to_string_pretty(summary).unwrap_or_default();
    format!(
        "{{\n  \"version\": 1,\n  \"summary\": {},\n  \"diagnostics\": [",
        summary.replace('\n', "\n  ")
    )
}

/// Appends the entries of one document's diagnostics; `any` tracks whether an entry was written
/// before (for the separating commas).
pub fn entries(outcome: &DocumentOutcome, out: &mut String, any: &mut bool) {
    for d in &outcome.diagnostics {
        let entry = Entry {
            path: &outcome.path,
            document: outcome.document,
            kind: outcome.kind.map(|k| k.id),
            rule: d.rule,
            severity: d.severity.as_str(),
            message: &d.message,
            pointer: &d.pointer,
            line: d.start.line + outcome.line_offset,
            column: d.start.column,
            end_line: d.end.line + outcome.line_offset,
            end_column: d.end.column,
            help: d.help.as_deref(),
        };
        out.push_str(if *any { ",\n    " } else { "\n    " });
        *any = true;
        let text = serde_json::to_string_pretty(&entry).unwrap_or_default();
        out.push_str(&text.replace('\n', "\n    "));
    }
}

/// The closing of the report; `any` says whether [`entries`] wrote anything.
#[must_use]
pub fn tail(any: bool) -> &'static str {
    if any { "\n  ]\n}\n" } else { "]\n}\n" }
}
