use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The event's `id` is a UUID in the 8-4-4-4-12 hex form, e.g.
    /// `0df4c3f7-f55b-4186-962d-0c5198fd2adb`. A UUID written as 32 hex digits without its
    /// hyphens is named as such, with its canonical form. A non-UUID `engagement_id` is
    /// `glia.engagement-event.response/engagement-id-format`'s business (only an info, because
    /// the Glia JS SDK documents engagement ids as numbers, vendor-rules.md §8.10).
    ///
    /// ## Why
    /// The documented response has a UUID in `id` (SEED-004). A hand-written mock with `"id": "1"`
    /// usually means the test does not exercise what the real API returns.
    ///
    /// ## Example
    /// ```json
    /// {"id": "event-1", "engagement_id": "af8c2e16-545d-4f83-9e79-7c5ebc544b1d"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"id": "0df4c3f7-f55b-4186-962d-0c5198fd2adb", "engagement_id": "af8c2e16-545d-4f83-9e79-7c5ebc544b1d"}
    /// ```
    pub(crate) static UUID_FORMAT = {
        id: "glia.engagement-event.response/uuid-format",
        severity: Warning,
        summary: "The event's `id` is not a UUID",
        structural: true,
        fix: Safe("when the value is a UUID written another way: its canonical form is written."),
    };
}

/// The event's `id` (at `at`) is not a UUID.
pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    let shown = value.and_then(Value::as_str).unwrap_or_default();
    if let Some(canonical) = crate::rule::uuid::hyphenated(shown) {
        return Finding::new(
            &UUID_FORMAT,
            at,
            format!(
                "`id` `{shown}` is a UUID without its hyphens, not in the canonical 8-4-4-4-12 form"
            ),
        )
        .help(format!("write it with its hyphens: `{canonical}`"))
        .propose_string(&canonical);
    }
    let message = if shown.is_empty() {
        "`id` is empty, not a UUID".to_owned()
    } else {
        format!("`id` `{shown}` is not a UUID")
    };
    Finding::new(&UUID_FORMAT, at, message).help(
        "`id` is a UUID such as `0df4c3f7-f55b-4186-962d-0c5198fd2adb` (8-4-4-4-12 hex digits)",
    )
}
