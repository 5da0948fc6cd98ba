use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A file that `eventlint.toml` declares `expect = "valid"` or `expect = "invalid"` behaves as
    /// declared. A valid file has no error or warning. An invalid file shows every rule listed in
    /// `expect-rules` (or, with none listed, at least one error or warning). This is how a
    /// repository gates its own fixture folders in one command.
    ///
    /// An invalid file that behaves as declared passes, and its findings are not reported (the
    /// summary counts them as expected). One that does not is reported with this rule, beside
    /// the findings it does have.
    ///
    /// ## Why
    /// A fixture that stops failing, or fails for another reason than the one it was written
    /// for, no longer tests what its name says; without this rule nobody notices.
    ///
    /// ## Example
    /// With
    ///
    /// ```toml
    /// [[files]]
    /// glob = "fixtures/**/invalid/<group>/<rule>{--*.*,.*}"
    /// expect = "invalid"
    /// expect-rules = ["<group>/<rule>"]
    /// ```
    ///
    /// `fixtures/…/invalid/json/syntax.json` must show `json/syntax`; after someone "fixes" the
    /// file, it is reported.
    ///
    /// ## Fix
    /// Restore the problem the fixture demonstrates, move it to where files of its new kind live,
    /// or rename it after the rule it shows.
    pub(crate) static EXPECTATION = {
        id: "config/expectation",
        severity: Error,
        summary: "A file does not behave as eventlint.toml expects (valid or invalid, and for which rule)",
    };
}
