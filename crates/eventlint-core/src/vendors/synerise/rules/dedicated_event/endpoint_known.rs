use crate::message::suggest::{did_you_mean, did_you_mean_suffix, one_of};
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;
use crate::vendors::synerise::shared::actions::DEDICATED;

declare_rule! {
    /// ## What it checks
    /// That the endpoint of a request to `POST /v4/events/{endpoint}` is a known dedicated
    /// endpoint (vendor-rules.md §2.6): `added-to-cart`, `removed-from-cart`,
    /// `added-to-favorites`, `appeared-in-location`, `application-started`,
    /// `assigned-to-company`, `cancelled-transaction`, `hit-timer`, `item-search-click`,
    /// `logged-in`, `logged-out`, `product-view`, `registered`, `searched`, `shared`,
    /// `visited-screen`, and the nested `push/clicked`, `push/viewed`, `push/cancelled`,
    /// `push/received` (`POST /v4/events/push/{push}`). A close name gets a "did you mean"; an
    /// action name (`client.hitTimer`) is translated to its endpoint. The legacy
    /// `completed-transaction` and `recommendation-seen`, known only from the older generated
    /// client, are reported too, with a note.
    ///
    /// `custom` and `batch` are endpoints of their own (`synerise.custom-event`,
    /// `synerise.batch-events`); a batch element's `type` names a dedicated endpoint in a body,
    /// and `synerise.batch-events/type-known` checks it.
    ///
    /// ## Why
    /// Each dedicated endpoint sets its event's action in the backend (SYN-PHP, SEED-001); an
    /// unknown path is answered 404 and the event is lost. A warning, not an error: the list of
    /// dedicated endpoints is not fully documented (vendor-rules.md §2.4, §8.5).
    ///
    /// ## Example
    /// ```http
    /// POST https://api.synerise.com/v4/events/hit_timer
    /// Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl
    /// Api-Version: 4.4
    /// Content-Type: application/json
    ///
    /// {"client": {"id": 267498412}, "label": "timer", "time": "2022-11-26T13:13:48Z"}
    /// ```
    ///
    /// ## Fix
    /// ```http
    /// POST https://api.synerise.com/v4/events/hit-timer
    /// Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl
    /// Api-Version: 4.4
    /// Content-Type: application/json
    ///
    /// {"client": {"id": 267498412}, "label": "timer", "time": "2022-11-26T13:13:48Z"}
    /// ```
    pub(crate) static ENDPOINT_KNOWN = {
        id: "synerise.dedicated-event/endpoint-known",
        severity: Warning,
        summary: "The endpoint of `/v4/events/{endpoint}` is not a known dedicated endpoint",
    };
}

/// Dedicated endpoints known only from the older generated client (SYN-M2).
const LEGACY: &[&str] = &["completed-transaction", "recommendation-seen"];

/// The dedicated endpoint a request names (`hit-timer`, `push/clicked`), and the path parameter
/// it is in.
fn endpoint(request: &RequestView<'_>) -> Option<(String, &'static str)> {
    if let Some(push) = request.param("push") {
        return Some((format!("push/{push}"), "push"));
    }
    request
        .param("endpoint")
        .map(|e| (e.to_owned(), "endpoint"))
}

pub(crate) fn check(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    let Some((name, param)) = endpoint(request) else {
        return;
    };
    if DEDICATED.iter().any(|(e, _)| *e == name) {
        return;
    }
    let names: Vec<&str> = DEDICATED.iter().map(|(e, _)| *e).collect();
    let near = DEDICATED
        .iter()
        .find(|(_, action)| *action == name)
        .map(|(e, _)| *e)
        .or_else(|| did_you_mean(&name, &names));
    let mut finding = Finding::on_request(
        &ENDPOINT_KNOWN,
        Location::PathParam(param),
        format!("`{}` is not a known dedicated endpoint", request.path),
    );
    finding = match near {
        Some(near) => finding
            .message_suffix(&did_you_mean_suffix(near))
            .help(format!("send the event to `/v4/events/{near}`")),
        None => finding.help(format!(
            "send the event to a dedicated endpoint ({}), or to `/v4/events/custom` with an `action`",
            one_of(&names, 8)
        )),
    };
    if LEGACY.contains(&name.as_str()) {
        finding = finding.note(format!(
            "`{name}` is known only from the older generated client; the current API does not list it"
        ));
    }
    ctx.report(finding);
}

#[cfg(test)]
mod tests {
    use crate::http::testing::{check, marked, of};

    const RULE: &str = "synerise.dedicated-event/endpoint-known";

    fn request(path: &str) -> String {
        format!(
            "POST https://api.synerise.com/v4/events/{path}\nAuthorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl\nApi-Version: 4.4\nContent-Type: application/json\n\n{{\"client\": {{\"id\": 1}}, \"label\": \"x\"}}\n"
        )
    }

    #[test]
    fn an_unknown_endpoint_is_reported_on_its_path_parameter() {
        let text = request("hit_timer");
        let report = check(&text);
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
        assert_eq!(marked(&report, found[0]), "hit_timer");
        assert!(
            found[0].message.contains("`hit-timer`"),
            "{}",
            found[0].message
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("send the event to `/v4/events/hit-timer`")
        );
    }

    #[test]
    fn an_action_name_is_translated() {
        let report = check(&request("client.hitTimer"));
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
        assert!(found[0].message.contains("`hit-timer`"));
    }

    #[test]
    fn push_endpoints_are_two_segments() {
        for path in [
            "push/clicked",
            "push/viewed",
            "push/cancelled",
            "push/received",
        ] {
            let report = check(&request(path));
            assert_eq!(
                report.kind.map(|k| k.id),
                Some("synerise.dedicated-event"),
                "{path}"
            );
            assert!(
                of(&report, RULE).is_empty(),
                "{path}: {:#?}",
                report.diagnostics
            );
            assert!(of(&report, "request/unknown-endpoint").is_empty(), "{path}");
        }
        let text = request("push/clicks");
        let report = check(&text);
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
        assert_eq!(marked(&report, found[0]), "clicks");
        assert!(
            found[0].message.contains("`push/clicked`"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn known_endpoints_are_clean_and_legacy_ones_get_a_note() {
        for path in [
            "hit-timer",
            "logged-in",
            "item-search-click",
            "visited-screen",
        ] {
            assert!(of(&check(&request(path)), RULE).is_empty(), "{path}");
        }
        let report = check(&request("completed-transaction"));
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .note
                .as_deref()
                .is_some_and(|n| n.contains("older"))
        );
    }
}
