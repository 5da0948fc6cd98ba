//! `personalize.error`: an AWS rest-json error body of the Personalize Events API.

use crate::schema::Validators;

use crate::document::value::Value;

use super::model::ErrorBody;
use super::rules::error as r;
use crate::catalog::kind::{Kind, Role, Route};
use crate::rule::finding::Ctx;
use crate::schema::{self, Keyword, Violation};

pub(crate) static ERROR: Kind = Kind {
    id: "personalize.error",
    vendor: "AWS Personalize Events",
    role: Role::Error,
    routes: &[Route {
        method: "POST",
        path: "/events",
        status: "400, 404, 409, 429, 500",
        deprecated: false,
    }],
    description: "An AWS rest-json error body: `message` (or `Message`), `__type` or `code`",
    rules: &[
        &r::body_object::BODY_OBJECT,
        &r::message_missing::MESSAGE_MISSING,
        &r::string_types::STRING_TYPES,
        &r::unknown_key::UNKNOWN_KEY,
    ],
    schema: schema::generate::<ErrorBody>,
    round_trip: crate::catalog::kind::round_trip::<ErrorBody>,
    detect,
    map_violation,
    check,
    transport: crate::rule::request::no_transport,
    validators: Validators::new(),
};

/// An object with `__type` or `Message`.
fn detect(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|o| o.contains_key("__type") || o.contains_key("Message"))
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    let rel = v.path();
    match (&v.keyword, rel.as_slice()) {
        (Keyword::Type, []) => ctx.report(r::body_object::finding(doc)),
        (Keyword::Type, [_]) => ctx.report(r::string_types::finding(
            v.pointer.clone(),
            doc.pointer(v.pointer.as_str()),
        )),
        (Keyword::AdditionalProperties(keys), []) => {
            for key in keys {
                ctx.report(r::unknown_key::finding(key));
            }
        }
        _ => return false,
    }
    true
}

fn check(ctx: &mut Ctx<'_>, value: &Value) {
    if let Value::Object(body) = value {
        r::message_missing::check(ctx, body);
    }
}
