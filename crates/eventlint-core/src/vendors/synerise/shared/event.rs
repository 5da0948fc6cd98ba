//! What every Synerise v4 event shares (custom, dedicated and batch elements): the mapping of
//! schema violations to `synerise.event/*` rules, and the semantic `synerise.event/*` checks.

use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::finding::Ctx;
use crate::schema::{Keyword, Violation};
use crate::vendors::synerise::rules::event as r;

/// A kind's rule list: its own rules, then the `synerise.event/*` rules that [`check`] and
/// [`map_violation`] report on every v4 event body (custom, dedicated and batch elements) and
/// that [`super::transport::v4_event`] reports on every v4 events request, so a new shared rule
/// is listed once for all three kinds.
macro_rules! with_event_rules {
    ($($rule:expr),* $(,)?) => {
        &[
            $($rule,)*
            &$crate::vendors::synerise::rules::event::api_version::API_VERSION,
            &$crate::vendors::synerise::rules::event::authorization::AUTHORIZATION,
            &$crate::vendors::synerise::rules::event::client_email_format::CLIENT_EMAIL_FORMAT,
            &$crate::vendors::synerise::rules::event::client_forbidden_chars::CLIENT_FORBIDDEN_CHARS,
            &$crate::vendors::synerise::rules::event::client_id_coercible::CLIENT_ID_COERCIBLE,
            &$crate::vendors::synerise::rules::event::client_id_type::CLIENT_ID_TYPE,
            &$crate::vendors::synerise::rules::event::client_identifier::CLIENT_IDENTIFIER,
            &$crate::vendors::synerise::rules::event::client_multiple_ids::CLIENT_MULTIPLE_IDS,
            &$crate::vendors::synerise::rules::event::client_required::CLIENT_REQUIRED,
            &$crate::vendors::synerise::rules::event::client_string_types::CLIENT_STRING_TYPES,
            &$crate::vendors::synerise::rules::event::client_uuid_format::CLIENT_UUID_FORMAT,
            &$crate::vendors::synerise::rules::event::content_type::CONTENT_TYPE,
            &$crate::vendors::synerise::rules::event::eventsalt_future_time::EVENTSALT_FUTURE_TIME,
            &$crate::vendors::synerise::rules::event::eventsalt_no_time::EVENTSALT_NO_TIME,
            &$crate::vendors::synerise::rules::event::eventsalt_type::EVENTSALT_TYPE,
            &$crate::vendors::synerise::rules::event::label_placeholder::LABEL_PLACEHOLDER,
            &$crate::vendors::synerise::rules::event::label_required::LABEL_REQUIRED,
            &$crate::vendors::synerise::rules::event::null_value::NULL_VALUE,
            &$crate::vendors::synerise::rules::event::params_datetime_tz::PARAMS_DATETIME_TZ,
            &$crate::vendors::synerise::rules::event::params_email::PARAMS_EMAIL,
            &$crate::vendors::synerise::rules::event::params_object::PARAMS_OBJECT,
            &$crate::vendors::synerise::rules::event::params_reserved::PARAMS_RESERVED,
            &$crate::vendors::synerise::rules::event::params_reserved_case::PARAMS_RESERVED_CASE,
            &$crate::vendors::synerise::rules::event::params_system_collision::PARAMS_SYSTEM_COLLISION,
            &$crate::vendors::synerise::rules::event::time_future::TIME_FUTURE,
            &$crate::vendors::synerise::rules::event::time_iso8601::TIME_ISO8601,
            &$crate::vendors::synerise::rules::event::time_missing::TIME_MISSING,
            &$crate::vendors::synerise::rules::event::time_no_offset::TIME_NO_OFFSET,
            &$crate::vendors::synerise::rules::event::time_type::TIME_TYPE,
            &$crate::vendors::synerise::rules::event::unknown_client_key::UNKNOWN_CLIENT_KEY,
            &$crate::vendors::synerise::rules::event::unknown_top_level_key::UNKNOWN_TOP_LEVEL_KEY,
        ]
    };
}
pub(crate) use with_event_rules;

