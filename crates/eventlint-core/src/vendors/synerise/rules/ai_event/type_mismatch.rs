use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location, Target};
use crate::rule::request::RequestView;

declare_rule! {
    /// ## What it checks
    /// That a single AI event's body does not name another event type than its path: a body
    /// with `"eventType": "recommendation.click"` posted to
    /// `/events/v1/single/recommendation.view` is reported at the path parameter, with the
    /// body's `eventType` marked as the other place.
    ///
    /// ## Why
    /// The path decides the event type of a single AI event (SEED-001); `eventType` belongs to
    /// the batch body (`/events/v1/batch`). A click sent as a view trains the recommendations
    /// on the wrong signal.
    ///
    /// ## Example
    /// ```http
    /// POST https://api.synerise.com/events/v1/single/recommendation.view?token=56ba9d02-aaaa-aaaa-aaaa-018564059ea3
    /// Content-Type: application/json
    ///
    /// {"eventType": "recommendation.click", "correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"]}
    /// ```
    ///
    /// ## Fix
    /// ```http
    /// POST https://api.synerise.com/events/v1/single/recommendation.click?token=56ba9d02-aaaa-aaaa-aaaa-018564059ea3
    /// Content-Type: application/json
    ///
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"]}
    /// ```
    pub(crate) static TYPE_MISMATCH = {
        id: "synerise.ai-event/type-mismatch",
        severity: Error,
        summary: "A single AI event's body names another event type (`eventType`) than its path",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    let Some(path_type) = request.param("eventType") else {
        return;
    };
    let Some(named) = request.body_string("eventType") else {
        return;
    };
    if named == path_type {
        return;
    }
    ctx.report(
        Finding::on_request(
            &TYPE_MISMATCH,
            Location::PathParam("eventType"),
            format!("the path sends a `{path_type}` event, but the body's `eventType` is `{named}`"),
        )
        .related_at(
            Location::Body {
                pointer: Pointer::root().key("eventType"),
                target: Target::Value,
            },
            format!("`{named}` here"),
        )
        .help(format!(
            "send the event to `/events/v1/single/{named}` and remove `eventType` from the body (it belongs to batches)"
        )),
    );
}

#[cfg(test)]
mod tests {
    use crate::http::testing::{check, of};

    #[test]
    fn the_path_and_the_body_are_both_marked() {
        let text = "POST https://api.synerise.com/events/v1/single/recommendation.view?token=56ba9d02-aaaa-aaaa-aaaa-018564059ea3\nContent-Type: application/json\n\n{\"eventType\": \"recommendation.click\", \"correlationId\": \"c\", \"clientUUID\": \"e0097757-d1e2-44ac-ba3c-d97979a354c1\", \"items\": [\"1\"]}\n";
        let report = check(text);
        let found = of(&report, super::TYPE_MISMATCH.id);
        let d = found.first().expect("the rule fires");
        assert_eq!(&report.source[d.span.clone()], "recommendation.view");
        assert_eq!(
            &report.source[d.related[0].span.clone()],
            "\"recommendation.click\""
        );
        let clean = text.replace("single/recommendation.view", "single/recommendation.click");
        assert!(of(&check(&clean), super::TYPE_MISMATCH.id).is_empty());
    }
}
