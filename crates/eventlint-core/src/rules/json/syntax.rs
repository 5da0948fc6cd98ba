use std::ops::Range;

use crate::locate::pointer::Pointer;
use crate::locate::spans::Target;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The document is strict RFC 8259 JSON: no trailing commas, no comments, no single quotes,
    /// no `NaN` or `Infinity`, nothing cut off, nothing after the value, no raw control
    /// characters (a NUL byte, a line break inside a string), no lone UTF-16 surrogate escape
    /// (`"\ud800"`), no number beyond what a 64-bit float holds (`1e400`), no nesting deeper
    /// than 127 levels. An empty or whitespace-only document is reported too, and so is an
    /// NDJSON line longer than 64 MiB (it is skipped to its end unread, with its length).
    ///
    /// ## Why
    /// Every vendor parses the body as JSON and rejects what is not (vendor-rules.md §0.4
    /// `common/json-syntax`). Two vendor examples are themselves invalid: the Neuralens request has
    /// a trailing comma and its response has `//` comments (SEED-002).
    ///
    /// The diagnostic points at the offending character: for a trailing comma, the comma itself,
    /// not the bracket where a parser notices it.
    ///
    /// ## Example
    /// ```json
    /// {"geo": {"region": "MG Road",}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"geo": {"region": "MG Road"}}
    /// ```
    pub(crate) static SYNTAX = {
        id: "json/syntax",
        severity: Error,
        summary: "The document is not strict RFC 8259 JSON",
        fix: Safe("when the error is a trailing comma: the comma is removed."),
    };
}

pub(crate) fn finding(span: Range<usize>, message: &str, help: Option<&str>) -> Finding {
    let f = Finding::new(&SYNTAX, Pointer::root(), message).target(Target::Bytes(span.clone()));
    // A trailing comma's fix is certain: the comma goes.
    let f = if message.starts_with(crate::document::TRAILING_COMMA) {
        f.propose_text(span, "")
    } else {
        f
    };
    match help {
        Some(help) => f.help(help),
        None => f,
    }
}
