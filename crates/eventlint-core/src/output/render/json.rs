//! `--format json`: exactly one JSON object, version 1 (design.md §2).

use crate::message::diagnostic::Position;
use crate::output::report::{DocumentOutcome, Summary};

#[cfg(test)]
#[derive(serde::Serialize)]
struct Entry<'a> {
    path: &'a str,
    document: usize,
    kind: Option<&'static str>,
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    #[serde(flatten)]
    place: crate::message::diagnostic::Place<'a>,
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request: Option<EntryRequest<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    part: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "<[crate::message::diagnostic::Related]>::is_empty")]
    related: &'a [crate::message::diagnostic::Related],
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<EntryFix<'a>>,
}

#[cfg(test)]
#[derive(serde::Serialize)]
struct EntryFix<'a> {
    applicability: &'static str,
    title: &'a str,
    edits: Vec<EntryEdit<'a>>,
}

#[cfg(test)]
#[derive(serde::Serialize)]
struct EntryEdit<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    content: &'a str,
}

#[cfg(test)]
#[derive(serde::Serialize)]
struct EntryRequest<'a> {
    method: &'a str,
    path: &'a str,
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
///
/// Written field by field (the bytes `serde_json`'s pretty printer gives, indented for the
/// report; a unit test holds the two equal): a large run's report is mostly these entries.
pub fn entries(outcome: &DocumentOutcome, out: &mut String, any: &mut bool) {
    if outcome.diagnostics.is_empty() {
        return;
    }
    let mut number = itoa::Buffer::new();
    // The members every entry of the document shares, escaped once.
    let mut head = String::with_capacity(128 + outcome.path.len());
    head.push_str("{\n      \"path\": ");
    push_str(&mut head, &outcome.path);
    head.push_str(",\n      \"document\": ");
    head.push_str(number.format(outcome.document));
    head.push_str(",\n      \"kind\": ");
    match outcome.kind {
        Some(kind) => push_str(&mut head, kind.id),
        None => head.push_str("null"),
    }
    head.push_str(",\n      \"rule\": ");
    for d in &outcome.diagnostics {
        out.push_str(if *any { ",\n    " } else { "\n    " });
        *any = true;
        out.push_str(&head);
        push_str(out, d.rule);
        out.push_str(",\n      \"severity\": ");
        push_str(out, d.severity.as_str());
        out.push_str(",\n      \"message\": ");
        push_str(out, &d.message);
        push_place(out, "\n      ", d.pointer(), d.start, d.end);
        out.push_str(",\n      \"help\": ");
        match &d.help {
            Some(help) => push_str(out, help),
            None => out.push_str("null"),
        }
        // A request's diagnostic says which request and which part of it (an extension of
        // report v1: members that readers of the others never see).
        if let Some(request) = &d.request {
            out.push_str(",\n      \"request\": {\n        \"method\": ");
            push_str(out, &request.method);
            out.push_str(",\n        \"path\": ");
            push_str(out, &request.path);
            out.push_str("\n      },\n      \"part\": ");
            push_str(out, request.part.as_str());
            if let Some(name) = &request.name {
                out.push_str(",\n      \"name\": ");
                push_str(out, name);
            }
        }
        // Other places the finding is about: only where there are some (an extension of
        // report v1 that readers of the other members never see).
        for (i, r) in d.related.iter().enumerate() {
            out.push_str(if i == 0 {
                ",\n      \"related\": [\n        {"
            } else {
                ",\n        {"
            });
            out.push_str("\n          \"message\": ");
            push_str(out, &r.message);
            push_place(out, "\n          ", Some(&r.pointer), r.start, r.end);
            out.push_str("\n        }");
        }
        if !d.related.is_empty() {
            out.push_str("\n      ]");
        }
        // What the finding offers to change (an extension of report v1, only where there is a
        // fix): positions as the diagnostic's, then the new text.
        if let Some(fix) = &d.fix {
            out.push_str(",\n      \"fix\": {\n        \"applicability\": ");
            push_str(out, fix.applicability.as_str());
            out.push_str(",\n        \"title\": ");
            push_str(out, &fix.title);
            out.push_str(",\n        \"edits\": [");
            for (i, e) in fix.edits.iter().enumerate() {
                out.push_str(if i == 0 {
                    "\n          {"
                } else {
                    ",\n          {"
                });
                let mut number = itoa::Buffer::new();
                for (j, (name, n)) in [
                    ("line", e.start.line),
                    ("column", e.start.column),
                    ("end_line", e.end.line),
                    ("end_column", e.end.column),
                ]
                .into_iter()
                .enumerate()
                {
                    out.push_str(if j == 0 {
                        "\n            \""
                    } else {
                        ",\n            \""
                    });
                    out.push_str(name);
                    out.push_str("\": ");
                    out.push_str(number.format(n));
                }
                out.push_str(",\n            \"content\": ");
                push_str(out, &e.content);
                out.push_str("\n          }");
            }
            out.push_str(if fix.edits.is_empty() {
                "]"
            } else {
                "\n        ]"
            });
            out.push_str("\n      }");
        }
        out.push_str("\n    }");
    }
}