/// Maps a violation inside one event (`rel` is the path relative to the event object at `base`)
/// to a `synerise.event/*` finding. Returns whether it claimed the violation.
pub(crate) fn map_violation(
    ctx: &mut Ctx<'_>,
    v: &Violation,
    rel: &[&str],
    base: &Pointer,
    event: &Value,
) -> bool {
    let instance = event.at(rel);
    let is_null = instance.is_some_and(Value::is_null);
    let at = v.pointer.clone();
    match (&v.keyword, rel) {
        (Keyword::Required(p), []) if p == "client" => {
            ctx.report(r::client_required::missing(base.clone()));
        }
        (Keyword::Required(p), []) if p == "label" => {
            ctx.report(r::label_required::missing(base.clone()));
        }
        (Keyword::AdditionalProperties(keys), []) => {
            for key in keys {
                ctx.report(r::unknown_top_level_key::finding(base, key));
            }
        }
        (Keyword::AdditionalProperties(keys), ["client"]) => {
            for key in keys {
                ctx.report(r::unknown_client_key::finding(&at, key));
            }
        }
        (Keyword::Type, ["client"]) => ctx.report(r::client_required::wrong_type(at, instance)),
        (Keyword::AnyOf, ["client"]) => ctx.report(r::client_identifier::finding(at, instance)),
        (Keyword::Type, [_, _] | [_]) if is_null && !matches!(rel, ["label"]) => {
            ctx.report(r::null_value::finding(at, rel, event));
        }
        // A `null` at any depth inside `params` (`ParamValue` is `not: {type: null}`).
        (Keyword::Not, ["params", _, ..]) if is_null => {
            ctx.report(r::null_value::finding(at, rel, event));
        }
        (Keyword::Type | Keyword::Minimum(_) | Keyword::Maximum(_), ["client", "id"]) => {
            ctx.report(r::client_id_type::finding(at, instance));
        }
        (Keyword::Type, ["client", field]) => {
            ctx.report(r::client_string_types::finding(at, field, instance));
        }
        // An empty email is no identifier: when `client` has none, `client-identifier` reports
        // it, not the pattern; beside another identifier it is a malformed address.
        (Keyword::Pattern(_), ["client", "email"])
            if instance.and_then(Value::as_str) == Some("")
                && !r::client_identifier::has_identifier(event.get("client")) => {}
        (Keyword::Pattern(_), ["client", "email"]) => {
            ctx.report(r::client_email_format::finding(at, instance));
        }
        (Keyword::Type | Keyword::MinLength(_), ["label"]) => {
            ctx.report(r::label_required::wrong(at, instance));
        }
        (Keyword::Type, ["time"]) => ctx.report(r::time_type::finding(at, instance)),
        (Keyword::Type, ["params"]) => ctx.report(r::params_object::finding(at, instance)),
        (Keyword::Type | Keyword::MinLength(_), ["eventSalt"]) => {
            ctx.report(r::eventsalt_type::finding(at, instance));
        }
        _ => return false,
    }
    true
}

/// The semantic `synerise.event/*` rules for one event object at `base`.
pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, event: &Map<'_>) {
    if let Some(Value::Object(client)) = event.get("client") {
        let at = base.key("client");
        r::client_multiple_ids::check(ctx, &at, client);
        r::client_forbidden_chars::check(ctx, &at, client);
        r::client_uuid_format::check(ctx, &at, client);
    }
    r::label_placeholder::check(ctx, base, event);
    r::time_iso8601::check(ctx, base, event);
    r::time_no_offset::check(ctx, base, event);
    r::time_future::check(ctx, base, event);
    r::time_missing::check(ctx, base, event);
    if let Some(Value::Object(params)) = event.get("params") {
        let at = base.key("params");
        r::params_reserved::check(ctx, &at, params);
        r::params_system_collision::check(ctx, &at, params);
        r::params_email::check(ctx, &at, params, event.get("client"));
        r::params_datetime_tz::check(ctx, &at, params);
    }
    r::eventsalt_no_time::check(ctx, base, event);
    r::eventsalt_future_time::check(ctx, base, event);
}
