use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `code` is not a string holding an int32 integer, such as `"7"`.
    ///
    /// Any other value that is not an int32 integer (a fraction, a name such as
    /// `"PERMISSION_DENIED"`, a boolean) is `sajari.error/code-integer`'s business (an error).
    ///
    /// ## Why
    /// `code` is `type: integer, format: int32` (SJ-GO-OAS `Error`; `google.rpc.Status.code`).
    /// proto3 JSON decodes a quoted integer, so protojson clients read it; other JSON clients do
    /// not, so this is a warning.
    ///
    /// ## Example
    /// ```json
    /// {"code": "7", "message": "Permission denied"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"code": 7, "message": "Permission denied"}
    /// ```
    pub(crate) static CODE_STRING = {
        id: "sajari.error/code-string",
        severity: Warning,
        summary: "`code` is an integer in a string",
        structural: true,
        fix: Safe("when `code` is a known code in a string: the number is written."),
    };
}

/// `code` (at `at`) is the string `text`, which holds the int32 `n`.
pub(crate) fn finding(at: Pointer, text: &str, n: i32) -> Finding {
    Finding::new(
        &CODE_STRING,
        at,
        format!("`code` is the string `\"{text}\"`, not a number"),
    )
    .help(if (1..=16).contains(&n) {
        format!("write the number without quotes: `\"code\": {n}`")
    } else {
        format!("write the number without quotes, and make it a `google.rpc.Code` (1 to 16): `{n}` is none")
    })
    .propose_if((1..=16).contains(&n), n.to_string())
}
