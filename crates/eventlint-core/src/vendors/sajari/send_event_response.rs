//! `sajari.send-event.response`: the 200 response of `POST /v4/events:sendEvent`.

use crate::schema::Validators;

use crate::document::value::Value;

use super::model::SendEventResponse;
use super::rules::send_event_response as r;
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::Pointer;
use crate::rule::finding::Ctx;
use crate::schema::{self, Keyword, Violation};

pub(crate) static SEND_EVENT_RESPONSE: Kind = Kind {
    id: "sajari.send-event.response",
    vendor: "Sajari",
    role: Role::Response,
    routes: &[
        Route {
            method: "POST",
            path: "/v4/events:sendEvent",
            status: "200",
            deprecated: true,
        },
        Route {
            method: "POST",
            path: "/v4/events:send",
            status: "200",
            deprecated: false,
        },
    ],
    description: "SendEventResponse: the empty object",
    rules: &[&r::body_object::BODY_OBJECT, &r::unknown_key::UNKNOWN_KEY],
    schema: schema::generate::<SendEventResponse>,
    round_trip: crate::catalog::kind::round_trip::<SendEventResponse>,
    detect,
    map_violation,
    check,
    transport: crate::rule::request::no_transport,
    validators: Validators::new(),
};

/// The empty object `{}`.
fn detect(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(crate::document::value::Map::is_empty)
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    match (&v.keyword, v.path().as_slice()) {
        (Keyword::Type, []) => ctx.report(r::body_object::finding(doc)),
        (Keyword::AdditionalProperties(keys), []) => {
            for key in keys {
                ctx.report(r::unknown_key::finding(key, doc));
            }
        }
        // With no properties declared, the validator reports each member against the `false`
        // schema of `additionalProperties`, at the object: report every member once.
        (Keyword::Other(k), []) if k == "falseSchema" => {
            for key in doc
                .as_object()
                .into_iter()
                .flat_map(crate::document::value::Map::keys)
            {
                if !ctx.has_finding_at(&Pointer::root().key(key)) {
                    ctx.report(r::unknown_key::finding(key, doc));
                }
            }
        }
        _ => return false,
    }
    true
}

fn check(_: &mut Ctx<'_>, _: &Value) {}
