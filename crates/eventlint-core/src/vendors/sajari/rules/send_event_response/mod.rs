//! `sajari.send-event.response/*`: the 200 response of `POST /v4/events:sendEvent`
//! (vendor-rules.md §1.5).

pub(crate) mod body_object;
pub(crate) mod unknown_key;
