//! Short descriptions of JSON values for messages.

use crate::value::Value;

/// "a number (`12.5`)", "an array", "`null`" …; long values are elided.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "`null`".to_owned(),
        Value::Bool(b) => format!("a boolean (`{b}`)"),
        Value::Number(n) => format!("a number (`{n}`)"),
        Value::String(s) if s.chars().count() > 40 => {
            let head: String = s.chars().take(37).collect();
            format!("a string (`\"{head}...\"`)")
        }
        Value::String(s) => format!("a string (`{}`)", Value::String(*s)),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}
