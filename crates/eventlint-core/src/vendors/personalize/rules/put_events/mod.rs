//! `personalize.put-events/*`: rules of `PutEvents` bodies (vendor-rules.md §4.2–4.3).

pub(crate) mod attribution_pattern;
pub(crate) mod container_types;
pub(crate) mod duplicate_event;
pub(crate) mod duplicate_eventid;
pub(crate) mod eventlist_size;
pub(crate) mod eventtype_placeholder;
pub(crate) mod eventvalue_type;
pub(crate) mod impression_and_recid;
pub(crate) mod impression_size;
pub(crate) mod itemid_missing;
pub(crate) mod length;
pub(crate) mod properties_camelcase;
pub(crate) mod properties_empty;
pub(crate) mod properties_legacy_keys;
pub(crate) mod properties_parse;
pub(crate) mod properties_reserved;
pub(crate) mod properties_string;
pub(crate) mod properties_values;
pub(crate) mod recommendationid_length;
pub(crate) mod required;
pub(crate) mod sentat_sanity;
pub(crate) mod sentat_type;
pub(crate) mod session_null_literal;
pub(crate) mod string_types;
pub(crate) mod unknown_key;
pub(crate) mod userid_missing;
