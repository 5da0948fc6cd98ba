use std::sync::LazyLock;

use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

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
        fix: Unsafe("each character outside the pattern is replaced: the new name is a different action."),
    };
}

/// `action` at `at` fails the schema's `pattern` (the keyword's, `^[a-zA-Z0-9\.\-_]+$`): the
/// message names the first character the pattern does not take, and the proposal replaces each.
pub(crate) fn finding(at: Pointer, value: Option<&Value>, pattern: &str) -> Finding {
    // A character is allowed when the pattern, one or more of a class, takes it alone. The
    // model's pattern is compiled once; another (a schema built elsewhere) on each finding.
    static MODEL: LazyLock<Option<regex::Regex>> =
        LazyLock::new(|| regex::Regex::new(crate::vendors::synerise::model::ACTION_PATTERN).ok());
    let action = value.and_then(Value::as_str).unwrap_or_default();
    let other;
    let class = if pattern == crate::vendors::synerise::model::ACTION_PATTERN {
        MODEL.as_ref()
    } else {
        other = regex::Regex::new(pattern).ok();
        other.as_ref()
    };
    let allowed = |c: char| class.is_none_or(|re| re.is_match(c.encode_utf8(&mut [0; 4])));
    let bad = action.chars().find(|c| !allowed(*c));
    let message = match bad {
        Some(' ') => "`action` contains a space".to_owned(),
        Some(c) => format!(
            "`action` contains `{c}` (U+{:04X}), which is not allowed",
            u32::from(c)
        ),
        None => format!("`action` does not match `{pattern}`"),
    };
    let suggestion: String = action
        .chars()
        .map(|c| {
            if allowed(c) {
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

#[cfg(test)]
mod tests {
    use crate::document::value::{Str, Value};
    use crate::locate::pointer::Pointer;
    use crate::vendors::synerise::model::ACTION_PATTERN;

    /// The manual shows the schema's pattern; the message reads it from the keyword.
    #[test]
    fn says_the_schema_pattern() {
        assert!(super::ACTION_PATTERN.doc.contains(ACTION_PATTERN));
        let action = Value::String(Str::borrowed("dog bark/ü"));
        let f = super::finding(Pointer::root(), Some(&action), ACTION_PATTERN);
        assert_eq!(f.message, "`action` contains a space");
        let action = Value::String(Str::borrowed("dog/bärk"));
        let f = super::finding(Pointer::root(), Some(&action), ACTION_PATTERN);
        assert_eq!(
            f.message,
            "`action` contains `/` (U+002F), which is not allowed"
        );
    }
}
