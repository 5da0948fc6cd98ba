//! Synerise rules, one file each, grouped by rule id group.

pub(crate) mod ai_event;
pub(crate) mod ai_events_batch;
pub(crate) mod batch_events;
pub(crate) mod custom_event;
pub(crate) mod dedicated_event;
pub(crate) mod error;
pub(crate) mod event;
