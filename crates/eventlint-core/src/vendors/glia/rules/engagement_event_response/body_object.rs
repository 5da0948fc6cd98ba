use crate::document::value::Value;

use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rules::common::body_object;

declare_rule! {
    /// ## What it checks
    /// The 200 response of `POST /engagements/{engagement_id}/events` is a JSON object.
    ///
    /// ## Why
    /// "A successful request returns a newly-created event message object" (SEED-004). A client
    /// reading `id` or `timestamp` from anything else fails.
    ///
    /// ## Example
    /// ```json
    /// [{"id": "0df4c3f7-f55b-4186-962d-0c5198fd2adb", "status": "sent"}]
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"timestamp": "2019-08-28T13:55:24Z", "id": "0df4c3f7-f55b-4186-962d-0c5198fd2adb", "engagement_id": "af8c2e16-545d-4f83-9e79-7c5ebc544b1d", "sub_engagement_id": "339", "content": "Visitor navigated to insurance page", "status": "sent", "sender": {"type": "visitor"}, "target": "operator"}
    /// ```
    pub(crate) static BODY_OBJECT = {
        id: "glia.engagement-event.response/body-object",
        severity: Error,
        summary: "The event message response is not a JSON object",
        structural: true,
    };
}

/// The help of every finding.
const HELP: &str = "the 200 response is one event message object with `timestamp`, `id`, `engagement_id`, `sub_engagement_id`, `content`, `status`, `sender` and `target`";

pub(crate) fn finding(doc: &Value) -> Finding {
    body_object::finding(&BODY_OBJECT, doc, HELP)
}
