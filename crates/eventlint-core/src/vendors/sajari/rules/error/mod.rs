//! `sajari.error/*`: the `google.rpc.Status` error body of the Sajari API
//! (vendor-rules.md §1.5).

pub(crate) mod body_object;
pub(crate) mod code_integer;
pub(crate) mod code_required;
pub(crate) mod code_string;
pub(crate) mod code_unknown;
pub(crate) mod details_array;
pub(crate) mod details_empty;
pub(crate) mod details_null;
pub(crate) mod details_type;
pub(crate) mod legacy_error_key;
pub(crate) mod message_required;
pub(crate) mod unknown_key;
