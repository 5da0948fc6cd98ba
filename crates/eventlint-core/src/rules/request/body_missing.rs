use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// That a request to an event endpoint has a body: each of them takes the event (or the
    /// batch) as its JSON body.
    ///
    /// ## Why
    /// Without a body there is no event: the vendor rejects the request (Sajari's spec marks
    /// the body required) or records nothing.
    ///
    /// ## Example
    /// ```http
    /// POST https://api.salemove.com/engagements/af8c2e16-545d-4f83-9e79-7c5ebc544b1d/events
    /// Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl
    /// Accept: application/vnd.salemove.v1+json
    /// Content-Type: application/json
    /// ```
    ///
    /// ## Fix
    /// ```http
    /// POST https://api.salemove.com/engagements/af8c2e16-545d-4f83-9e79-7c5ebc544b1d/events
    /// Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl
    /// Accept: application/vnd.salemove.v1+json
    /// Content-Type: application/json
    ///
    /// {"message": "Visitor opened the pricing page"}
    /// ```
    pub(crate) static BODY_MISSING = {
        id: "request/body-missing",
        severity: Error,
        summary: "A request to an event endpoint has no body",
    };
}
