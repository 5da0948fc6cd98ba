//! `sajari.error`: the `google.rpc.Status` error body of every Sajari endpoint.

use crate::schema::Validators;

use crate::document::value::Value;

use super::model::Status;
use super::rules::error as r;
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::Pointer;
use crate::rule::finding::Ctx;
use crate::schema::{self, Keyword, Violation};

pub(crate) static ERROR: Kind = Kind {
    id: "sajari.error",
    vendor: "Sajari",
    role: Role::Error,
    routes: &[Route {
        method: "*",
        path: "*",
        status: "400, 401, 403, 404, 500",
        deprecated: false,
    }],
    description: "google.rpc.Status error body (code, message, details)",
    rules: &[
        &r::body_object::BODY_OBJECT,
        &r::code_integer::CODE_INTEGER,
        &r::code_required::CODE_REQUIRED,
        &r::code_string::CODE_STRING,
        &r::code_unknown::CODE_UNKNOWN,
        &r::details_array::DETAILS_ARRAY,
        &r::details_empty::DETAILS_EMPTY,
        &r::details_null::DETAILS_NULL,
        &r::details_type::DETAILS_TYPE,
        &r::legacy_error_key::LEGACY_ERROR_KEY,
        &r::message_required::MESSAGE_REQUIRED,
        &r::unknown_key::UNKNOWN_KEY,
    ],
    schema: schema::generate::<Status>,
    round_trip: crate::catalog::kind::round_trip::<Status>,
    detect,
    map_violation,
    check,
    transport: crate::rule::request::no_transport,
    validators: Validators::new(),
};

/// An object with `code` and `message`, and no `status`.
fn detect(value: &Value) -> bool {
    value.as_object().is_some_and(|o| {
        o.contains_key("code") && o.contains_key("message") && !o.contains_key("status")
    })
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    let rel = v.path();
    let root = Pointer::root();
    let at = v.pointer.clone();
    let instance = doc.pointer(v.pointer.as_str());
    let finding = match (&v.keyword, rel.as_slice(), instance) {
        (Keyword::Type, [], _) => r::body_object::finding(doc),
        (Keyword::Required(p), [], _) if p == "code" => r::code_required::missing(root),
        (Keyword::Required(p), [], _) if p == "message" => r::message_required::missing(root),
        (Keyword::AdditionalProperties(keys), [], _) => {
            for key in keys {
                ctx.report(r::unknown_key::finding(&root, key, doc.get(key)));
            }
            return true;
        }
        (Keyword::Type, ["code"], Some(Value::Null)) => r::code_required::null(at),
        (Keyword::Type | Keyword::Minimum(_) | Keyword::Maximum(_), ["code"], Some(value)) => {
            // A fraction out of range fails both `type` and the range: report it once.
            if !matches!(v.keyword, Keyword::Type)
                && value.as_f64().is_some_and(|f| f.fract() != 0.0)
            {
                return true;
            }
            r::code_integer::finding(at, value)
        }
        (Keyword::Type, ["message"], Some(value)) => r::message_required::wrong(at, value),
        (Keyword::Type, ["details"], Some(value)) => r::details_array::not_array(at, value),
        (Keyword::Type, ["details", i], value) => r::details_array::element(at, i, value),
        (Keyword::Required(p), ["details", i], value) if p == "@type" => {
            r::details_type::missing(at, i, value)
        }
        (Keyword::Type, ["details", i, "@type"], Some(value)) => {
            r::details_type::wrong(at, i, value)
        }
        _ => return false,
    };
    ctx.report(finding);
    true
}

fn check(ctx: &mut Ctx<'_>, value: &Value) {
    let Value::Object(body) = value else { return };
    r::code_unknown::check(ctx, &Pointer::root(), body);
}
