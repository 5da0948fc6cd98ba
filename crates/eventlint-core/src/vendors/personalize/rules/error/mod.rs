//! `personalize.error/*`: rules of AWS rest-json error bodies (vendor-rules.md §4.4).

pub(crate) mod body_object;
pub(crate) mod message_missing;
pub(crate) mod string_types;
pub(crate) mod unknown_key;
