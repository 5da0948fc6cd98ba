//! Fuzzing entry points. **Not a stable API**: hidden from the docs, used only by the fuzz
//! targets in `fuzz/` and by the regression replay test in `tests/tests/fuzz_regressions.rs`,
//! so that the fuzzer and `cargo test` drive exactly the same code.
//!
//! Each entry point takes arbitrary bytes, runs part of the pipeline and asserts its
//! invariants (spans inside the text and on character boundaries, positions consistent with
//! spans, every renderer's output well-formed where it can be checked cheaply). A panic is a bug.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::catalog::registry;
use crate::document;
use crate::lint::check::{CheckOptions, check_document};
use crate::locate::pointer::Pointer;
use crate::locate::spans::{LineIndex, Spans, Target};
use crate::message::diagnostic::Diagnostic;
use crate::output::render;
use crate::output::report::{DocumentOutcome, FileRecord, Summary};

/// The fixed clock of fuzz runs (as the fixtures').
fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

/// The whole check pipeline on one document: detection and then every kind forced, each
/// outcome through every renderer (human, json, sarif, github, junit).
///
/// # Panics
///
/// When an invariant does not hold (that is the point).
pub fn check(bytes: &[u8]) {
    let mut options = CheckOptions::at(now());
    let mut outcomes = Vec::new();
    let mut file = FileRecord::new("fuzz.ndjson", true);
    let mut summary = Summary {
        files: 1,
        ..Summary::default()
    };
    let kinds = std::iter::once(None).chain(registry::kinds().iter().copied().map(Some));
    for (i, kind) in kinds.enumerate() {
        options.kind = kind;
        let report = check_document(bytes, &options);
        if kind.is_some() {
            assert_eq!(report.kind, kind, "a forced kind is the kind checked");
        }
        let (_, after_bom) = document::strip_bom(bytes);
        for d in &report.diagnostics {
            check_diagnostic(after_bom, d);
        }
        file.push(report.kind);
        summary.documents += 1;
        if !report.diagnostics.is_empty() {
            // Documents after the first as if they were NDJSON lines further down.
            let outcome = DocumentOutcome::new("fuzz.ndjson", i + 1, i, bytes, report);
            summary.add(&outcome);
            outcomes.push(outcome);
        }
    }
    render_all(&[file], &outcomes, &summary);
}

fn check_diagnostic(bytes: &[u8], d: &Diagnostic) {
    assert!(
        d.span.start <= d.span.end && d.span.end <= bytes.len(),
        "span {:?} outside the document ({} bytes) for {}",
        d.span,
        bytes.len(),
        d.rule
    );
    assert!(d.start <= d.end, "start after end for {}", d.rule);
    assert!(d.start.line >= 1 && d.start.column >= 1);
    assert!(
        registry::rule(d.rule).is_some(),
        "unregistered rule {}",
        d.rule
    );
    // Positions agree with the span where the text is UTF-8 up to the span's end.
    if let Ok(text) = std::str::from_utf8(&bytes[..d.span.end]) {
        let lines = LineIndex::new(text);
        assert_eq!(lines.position(d.span.start), d.start, "{}", d.rule);
        assert_eq!(lines.position(d.span.end), d.end, "{}", d.rule);
    }
}

fn render_all(files: &[FileRecord], outcomes: &[DocumentOutcome], summary: &Summary) {
    let human = render::human::render(outcomes, summary, render::human::Style::plain());
    assert!(
        human.ends_with(&format!("{}\n", render::human::summary_line(summary))),
        "the human report ends with the summary line"
    );
    let json = render::json::render(outcomes, summary);
    let parsed: Value = serde_json::from_str(&json).unwrap_or_else(|e| {
        panic!("the JSON report is not JSON: {e}\n{json}");
    });
    let count = parsed
        .get("diagnostics")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    let total: usize = outcomes.iter().map(|o| o.diagnostics.len()).sum();
    assert_eq!(count, total, "the JSON report lists every diagnostic");
    let sarif = render::sarif::render(outcomes, summary);
    assert!(
        serde_json::from_str::<Value>(&sarif).is_ok(),
        "the SARIF report is not JSON"
    );
    let github = render::github::render(outcomes);
    // One workflow command per diagnostic: messages may not break lines.
    assert_eq!(
        github.lines().filter(|l| l.starts_with("::")).count(),
        total,
        "{github}"
    );
    assert_eq!(github.lines().count(), total, "{github}");
    let junit = render::junit::render(
        files,
        outcomes,
        summary,
        render::junit::Options {
            deny_warnings: true,
        },
    );
    assert!(junit.starts_with("<?xml"), "{junit}");
}

