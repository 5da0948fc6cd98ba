//! `glia.engagement-event.response/*`: the 200 response of
//! `POST /engagements/{engagement_id}/events`, the event message (vendor-rules.md §5.3).

pub(crate) mod body_object;
pub(crate) mod engagement_id_format;
pub(crate) mod field_required;
pub(crate) mod field_type;
pub(crate) mod sender_not_visitor;
pub(crate) mod sub_engagement_id_digits;
pub(crate) mod sub_engagement_id_string;
pub(crate) mod timestamp_iso8601;
pub(crate) mod timestamp_offset;
pub(crate) mod timestamp_utc;
pub(crate) mod unknown_key;
pub(crate) mod uuid_format;
