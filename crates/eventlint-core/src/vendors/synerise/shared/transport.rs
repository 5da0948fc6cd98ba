//! The transport rules of Synerise's request kinds: what the request around a body must carry
//! (vendor-rules.md §2.1). Each kind's `transport` is one of these.

use crate::rule::finding::Ctx;
use crate::rule::request::RequestView;
use crate::rules::common::content_type;
use crate::vendors::synerise::rules::{ai_event, dedicated_event, event};

/// A v4 events request (custom, batch): `Api-Version: 4.4`, `Authorization: Bearer <JWT>`,
/// `Content-Type: application/json` (Synerise answers 415, so an error).
pub(crate) fn v4_event(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    event::api_version::check(ctx, request);
    event::authorization::check(ctx, request);
    event::content_type::check(ctx, request);
}

/// A dedicated v4 events request: [`v4_event`], and a known endpoint.
pub(crate) fn dedicated_event(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    v4_event(ctx, request);
    dedicated_event::endpoint_known::check(ctx, request);
    dedicated_event::type_mismatch::check(ctx, request);
}

/// An AI events request (single or batch): a tracker key or a JWT, a known event type in the
/// path (single events), and `common/content-type` (a warning: no `415` is documented for the
/// AI events API).
pub(crate) fn ai_event(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    ai_event::auth::check(ctx, request);
    ai_event::path_type::check(ctx, request);
    ai_event::type_mismatch::check(ctx, request);
    content_type::check(ctx, request);
}
