//! `synerise.batch-events`: the body of `POST /v4/events/batch`, a JSON array of events. Each
//! element is checked by its `type`: `custom` → the custom-event rules, a dedicated endpoint's
//! name → the dedicated-event rules; the `synerise.event/*` rules apply to all.

use crate::schema::Validators;
use std::collections::HashMap;

use crate::document::value::{Map, Value};

use super::custom_event;
use super::model::{BATCH_EVENT_KEYS, BatchEvents, CLIENT_KEYS};
use super::rules::{batch_events as b, custom_event as c, dedicated_event as d, event as e};
use super::shared::actions::DEDICATED;
use super::shared::event;
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::Pointer;
use crate::locate::spans::Target;
use crate::rule::finding::Ctx;
use crate::schema::{self, Keyword, Violation};

pub(crate) static BATCH_EVENTS: Kind = Kind {
    id: "synerise.batch-events",
    vendor: "Synerise",
    role: Role::Request,
    routes: &[Route {
        method: "POST",
        path: "/v4/events/batch",
        status: "",
        deprecated: false,
    }],
    description: "A batch of up to 1000 custom and dedicated events (a JSON array; each element has a `type`)",
    rules: super::shared::event::with_event_rules![
        &b::array::ARRAY,
        &b::dedicated_action::DEDICATED_ACTION,
        &b::empty::EMPTY,
        &b::max_count::MAX_COUNT,
        &b::max_size::MAX_SIZE,
        &b::salt_dup::SALT_DUP,
        &b::transaction::TRANSACTION,
        &b::type_known::TYPE_KNOWN,
        &b::type_required::TYPE_REQUIRED,
        &c::action_format::ACTION_FORMAT,
        &c::action_length::ACTION_LENGTH,
        &c::action_min2::ACTION_MIN2,
        &c::action_pattern::ACTION_PATTERN,
        &c::action_required::ACTION_REQUIRED,
        &c::ai_event_as_custom::AI_EVENT_AS_CUSTOM,
        &c::dedicated_action::DEDICATED_ACTION,
        &c::new_definition::NEW_DEFINITION,
        &c::params_missing::PARAMS_MISSING,
        &d::cart_params::CART_PARAMS,
        &d::item_search_click_params::ITEM_SEARCH_CLICK_PARAMS,
        &d::min_api_version::MIN_API_VERSION,
        &e::eventsalt_uniqueness::EVENTSALT_UNIQUENESS,
    ],
    schema: schema::generate::<BatchEvents>,
    round_trip: crate::catalog::kind::round_trip::<BatchEvents>,
    detect,
    map_violation,
    check,
    transport: super::shared::transport::v4_event,
    validators: Validators::new(),
};

/// Any JSON array.
fn detect(value: &Value) -> bool {
    value.is_array()
}

/// What an element's `type` makes of it.
#[derive(Debug, Clone, Copy)]
enum ElementType<'a> {
    Custom,
    /// A known dedicated endpoint and the action it sets.
    Dedicated(&'static str, &'static str),
    /// A string that is neither.
    Unknown(&'a str),
    /// Missing or not a string (`type-required`).
    Missing,
}

fn element_type<'v>(element: &'v Value<'_>) -> ElementType<'v> {
    match element.get("type").and_then(Value::as_str) {
        Some("custom") => ElementType::Custom,
        Some(ty) => DEDICATED
            .iter()
            .find(|(endpoint, _)| *endpoint == ty)
            .map_or(ElementType::Unknown(ty), |(endpoint, action)| {
                ElementType::Dedicated(endpoint, action)
            }),
        None => ElementType::Missing,
    }
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    let rel = v.path();
    match (&v.keyword, rel.as_slice()) {
        (Keyword::Type, []) => ctx.report(b::array::not_array(doc)),
        (Keyword::MinItems(_), []) => ctx.report(b::empty::finding()),
        (Keyword::MaxItems(limit), []) => {
            let count = doc.as_array().map_or(0, <[_]>::len);
            ctx.report(b::max_count::finding(count, *limit));
        }
        (_, [index, rest @ ..]) => {
            let Ok(i) = index.parse::<usize>() else {
                return false;
            };
            let Some(element) = doc.get(i) else {
                return false;
            };
            return map_element_violation(ctx, v, i, rest, element);
        }
        _ => return false,
    }
    true
}

/// A violation inside element `i` (`rel` relative to it).
fn map_element_violation(
    ctx: &mut Ctx<'_>,
    v: &Violation,
    i: usize,
    rel: &[&str],
    element: &Value,
) -> bool {
    let base = Pointer::root().index(i);
    let at = v.pointer.clone();
    match (&v.keyword, rel) {
        (Keyword::Type, []) => ctx.report(b::array::element_not_object(at, i, Some(element))),
        (Keyword::Required(p), []) if p == "type" => ctx.report(b::type_required::missing(
            base,
            i,
            element.get("action").is_some(),
        )),
        (Keyword::Type, ["type"]) => {
            ctx.report(b::type_required::wrong(at, i, element.get("type")));
        }
        (Keyword::AdditionalProperties(keys), []) => {
            for key in keys {
                ctx.report(e::unknown_top_level_key::finding_in(
                    &base,
                    key,
                    BATCH_EVENT_KEYS,
                ));
            }
        }
        _ => match element_type(element) {
            ElementType::Custom => {
                return custom_event::map_event_violation(ctx, v, rel, &base, element);
            }
            // The schema constrains `action` only with `"type": "custom"`.
            _ => return event::map_violation(ctx, v, rel, &base, element),
        },
    }
    true
}

