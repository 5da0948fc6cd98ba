//! `synerise.batch-events/*`: rules of `POST /v4/events/batch` bodies (vendor-rules.md §2.5).
//! Each element is also checked by its `type`: the custom-event rules for `custom`, the
//! dedicated-event rules for a dedicated endpoint's name, and the `synerise.event/*` rules for all.

pub(crate) mod array;
pub(crate) mod dedicated_action;
pub(crate) mod empty;
pub(crate) mod max_count;
pub(crate) mod max_size;
pub(crate) mod salt_dup;
pub(crate) mod transaction;
pub(crate) mod type_known;
pub(crate) mod type_required;
