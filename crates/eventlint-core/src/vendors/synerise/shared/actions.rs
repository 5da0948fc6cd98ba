//! Action names the Synerise backend assigns (vendor-rules.md §2.6).

/// Dedicated `/v4/events/{endpoint}` endpoints (= batch `type`) and the action each sets.
pub(crate) const DEDICATED: &[(&str, &str)] = &[
    ("added-to-cart", "product.addToCart"),
    ("removed-from-cart", "product.removeFromCart"),
    ("added-to-favorites", "product.addToFavorite"),
    ("appeared-in-location", "client.location"),
    ("application-started", "client.applicationStarted"),
    ("assigned-to-company", "client.assignToCompany"),
    ("cancelled-transaction", "transaction.cancel"),
    ("hit-timer", "client.hitTimer"),
    ("item-search-click", "item.search.click"),
    ("logged-in", "client.login"),
    ("logged-out", "client.logout"),
    ("product-view", "product.view"),
    ("registered", "client.register"),
    ("searched", "client.search"),
    ("shared", "client.shared"),
    ("visited-screen", "screen.view"),
    ("push/clicked", "push.click"),
    ("push/viewed", "push.view"),
    ("push/cancelled", "push.cancel"),
    ("push/received", "push.receiveInBackground"),
];

/// System actions the official SDK sends as custom events, plus transaction and AI actions.
pub(crate) const OTHER_SYSTEM: &[&str] = &[
    "cart.status",
    "client.deleteAccount",
    "product.addReview",
    "product.removeFromFavorites",
    "page.visit",
    "transaction.charge",
    "product.buy",
    "recommendation.view",
    "recommendation.click",
];

/// Every known system action name.
pub(crate) fn system_actions() -> impl Iterator<Item = &'static str> {
    DEDICATED
        .iter()
        .map(|(_, a)| *a)
        .chain(OTHER_SYSTEM.iter().copied())
}
