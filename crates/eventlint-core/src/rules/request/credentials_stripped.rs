use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Nothing is wrong: this note says, once per HAR file, that the capture comes from a
    /// browser's export, which strips `Authorization` and cookies by default, so that a missing
    /// credential header is not reported there.
    ///
    /// ## Why
    /// Chrome, Edge and Firefox export HARs without credentials (Chrome since version 130
    /// unless "Allow to generate HAR with sensitive data" is set). Reporting every request of
    /// such a capture as unauthenticated would hide the findings that matter.
    ///
    /// ## Example
    /// A HAR exported by Chrome's network panel whose Synerise requests carry no
    /// `Authorization` header.
    ///
    /// ## Fix
    /// Nothing to fix. To check credentials too, export the HAR with sensitive data, or
    /// capture with a proxy (mitmproxy), or check the requests with `eventlint serve`.
    pub(crate) static CREDENTIALS_STRIPPED = {
        id: "request/credentials-stripped",
        severity: Info,
        summary: "A browser's HAR export strips credentials: missing credential headers are not reported",
    };
}
