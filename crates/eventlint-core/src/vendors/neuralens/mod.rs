//! Neuralens: the event-tracking API, `POST https://api.neuralens.ai/analytics/event`, and its
//! response (vendor-rules.md §3).

pub(crate) mod model;

pub(crate) mod event;
pub(crate) mod event_response;
pub(crate) mod rules;
pub(crate) mod shared;

use crate::catalog::kind::Kind;

pub(crate) static KINDS: &[&Kind] = &[&event::EVENT, &event_response::EVENT_RESPONSE];
