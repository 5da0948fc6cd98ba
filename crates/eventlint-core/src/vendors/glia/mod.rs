//! Glia (salemove): the engagement event request, its response and the error body
//! (vendor-rules.md §5). Header, path and authorization rules need the whole HTTP request and
//! are not part of the body kinds.

pub(crate) mod model;

pub(crate) mod engagement_event;
pub(crate) mod engagement_event_response;
pub(crate) mod error;
pub(crate) mod rules;

use crate::catalog::kind::Kind;

pub(crate) static KINDS: &[&Kind] = &[
    &engagement_event::ENGAGEMENT_EVENT,
    &engagement_event_response::ENGAGEMENT_EVENT_RESPONSE,
    &error::ERROR,
];
