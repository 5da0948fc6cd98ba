//! Synerise: v4 events API (custom, dedicated, batch) and the AI events API
//! (vendor-rules.md §2).

pub(crate) mod model;

pub(crate) mod ai_event;
pub(crate) mod ai_events_batch;
pub(crate) mod batch_events;
pub(crate) mod custom_event;
pub(crate) mod dedicated_event;
pub(crate) mod error_body;
pub(crate) mod rules;
pub(crate) mod shared;

use crate::catalog::kind::Kind;

pub(crate) static KINDS: &[&Kind] = &[
    &ai_event::AI_EVENT,
    &ai_events_batch::AI_EVENTS_BATCH,
    &batch_events::BATCH_EVENTS,
    &custom_event::CUSTOM_EVENT,
    &dedicated_event::DEDICATED_EVENT,
    &error_body::ERROR,
];
