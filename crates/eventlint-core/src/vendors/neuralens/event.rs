//! `neuralens.event`: the body of `POST https://api.neuralens.ai/analytics/event`, and the
//! request around it (`X-Neuralens-API-Key`, `X-Neuralens-Application-ID`, `Content-Type`).

use crate::schema::Validators;

use crate::document::value::Value;

use super::model::{EVENT_KEYS, EventRequest, GEO_KEYS};
use super::rules::event as r;
use super::shared::names::has_misspelling_of;
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::Pointer;
use crate::locate::pointer::segments_name;
use crate::rule::finding::Ctx;
use crate::rule::request::RequestView;
use crate::rules::common::{content_type, epoch_unit};
use crate::schema::{self, Keyword, Violation};

pub(crate) static EVENT: Kind = Kind {
    id: "neuralens.event",
    vendor: "Neuralens",
    role: Role::Request,
    routes: &[Route {
        method: "POST",
        path: "/analytics/event",
        status: "",
        deprecated: false,
    }],
    description: "An event-tracking event (uid, items, query, page, event, index, geo, timestamp)",
    rules: &[
        &epoch_unit::EPOCH_UNIT,
        &r::api_key_format::API_KEY_FORMAT,
        &r::api_key_header::API_KEY_HEADER,
        &r::app_id_header::APP_ID_HEADER,
        &r::app_id_placeholder::APP_ID_PLACEHOLDER,
        &r::event_required::EVENT_REQUIRED,
        &r::geo_range::GEO_RANGE,
        &r::geo_shape::GEO_SHAPE,
        &r::geo_swapped::GEO_SWAPPED,
        &r::index_relevance::INDEX_RELEVANCE,
        &r::index_type::INDEX_TYPE,
        &r::items_count::ITEMS_COUNT,
        &r::items_id_empty::ITEMS_ID_EMPTY,
        &r::items_id_number::ITEMS_ID_NUMBER,
        &r::items_required::ITEMS_REQUIRED,
        &r::items_shape::ITEMS_SHAPE,
        &r::page_enum::PAGE_ENUM,
        &r::page_event_consistency::PAGE_EVENT_CONSISTENCY,
        &r::query_expected::QUERY_EXPECTED,
        &r::query_type::QUERY_TYPE,
        &r::timestamp::TIMESTAMP,
        &r::timestamp_future::TIMESTAMP_FUTURE,
        &r::uid::UID,
        &r::unknown_key::UNKNOWN_KEY,
    ],
    schema: schema::generate::<EventRequest>,
    round_trip: crate::catalog::kind::round_trip::<EventRequest>,
    detect,
    map_violation,
    check,
    transport,
    validators: Validators::new(),
};

/// An object with `event` or `page`, and neither `eventList` (Personalize) nor `eventType`
/// (Synerise AI batches).
fn detect(value: &Value) -> bool {
    value.as_object().is_some_and(|o| {
        (o.contains_key("event") || o.contains_key("page"))
            && !o.contains_key("eventList")
            && !o.contains_key("eventType")
    })
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    let rel = v.path();
    let root = Pointer::root();
    let at = v.pointer.clone();
    let instance = doc.pointer(at.as_str());
    let name = segments_name(rel.iter().copied());
    let finding = match (&v.keyword, rel.as_slice()) {
        (Keyword::Type, []) => r::event_required::body(doc),
        (Keyword::Required(p), []) if p == "event" => r::event_required::missing(root),
        (Keyword::Required(p), []) if p == "items" => r::items_required::missing(root),
        // A misspelt `uid` (`userId`) is reported as such; its absence is not repeated.
        (Keyword::Required(p), []) if p == "uid" => {
            if has_misspelling_of(Some(doc), p, EVENT_KEYS, r::unknown_key::EVENT_ALIASES) {
                return true;
            }
            r::uid::missing(root)
        }
        (Keyword::AdditionalProperties(keys), []) => {
            for key in keys {
                ctx.report(r::unknown_key::top_level(&root, key));
            }
            return true;
        }
        (Keyword::Type | Keyword::Enum(_) | Keyword::OneOf | Keyword::Const(_), ["event"]) => {
            r::event_required::wrong(at, instance)
        }
        (Keyword::Type | Keyword::Enum(_) | Keyword::OneOf | Keyword::Const(_), ["page"]) => {
            r::page_enum::finding(at, instance)
        }
        (Keyword::Type | Keyword::OneOf | Keyword::MinLength(_), ["uid"]) => {
            r::uid::wrong(at, instance)
        }
        (Keyword::Type, ["items"]) => r::items_shape::not_array(at, instance),
        (Keyword::MinItems(_), ["items"]) => r::items_required::empty(at),
        (Keyword::MaxItems(_), ["items"]) => r::items_count::many(at, instance, doc.get("event")),
        (Keyword::Type, ["items", _]) => r::items_shape::element(at, &name, instance),
        (Keyword::Required(p), ["items", _]) if p == "id" => r::items_shape::id_missing(at, &name),
        (Keyword::AdditionalProperties(keys), ["items", _]) => {
            for key in keys {
                ctx.report(r::unknown_key::item(&at, &name, key));
            }
            return true;
        }
        (Keyword::Type | Keyword::MinLength(_), ["items", _, "id"]) => {
            r::items_shape::id(at, &name, instance)
        }
        (Keyword::Type | Keyword::Minimum(_), ["index"]) => r::index_type::finding(at, instance),
        (Keyword::Type, ["query"]) => r::query_type::finding(at, instance),
        (Keyword::Type, ["geo"]) => r::geo_shape::not_object(at, instance),
        (Keyword::AdditionalProperties(keys), ["geo"]) => {
            for key in keys {
                ctx.report(r::geo_shape::unknown(&at, key));
            }
            return true;
        }
        (Keyword::Required(p), ["geo"]) => {
            // A misspelt coordinate (`lng`) is reported as such; its absence is not repeated.
            if has_misspelling_of(instance, p, GEO_KEYS, r::geo_shape::GEO_ALIASES) {
                return true;
            }
            r::geo_shape::missing_pair(at, p)
        }
        (Keyword::Type, ["geo", field @ ("lat" | "long" | "region")]) => {
            r::geo_shape::field_type(at, field, instance)
        }
        (Keyword::Minimum(_) | Keyword::Maximum(_), ["geo", field @ ("lat" | "long")]) => {
            r::geo_range::finding(at, field, doc.get("geo"))
        }
        (Keyword::Type, ["timestamp"]) => r::timestamp::wrong_type(at, instance),
        _ => return false,
    };
    ctx.report(finding);
    true
}

fn check(ctx: &mut Ctx<'_>, value: &Value) {
    let Value::Object(body) = value else { return };
    let root = Pointer::root();
    r::timestamp_future::check(ctx, &root, body);
    r::query_expected::check(ctx, &root, body);
    r::index_relevance::check(ctx, &root, body);
    r::page_event_consistency::check(ctx, &root, body);
}

/// The transport rules: the two documented headers (SEED-002) and `common/content-type`.
fn transport(ctx: &mut Ctx<'_>, view: &RequestView<'_>) {
    if let Some(key) = r::api_key_header::check(ctx, view) {
        r::api_key_format::check(ctx, key);
    }
    if let Some(id) = r::app_id_header::check(ctx, view) {
        r::app_id_placeholder::check(ctx, id);
    }
    content_type::check(ctx, view);
}
