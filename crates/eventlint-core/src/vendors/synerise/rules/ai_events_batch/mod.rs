//! `synerise.ai-events-batch/*`: rules of `POST /events/v1/batch` bodies (vendor-rules.md §2.7).
//! Each element is also checked by the `synerise.ai-event/*` rules.

pub(crate) mod same_type;
pub(crate) mod shape;
