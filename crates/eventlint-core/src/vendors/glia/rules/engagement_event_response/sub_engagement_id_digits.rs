use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The string `sub_engagement_id` holds only digits, such as `"339"`.
    ///
    /// A `sub_engagement_id` that is not a string (the number `339` included) is
    /// `glia.engagement-event.response/sub-engagement-id-string`'s business (an error).
    ///
    /// ## Why
    /// The documented response writes `"sub_engagement_id": "339"`, a numeric id written as a
    /// string (SEED-004; vendor-rules.md §5.3). A client that reads the string decodes another
    /// one, so this is a warning; one that converts it to a number fails.
    ///
    /// ## Example
    /// ```json
    /// {"sub_engagement_id": "sub-339"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"sub_engagement_id": "339"}
    /// ```
    pub(crate) static SUB_ENGAGEMENT_ID_DIGITS = {
        id: "glia.engagement-event.response/sub-engagement-id-digits",
        severity: Warning,
        summary: "`sub_engagement_id` is a string with other characters than digits",
        structural: true,
    };
}

/// `sub_engagement_id` (at `at`) is the string `shown`, not all digits.
pub(crate) fn finding(at: Pointer, shown: &str) -> Finding {
    Finding::new(
        &SUB_ENGAGEMENT_ID_DIGITS,
        at,
        format!("`sub_engagement_id` `{shown}` is not a string of digits"),
    )
    .help("`sub_engagement_id` is a numeric id written as a string, e.g. `\"339\"`")
}
