//! `glia.engagement-event/*`: body rules of `POST /engagements/{engagement_id}/events`
//! (vendor-rules.md §5.2). Header and path rules need the whole request and are not here.

pub(crate) mod body_object;
pub(crate) mod message_empty;
pub(crate) mod message_length;
pub(crate) mod message_required;
pub(crate) mod unknown_key;
