use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// What the request reader noticed but could read past: a `{{variable}}` that no
    /// environment defines (it stays as written, never guessed; pass `--env NAME` to read
    /// `http-client.env.json`), a shell variable (`$TOKEN`) that a shell would have expanded, a
    /// curl option eventlint does not apply, a header line without a colon (dropped).
    ///
    /// ## Why
    /// The request eventlint checks is then not exactly the one that is sent: findings on the
    /// parts involved may be wrong, or missing.
    ///
    /// ## Example
    /// ```http
    /// POST https://api.snrs.com/v4/events/custom
    /// Authorization: Bearer {{token}}
    /// Api-Version: 4.4
    /// Content-Type: application/json
    ///
    /// {"action": "dog.bark", "label": "bark", "client": {"customId": "c-1"}}
    /// ```
    ///
    /// `{{token}}` is not defined.
    ///
    /// ## Fix
    /// Define the variable in `http-client.env.json` (or `http-client.private.env.json` for
    /// secrets) and pass `--env NAME`, or write the value in the request.
    pub(crate) static READER = {
        id: "request/reader",
        severity: Warning,
        summary: "The request as read differs from the one sent (an undefined variable, a shell variable, an option not applied)",
    };
}
