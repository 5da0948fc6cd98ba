//! `synerise.ai-events-batch`: the body of `POST /events/v1/batch` (AI events API), events of
//! one type under a top-level `eventType`.

use crate::schema::Validators;

use crate::document::value::Value;

use super::model::{AI_BATCH_KEYS, AiEventsBatch};
use super::rules::{ai_event as a, ai_events_batch as ab};
use super::shared::ai::{self, AiType};
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::Pointer;
use crate::rule::finding::Ctx;
use crate::schema::{self, Keyword, Violation};

pub(crate) static AI_EVENTS_BATCH: Kind = Kind {
    id: "synerise.ai-events-batch",
    vendor: "Synerise",
    role: Role::Request,
    routes: &[Route {
        method: "POST",
        path: "/events/v1/batch",
        status: "",
        deprecated: false,
    }],
    description: "A batch of AI events of one type: {eventType, items: [events]}",
    rules: ai::with_ai_event_rules![&ab::same_type::SAME_TYPE, &ab::shape::SHAPE,],
    schema: schema::generate::<AiEventsBatch>,
    round_trip: crate::catalog::kind::round_trip::<AiEventsBatch>,
    detect,
    map_violation,
    check,
    transport: super::shared::transport::ai_event,
    validators: Validators::new(),
};

/// An object with `eventType` and `items`.
fn detect(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|o| o.contains_key("eventType") && o.contains_key("items"))
}

/// Per-event keys that name a type: reported by `same-type` when they differ from the batch's.
const TYPE_KEYS: &[&str] = &["eventType", "type"];

fn batch_type<'v>(doc: &'v Value<'_>) -> Option<&'v str> {
    doc.get("eventType").and_then(Value::as_str)
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    let rel = v.path();
    let root = Pointer::root();
    let at = v.pointer.clone();
    match (&v.keyword, rel.as_slice()) {
        (Keyword::Type, []) => ctx.report(ab::shape::not_object(doc)),
        (Keyword::Required(p), []) => ctx.report(ab::shape::missing(p)),
        (Keyword::AdditionalProperties(keys), []) => {
            for key in keys {
                ctx.report(a::unknown_key::finding(
                    &root,
                    key,
                    AI_BATCH_KEYS,
                    "the batch",
                ));
            }
        }
        // A non-string fails both `type` and `enum`: report it once.
        (Keyword::Enum(_), ["eventType"]) if !doc["eventType"].is_string() => {}
        (Keyword::Type | Keyword::Enum(_), ["eventType"]) => {
            ctx.report(ab::shape::event_type(at, doc.get("eventType")));
        }
        (Keyword::Type, ["items"]) => ctx.report(ab::shape::items_not_array(at, doc.get("items"))),
        (_, ["items", index, rest @ ..]) => {
            let Ok(i) = index.parse::<usize>() else {
                return false;
            };
            let Some(event) = doc.get("items").and_then(|items| items.get(i)) else {
                return false;
            };
            let base = root.key("items").index(i);
            match (&v.keyword, rest) {
                (Keyword::Type, []) => {
                    ctx.report(ab::shape::element_not_object(at, i, Some(event)));
                }
                // A per-event type that differs from the batch's is `same-type`; any other
                // extra key (an equal per-event type too) is an unknown key.
                (Keyword::AdditionalProperties(keys), []) => {
                    let batch = batch_type(doc);
                    let mut unknown = Vec::new();
                    for key in keys {
                        match event.get(key.as_str()) {
                            Some(t)
                                if TYPE_KEYS.contains(&key.as_str())
                                    && ab::same_type::differs(t, batch) =>
                            {
                                ctx.report(ab::same_type::finding(base.key(key), key, t, batch));
                            }
                            _ => unknown.push(key),
                        }
                    }
                    ai::unknown_keys(ctx, &base, unknown);
                }
                _ => {
                    let ty = AiType::of(batch_type(doc));
                    return ai::map_violation(ctx, v, rest, &base, event, ty);
                }
            }
        }
        _ => return false,
    }
    true
}

fn check(ctx: &mut Ctx<'_>, value: &Value) {
    let Some(Value::Array(events)) = value.get("items") else {
        return;
    };
    let batch = batch_type(value);
    let ty = AiType::of(batch);
    for (i, event) in events.iter().enumerate() {
        let Value::Object(fields) = event else {
            continue;
        };
        let base = Pointer::root().key("items").index(i);
        ai::check(ctx, &base, fields, ty);
    }
}
