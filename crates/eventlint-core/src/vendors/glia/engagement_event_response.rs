//! `glia.engagement-event.response`: the 200 response of
//! `POST /engagements/{engagement_id}/events`, the newly created event message.

use crate::schema::Validators;

use crate::document::value::Value;

use super::model::EventMessage;
use super::rules::engagement_event_response as r;
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::Pointer;
use crate::rule::finding::Ctx;
use crate::schema::{self, Keyword, Violation};

pub(crate) static ENGAGEMENT_EVENT_RESPONSE: Kind = Kind {
    id: "glia.engagement-event.response",
    vendor: "Glia",
    role: Role::Response,
    routes: &[Route {
        method: "POST",
        path: "/engagements/{engagement_id}/events",
        status: "200",
        deprecated: false,
    }],
    description: "The created event message (timestamp, ids, content, status, sender, target)",
    rules: &[
        &r::body_object::BODY_OBJECT,
        &r::engagement_id_format::ENGAGEMENT_ID_FORMAT,
        &r::field_required::FIELD_REQUIRED,
        &r::field_type::FIELD_TYPE,
        &r::sender_not_visitor::SENDER_NOT_VISITOR,
        &r::sub_engagement_id_digits::SUB_ENGAGEMENT_ID_DIGITS,
        &r::sub_engagement_id_string::SUB_ENGAGEMENT_ID_STRING,
        &r::timestamp_iso8601::TIMESTAMP_ISO8601,
        &r::timestamp_offset::TIMESTAMP_OFFSET,
        &r::timestamp_utc::TIMESTAMP_UTC,
        &r::unknown_key::UNKNOWN_KEY,
        &r::uuid_format::UUID_FORMAT,
    ],
    schema: schema::generate::<EventMessage>,
    round_trip: crate::catalog::kind::round_trip::<EventMessage>,
    detect,
    map_violation,
    check,
    transport: crate::rule::request::no_transport,
    validators: Validators::new(),
};

/// An object with `engagement_id` or `sub_engagement_id`.
fn detect(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|o| o.contains_key("engagement_id") || o.contains_key("sub_engagement_id"))
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    let root = Pointer::root();
    let at = v.pointer.clone();
    let instance = doc.pointer(v.pointer.as_str());
    let finding = match (&v.keyword, v.path().as_slice(), instance) {
        (Keyword::Type, [], _) => r::body_object::finding(doc),
        (Keyword::Required(p), [], _) => r::field_required::missing(root, p, p),
        (Keyword::Required(p), ["sender"], _) => {
            r::field_required::missing(at, &format!("sender.{p}"), p)
        }
        (Keyword::AdditionalProperties(keys), [], _) => {
            for key in keys {
                ctx.report(r::unknown_key::finding(&root, key, false));
            }
            return true;
        }
        (Keyword::AdditionalProperties(keys), ["sender"], _) => {
            for key in keys {
                ctx.report(r::unknown_key::finding(&at, key, true));
            }
            return true;
        }
        (Keyword::Type, ["sub_engagement_id"], Some(value)) => {
            r::sub_engagement_id_string::wrong_type(at, value)
        }
        (Keyword::Pattern(_), ["sub_engagement_id"], value) => {
            let shown = value.and_then(Value::as_str).unwrap_or_default();
            r::sub_engagement_id_digits::finding(at, shown)
        }
        (Keyword::Pattern(_), ["engagement_id"], value) => {
            let shown = value.and_then(Value::as_str).unwrap_or_default();
            r::engagement_id_format::finding(at, shown)
        }
        (Keyword::Pattern(_), ["id"], value) => r::uuid_format::finding(at, value),
        (Keyword::Type, [field], Some(value)) => r::field_type::finding(at, field, value),
        (Keyword::Type, ["sender", "type"], Some(value)) => {
            r::field_type::finding(at, "sender.type", value)
        }
        _ => return false,
    };
    ctx.report(finding);
    true
}

fn check(ctx: &mut Ctx<'_>, value: &Value) {
    let Value::Object(body) = value else { return };
    let root = Pointer::root();
    r::timestamp_iso8601::check(ctx, &root, body);
    r::timestamp_utc::check(ctx, &root, body);
    r::sender_not_visitor::check(ctx, &root, body);
}
