//! `sajari.send-event/*`: rules of `POST /v4/events:sendEvent` and `POST /v4/events:send`
//! bodies (vendor-rules.md §1.3), and of their requests (`account-id-header`,
//! `account-id-recommended`, `deprecated-endpoint`: vendor-rules.md §1.1).

pub(crate) mod account_id_header;
pub(crate) mod account_id_recommended;
pub(crate) mod body_object;
pub(crate) mod deprecated_endpoint;
pub(crate) mod metadata_null;
pub(crate) mod metadata_object;
pub(crate) mod metadata_primitive;
pub(crate) mod name_required;
pub(crate) mod name_type;
pub(crate) mod token_placeholder;
pub(crate) mod token_required;
pub(crate) mod token_type;
pub(crate) mod unknown_key;
pub(crate) mod weight_integer;
pub(crate) mod weight_missing_or_zero;
pub(crate) mod weight_negative;
pub(crate) mod weight_range;
pub(crate) mod weight_string;
