//! `neuralens.event/*`: rules of `POST /analytics/event` (vendor-rules.md §3.3): its body's,
//! and its transport rules (the two headers), which the kind's `transport` runs on a whole
//! request.

pub(crate) mod api_key_format;
pub(crate) mod api_key_header;
pub(crate) mod app_id_header;
pub(crate) mod app_id_placeholder;
pub(crate) mod event_required;
pub(crate) mod geo_range;
pub(crate) mod geo_shape;
pub(crate) mod geo_swapped;
pub(crate) mod index_relevance;
pub(crate) mod index_type;
pub(crate) mod items_count;
pub(crate) mod items_id_empty;
pub(crate) mod items_id_number;
pub(crate) mod items_required;
pub(crate) mod items_shape;
pub(crate) mod page_enum;
pub(crate) mod page_event_consistency;
pub(crate) mod query_expected;
pub(crate) mod query_type;
pub(crate) mod timestamp;
pub(crate) mod timestamp_future;
pub(crate) mod uid;
pub(crate) mod unknown_key;
