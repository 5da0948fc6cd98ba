//! `synerise.ai-event`: the body of `POST /events/v1/single/{eventType}` (AI events API). The
//! event type is the path parameter, so the rules that depend on it stay lenient here.

use crate::schema::Validators;

use crate::document::value::Value;

use super::model::AiEvent;
use super::rules::ai_event as a;
use super::shared::ai::{self, AiType};
use crate::catalog::kind::{Kind, Role, Route};
use crate::locate::pointer::Pointer;
use crate::rule::finding::Ctx;
use crate::schema::{self, Keyword, Violation};

pub(crate) static AI_EVENT: Kind = Kind {
    id: "synerise.ai-event",
    vendor: "Synerise",
    role: Role::Request,
    routes: &[Route {
        method: "POST",
        path: "/events/v1/single/{eventType}",
        status: "",
        deprecated: false,
    }],
    description: "An AI event: recommendation.view, recommendation.click or item.search.click (correlationId, clientUUID, items)",
    rules: ai::with_ai_event_rules![
        &a::body_object::BODY_OBJECT,
        &a::path_type::PATH_TYPE,
        &a::type_mismatch::TYPE_MISMATCH,
    ],
    schema: schema::generate::<AiEvent>,
    round_trip: crate::catalog::kind::round_trip::<AiEvent>,
    detect,
    map_violation,
    check,
    transport: super::shared::transport::ai_event,
    validators: Validators::new(),
};

/// An object with `correlationId` or `clientUUID`, and no `eventType`.
fn detect(value: &Value) -> bool {
    value.as_object().is_some_and(|o| {
        (o.contains_key("correlationId") || o.contains_key("clientUUID"))
            && !o.contains_key("eventType")
    })
}

fn map_violation(ctx: &mut Ctx<'_>, v: &Violation, doc: &Value) -> bool {
    let rel = v.path();
    let root = Pointer::root();
    match (&v.keyword, rel.as_slice()) {
        (Keyword::Type, []) => ctx.report(a::body_object::finding(doc)),
        (Keyword::AdditionalProperties(keys), []) => ai::unknown_keys(ctx, &root, keys),
        (_, rel) => return ai::map_violation(ctx, v, rel, &root, doc, AiType::Unknown),
    }
    true
}

fn check(ctx: &mut Ctx<'_>, value: &Value) {
    let Value::Object(event) = value else { return };
    ai::check(ctx, &Pointer::root(), event, AiType::Unknown);
}
