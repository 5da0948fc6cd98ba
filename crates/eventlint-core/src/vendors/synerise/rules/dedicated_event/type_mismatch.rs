use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location, Target};
use crate::rule::request::RequestView;

declare_rule! {
    /// ## What it checks
    /// That a dedicated event's body does not name another endpoint than its path: a batch
    /// element (`"type": "hit-timer"`) posted alone to `/v4/events/shared` is reported at the
    /// path parameter, with the body's `type` marked as the other place.
    ///
    /// ## Why
    /// The endpoint decides the event: Synerise stores the event the path names (here
    /// `client.shared`) and ignores `type`, which is a batch element's member (vendor-rules.md
    /// §2.5, §2.6; SEED-001). The event the body meant is lost.
    ///
    /// ## Example
    /// ```http
    /// POST https://api.synerise.com/v4/events/shared
    /// Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2VjcmV0
    /// Api-Version: 4.4
    /// Content-Type: application/json
    ///
    /// {"type": "hit-timer", "label": "timer", "client": {"customId": "c-1"}}
    /// ```
    ///
    /// ## Fix
    /// ```http
    /// POST https://api.synerise.com/v4/events/hit-timer
    /// Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2VjcmV0
    /// Api-Version: 4.4
    /// Content-Type: application/json
    ///
    /// {"label": "timer", "client": {"customId": "c-1"}}
    /// ```
    pub(crate) static TYPE_MISMATCH = {
        id: "synerise.dedicated-event/type-mismatch",
        severity: Error,
        summary: "A dedicated event's body names another endpoint (`type`) than its path",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    let (endpoint, param) = match (request.param("push"), request.param("endpoint")) {
        (Some(push), _) => (format!("push/{push}"), "push"),
        (None, Some(endpoint)) => (endpoint.to_owned(), "endpoint"),
        (None, None) => return,
    };
    let Some(named) = request.body_string("type") else {
        return;
    };
    if named == endpoint {
        return;
    }
    ctx.report(
        Finding::on_request(
            &TYPE_MISMATCH,
            Location::PathParam(param),
            format!("the request goes to `/v4/events/{endpoint}`, but its body's `type` is `{named}`"),
        )
        .related_at(
            Location::Body {
                pointer: Pointer::root().key("type"),
                target: Target::Value,
            },
            format!("`{named}` here"),
        )
        .help(format!(
            "send the event to `/v4/events/{named}` and remove `type` from the body (it belongs to batch elements)"
        )),
    );
}

#[cfg(test)]
mod tests {
    use crate::http::testing::{check, of};

    #[test]
    fn the_path_and_the_body_are_both_marked() {
        let text = "POST https://api.synerise.com/v4/events/shared\nAuthorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2VjcmV0\nApi-Version: 4.4\nContent-Type: application/json\n\n{\"type\": \"hit-timer\", \"label\": \"t\", \"client\": {\"customId\": \"c-1\"}}\n";
        let report = check(text);
        let found = of(&report, super::TYPE_MISMATCH.id);
        let d = found.first().expect("the rule fires");
        assert_eq!(&report.source[d.span.clone()], "shared");
        assert_eq!(d.related.len(), 1);
        assert_eq!(&report.source[d.related[0].span.clone()], "\"hit-timer\"");
        assert_eq!(d.related[0].pointer, "/type");
        let clean = text.replace("/shared", "/hit-timer");
        assert!(of(&check(&clean), super::TYPE_MISMATCH.id).is_empty());
    }
}
