use crate::finding::Finding;
use crate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::suggest::unknown_key;
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
    };
}

pub(crate) fn finding(key: &str) -> Finding {
    let alias = match key.to_ascii_lowercase().replace(['_', '-'], "").as_str() {
        "errormessage" | "msg" | "detail" | "description" => Some("message"),
        "type" | "errortype" | "errorcode" => Some("__type"),
        _ => None,
    };
    if let Some(member) = alias {
        return Finding::new(
            &UNKNOWN_KEY,
            Pointer::root().key(key),
            format!(
                "unknown key `{key}` in the error body{}",
                crate::suggest::did_you_mean_suffix(member)
            ),
        )
        .on_key()
        .help(format!("rename `{key}` to `{member}`"))
        .propose_key(member);
    }
    unknown_key(
        &UNKNOWN_KEY,
        &Pointer::root(),
        key,
        ERROR_KEYS,
        "the error body",
        None,
    )
}
