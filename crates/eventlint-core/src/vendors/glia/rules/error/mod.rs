//! `glia.error/*`: the `{message, debug_message}` error body of the Glia REST API
//! (vendor-rules.md §5.3).

pub(crate) mod body_object;
pub(crate) mod debug_message_missing;
pub(crate) mod debug_message_required;
pub(crate) mod message_required;
pub(crate) mod unknown_key;
