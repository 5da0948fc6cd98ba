//! `synerise.error`: the v4 API's error body (`HTTP400`), returned with 400, 401, 403 and 415.

use crate::schema::Validators;

use crate::document::value::Value;

use super::model::{ERROR_KEYS, ErrorBody, FIELD_ERROR_KEYS};
use super::rules::error as r;
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::Pointer;
use crate::rule::finding::Ctx;
use crate::schema::{self, Keyword, Violation};

pub(crate) static ERROR: Kind = Kind {
    id: "synerise.error",
    vendor: "Synerise",
    role: Role::Error,
    routes: &[Route {
        method: "*",
        path: "/v4/*",
        status: "400, 401, 403, 415",
        deprecated: false,
    }],
    description: "The error body (error, status, timestamp, path, message, errors[])",
    rules: &[
        &r::body_object::BODY_OBJECT,
        &r::field_null::FIELD_NULL,
        &r::field_type::FIELD_TYPE,
        &r::unknown_key::UNKNOWN_KEY,
    ],
    schema: schema::generate::<ErrorBody>,
    round_trip: crate::catalog::kind::round_trip::<ErrorBody>,
    detect,
    map_violation,
    check: |_, _| {},
    transport: crate::rule::request::no_transport,
    validators: Validators::new(),
};

/// An object with an `errors` array, or an `error` string with a numeric `status`, or `path`
/// together with `timestamp`.
fn detect(value: &Value) -> bool {
    value.as_object().is_some_and(|o| {
        o.get("errors").is_some_and(Value::is_array)
            || (o.get("error").is_some_and(Value::is_string)
                && o.get("status").is_some_and(Value::is_number))
            || (o.contains_key("path") && o.contains_key("timestamp"))
    })
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    let rel = v.path();
    let root = Pointer::root();
    let at = v.pointer.clone();
    let value = doc.pointer(at.as_str());
    match (&v.keyword, rel.as_slice()) {
        (Keyword::Type, []) => ctx.report(r::body_object::finding(doc)),
        (Keyword::AdditionalProperties(keys), []) => {
            for key in keys {
                ctx.report(r::unknown_key::finding(
                    &root,
                    key,
                    ERROR_KEYS,
                    "the error body",
                ));
            }
        }
        (Keyword::AdditionalProperties(keys), ["errors", index]) => {
            let Ok(i) = index.parse::<usize>() else {
                return false;
            };
            let container = format!("`errors[{i}]`");
            for key in keys {
                ctx.report(r::unknown_key::finding(
                    &root.key("errors").index(i),
                    key,
                    FIELD_ERROR_KEYS,
                    &container,
                ));
            }
        }
        (Keyword::Type, [field]) => {
            let expected = match *field {
                "status" => "an integer",
                "errors" => "an array",
                _ => "a string",
            };
            ctx.report(r::field_type::finding(at, field, value, expected));
        }
        (Keyword::Type, ["errors", index]) => ctx.report(r::field_type::finding(
            at,
            &format!("errors[{index}]"),
            value,
            "an object",
        )),
        (Keyword::Type, ["errors", index, field]) => {
            let expected = if *field == "code" {
                "an integer"
            } else {
                "a string"
            };
            ctx.report(r::field_type::finding(
                at,
                &format!("errors[{index}].{field}"),
                value,
                expected,
            ));
        }
        _ => return false,
    }
    true
}
