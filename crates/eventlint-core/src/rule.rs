//! Rule metadata. Each rule lives in its own file, named after what it flags; its doc comment
//! is its manual, printed by `eventlint explain`.

use crate::diagnostic::Severity;

/// A rule: stable id, default severity, one-line summary and its manual.
#[derive(Debug)]
pub struct Rule {
    /// Stable id, lowercase `group/name`.
    pub id: &'static str,
    /// Severity of every finding of the rule, unless configured otherwise (a finding has no
    /// severity of its own: a weaker or stronger case is a rule of its own).
    pub severity: Severity,
    /// One line for `eventlint rules`.
    pub summary: &'static str,
    /// The manual (Markdown), taken from the rule's doc comment.
    pub doc: &'static str,
    /// Whether the rule reports violations of the kind's generated JSON Schema (so a document it
    /// flags is also invalid for any JSON Schema validator using `schemas/`).
    pub structural: bool,
}

impl Rule {
    /// The manual with the one-space indent of doc comments removed.
    #[must_use]
    pub fn manual(&self) -> String {
        let mut out = String::with_capacity(self.doc.len());
        for line in self.doc.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// The group part of the id (`synerise.event` in `synerise.event/client-identifier`).
    #[must_use]
    pub fn group(&self) -> &'static str {
        self.id.split_once('/').map_or(self.id, |(group, _)| group)
    }
}

/// Declares a rule: its doc comment becomes both its rustdoc and its `eventlint explain` text.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $name:ident = {
            id: $id:literal,
            severity: $severity:ident,
            summary: $summary:literal
            $(, structural: $structural:literal)? $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        $vis static $name: $crate::rule::Rule = $crate::rule::Rule {
            id: $id,
            severity: $crate::diagnostic::Severity::$severity,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
            structural: false $(|| $structural)?,
        };
    };
}
pub(crate) use declare_rule;
