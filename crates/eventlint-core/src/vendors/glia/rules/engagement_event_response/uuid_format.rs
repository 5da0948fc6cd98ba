use crate::value::Value;

use crate::check::Finding;
use crate::diagnostic::Severity;
use crate::pointer::Pointer;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// `id` and `engagement_id` are UUIDs in the 8-4-4-4-12 hex form, e.g.
    /// `0df4c3f7-f55b-4186-962d-0c5198fd2adb`. A non-UUID `id` is a **warning**; a non-UUID
    /// `engagement_id` only an **info**, because the Glia JS SDK documents engagement ids as
    /// numbers (vendor-rules.md §8.10).
    ///
    /// ## Why
    /// The documented response has UUIDs in both fields, and `engagement_id` is the one of the
    /// request path (SEED-004) [I]. A hand-written mock with `"id": "1"` usually means the test
    /// does not exercise what the real API returns.
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
        summary: "`id` or `engagement_id` is not a UUID (`engagement_id`: info)",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, field: &str, value: Option<&Value>) -> Finding {
    let shown = value.and_then(Value::as_str).unwrap_or_default();
    let message = if shown.is_empty() {
        format!("`{field}` is empty, not a UUID")
    } else {
        format!("`{field}` `{shown}` is not a UUID")
    };
    let f = Finding::new(&UUID_FORMAT, at, message).help(format!(
        "`{field}` is a UUID such as `0df4c3f7-f55b-4186-962d-0c5198fd2adb` (8-4-4-4-12 hex digits)"
    ));
    if field == "engagement_id" {
        f.severity(Severity::Info)
            .note("the REST API shows UUIDs, but the JS SDK documents engagement ids as numbers")
    } else {
        f
    }
}
