//! `glia.engagement-event/*`: the rules of `POST /engagements/{engagement_id}/events`
//! (vendor-rules.md §5.2): its body's, and its transport rules (headers and the path's
//! `engagement_id`), which the kind's `transport` runs on a whole request.

pub(crate) mod accept;
pub(crate) mod auth_format;
pub(crate) mod auth_missing;
pub(crate) mod auth_placeholder;
pub(crate) mod auth_scheme_legacy;
pub(crate) mod body_object;
pub(crate) mod content_type;
pub(crate) mod content_type_charset;
pub(crate) mod engagement_id;
pub(crate) mod engagement_id_uuid;
pub(crate) mod message_empty;
pub(crate) mod message_length;
pub(crate) mod message_required;
pub(crate) mod unknown_key;
