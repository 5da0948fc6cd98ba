//! `--format github`: GitHub Actions workflow commands, one per diagnostic, which the runner turns
//! into annotations on the pull request:
//!
//! ```text
//! ::error file=events.json,line=3,col=13,endLine=3,endColumn=15,title=synerise.event/client-identifier::`client` has no identifier%0Ahelp: add one of …
//! ```
//!
//! `error` and `warning` keep their names; `info` becomes `notice`. The help follows the message
//! after a newline. Escaping follows the runner's rules: in the message `%`, `\r` and `\n`; in
//! properties also `:` and `,`.

use std::fmt::Write;

use crate::diagnostic::Severity;
use crate::report::DocumentOutcome;

/// One workflow command per diagnostic, each on its own line.
#[must_use]
pub fn render(outcomes: &[DocumentOutcome]) -> String {
    let mut out = String::new();
    for o in outcomes {
        for d in &o.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
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
                d.start.line + o.line_offset,
                d.start.column,
                d.end.line + o.line_offset,
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
