//! Glia (salemove): the engagement event request, its response and the error body
//! (vendor-rules.md §5). The engagement event's header, path and authorization rules are its
//! kind's transport rules, checked on a whole HTTP request.

pub(crate) mod model;

pub(crate) mod engagement_event;
pub(crate) mod engagement_event_response;
pub(crate) mod error;
pub(crate) mod rules;
pub(crate) mod shared;

use crate::catalog::kind::Kind;

pub(crate) static KINDS: &[&Kind] = &[
    &engagement_event::ENGAGEMENT_EVENT,
    &engagement_event_response::ENGAGEMENT_EVENT_RESPONSE,
    &error::ERROR,
];
