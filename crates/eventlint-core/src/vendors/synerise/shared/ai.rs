//! What every AI event shares (the single event and each element of an AI batch): the mapping
//! of schema violations to `synerise.ai-event/*` rules, and the semantic checks.

use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::finding::Ctx;
use crate::rule::time::EpochBand;
use crate::rules::common::epoch_unit;
use crate::schema::{Keyword, Violation};
use crate::vendors::synerise::model::AI_EVENT_KEYS;
use crate::vendors::synerise::rules::ai_event as a;

/// A kind's rule list: its own rules, then the rules this module reports on every AI event
/// (the single event and each batch element) and `synerise.ai-event/auth`, which
/// [`super::transport::ai_event`] reports on every AI events request, so a new shared rule is
/// listed once for both kinds.
macro_rules! with_ai_event_rules {
    ($($rule:expr),* $(,)?) => {
        &[
            $($rule,)*
            &$crate::rules::common::epoch_unit::EPOCH_UNIT,
            &$crate::vendors::synerise::rules::ai_event::auth::AUTH,
            &$crate::vendors::synerise::rules::ai_event::campaignid::CAMPAIGNID,
            &$crate::vendors::synerise::rules::ai_event::click_item_shape::CLICK_ITEM_SHAPE,
            &$crate::vendors::synerise::rules::ai_event::clientuuid_format::CLIENTUUID_FORMAT,
            &$crate::vendors::synerise::rules::ai_event::clientuuid_required::CLIENTUUID_REQUIRED,
            &$crate::vendors::synerise::rules::ai_event::correlation_required::CORRELATION_REQUIRED,
            &$crate::vendors::synerise::rules::ai_event::items_empty::ITEMS_EMPTY,
            &$crate::vendors::synerise::rules::ai_event::items_empty_view::ITEMS_EMPTY_VIEW,
            &$crate::vendors::synerise::rules::ai_event::items_required::ITEMS_REQUIRED,
            &$crate::vendors::synerise::rules::ai_event::timestamp_contradiction::TIMESTAMP_CONTRADICTION,
            &$crate::vendors::synerise::rules::ai_event::timestamp_format::TIMESTAMP_FORMAT,
            &$crate::vendors::synerise::rules::ai_event::timestamp_fraction::TIMESTAMP_FRACTION,
            &$crate::vendors::synerise::rules::ai_event::timestamp_future::TIMESTAMP_FUTURE,
            &$crate::vendors::synerise::rules::ai_event::timestamp_missing::TIMESTAMP_MISSING,
            &$crate::vendors::synerise::rules::ai_event::timestamp_type::TIMESTAMP_TYPE,
            &$crate::vendors::synerise::rules::ai_event::unknown_key::UNKNOWN_KEY,
        ]
    };
}
pub(crate) use with_ai_event_rules;

/// An AI event's type, when the body says it (a batch's `eventType`; a single event's type is
/// the path parameter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AiType {
    View,
    /// `recommendation.click` or `item.search.click`.
    Click(&'static str),
    Unknown,
}

impl AiType {
    pub(crate) fn of(event_type: Option<&str>) -> AiType {
        match event_type {
            Some("recommendation.view") => AiType::View,
            Some("recommendation.click") => AiType::Click("recommendation.click"),
            Some("item.search.click") => AiType::Click("item.search.click"),
            _ => AiType::Unknown,
        }
    }
}

/// Maps a violation inside one AI event at `base` (`rel` relative to it). Returns whether a
/// rule claimed it. Unknown keys are left to the caller (a batch filters per-event types).
pub(crate) fn map_violation(
    ctx: &mut Ctx<'_>,
    v: &Violation,
    rel: &[&str],
    base: &Pointer,
    event: &Value,
    ty: AiType,
) -> bool {
    let at = v.pointer.clone();
    let value = |key: &str| event.get(key);
    let finding = match (&v.keyword, rel) {
        (Keyword::Required(p), []) if p == "correlationId" => {
            a::correlation_required::missing(base.clone())
        }
        (Keyword::Type | Keyword::MinLength(_), ["correlationId"]) => {
            a::correlation_required::wrong(at, value("correlationId"))
        }
        (Keyword::Required(p), []) if p == "clientUUID" => {
            a::clientuuid_required::missing(base.clone())
        }
        (Keyword::Type | Keyword::MinLength(_), ["clientUUID"]) => {
            a::clientuuid_required::wrong(at, value("clientUUID"))
        }
        // An empty `clientUUID` also fails the pattern; it is reported once, as empty.
        (Keyword::Pattern(_), ["clientUUID"])
            if value("clientUUID").and_then(Value::as_str) == Some("") =>
        {
            return true;
        }
        (Keyword::Pattern(_), ["clientUUID"]) => {
            a::clientuuid_required::not_uuid(&at, value("clientUUID"))
        }
        // Neither `items` nor `item` (anyOf), or no `items` in a batch of views.
        (Keyword::AnyOf, []) => a::items_required::missing(base.clone(), ty == AiType::View),
        (Keyword::Required(p), []) if p == "items" => {
            a::items_required::missing(base.clone(), ty == AiType::View)
        }
        (Keyword::Type, ["items"]) => a::items_required::not_array(at, value("items")),
        (Keyword::Type, ["items", index]) => {
            let item = value("items").and_then(|items| items.get(index.parse::<usize>().ok()?));
            a::items_required::element_not_string(at, index, item)
        }
        (Keyword::Type, ["item"]) => a::items_required::item_not_string(at, value("item")),
        (Keyword::AnyOf | Keyword::Type, ["eventTimestamp"]) => {
            a::timestamp_type::wrong_type(at, value("eventTimestamp"))
        }
        (Keyword::Type | Keyword::MinLength(_), ["campaignId"]) => {
            a::campaignid::finding(at, value("campaignId"))
        }
        _ => return false,
    };
    ctx.report(finding);
    true
}

/// Reports the unknown keys of an AI event.
pub(crate) fn unknown_keys<'k>(
    ctx: &mut Ctx<'_>,
    base: &Pointer,
    keys: impl IntoIterator<Item = &'k String>,
) {
    for key in keys {
        ctx.report(a::unknown_key::finding(
            base,
            key,
            AI_EVENT_KEYS,
            "the event",
        ));
    }
}

/// The semantic `synerise.ai-event/*` rules for one event at `base`.
pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, event: &Map<'_>, ty: AiType) {
    a::items_empty::check(ctx, base, event, ty);
    a::click_item_shape::check(ctx, base, event, ty);
    let at = base.key("eventTimestamp");
    match event.get("eventTimestamp") {
        None => a::timestamp_missing::check(ctx, base, event),
        Some(Value::String(s)) => {
            if let Some(time) = a::timestamp_contradiction::check_string(ctx, &at, s) {
                a::timestamp_future::check(ctx, &at, s, time);
            }
        }
        Some(Value::Number(n)) => {
            let Some(ms) = n.as_f64() else { return };
            if epoch_unit::check(ctx, &at, "eventTimestamp", ms, EpochBand::Milliseconds) {
                return;
            }
            #[allow(clippy::cast_possible_truncation)]
            let whole = ms.round() as i64;
            if let Some(time) = chrono::DateTime::from_timestamp_millis(whole) {
                a::timestamp_future::check(ctx, &at, &n.to_string(), time);
            }
        }
        Some(_) => {}
    }
}
