use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `message`, `Message`, `__type`, `code` and `Code` are JSON strings.
    ///
    /// ## Why
    /// `message` is the `ErrorMessage` string shape of `InvalidInputException` (AWS-BC), and
    /// botocore treats the code as a string: it splits `__type` on `:` and `#`
    /// (`parsers.py`), which fails for a number or an object. A `null` is no value: omit the
    /// member.
    ///
    /// ## Example
    /// ```json
    /// {"__type": 400, "message": "Provide a valid value for the field or parameter."}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"__type": "InvalidInputException", "message": "Provide a valid value for the field or parameter."}
    /// ```
    pub(crate) static STRING_TYPES = {
        id: "personalize.error/string-types",
        severity: Error,
        summary: "A member of the error body is not a string",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    let member = at.segments().pop().unwrap_or_default();
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let help = match (member.as_str(), value) {
        (_, Some(Value::Null)) => format!("omit `{member}` instead of sending `null`"),
        ("__type" | "code" | "Code", _) => format!(
            "send the error code as a string, e.g. `\"{member}\": \"InvalidInputException\"`"
        ),
        _ => format!("send `{member}` as a string"),
    };
    Finding::new(
        &STRING_TYPES,
        at,
        format!("`{member}` is {what}, not a string"),
    )
    .help(help)
}
