use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `params`, when present, is a JSON object.
    ///
    /// ## Why
    /// "`params` is an object with additional event parameters" (SEED-001, SYN-PHP); an array or a
    /// string of JSON is rejected.
    ///
    /// ## Example
    /// ```json
    /// {"params": "{\"loudness\": 3}"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"params": {"loudness": 3}}
    /// ```
    pub(crate) static PARAMS_OBJECT = {
        id: "synerise.event/params-object",
        severity: Error,
        summary: "`params` is not an object",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let help = match value {
        Some(Value::String(s)) if s.trim_start().starts_with('{') => {
            "`params` holds JSON text; send the object itself, not a string".to_owned()
        }
        _ => {
            "make `params` an object of name-value pairs, e.g. `\"params\": {\"mood\": \"happy\"}`"
                .to_owned()
        }
    };
    Finding::new(
        &PARAMS_OBJECT,
        at,
        format!("`params` is {what}, not an object"),
    )
    .help(help)
}
