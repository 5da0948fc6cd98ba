use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Nothing is wrong: this note says, once per file, that credentials were not checked
    /// there. In a HAR exported by a browser, which strips `Authorization` and cookies by
    /// default, a missing credential header is not reported. In a request log that
    /// `eventlint serve --log` wrote (`"credentials": "masked"`), a credential's value is
    /// masked (`Bearer eyJh****…`), so its value is not judged; a credential that is missing
    /// is still reported there.
    ///
    /// ## Why
    /// Chrome, Edge and Firefox export HARs without credentials (Chrome since version 130
    /// unless "Allow to generate HAR with sensitive data" is set). Reporting every request of
    /// such a capture as unauthenticated would hide the findings that matter. A masked value
    /// is no JWT and no API key: judging it would report every logged request.
    ///
    /// ## Example
    /// A HAR exported by Chrome's network panel whose Synerise requests carry no
    /// `Authorization` header; or `eventlint check app.requests.ndjson` on a log of
    /// `eventlint serve`.
    ///
    /// ## Fix
    /// Nothing to fix. To check credentials too, export the HAR with sensitive data, or
    /// capture with a proxy (mitmproxy); `eventlint serve` checks each credential as it
    /// arrives, before it masks it in the log.
    pub(crate) static CREDENTIALS_STRIPPED = {
        id: "request/credentials-stripped",
        severity: Info,
        summary: "A browser's HAR strips credentials, a serve log masks them: they are not checked there",
    };
}
