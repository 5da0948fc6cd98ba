use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// That a request goes to a documented endpoint: its path (with the host, when the URL has
    /// one) is one of the routes `eventlint kinds` lists. A path under a vendor's API that no
    /// route matches (`/v4/event/custom`) gets the nearest documented path; a path of no vendor
    /// eventlint knows, with a body whose kind cannot be decided either, is reported too.
    ///
    /// ## Why
    /// The vendor answers 404 to a path it does not serve, and the event is lost.
    ///
    /// ## Example
    /// ```http
    /// POST https://api.snrs.com/v4/event/custom
    /// Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl
    /// Api-Version: 4.4
    /// Content-Type: application/json
    ///
    /// {"action": "dog.bark", "label": "bark", "client": {"customId": "c-1"}}
    /// ```
    ///
    /// ## Fix
    /// ```http
    /// POST https://api.snrs.com/v4/events/custom
    /// Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl
    /// Api-Version: 4.4
    /// Content-Type: application/json
    ///
    /// {"action": "dog.bark", "label": "bark", "client": {"customId": "c-1"}}
    /// ```
    pub(crate) static UNKNOWN_ENDPOINT = {
        id: "request/unknown-endpoint",
        severity: Error,
        summary: "The request's path is not a documented endpoint",
    };
}
