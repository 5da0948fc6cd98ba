//! `synerise.error/*`: rules of the v4 API's error body (`HTTP400`; vendor-rules.md §2.9). The
//! vendor's rules table lists none: these name the structural problems of the documented model.

pub(crate) mod body_object;
pub(crate) mod field_null;
pub(crate) mod field_type;
pub(crate) mod unknown_key;