fn check(ctx: &mut Ctx<'_>, value: &Value) {
    b::max_size::check(ctx);
    let Value::Array(elements) = value else {
        return;
    };
    // The first element with each salt.
    let mut salted: HashMap<&str, Salted<'_>> = HashMap::new();
    for (i, element) in elements.iter().enumerate() {
        let Value::Object(event) = element else {
            continue;
        };
        let base = Pointer::root().index(i);
        let ty = element_type(element);
        match ty {
            ElementType::Custom => custom_event::check_event(ctx, &base, event, true),
            ElementType::Dedicated(endpoint, backend) => {
                // The schema allows any `action` here (the endpoint ignores it): report every one.
                if let Some(action) = event.get("action") {
                    ctx.report(b::dedicated_action::finding(
                        base.key("action"),
                        endpoint,
                        backend,
                        action,
                    ));
                }
                d::cart_params::check(ctx, &base, endpoint, event);
                d::item_search_click_params::check(ctx, &base, endpoint, event);
                d::min_api_version::check(ctx, &base.key("type"), endpoint);
                event::check(ctx, &base, event);
            }
            ElementType::Unknown(name) => {
                b::type_known::check(ctx, &base.key("type"), name);
                event::check(ctx, &base, event);
            }
            ElementType::Missing => event::check(ctx, &base, event),
        }
        if let Some(current) = Salted::new(i, event, ty) {
            match salted.get(current.salt) {
                Some(first) => check_salt(ctx, first, &current),
                None => {
                    salted.insert(current.salt, current);
                }
            }
        }
    }
}

/// An element with an `eventSalt`, and what identifies the event it salts.
struct Salted<'a> {
    index: usize,
    salt: &'a str,
    client: Option<&'a Map<'a>>,
    action: Option<&'a str>,
    time: Option<&'a Value<'a>>,
}

impl<'a> Salted<'a> {
    fn new(index: usize, event: &'a Map<'a>, ty: ElementType<'a>) -> Option<Self> {
        let salt = event.get("eventSalt")?.as_str().filter(|s| !s.is_empty())?;
        let action = match ty {
            ElementType::Dedicated(_, backend) => Some(backend),
            ElementType::Unknown(name) => Some(name),
            ElementType::Custom | ElementType::Missing => {
                event.get("action").and_then(Value::as_str)
            }
        };
        Some(Salted {
            index,
            salt,
            client: event.get("client").and_then(Value::as_object),
            action,
            time: event.get("time"),
        })
    }

    /// Whether both name the same profile: they share an identifier and agree on every shared
    /// one.
    fn same_profile(&self, other: &Salted<'_>) -> bool {
        let (Some(a), Some(b)) = (self.client, other.client) else {
            return false;
        };
        let mut shared = 0;
        for key in CLIENT_KEYS {
            if let (Some(x), Some(y)) = (present(a, key), present(b, key)) {
                if x != y {
                    return false;
                }
                shared += 1;
            }
        }
        shared > 0
    }
}

/// A non-empty identifier of `client`.
fn present<'m>(client: &'m Map<'_>, key: &str) -> Option<&'m Value<'m>> {
    client.get(key).filter(|v| !v.is_null() && *v != "")
}

/// `synerise.event/eventsalt-uniqueness` and `synerise.batch-events/salt-dup` for `current`
/// against `first`, the first element with the same salt.
fn check_salt(ctx: &mut Ctx<'_>, first: &Salted<'_>, current: &Salted<'_>) {
    let at = Pointer::root().index(current.index).key("eventSalt");
    let same_profile = first.same_profile(current);
    let same_action = first.action == current.action;
    let finding = match (same_profile, same_action) {
        (true, true) => b::salt_dup::finding(
            at,
            current.index,
            first.index,
            current.salt,
            first.time == current.time,
        )
        .related(
            Pointer::root().index(first.index).key("eventSalt"),
            Target::Value,
            format!("`[{}].eventSalt`, first", first.index),
        ),
        (false, true) => e::eventsalt_uniqueness::finding(
            at,
            current.index,
            first.index,
            current.salt,
            "profile",
        ),
        (true, false) => {
            e::eventsalt_uniqueness::finding(at, current.index, first.index, current.salt, "action")
        }
        (false, false) => e::eventsalt_uniqueness::finding(
            at,
            current.index,
            first.index,
            current.salt,
            "profile and action",
        ),
    };
    ctx.report(finding);
}
