//! `glia.engagement-event`: the body of `POST /engagements/{engagement_id}/events`.

use crate::schema::Validators;

use crate::document::value::Value;

use super::model::EngagementEvent;
use super::rules::engagement_event as r;
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::Pointer;
use crate::rule::finding::Ctx;
use crate::schema::{self, Keyword, Violation};

pub(crate) static ENGAGEMENT_EVENT: Kind = Kind {
    id: "glia.engagement-event",
    vendor: "Glia",
    role: Role::Request,
    routes: &[Route {
        method: "POST",
        path: "/engagements/{engagement_id}/events",
        status: "",
        deprecated: false,
    }],
    description: "An event message about a visitor's action ({\"message\": …})",
    rules: &[
        &r::body_object::BODY_OBJECT,
        &r::message_empty::MESSAGE_EMPTY,
        &r::message_length::MESSAGE_LENGTH,
        &r::message_required::MESSAGE_REQUIRED,
        &r::unknown_key::UNKNOWN_KEY,
    ],
    schema: schema::generate::<EngagementEvent>,
    round_trip: crate::catalog::kind::round_trip::<EngagementEvent>,
    detect,
    map_violation,
    check,
    transport: crate::rule::request::no_transport,
    validators: Validators::new(),
};

/// An object with `message` and none of `debug_message`, `status`, `code`, `__type`, `Message`.
fn detect(value: &Value) -> bool {
    value.as_object().is_some_and(|o| {
        o.contains_key("message")
            && !["debug_message", "status", "code", "__type", "Message"]
                .iter()
                .any(|k| o.contains_key(k))
    })
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    let root = Pointer::root();
    let instance = doc.pointer(v.pointer.as_str());
    let finding = match (&v.keyword, v.path().as_slice(), instance) {
        (Keyword::Type, [], _) => r::body_object::finding(doc),
        (Keyword::Required(p), [], _) if p == "message" => r::message_required::missing(root),
        (Keyword::Type, ["message"], Some(value)) => {
            r::message_required::wrong(v.pointer.clone(), value)
        }
        (Keyword::AdditionalProperties(keys), [], _) => {
            for key in keys {
                ctx.report(r::unknown_key::finding(&root, key));
            }
            return true;
        }
        _ => return false,
    };
    ctx.report(finding);
    true
}

fn check(ctx: &mut Ctx<'_>, value: &Value) {
    let Value::Object(body) = value else { return };
    let root = Pointer::root();
    r::message_empty::check(ctx, &root, body);
    r::message_length::check(ctx, &root, body);
}
