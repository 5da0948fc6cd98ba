//! Sajari rules, one file each, grouped by rule id group.

pub(crate) mod error;
pub(crate) mod send_event;
pub(crate) mod send_event_response;
