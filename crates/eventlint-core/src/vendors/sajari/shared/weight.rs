//! `weight` as proto3 JSON reads an int32 (shared by the kind and its rules).

use serde_json::Number;

use crate::document::value::Value;

/// A `weight` as proto3 JSON reads an int32: a JSON number, or a string holding a JSON number
/// (no surrounding whitespace).
#[derive(Debug, Clone)]
pub(crate) struct Weight {
    /// The numeric value.
    pub value: f64,
    /// Whether it was written as a string.
    pub quoted: bool,
    /// The value as written (without quotes).
    pub text: String,
}

impl Weight {
    pub(crate) fn integral(&self) -> bool {
        self.value.is_finite() && self.value.fract() == 0.0
    }
    pub(crate) fn in_int32(&self) -> bool {
        (f64::from(i32::MIN)..=f64::from(i32::MAX)).contains(&self.value)
    }
}

pub(crate) fn weight_value(value: &Value) -> Option<Weight> {
    match value {
        Value::Number(n) => Some(Weight {
            value: n.as_f64()?,
            quoted: false,
            text: n.to_string(),
        }),
        Value::String(s) if s.trim() == s => {
            let n: Number = serde_json::from_str(s).ok()?;
            Some(Weight {
                value: n.as_f64()?,
                quoted: true,
                text: s.to_string(),
            })
        }
        _ => None,
    }
}
