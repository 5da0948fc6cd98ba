//! `synerise.dedicated-event`: the body of `POST /v4/events/{endpoint}` (hit-timer, logged-in,
//! added-to-cart, …, and the two-segment `push/clicked`, … at `/v4/events/push/{push}`). The endpoint is a path parameter, so only the rules every dedicated
//! endpoint shares apply; the endpoint-specific ones run on batch elements, whose `type` names
//! the endpoint.

use crate::schema::Validators;

use crate::document::value::{Map, Value};

use super::model::DedicatedEvent;
use super::rules::dedicated_event as d;
use super::shared::event;
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::Pointer;
use crate::rule::finding::Ctx;
use crate::schema::{self, Keyword, Violation};

pub(crate) static DEDICATED_EVENT: Kind = Kind {
    id: "synerise.dedicated-event",
    vendor: "Synerise",
    role: Role::Request,
    // The `push/*` endpoints are two segments: a route of their own.
    routes: &[
        Route {
            method: "POST",
            path: "/v4/events/{endpoint}",
            status: "",
            deprecated: false,
        },
        Route {
            method: "POST",
            path: "/v4/events/push/{push}",
            status: "",
            deprecated: false,
        },
    ],
    description: "An event of a dedicated endpoint such as hit-timer (client, label, optional time, params, eventSalt; no action)",
    rules: super::shared::event::with_event_rules![
        &d::action_ignored::ACTION_IGNORED,
        &d::body_object::BODY_OBJECT,
        &d::endpoint_known::ENDPOINT_KNOWN,
        &d::type_mismatch::TYPE_MISMATCH,
    ],
    schema: schema::generate::<DedicatedEvent>,
    round_trip: crate::catalog::kind::round_trip::<DedicatedEvent>,
    detect,
    map_violation,
    check,
    transport: super::shared::transport::dedicated_event,
    validators: Validators::new(),
};

/// An object with `client`, and neither `action` nor a batch `type`.
fn detect(value: &Value) -> bool {
    value.as_object().is_some_and(|o| {
        o.contains_key("client") && !o.contains_key("action") && !o.contains_key("type")
    })
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    let rel = v.path();
    match (&v.keyword, rel.as_slice()) {
        (Keyword::Type, []) => ctx.report(d::body_object::finding(doc)),
        _ => return event::map_violation(ctx, v, &rel, &Pointer::root(), doc),
    }
    true
}

fn check(ctx: &mut Ctx<'_>, value: &Value) {
    let Value::Object(body) = value else { return };
    check_event(ctx, &Pointer::root(), body);
}

fn check_event(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<'_>) {
    // The schema allows any `action` (the endpoint ignores it); this rule reports every one.
    if let Some(action) = body.get("action") {
        ctx.report(d::action_ignored::finding(base.key("action"), action));
    }
    event::check(ctx, base, body);
}
