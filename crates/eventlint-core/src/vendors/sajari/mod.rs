//! Sajari / Search.io: the send event request, its response and the error body
//! (vendor-rules.md §1).

pub(crate) mod model;

pub(crate) mod error;
pub(crate) mod rules;
pub(crate) mod send_event;
pub(crate) mod send_event_response;
pub(crate) mod shared;

use crate::catalog::kind::Kind;

pub(crate) static KINDS: &[&Kind] = &[
    &error::ERROR,
    &send_event::SEND_EVENT,
    &send_event_response::SEND_EVENT_RESPONSE,
];
