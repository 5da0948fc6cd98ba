//! `sajari.send-event`: the body of `POST /v4/events:send` and of the deprecated
//! `POST /v4/events:sendEvent`.

use crate::schema::Validators;

use crate::document::value::Value;

use super::model::SendEventRequest;
use super::rules::send_event as r;
use super::shared::weight::weight_value;
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::Pointer;
use crate::rule::finding::{Ctx, Finding};
use crate::rule::request::RequestView;
use crate::schema::{self, Keyword, Violation};

pub(crate) static SEND_EVENT: Kind = Kind {
    id: "sajari.send-event",
    vendor: "Sajari",
    role: Role::Request,
    routes: &[
        Route {
            method: "POST",
            path: "/v4/events:sendEvent",
            status: "",
            deprecated: true,
        },
        Route {
            method: "POST",
            path: "/v4/events:send",
            status: "",
            deprecated: false,
        },
    ],
    description: "Feedback on a search result (name, token from the query, optional weight and metadata)",
    rules: &[
        &r::account_id_header::ACCOUNT_ID_HEADER,
        &r::account_id_recommended::ACCOUNT_ID_RECOMMENDED,
        &r::body_object::BODY_OBJECT,
        &r::deprecated_endpoint::DEPRECATED_ENDPOINT,
        &r::metadata_null::METADATA_NULL,
        &r::metadata_object::METADATA_OBJECT,
        &r::metadata_primitive::METADATA_PRIMITIVE,
        &r::name_required::NAME_REQUIRED,
        &r::name_type::NAME_TYPE,
        &r::token_placeholder::TOKEN_PLACEHOLDER,
        &r::token_required::TOKEN_REQUIRED,
        &r::token_type::TOKEN_TYPE,
        &r::unknown_key::UNKNOWN_KEY,
        &r::weight_integer::WEIGHT_INTEGER,
        &r::weight_missing_or_zero::WEIGHT_MISSING_OR_ZERO,
        &r::weight_negative::WEIGHT_NEGATIVE,
        &r::weight_range::WEIGHT_RANGE,
        &r::weight_string::WEIGHT_STRING,
    ],
    schema: schema::generate::<SendEventRequest>,
    round_trip: crate::catalog::kind::round_trip::<SendEventRequest>,
    detect,
    map_violation,
    check,
    transport,
    validators: Validators::new(),
};

/// An object with a `token` key.
fn detect(value: &Value) -> bool {
    value.as_object().is_some_and(|o| o.contains_key("token"))
}

/// A `weight` that failed `type: integer` (`null` is allowed: protojson reads it as unset): a
/// quoted number, a fraction or another type.
fn weight_type(at: Pointer, value: &Value) -> Finding {
    match weight_value(value) {
        Some(w) if !w.integral() => r::weight_integer::fractional(at, value),
        Some(w) if !w.in_int32() => r::weight_range::finding(at, &w.text),
        #[allow(clippy::cast_possible_truncation)] // integral and within int32 (checked above)
        Some(w) if w.quoted => {
            r::weight_string::finding(at, &w.text, &(w.value as i32).to_string())
        }
        _ => r::weight_integer::wrong(at, value),
    }
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    let rel = v.path();
    let root = Pointer::root();
    let at = v.pointer.clone();
    let instance = doc.pointer(v.pointer.as_str());
    let finding = match (&v.keyword, rel.as_slice(), instance) {
        (Keyword::Type, [], _) => r::body_object::finding(doc),
        (Keyword::Required(p), [], _) if p == "name" => r::name_required::missing(root),
        (Keyword::Required(p), [], _) if p == "token" => r::token_required::missing(root),
        (Keyword::AdditionalProperties(keys), [], _) => {
            for key in keys {
                ctx.report(r::unknown_key::finding(&root, key));
            }
            return true;
        }
        (Keyword::Type, ["name"], Some(Value::Null)) => r::name_required::null(at),
        (Keyword::Type, ["name"], Some(value)) => r::name_type::finding(at, value),
        (Keyword::MinLength(_), ["name"], _) => r::name_required::empty(at),
        (Keyword::Type, ["token"], Some(Value::Null)) => r::token_required::null(at),
        (Keyword::Type, ["token"], Some(value)) => r::token_type::finding(at, value),
        (Keyword::MinLength(_), ["token"], _) => r::token_required::empty(at),
        (Keyword::Type, ["weight"], Some(value)) => weight_type(at, value),
        (Keyword::Minimum(_) | Keyword::Maximum(_), ["weight"], Some(value)) => {
            match weight_value(value) {
                Some(w) if w.integral() => r::weight_range::finding(at, &w.text),
                // A fraction out of range: `weight-integer` reports it from the type.
                _ => return true,
            }
        }
        (Keyword::Type, ["metadata"], Some(value)) => r::metadata_object::finding(at, value),
        (Keyword::Type, ["metadata", key], value) => r::metadata_primitive::finding(at, key, value),
        _ => return false,
    };
    ctx.report(finding);
    true
}

fn check(ctx: &mut Ctx<'_>, value: &Value) {
    let Value::Object(body) = value else { return };
    let root = Pointer::root();
    if let Some(Value::String(token)) = body.get("token") {
        r::token_placeholder::check(ctx, &root.key("token"), token);
    }
    r::weight_missing_or_zero::check(ctx, &root, body);
    r::weight_negative::check(ctx, &root, body);
}

/// The transport rules: the `Account-Id` header (an error on `:send`, a warning on the
/// deprecated `:sendEvent`), the deprecated path, and `common/content-type` (a warning).
fn transport(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    r::account_id_header::check(ctx, request);
    r::account_id_recommended::check(ctx, request);
    r::deprecated_endpoint::check(ctx, request);
    crate::rules::common::content_type::check(ctx, request);
}
