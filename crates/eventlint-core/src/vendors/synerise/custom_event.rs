//! `synerise.custom-event`: the body of `POST /v4/events/custom`.

use crate::schema::Validators;

use crate::document::value::{Map, Value};

use super::model::CustomEvent;
use super::rules::{batch_events as b, custom_event as c};
use super::shared::event;
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::Pointer;
use crate::rule::finding::Ctx;
use crate::schema::{self, Keyword, Violation};

pub(crate) static CUSTOM_EVENT: Kind = Kind {
    id: "synerise.custom-event",
    vendor: "Synerise",
    role: Role::Request,
    routes: &[Route {
        method: "POST",
        path: "/v4/events/custom",
        status: "",
        deprecated: false,
    }],
    description: "A custom event (action, client, label, optional time, params, eventSalt)",
    rules: super::shared::event::with_event_rules![
        &c::action_format::ACTION_FORMAT,
        &c::action_length::ACTION_LENGTH,
        &c::action_min2::ACTION_MIN2,
        &c::action_pattern::ACTION_PATTERN,
        &c::action_required::ACTION_REQUIRED,
        &c::ai_event_as_custom::AI_EVENT_AS_CUSTOM,
        &c::body_object::BODY_OBJECT,
        &c::dedicated_action::DEDICATED_ACTION,
        &c::new_definition::NEW_DEFINITION,
        &c::params_missing::PARAMS_MISSING,
        &c::transaction_as_custom::TRANSACTION_AS_CUSTOM,
    ],
    schema: schema::generate::<CustomEvent>,
    round_trip: crate::catalog::kind::round_trip::<CustomEvent>,
    detect,
    map_violation,
    check,
    transport: super::shared::transport::v4_event,
    validators: Validators::new(),
};

/// An object with `action` and at least one of `client` or `label`, and no batch `type`.
fn detect(value: &Value) -> bool {
    value.as_object().is_some_and(|o| {
        o.contains_key("action")
            && (o.contains_key("client") || o.contains_key("label"))
            && !o.contains_key("type")
    })
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    let rel = v.path();
    if matches!((&v.keyword, rel.as_slice()), (Keyword::Type, [])) {
        ctx.report(c::body_object::finding(doc));
        return true;
    }
    map_event_violation(ctx, v, &rel, &Pointer::root(), doc)
}

/// Maps a violation inside one custom event at `base` (the body, or a batch element with
/// `"type": "custom"`; `rel` is relative to it): the `action` rules, then `synerise.event/*`.
pub(crate) fn map_event_violation(
    ctx: &mut Ctx<'_>,
    v: &Violation,
    rel: &[&str],
    base: &Pointer,
    event: &Value,
) -> bool {
    let at = v.pointer.clone();
    let action = event.get("action");
    let finding = match (&v.keyword, rel) {
        (Keyword::Required(p), []) if p == "action" => c::action_required::missing(base.clone()),
        (Keyword::Type | Keyword::MinLength(_), ["action"]) => {
            c::action_required::wrong(at, action)
        }
        (Keyword::MaxLength(limit), ["action"]) => c::action_length::finding(at, action, *limit),
        // An empty action also fails the pattern; `action-required` reports it once.
        (Keyword::Pattern(_), ["action"]) if action.and_then(Value::as_str) == Some("") => {
            return true;
        }
        (Keyword::Pattern(pattern), ["action"]) => c::action_pattern::finding(at, action, pattern),
        _ => return event::map_violation(ctx, v, rel, base, event),
    };
    ctx.report(finding);
    true
}

fn check(ctx: &mut Ctx<'_>, value: &Value) {
    let Value::Object(body) = value else { return };
    check_event(ctx, &Pointer::root(), body, false);
}

/// The semantic rules of one custom event at `base`: the body, or a batch element with
/// `"type": "custom"` (`in_batch`), where a transaction is `synerise.batch-events/transaction`
/// and a dedicated action is fixed with `type` instead of another endpoint.
pub(crate) fn check_event(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<'_>, in_batch: bool) {
    if let Some(Value::String(action)) = body.get("action") {
        let at = base.key("action");
        c::action_min2::check(ctx, &at, action);
        c::action_format::check(ctx, &at, action);
        if in_batch {
            b::transaction::check(ctx, &at, action);
        } else {
            c::transaction_as_custom::check(ctx, &at, action);
        }
        c::ai_event_as_custom::check(ctx, &at, action);
        if let Some((endpoint, finding)) = c::dedicated_action::finding(&at, action) {
            ctx.report(if in_batch {
                finding.help(format!(
                    "set `\"type\": \"{endpoint}\"` on this element and remove `action`"
                ))
            } else {
                finding
            });
        }
        c::new_definition::check(ctx, &at, action);
    }
    c::params_missing::check(ctx, base, body);
    event::check(ctx, base, body);
}
