//! AWS Personalize Events: the `PutEvents` request body and the rest-json error body
//! (vendor-rules.md §4).

pub(crate) mod model;

pub(crate) mod error;
pub(crate) mod put_events;
pub(crate) mod rules;
pub(crate) mod shared;

use crate::catalog::kind::Kind;

pub(crate) static KINDS: &[&Kind] = &[&error::ERROR, &put_events::PUT_EVENTS];
