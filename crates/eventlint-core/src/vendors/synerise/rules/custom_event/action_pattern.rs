use crate::value::Value;

use crate::finding::Finding;
use crate::pointer::Pointer;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// `action` uses only ASCII letters, digits, `.`, `-` and `_` (`^[a-zA-Z0-9\.\-_]+$`): no
    /// spaces, no diacritics, no `/`.
    ///
    /// ## Why
    /// The API reference gives this pattern for `action` (SYN-M2, SYN-PHP); rejection is inferred
    /// from the documented constraint.
    ///
    /// ## Example
    /// ```json
    /// {"action": "dog bark", "client": {"id": 1}, "label": "bark"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"action": "dog.bark", "client": {"id": 1}, "label": "bark"}
    /// ```
    pub(crate) static ACTION_PATTERN = {
        id: "synerise.custom-event/action-pattern",
        severity: Error,
        summary: "`action` has characters outside `[a-zA-Z0-9._-]`",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    let action = value.and_then(Value::as_str).unwrap_or_default();
    let bad = action
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')));
    let message = match bad {
        Some(' ') => "`action` contains a space".to_owned(),
        Some(c) => format!(
            "`action` contains `{c}` (U+{:04X}), which is not allowed",
            u32::from(c)
        ),
        None => "`action` does not match `^[a-zA-Z0-9.\\-_]+$`".to_owned(),
    };
    let suggestion: String = action
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else if c == ' ' || c == '/' {
                '.'
            } else {
                '_'
            }
        })
        .collect();
    Finding::new(&ACTION_PATTERN, at, message)
        .help(format!(
            "use only ASCII letters, digits, `.`, `-` and `_` in `action`, e.g. `{suggestion}`"
        ))
        .propose_string(&suggestion)
}