/// Appends `,"pointer": …, "line": …, "column": …, "end_line": …, "end_column": …`, each member
/// on its own line after `indent` (a line break and the member's indentation).
fn push_place(
    out: &mut String,
    indent: &str,
    pointer: Option<&str>,
    start: Position,
    end: Position,
) {
    let mut number = itoa::Buffer::new();
    out.push(',');
    out.push_str(indent);
    out.push_str("\"pointer\": ");
    match pointer {
        Some(pointer) => push_str(out, pointer),
        None => out.push_str("null"),
    }
    for (name, n) in [
        ("line", start.line),
        ("column", start.column),
        ("end_line", end.line),
        ("end_column", end.column),
    ] {
        out.push(',');
        out.push_str(indent);
        out.push('"');
        out.push_str(name);
        out.push_str("\": ");
        out.push_str(number.format(n));
    }
}

/// Appends `s` as a JSON string, escaped as `serde_json` escapes it: `"`, `\\` and control
/// characters only (the short forms where JSON has them, `\\u00XX` otherwise).
fn push_str(out: &mut String, s: &str) {
    out.push('"');
    // Most strings need no escape: a branch-free test over the bytes, then one copy.
    let escaped = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    if !s.bytes().fold(false, |any, b| any | escaped(b)) {
        out.push_str(s);
        out.push('"');
        return;
    }
    let mut start = 0;
    for (i, byte) in s.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0x00..=0x1F => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            use std::fmt::Write as _;
            let _ = write!(out, "\\u{byte:04x}");
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// The closing of the report; `any` says whether [`entries`] wrote anything.
#[must_use]
pub fn tail(any: bool) -> &'static str {
    if any { "\n  ]\n}\n" } else { "]\n}\n" }
}

