//! Synerise: v4 events API (custom, dedicated, batch) and the AI events API
//! (vendor-rules.md §2).

pub mod model;

pub(crate) mod actions;
pub(crate) mod custom_event;
pub(crate) mod event;
pub(crate) mod rules;

use crate::kind::Kind;

pub(crate) static KINDS: &[&Kind] = &[&custom_event::CUSTOM_EVENT];
