//! Synerise rules, one file each, grouped by rule id group.

pub(crate) mod custom_event;
pub(crate) mod event;
