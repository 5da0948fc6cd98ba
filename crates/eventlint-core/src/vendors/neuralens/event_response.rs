//! `neuralens.event.response`: the `{status, message}` response of `POST /analytics/event`.

use crate::schema::Validators;

use crate::document::value::Value;

use super::model::{EventResponse, RESPONSE_KEYS};
use super::rules::event_response as r;
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::Pointer;
use crate::rule::finding::Ctx;
use crate::schema::{self, Keyword, Violation};

pub(crate) static EVENT_RESPONSE: Kind = Kind {
    id: "neuralens.event.response",
    vendor: "Neuralens",
    role: Role::Response,
    routes: &[Route {
        method: "POST",
        path: "/analytics/event",
        status: "200",
        deprecated: false,
    }],
    description: "The event-tracking response: `status` (success or failure) and `message`",
    rules: &[
        &r::failure_message_empty::FAILURE_MESSAGE_EMPTY,
        &r::message_type::MESSAGE_TYPE,
        &r::status_enum::STATUS_ENUM,
        &r::unknown_key::UNKNOWN_KEY,
    ],
    schema: schema::generate::<EventResponse>,
    round_trip: crate::catalog::kind::round_trip::<EventResponse>,
    detect,
    map_violation,
    check,
    transport: crate::rule::request::no_transport,
    validators: Validators::new(),
};

/// An object with a string `status`, whose keys are all `status` or `message`.
fn detect(value: &Value) -> bool {
    value.as_object().is_some_and(|o| {
        o.get("status").is_some_and(Value::is_string)
            && o.keys().all(|k| RESPONSE_KEYS.contains(&k.as_str()))
    })
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    let rel = v.path();
    let root = Pointer::root();
    let at = v.pointer.clone();
    let instance = doc.pointer(at.as_str());
    let finding = match (&v.keyword, rel.as_slice()) {
        (Keyword::Type, []) => r::status_enum::body(doc),
        (Keyword::Required(p), []) if p == "status" => r::status_enum::missing(root),
        (Keyword::AdditionalProperties(keys), []) => {
            for key in keys {
                ctx.report(r::unknown_key::finding(&root, key));
            }
            return true;
        }
        (Keyword::Type | Keyword::Enum(_) | Keyword::OneOf | Keyword::Const(_), ["status"]) => {
            r::status_enum::wrong(at, instance)
        }
        (Keyword::Type, ["message"]) => r::message_type::finding(at, instance),
        _ => return false,
    };
    ctx.report(finding);
    true
}

fn check(ctx: &mut Ctx<'_>, value: &Value) {
    let Value::Object(body) = value else { return };
    r::failure_message_empty::check(ctx, &Pointer::root(), body);
}
