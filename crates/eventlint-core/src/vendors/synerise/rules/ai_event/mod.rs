//! `synerise.ai-event/*`: rules of AI events API bodies (`POST /events/v1/single/{eventType}`,
//! and each element of `POST /events/v1/batch`; vendor-rules.md §2.7), and of their requests
//! (`auth`: the `token` query parameter or `Authorization`; `path-type`: the path's event type).

pub(crate) mod auth;
pub(crate) mod body_object;
pub(crate) mod campaignid;
pub(crate) mod click_item_shape;
pub(crate) mod clientuuid_format;
pub(crate) mod clientuuid_required;
pub(crate) mod correlation_required;
pub(crate) mod items_empty;
pub(crate) mod items_empty_view;
pub(crate) mod items_required;
pub(crate) mod path_type;
pub(crate) mod timestamp_contradiction;
pub(crate) mod timestamp_format;
pub(crate) mod timestamp_fraction;
pub(crate) mod timestamp_future;
pub(crate) mod timestamp_missing;
pub(crate) mod timestamp_type;
pub(crate) mod type_mismatch;
pub(crate) mod unknown_key;
