//! `glia.engagement-event`: the body of `POST /engagements/{engagement_id}/events`, and the
//! request around it (`Authorization`, `Accept`, `Content-Type`, the path's `engagement_id`).

use crate::schema::Validators;

use crate::document::value::Value;

use super::model::EngagementEvent;
use super::rules::engagement_event as r;
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::Pointer;
use crate::rule::finding::Ctx;
use crate::rule::request::RequestView;
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
        &r::accept::ACCEPT,
        &r::auth_format::AUTH_FORMAT,
        &r::auth_missing::AUTH_MISSING,
        &r::auth_placeholder::AUTH_PLACEHOLDER,
        &r::auth_scheme_legacy::AUTH_SCHEME_LEGACY,
        &r::body_object::BODY_OBJECT,
        &r::content_type::CONTENT_TYPE,
        &r::content_type_charset::CONTENT_TYPE_CHARSET,
        &r::engagement_id::ENGAGEMENT_ID,
        &r::engagement_id_uuid::ENGAGEMENT_ID_UUID,
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
    transport,
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

/// The transport rules (SEED-004's three required headers and the path's `engagement_id`).
fn transport(ctx: &mut Ctx<'_>, view: &RequestView<'_>) {
    if let Some(authorization) = r::auth_missing::check(ctx, view) {
        r::auth_format::check(ctx, authorization);
        r::auth_scheme_legacy::check(ctx, authorization);
        r::auth_placeholder::check(ctx, authorization);
    }
    r::accept::check(ctx, view);
    r::content_type::check(ctx, view);
    r::content_type_charset::check(ctx, view);
    if let Some(id) = r::engagement_id::check(ctx, view) {
        r::engagement_id_uuid::check(ctx, id);
    }
}
