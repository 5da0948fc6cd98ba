use crate::message::suggest::{did_you_mean, did_you_mean_suffix};
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;

declare_rule! {
    /// ## What it checks
    /// That the event type in the path of `POST /events/v1/single/{eventType}` is one of the
    /// three AI event types: `recommendation.view`, `recommendation.click`,
    /// `item.search.click`. A close spelling (`recommendation-view`, `Recommendation.View`) gets
    /// a "did you mean"; a v4 dedicated endpoint's name (`item-search-click`) is translated.
    ///
    /// ## Why
    /// The AI events API takes exactly these three types (SEED-001; vendor-rules.md §2.7); any
    /// other path is not an endpoint of it, and the event is lost.
    ///
    /// ## Example
    /// ```http
    /// POST https://api.synerise.com/events/v1/single/recommendation-view?token=98A5FC55-0000-4000-8000-00000000cafe
    /// Content-Type: application/json
    ///
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"], "eventTimestamp": 1670505802000}
    /// ```
    ///
    /// ## Fix
    /// ```http
    /// POST https://api.synerise.com/events/v1/single/recommendation.view?token=98A5FC55-0000-4000-8000-00000000cafe
    /// Content-Type: application/json
    ///
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": ["89435879453"], "eventTimestamp": 1670505802000}
    /// ```
    pub(crate) static PATH_TYPE = {
        id: "synerise.ai-event/path-type",
        severity: Error,
        summary: "The event type in the path of an AI event is not one of the three AI types",
    };
}

/// The event types of the AI events API.
pub(crate) const TYPES: &[&str] = &[
    "recommendation.view",
    "recommendation.click",
    "item.search.click",
];

pub(crate) fn check(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    let Some(ty) = request.param("eventType") else {
        return;
    };
    if TYPES.contains(&ty) {
        return;
    }
    let dotted = ty.replace(['-', '_'], ".");
    let near = TYPES
        .iter()
        .copied()
        .find(|t| t.eq_ignore_ascii_case(&dotted))
        .or_else(|| did_you_mean(ty, TYPES));
    let finding = Finding::on_request(
        &PATH_TYPE,
        Location::PathParam("eventType"),
        format!("`{ty}` is not an AI event type"),
    );
    ctx.report(match near {
        Some(near) => finding
            .message_suffix(&did_you_mean_suffix(near))
            .help(format!("send the event to `/events/v1/single/{near}`")),
        None => finding.help(
            "send the event to `/events/v1/single/` followed by `recommendation.view`, `recommendation.click` or `item.search.click`; other events go to the v4 events API",
        ),
    });
}

#[cfg(test)]
mod tests {
    use crate::http::testing::{check, marked, of};

    const RULE: &str = "synerise.ai-event/path-type";

    fn request(ty: &str) -> String {
        format!(
            "POST https://api.synerise.com/events/v1/single/{ty}?token=98A5FC55-0000-4000-8000-00000000cafe\nContent-Type: application/json\n\n{{\"correlationId\": \"5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b\", \"clientUUID\": \"e0097757-d1e2-44ac-ba3c-d97979a354c1\", \"items\": [\"1\"]}}\n"
        )
    }

    #[test]
    fn an_unknown_type_is_reported_on_its_path_parameter() {
        let text = request("recommendation-view");
        let report = check(&text);
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
        assert_eq!(marked(&report, found[0]), "recommendation-view");
        assert!(
            found[0].message.contains("`recommendation.view`"),
            "{}",
            found[0].message
        );
        let report = check(&request("page.visit"));
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("v4 events API"))
        );
    }

    #[test]
    fn the_three_types_are_clean() {
        for ty in super::TYPES {
            let report = check(&request(ty));
            assert!(
                of(&report, RULE).is_empty(),
                "{ty}: {:#?}",
                report.diagnostics
            );
        }
    }
}
