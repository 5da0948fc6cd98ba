use crate::document::value::Value;

use crate::catalog::kind::{Closest, Kind};
use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// Without `--kind`, eventlint decides each document's kind from its shape, and only when
    /// exactly one kind fits. This rule reports a document no kind fits, or several fit.
    ///
    /// ## Why
    /// Checking a document against a guessed kind would report misleading findings.
    ///
    /// ## Example
    /// `{"hello": "world"}` fits no kind.
    ///
    /// ## Fix
    /// Pass `--kind KIND` (see `eventlint kinds`), or map the file's path to a kind in
    /// `eventlint.toml`.
    pub(crate) static UNDETERMINED = {
        id: "kind/undetermined",
        severity: Error,
        summary: "The document's payload kind cannot be decided from its shape",
    };
}

pub(crate) fn none(value: &Value, closest: Option<&Closest>) -> Finding {
    let what = match value {
        Value::Object(_) => "this object",
        Value::Array(_) => "this array",
        _ => "this value",
    };
    match closest {
        Some(closest) => Finding::new(
            &UNDETERMINED,
            Pointer::root(),
            format!(
                "{what} does not have the shape of any known payload kind; it looks like `{}` {}",
                closest.kind.id, closest.why
            ),
        )
        .help(format!(
            "if it is a `{}` payload, write its members as that API names them and pass `--kind {}`; `eventlint kinds` lists the kinds",
            closest.kind.id, closest.kind.id
        )),
        None => Finding::new(
            &UNDETERMINED,
            Pointer::root(),
            format!("{what} does not have the shape of any known payload kind"),
        )
        .help("pass `--kind KIND` to say what it is (`eventlint kinds` lists them)"),
    }
}

/// The finding for `{}`: no request is empty, and only a response (Sajari's) is.
pub(crate) fn empty() -> Finding {
    Finding::new(
        &UNDETERMINED,
        Pointer::root(),
        "an empty object has the shape of no request; of the known kinds only `sajari.send-event.response` is `{}`",
    )
    .help("pass `--kind sajari.send-event.response` if it is that response, or add the payload's members")
}

pub(crate) fn many(candidates: &[&'static Kind]) -> Finding {
    let names: Vec<String> = candidates.iter().map(|k| format!("`{}`", k.id)).collect();
    Finding::new(
        &UNDETERMINED,
        Pointer::root(),
        format!(
            "the document fits several payload kinds: {}",
            names.join(", ")
        ),
    )
    .help("pass `--kind KIND` to choose one")
}
