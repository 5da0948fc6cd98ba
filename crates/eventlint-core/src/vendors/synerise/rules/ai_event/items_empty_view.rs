use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `items` is not empty in an event that is not known to be a click: a
    /// `recommendation.view`, or a single event, whose type is the path parameter eventlint
    /// cannot see.
    ///
    /// An empty `items` in a click (`recommendation.click`, `item.search.click`, known from a
    /// batch's `eventType`) is `synerise.ai-event/items-empty`'s business (a warning).
    ///
    /// ## Why
    /// `items` "can be empty" (SEED-001): a recommendation frame may have shown nothing, so an
    /// empty `items` in a view is fine. It is an info because the same body sent as a click would
    /// be a bug.
    ///
    /// ## Example
    /// ```json
    /// {"correlationId": "5b0a0fcd-e76b-425c-b9e8-7d6d7bd4a79b", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": []}
    /// ```
    ///
    /// ## Fix
    /// Nothing, for the view of an empty frame; otherwise send the ids shown:
    /// `"items": ["89435879453"]`.
    pub(crate) static ITEMS_EMPTY_VIEW = {
        id: "synerise.ai-event/items-empty-view",
        severity: Info,
        summary: "`items` is empty in an event not known to be a click",
    };
}

/// `items` (at `at`) is empty in a `recommendation.view`.
pub(crate) fn view(at: Pointer) -> Finding {
    Finding::new(&ITEMS_EMPTY_VIEW, at, "`items` is empty")
        .help("fine if the recommendation frame showed no items; otherwise send their ids")
}

/// `items` (at `at`) is empty in an event whose type the body does not say.
pub(crate) fn untyped(at: Pointer) -> Finding {
    Finding::new(&ITEMS_EMPTY_VIEW, at, "`items` is empty")
        .help("fine for a `recommendation.view` of an empty frame; a click should name its item")
        .note("the event type is the path parameter, so eventlint cannot tell a view from a click here")
}
