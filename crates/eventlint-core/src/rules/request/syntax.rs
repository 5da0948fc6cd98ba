use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// That a request file (`.http`, `.rest`, `.curl`, `.hurl`, `.har`, `*.requests.ndjson`)
    /// can be read as requests: a `.http` request has a request line, a curl command's quotes
    /// are balanced and its options have their values, a body file (`< ./body.json`,
    /// `-d @body.json`) exists, a HAR is JSON with `log.entries`, a request log line is an
    /// object with `method` and `url`.
    ///
    /// The problem is reported at its bytes; the requests before and after it are still read
    /// and checked.
    ///
    /// ## Why
    /// A request eventlint cannot read is one it cannot check; saying where reading stopped is
    /// the only useful answer.
    ///
    /// ## Example
    /// ```http
    /// Content-Type: application/json
    ///
    /// {"action": "dog.bark"}
    /// ```
    ///
    /// has no request line (`POST https://api.snrs.com/v4/events/custom`).
    ///
    /// ## Fix
    /// Write what the message names: here, the request line before the headers.
    pub(crate) static SYNTAX = {
        id: "request/syntax",
        severity: Error,
        summary: "A request cannot be read from the file (no request line, an unbalanced quote, a missing body file, not a HAR)",
    };
}
