//! `neuralens.event.response/*`: rules of the `{status, message}` response (vendor-rules.md §3.4).

pub(crate) mod failure_message_empty;
pub(crate) mod message_type;
pub(crate) mod status_enum;
pub(crate) mod unknown_key;
