use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// That `eventlint.toml` (or the file `--config` names) is a valid configuration: TOML that
    /// parses, only the documented keys, values of the right type, known rule ids, kinds and
    /// severities, globs that compile, dates with an offset and durations that parse, and
    /// `<name>` templates that their glob captures.
    ///
    /// The problem is reported as a finding of the configuration file itself, at the bytes it is
    /// about, in every report format (human, JSON, SARIF, GitHub, `JUnit`). No payload is checked
    /// and the run exits 2, whatever `--select`, `--ignore` or `--severity` say.
    ///
    /// ## Why
    /// A configuration eventlint cannot read would silently change what is checked and how: a
    /// misspelt key or rule id would be ignored, and a run would pass that should fail. Stopping
    /// at the first problem, with its place, is safer than guessing.
    ///
    /// ## Example
    /// ```toml
    /// nw = "2026-01-01T00:00:00Z"
    ///
    /// [rules]
    /// "json/syntax" = "warnign"
    /// ```
    ///
    /// is reported at line 1, column 1: unknown key `nw`; did you mean `now`? (the run stops at
    /// the first problem; the misspelt severity would be next).
    ///
    /// ## Fix
    /// Correct what the message names, as its help says:
    ///
    /// ```toml
    /// now = "2026-01-01T00:00:00Z"
    ///
    /// [rules]
    /// "json/syntax" = "warning"
    /// ```
    ///
    /// `schemas/eventlint.toml.schema.json` lets a TOML editor flag most of these as you type.
    pub(crate) static INVALID = {
        id: "config/invalid",
        severity: Error,
        summary: "eventlint.toml is not a valid configuration (syntax, key, type, rule, kind, glob or date)",
    };
}
