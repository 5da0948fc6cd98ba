//! `synerise.dedicated-event/*`: rules of `POST /v4/events/{endpoint}` bodies
//! (vendor-rules.md §2.4). The endpoint is a path parameter, so the endpoint-specific body rules
//! report only on batch elements, whose `type` names the endpoint; `endpoint-known` reads the
//! path parameter of a request.

pub(crate) mod action_ignored;
pub(crate) mod body_object;
pub(crate) mod cart_params;
pub(crate) mod endpoint_known;
pub(crate) mod item_search_click_params;
pub(crate) mod min_api_version;
pub(crate) mod required_params;
pub(crate) mod type_mismatch;