/// The end of a report that lists every file's document kinds (`--show-kinds`): after the
/// diagnostics, a `files` member, one object per file with its path, its number of documents and
/// its runs of kinds (`{"kind": …, "first": 1, "last": 3}`, 1-based document ordinals; `kind` is
/// `null` for an undecided document). Additive to report version 1.
#[must_use]
pub fn tail_with_files(any: bool, files: &[crate::output::report::FileRecord]) -> String {
    let mut out = String::from(if any { "\n  ]" } else { "]" });
    out.push_str(",\n  \"files\": [");
    let mut number = itoa::Buffer::new();
    for (i, record) in files.iter().enumerate() {
        out.push_str(if i == 0 { "\n    {" } else { ",\n    {" });
        out.push_str("\n      \"path\": ");
        push_str(&mut out, &record.path);
        out.push_str(",\n      \"documents\": ");
        out.push_str(number.format(record.documents()));
        out.push_str(",\n      \"kinds\": [");
        for (j, (first, last, kind)) in record.runs().enumerate() {
            out.push_str(if j == 0 {
                "\n        {"
            } else {
                ",\n        {"
            });
            out.push_str("\n          \"kind\": ");
            match kind {
                Some(kind) => push_str(&mut out, kind.id),
                None => out.push_str("null"),
            }
            out.push_str(",\n          \"first\": ");
            out.push_str(number.format(first));
            out.push_str(",\n          \"last\": ");
            out.push_str(number.format(last));
            out.push_str("\n        }");
        }
        out.push_str(if record.documents() == 0 {
            "]"
        } else {
            "\n      ]"
        });
        out.push_str("\n    }");
    }
    out.push_str(if files.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::diagnostic::{Diagnostic, Position, Severity};

    /// The hand-written entries are the bytes `serde_json`'s pretty printer gives.
    #[test]
    fn entries_match_the_pretty_printer() {
        let tricky = "a\"b\\c\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f}é😀/<>";
        for (kind, help) in [
            (
                crate::catalog::kind::Kind::find("synerise.custom-event"),
                Some(tricky.to_owned()),
            ),
            (None, None),
        ] {
            for request in [
                None,
                Some(crate::message::diagnostic::RequestPlace {
                    method: "POST".to_owned(),
                    path: tricky.to_owned(),
                    part: crate::message::diagnostic::Part::Header,
                    name: Some(tricky.to_owned()),
                }),
            ] {
                let help = help.clone();
                let outcome = DocumentOutcome {
                    path: format!("dir/{tricky}.ndjson"),
                    document: 7,
                    placement: crate::output::report::OffsetMap::lines(6),
                    kind,
                    source: String::new(),
                    diagnostics: vec![
                        Diagnostic {
                            rule: "synerise.event/null-value",
                            severity: Severity::Warning,
                            message: tricky.to_owned(),
                            help,
                            note: None,
                            pointer: "/a~1b/0".to_owned(),
                            span: 0..0,
                            start: Position { line: 1, column: 2 },
                            end: Position { line: 3, column: 4 },
                            related: vec![
                                crate::message::diagnostic::Related {
                                    message: tricky.to_owned(),
                                    pointer: "/x".to_owned(),
                                    span: 0..0,
                                    start: Position { line: 2, column: 5 },
                                    end: Position { line: 2, column: 9 },
                                };
                                2
                            ],
                            request: request.clone(),
                            fix: Some(crate::message::fix::Fix {
                                applicability: crate::message::fix::Applicability::Safe,
                                title: tricky.to_owned(),
                                edits: vec![crate::message::fix::TextEdit {
                                    span: 0..1,
                                    start: Position { line: 1, column: 2 },
                                    end: Position { line: 1, column: 3 },
                                    content: tricky.to_owned(),
                                }],
                            }),
                        };
                        2
                    ],
                };
                let mut fast = String::new();
                let mut any = false;
                entries(&outcome, &mut fast, &mut any);
                let mut reference = String::new();
                for (i, d) in outcome.diagnostics.iter().enumerate() {
                    let entry = Entry {
                        path: &outcome.path,
                        document: outcome.document,
                        kind: outcome.kind.map(|k| k.id),
                        rule: d.rule,
                        severity: d.severity.as_str(),
                        message: &d.message,
                        place: crate::message::diagnostic::Place::new(d.pointer(), d.start, d.end),
                        help: d.help.as_deref(),
                        request: d.request.as_ref().map(|r| EntryRequest {
                            method: &r.method,
                            path: &r.path,
                        }),
                        part: d.request.as_ref().map(|r| r.part.as_str()),
                        name: d.request.as_ref().and_then(|r| r.name.as_deref()),
                        related: &d.related,
                        fix: d.fix.as_ref().map(|f| EntryFix {
                            applicability: f.applicability.as_str(),
                            title: &f.title,
                            edits: f
                                .edits
                                .iter()
                                .map(|e| EntryEdit {
                                    line: e.start.line,
                                    column: e.start.column,
                                    end_line: e.end.line,
                                    end_column: e.end.column,
                                    content: &e.content,
                                })
                                .collect(),
                        }),
                    };
                    reference.push_str(if i > 0 { ",\n    " } else { "\n    " });
                    let text = serde_json::to_string_pretty(&entry).unwrap();
                    reference.push_str(&text.replace('\n', "\n    "));
                }
                assert_eq!(fast, reference);
            }
        }
    }
}
