//! `glia.error`: the `{message, debug_message}` error body (401, 403).

use crate::schema::Validators;

use crate::document::value::Value;

use super::model::Error;
use super::rules::error as r;
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::Pointer;
use crate::rule::finding::Ctx;
use crate::schema::{self, Keyword, Violation};

pub(crate) static ERROR: Kind = Kind {
    id: "glia.error",
    vendor: "Glia",
    role: Role::Error,
    routes: &[Route {
        method: "POST",
        path: "/engagements/{engagement_id}/events",
        status: "401, 403",
        deprecated: false,
    }],
    description: "Error body {message, debug_message}",
    rules: &[
        &r::body_object::BODY_OBJECT,
        &r::debug_message_missing::DEBUG_MESSAGE_MISSING,
        &r::debug_message_required::DEBUG_MESSAGE_REQUIRED,
        &r::message_required::MESSAGE_REQUIRED,
        &r::unknown_key::UNKNOWN_KEY,
    ],
    schema: schema::generate::<Error>,
    round_trip: crate::catalog::kind::round_trip::<Error>,
    detect,
    map_violation,
    check,
    transport: crate::rule::request::no_transport,
    validators: Validators::new(),
};

/// An object with `debug_message`.
fn detect(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|o| o.contains_key("debug_message"))
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    let root = Pointer::root();
    let at = v.pointer.clone();
    let instance = doc.pointer(v.pointer.as_str());
    let finding = match (&v.keyword, v.path().as_slice(), instance) {
        (Keyword::Type, [], _) => r::body_object::finding(doc),
        (Keyword::Required(p), [], _) if p == "message" => r::message_required::missing(root),
        (Keyword::Required(p), [], _) if p == "debug_message" => {
            r::debug_message_missing::finding(root)
        }
        (Keyword::Type, ["message"], Some(value)) => r::message_required::wrong(at, value),
        (Keyword::Type, ["debug_message"], Some(value)) => {
            r::debug_message_required::wrong(at, value)
        }
        (Keyword::AdditionalProperties(keys), [], _) => {
            for key in keys {
                ctx.report(r::unknown_key::finding(&root, key, doc.get(key)));
            }
            return true;
        }
        _ => return false,
    };
    ctx.report(finding);
    true
}

fn check(_: &mut Ctx<'_>, _: &Value) {}
