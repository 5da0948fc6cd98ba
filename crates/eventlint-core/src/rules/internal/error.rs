use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Nothing in the payload: eventlint itself failed (panicked) while checking this document.
    /// The run goes on with the other documents and files, reports this document with this rule,
    /// and exits with status 2 ("the tool could not do its job").
    ///
    /// ## Why
    /// A bug in one rule must not take down a CI run over thousands of files, nor hide the
    /// findings of every other document.
    ///
    /// ## Example
    /// None expected: any occurrence is a bug in eventlint.
    ///
    /// ## Fix
    /// Report it to the eventlint maintainers with the document (or a redacted copy) and the message;
    /// meanwhile, exclude the file in `eventlint.toml` if it blocks you.
    pub(crate) static INTERNAL_ERROR = {
        id: "internal/error",
        severity: Error,
        summary: "eventlint failed while checking this document (a bug in eventlint)",
    };
}
