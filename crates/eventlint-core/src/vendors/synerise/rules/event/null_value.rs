use serde_json::{Map, Value};

use crate::check::{Ctx, Finding};
use crate::pointer::Pointer;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// No field holds `null`: optional top-level fields (`time`, `params`, `eventSalt`), `client`
    /// identifiers, and `params` values at any depth. A `null` required field (`action`, `client`,
    /// `label`) is reported by that field's own rule, as an error.
    ///
    /// ## Why
    /// "If you don't have a value for a field, omit that field. Do not send null values" (SYN-PHP,
    /// every v4 events endpoint). A `null` parameter may be stored as the string `"null"` or
    /// overwrite a value you meant to keep.
    ///
    /// ## Example
    /// ```json
    /// {"action": "dog.bark", "client": {"id": 1}, "label": "bark", "time": null, "params": {"mood": null}}
    /// ```
    ///
    /// ## Fix
    /// Remove the members instead: `{"action": "dog.bark", "client": {"id": 1}, "label": "bark"}`.
    pub(crate) static NULL_VALUE = {
        id: "synerise.event/null-value",
        severity: Warning,
        summary: "A field holds `null`; Synerise says to omit it instead",
    };
}

fn field_name(rel: &[&str]) -> String {
    rel.join(".")
}

/// A `null` in a typed optional field, found by the schema.
pub(crate) fn finding(at: Pointer, rel: &[&str]) -> Finding {
    let name = field_name(rel);
    Finding::new(&NULL_VALUE, at, format!("`{name}` is `null`"))
        .help(format!("omit `{name}` instead of sending `null`"))
}

/// `null` values anywhere inside `params` (names and pointers are built only for a `null`).
pub(crate) fn check_params(ctx: &mut Ctx<'_>, at: &Pointer, params: &Map<String, Value>) {
    for (key, value) in params {
        if contains_null(value) {
            walk(ctx, &at.key(key), &format!("params.{key}"), value);
        }
    }
}

fn contains_null(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Object(members) => members.values().any(contains_null),
        Value::Array(items) => items.iter().any(contains_null),
        _ => false,
    }
}

fn walk(ctx: &mut Ctx<'_>, at: &Pointer, name: &str, value: &Value) {
    match value {
        Value::Null => ctx.report(
            Finding::new(&NULL_VALUE, at.clone(), format!("`{name}` is `null`"))
                .help(format!("omit `{name}` instead of sending `null`")),
        ),
        Value::Object(members) => {
            for (key, v) in members.iter().filter(|(_, v)| contains_null(v)) {
                walk(ctx, &at.key(key), &format!("{name}.{key}"), v);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate().filter(|(_, v)| contains_null(v)) {
                walk(ctx, &at.index(i), &format!("{name}[{i}]"), v);
            }
        }
        _ => {}
    }
}