/// The span resolver on arbitrary text, pointers and targets.
///
/// The input is `[a, b, c, rest…]`: `rest` (lossily decoded) is the document text, then after
/// the first NUL an extra pointer; `a`, `b` and `c` pick occurrences, character ranges and byte
/// ranges. Also, when the text is strict JSON, every node's pointer must resolve to exactly the
/// text of that node's value.
///
/// # Panics
///
/// When an invariant does not hold.
pub fn spans(data: &[u8]) {
    let [a, b, c, rest @ ..] = data else {
        return;
    };
    let (a, b, c) = (usize::from(*a), usize::from(*b), usize::from(*c));
    let rest = String::from_utf8_lossy(rest);
    let (text, pointer) = rest.split_once('\0').unwrap_or((&rest, ""));
    let tree = Spans::new(text);
    let lines = LineIndex::new(text);
    let targets = [
        Target::Value,
        Target::Key,
        Target::Occurrence(a % 4),
        Target::InString(a..b),
        Target::InString(b..a),
        Target::Bytes(a..b.max(c)),
    ];
    for target in &targets {
        let span = tree.resolve(pointer, target);
        check_span(text, &lines, &span);
    }
    for duplicate in tree.duplicate_keys() {
        let span = tree.resolve(
            duplicate.pointer.as_str(),
            &Target::Occurrence(duplicate.occurrence),
        );
        check_span(text, &lines, &span);
        // The key's bytes are the key: a string that decodes to the pointer's last segment.
        // (Not always the span `resolve` gives: under a repeated key, a pointer resolves in
        // its first occurrence, while the repeat may be under another.)
        check_span(text, &lines, &duplicate.key);
        // (`jsonc-parser` decodes a lone surrogate escape that `serde_json` refuses.)
        if let Ok(key) = serde_json::from_str::<String>(&text[duplicate.key.clone()]) {
            assert_eq!(
                Some(&key),
                duplicate.pointer.segments().last(),
                "{:?}",
                duplicate.pointer
            );
        }
    }
    for offset in [a, b, c, text.len(), text.len() + 1] {
        let p = lines.position(offset);
        assert!(p.line >= 1 && p.column >= 1);
    }
    // The parsed value the rules read is what `serde_json::Value` would be: same acceptance,
    // same members and values (a repeated key keeps its last value).
    let reference = serde_json::from_str::<Value>(text);
    let arena = bumpalo::Bump::new();
    let Ok(parsed) = document::parse(text, &arena) else {
        assert!(
            reference.is_err(),
            "serde_json accepts what the parser rejects"
        );
        return;
    };
    assert_eq!(
        reference.ok(),
        Some(parsed.value.to_json()),
        "the parsed value differs from serde_json's"
    );
    // On text serde_json accepted, the scanner resolves every pointer, exactly as the tree does.
    let mut nodes = Vec::new();
    walk(&parsed.value, &Pointer::root(), &mut nodes);
    let memo = Spans::new(text);
    // From the parsed value (only for documents without repeated keys, as `check` does).
    let by_value = (!parsed.has_duplicate_keys).then(|| Spans::with_value(text, &parsed.value));
    let pointers = nodes
        .iter()
        .map(|(p, _)| p.as_str())
        .chain([pointer, "/zz", "/0/zz"]);
    for pointer in pointers {
        for target in targets.iter().chain(&[Target::Occurrence(1)]) {
            let scanned = tree.resolve_by_scan(pointer, target);
            let reference = tree.resolve_in_tree(pointer, target);
            assert_eq!(
                scanned,
                Some(reference.clone()),
                "scan and tree disagree on {pointer:?} {target:?}"
            );
            // In sequence, from the previous pointer's parent where they share it.
            let resolved = Spans::resolve(&memo, pointer, target);
            assert_eq!(resolved, reference, "resolve {pointer:?} {target:?}");
            if let Some(by_value) = &by_value {
                if let Some(found) = by_value.resolve_by_value(pointer, target) {
                    assert_eq!(
                        found, reference,
                        "value and tree disagree on {pointer:?} {target:?}"
                    );
                }
                let resolved = by_value.resolve(pointer, target);
                assert_eq!(
                    resolved, reference,
                    "resolve with the value {pointer:?} {target:?}"
                );
            }
        }
    }
    if parsed.has_duplicate_keys {
        return;
    }
    for (pointer, value) in nodes {
        let span = tree.resolve(pointer.as_str(), &Target::Value);
        check_span(text, &lines, &span);
        let found: Value = serde_json::from_str(&text[span.clone()]).unwrap_or_else(|e| {
            panic!("{pointer:?} resolved to {span:?}, not a value: {e}");
        });
        assert_eq!(found, value.to_json(), "{pointer:?} resolved to {span:?}");
        for target in [Target::Key, Target::InString(a..b)] {
            let span = tree.resolve(pointer.as_str(), &target);
            check_span(text, &lines, &span);
        }
    }
}

fn check_span(text: &str, lines: &LineIndex<'_>, span: &std::ops::Range<usize>) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "span {span:?} outside the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "span {span:?} splits a character"
    );
    assert!(lines.position(span.start) <= lines.position(span.end));
}

/// Every node of `value` with its pointer (capped, so a huge document stays fast).
fn walk<'v>(
    value: &'v crate::document::value::Value<'v>,
    at: &Pointer,
    out: &mut Vec<(Pointer, &'v crate::document::value::Value<'v>)>,
) {
    if out.len() > 4096 {
        return;
    }
    out.push((at.clone(), value));
    match value {
        crate::document::value::Value::Object(map) => {
            for (k, v) in map {
                walk(v, &at.key(k), out);
            }
        }
        crate::document::value::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(v, &at.index(i), out);
            }
        }
        _ => {}
    }
}
