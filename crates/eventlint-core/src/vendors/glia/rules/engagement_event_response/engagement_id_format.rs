use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `engagement_id` is a UUID in the 8-4-4-4-12 hex form, e.g.
    /// `af8c2e16-545d-4f83-9e79-7c5ebc544b1d`. A UUID written as 32 hex digits without its
    /// hyphens is named as such, with its canonical form.
    ///
    /// The event's own `id` is `glia.engagement-event.response/uuid-format`'s business (a
    /// warning).
    ///
    /// ## Why
    /// The documented response has a UUID in `engagement_id`, the one of the request path
    /// (SEED-004) [I]; but the Glia JS SDK documents engagement ids as numbers
    /// (vendor-rules.md §8.10), so another value is only an info.
    ///
    /// ## Example
    /// ```json
    /// {"id": "0df4c3f7-f55b-4186-962d-0c5198fd2adb", "engagement_id": "12345"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"id": "0df4c3f7-f55b-4186-962d-0c5198fd2adb", "engagement_id": "af8c2e16-545d-4f83-9e79-7c5ebc544b1d"}
    /// ```
    pub(crate) static ENGAGEMENT_ID_FORMAT = {
        id: "glia.engagement-event.response/engagement-id-format",
        severity: Info,
        summary: "`engagement_id` is not a UUID",
        structural: true,
        fix: Safe("when the value is a UUID written another way: its canonical form is written."),
    };
}

/// `engagement_id` (at `at`) is `shown`, not a UUID.
pub(crate) fn finding(at: Pointer, shown: &str) -> Finding {
    if let Some(canonical) = crate::rule::uuid::hyphenated(shown) {
        return Finding::new(
            &ENGAGEMENT_ID_FORMAT,
            at,
            format!("`engagement_id` `{shown}` is a UUID without its hyphens, not in the canonical 8-4-4-4-12 form"),
        )
        .help(format!("write it with its hyphens: `{canonical}`"))
        .propose_string(&canonical);
    }
    let message = if shown.is_empty() {
        "`engagement_id` is empty, not a UUID".to_owned()
    } else {
        format!("`engagement_id` `{shown}` is not a UUID")
    };
    Finding::new(&ENGAGEMENT_ID_FORMAT, at, message)
        .help("`engagement_id` is a UUID such as `af8c2e16-545d-4f83-9e79-7c5ebc544b1d` (8-4-4-4-12 hex digits)")
        .note("the REST API shows UUIDs, but the JS SDK documents engagement ids as numbers")
}
