//! `synerise.custom-event/*`: rules of `POST /v4/events/custom` bodies (vendor-rules.md §2.3).

pub(crate) mod action_format;
pub(crate) mod action_length;
pub(crate) mod action_min2;
pub(crate) mod action_pattern;
pub(crate) mod action_required;
pub(crate) mod ai_event_as_custom;
pub(crate) mod body_object;
pub(crate) mod dedicated_action;
pub(crate) mod new_definition;
pub(crate) mod params_missing;
pub(crate) mod transaction_as_custom;
