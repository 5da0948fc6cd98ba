//! `--format github`: GitHub Actions workflow commands, one per diagnostic, which the runner turns
//! into annotations on the pull request:
//!
//! ```text
//! ::error file=events.json,line=3,col=13,endLine=3,endColumn=15,title=synerise.event/client-identifier::`client` has no identifier%0Ahelp: add one of …
//! ```
//!
//! `error` and `warning` keep their names; `info` becomes `notice`. A run that fails on warnings
//! (`--deny-warnings`, or `deny-warnings = true` in `eventlint.toml`: [`Options::deny_warnings`])
//! shows its warnings as `error`s, since they fail it. The help follows the message after a
//! newline. Escaping follows the runner's rules: in the message `%`, `\r` and `\n`; in
//! properties also `:` and `,`.

use std::fmt::Write;

use crate::message::diagnostic::Severity;
use crate::output::report::DocumentOutcome;

/// What the run fails on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Warnings fail the run too (`--deny-warnings`): they are annotated as errors.
    pub deny_warnings: bool,
}

/// One workflow command per diagnostic, each on its own line, for a run that does not fail on
/// warnings: [`render_with`] with the default [`Options`].
#[must_use]
pub fn render(outcomes: &[DocumentOutcome]) -> String {
    render_with(outcomes, Options::default())
}

/// One workflow command per diagnostic, each on its own line: `error` for what fails the run
/// (errors; warnings too with [`Options::deny_warnings`]), `warning` for other warnings,
/// `notice` for infos.
#[must_use]
pub fn render_with(outcomes: &[DocumentOutcome], options: Options) -> String {
    let mut out = String::new();
    for o in outcomes {
        for d in &o.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning if options.deny_warnings => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&o.path),
                d.start.line,
                d.start.column,
                d.end.line,
                d.end.column,
                escape_property(d.rule),
                escape_data(&message),
            );
        }
    }
    out
}

/// Escapes a command's message: `%`, `\r`, `\n`.
#[must_use]
pub(crate) fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value: as [`escape_data`], and also `:` and `,`.
#[must_use]
pub(crate) fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("100%\r\nok: a,b"), "100%25%0D%0Aok: a,b");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
