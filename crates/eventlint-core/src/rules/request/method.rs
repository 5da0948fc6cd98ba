use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// That the method is the one the endpoint takes: every event endpoint eventlint knows
    /// takes `POST`.
    ///
    /// ## Why
    /// The vendor answers 405 (or 404) to another method, and the event is lost; a `GET` with
    /// a body is also dropped by many proxies.
    ///
    /// ## Example
    /// ```http
    /// GET https://api.neuralens.ai/analytics/event
    /// X-Neuralens-API-Key: Bearer 4f9c2a7e1b
    /// X-Neuralens-Application-ID: shop-1
    /// Content-Type: application/json
    ///
    /// {"uid": "u-1", "items": ["i-1"], "event": "PURCHASE"}
    /// ```
    ///
    /// ## Fix
    /// ```http
    /// POST https://api.neuralens.ai/analytics/event
    /// X-Neuralens-API-Key: Bearer 4f9c2a7e1b
    /// X-Neuralens-Application-ID: shop-1
    /// Content-Type: application/json
    ///
    /// {"uid": "u-1", "items": ["i-1"], "event": "PURCHASE"}
    /// ```
    pub(crate) static METHOD = {
        id: "request/method",
        severity: Error,
        summary: "The endpoint does not take the request's method",
    };
}
