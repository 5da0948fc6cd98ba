//! `personalize.put-events`: the body of `PutEvents` (`POST /events`).

use crate::schema::Validators;

use crate::document::value::Value;

use super::model::PutEvents;
use super::rules::put_events as r;
use super::shared::properties;
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::{Pointer, field_name};
use crate::rule::finding::Ctx;
use crate::rule::time::EpochBand;
use crate::rules::common::epoch_unit::{self, EPOCH_UNIT};
use crate::schema::{self, Keyword, Violation};

pub(crate) static PUT_EVENTS: Kind = Kind {
    id: "personalize.put-events",
    vendor: "AWS Personalize Events",
    role: Role::Request,
    routes: &[Route {
        method: "POST",
        path: "/events",
        status: "",
        deprecated: false,
    }],
    description: "Item interaction events of one session (trackingId, sessionId, 1-10 events)",
    rules: &[
        &EPOCH_UNIT,
        &r::attribution_pattern::ATTRIBUTION_PATTERN,
        &r::container_types::CONTAINER_TYPES,
        &r::duplicate_event::DUPLICATE_EVENT,
        &r::duplicate_eventid::DUPLICATE_EVENTID,
        &r::eventlist_size::EVENTLIST_SIZE,
        &r::eventtype_placeholder::EVENTTYPE_PLACEHOLDER,
        &r::eventvalue_non_finite::EVENTVALUE_NON_FINITE,
        &r::eventvalue_type::EVENTVALUE_TYPE,
        &r::impression_and_recid::IMPRESSION_AND_RECID,
        &r::impression_size::IMPRESSION_SIZE,
        &r::itemid_missing::ITEMID_MISSING,
        &r::length::LENGTH,
        &r::properties_camelcase::PROPERTIES_CAMELCASE,
        &r::properties_empty::PROPERTIES_EMPTY,
        &r::properties_legacy_keys::PROPERTIES_LEGACY_KEYS,
        &r::properties_parse::PROPERTIES_PARSE,
        &r::properties_reserved::PROPERTIES_RESERVED,
        &r::properties_string::PROPERTIES_STRING,
        &r::properties_values::PROPERTIES_VALUES,
        &r::recommendationid_length::RECOMMENDATIONID_LENGTH,
        &r::required::REQUIRED,
        &r::sentat_sanity::SENTAT_SANITY,
        &r::sentat_type::SENTAT_TYPE,
        &r::session_null_literal::SESSION_NULL_LITERAL,
        &r::string_types::STRING_TYPES,
        &r::unknown_key::UNKNOWN_KEY,
        &r::userid_missing::USERID_MISSING,
    ],
    schema: schema::generate::<PutEvents>,
    round_trip: crate::catalog::kind::round_trip::<PutEvents>,
    detect,
    map_violation,
    check,
    transport: crate::rules::common::content_type::check,
    validators: Validators::new(),
};

/// An object with `trackingId` or `eventList`.
fn detect(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|o| o.contains_key("trackingId") || o.contains_key("eventList"))
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    let rel = v.path();
    let at = v.pointer.clone();
    let instance = doc.pointer(at.as_str());
    match (&v.keyword, rel.as_slice()) {
        (
            Keyword::Type,
            []
            | ["eventList"]
            | ["eventList", _]
            | ["eventList", _, "metricAttribution" | "impression"],
        ) => {
            ctx.report(r::container_types::finding(at, instance));
        }
        (Keyword::Required(member), _) => {
            ctx.report(r::required::finding(at, member, instance));
        }
        (Keyword::AdditionalProperties(keys), _) => {
            for key in keys {
                ctx.report(r::unknown_key::finding(&at, key));
            }
        }
        (Keyword::Type, ["eventList", _, "sentAt"]) => {
            ctx.report(r::sentat_type::finding(at, instance));
        }
        (Keyword::Type, ["eventList", _, "eventValue"]) => {
            ctx.report(r::eventvalue_type::finding(at, instance));
        }
        (Keyword::Type, ["eventList", _, "properties"]) => {
            ctx.report(r::properties_string::finding(at, instance));
        }
        (Keyword::Type, _) => ctx.report(r::string_types::finding(at, instance)),
        (Keyword::MinItems(_) | Keyword::MaxItems(_), ["eventList"]) => {
            ctx.report(r::eventlist_size::finding(at, instance));
        }
        (Keyword::MinItems(_) | Keyword::MaxItems(_), ["eventList", _, "impression"])
        | (Keyword::MinLength(_) | Keyword::MaxLength(_), ["eventList", _, "impression", _]) => {
            ctx.report(r::impression_size::finding(at, &v.keyword, instance));
        }
        (Keyword::MinLength(_) | Keyword::MaxLength(_), ["eventList", _, "recommendationId"]) => {
            ctx.report(r::recommendationid_length::finding(
                at, &v.keyword, instance,
            ));
        }
        (
            Keyword::MaxLength(_) | Keyword::Pattern(_),
            [
                "eventList",
                _,
                "metricAttribution",
                "eventAttributionSource",
            ],
        ) => ctx.report(r::attribution_pattern::finding(at, &v.keyword, instance)),
        (Keyword::MinLength(_) | Keyword::MaxLength(_), _) => {
            ctx.report(r::length::finding(at, &v.keyword, instance));
        }
        _ => return false,
    }
    true
}

fn check(ctx: &mut Ctx<'_>, value: &Value) {
    let Value::Object(body) = value else { return };
    let root = Pointer::root();
    r::userid_missing::check(ctx, &root, body);
    r::session_null_literal::check(ctx, &root, body);
    let Some(Value::Array(events)) = body.get("eventList") else {
        return;
    };
    let list = root.key("eventList");
    for (i, event) in events.iter().enumerate() {
        let Value::Object(event) = event else {
            continue;
        };
        let at = list.index(i);
        if let Some(Value::Number(n)) = event.get("sentAt")
            && let Some(seconds) = n.as_f64()
        {
            let sent_at = at.key("sentAt");
            let name = field_name(&sent_at);
            if !epoch_unit::check(ctx, &sent_at, &name, seconds, EpochBand::Seconds) {
                r::sentat_sanity::check(ctx, &sent_at, seconds);
            }
        }
        let summary = match event.get("properties") {
            Some(Value::String(text)) => properties::check(ctx, &at.key("properties"), text, event),
            _ => properties::Summary::default(),
        };
        r::itemid_missing::check(ctx, &at, event, summary.legacy_item_id);
        r::eventtype_placeholder::check(ctx, &at, event);
        r::impression_and_recid::check(ctx, &at, event);
    }
    let reported = r::duplicate_eventid::check(ctx, &list, events);
    r::duplicate_event::check(ctx, &list, events, &reported);
}
