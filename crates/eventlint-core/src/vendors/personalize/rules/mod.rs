//! AWS Personalize Events rules, one file each, grouped by rule id group.

pub(crate) mod error;
pub(crate) mod put_events;
