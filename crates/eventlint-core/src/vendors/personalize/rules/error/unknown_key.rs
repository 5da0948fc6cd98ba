use crate::locate::pointer::Pointer;
use crate::message::suggest::{did_you_mean, remove_key_help, unknown_key_meant};
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::personalize::model::ERROR_KEYS;

declare_rule! {
    /// ## What it checks
    /// The error body has only the members botocore reads: `message`, `Message`, `__type`,
    /// `code` and `Code`. A misspelt one gets a "did you mean".
    ///
    /// ## Why
    /// botocore's rest-json error parser reads the message from `message` or `Message` and the
    /// code from the `x-amzn-ErrorType` header, `code`/`Code` or `__type` (AWS-BC-SER
    /// `parsers.py`); `InvalidInputException` models only `message` (AWS-BC). Any other member is
    /// ignored, so a misspelt `mesage` leaves the exception without its message.
    ///
    /// ## Example
    /// ```json
    /// {"__type": "InvalidInputException", "errorMessage": "Provide a valid value for the field or parameter."}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"__type": "InvalidInputException", "message": "Provide a valid value for the field or parameter."}
    /// ```
    pub(crate) static UNKNOWN_KEY = {
        id: "personalize.error/unknown-key",
        severity: Warning,
        summary: "The error body has a member botocore does not read",
        structural: true,
        fix: Safe("when the key is a documented one misspelt (one nearest name): it is renamed."),
    };
}

pub(crate) fn finding(key: &str) -> Finding {
    let alias = match key.to_ascii_lowercase().replace(['_', '-'], "").as_str() {
        "errormessage" | "msg" | "detail" | "description" => Some("message"),
        "type" | "errortype" | "errorcode" => Some("__type"),
        _ => None,
    };
    unknown_key_meant(
        &UNKNOWN_KEY,
        &Pointer::root(),
        key,
        "the error body",
        alias.or_else(|| did_you_mean(key, ERROR_KEYS)),
        || remove_key_help(key, "the error body", ERROR_KEYS),
    )
}
