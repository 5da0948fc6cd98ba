use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `weight` is a string holding a whole number, e.g. `"1"`.
    ///
    /// ## Why
    /// proto3 JSON (protojson) accepts an int32 written as a decimal string, so the request
    /// goes through [I]; but the API documents a number (SJ-GO-OAS `type: integer`), and other
    /// JSON consumers of the same payload may not convert it. Reported as info.
    ///
    /// ## Example
    /// ```json
    /// {"name": "click", "token": "eyJhbGciOi…", "weight": "1"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"name": "click", "token": "eyJhbGciOi…", "weight": 1}
    /// ```
    pub(crate) static WEIGHT_STRING = {
        id: "sajari.send-event/weight-string",
        severity: Info,
        summary: "`weight` is a quoted integer",
        structural: true,
        fix: Safe("the quoted integer is written as a number."),
    };
}

pub(crate) fn finding(at: Pointer, text: &str, number: &str) -> Finding {
    let finding = Finding::new(
        &WEIGHT_STRING,
        at,
        format!(
            "`weight` is the string `\"{text}\"`; proto3 JSON accepts it, but the API documents a number"
        ),
    );
    if number.starts_with('-') {
        // Unquoted, it would be `weight-negative`'s warning: no value to propose.
        finding.help(format!(
            "write the number without quotes (`\"weight\": {number}`), and check its sign: weights are normally positive, such as `1`"
        ))
    } else {
        finding
            .help(format!(
                "write the number without quotes: `\"weight\": {number}`"
            ))
            .propose(number)
    }
}
