//! Glia rules, one file each, grouped by rule id group.

pub(crate) mod engagement_event;
pub(crate) mod engagement_event_response;
pub(crate) mod error;
