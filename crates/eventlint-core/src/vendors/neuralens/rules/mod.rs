//! Neuralens rules, one file each, grouped by rule id group.

pub(crate) mod event;
pub(crate) mod event_response;
