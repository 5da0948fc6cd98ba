//! The diagnostic type every rule produces and every renderer consumes.

use std::fmt;

use serde::Serialize;

/// How serious a finding is (design.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Style, ambiguity or documentation conflict; never fails a run.
    Info,
    /// Accepted by the vendor, but data is lost or altered, or it is almost certainly a bug.
    Warning,
    /// The vendor rejects it, or it cannot be parsed as documented.
    Error,
}

impl Severity {
    /// The lowercase name used in reports (`error`, `warning`, `info`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `error`, `warning` or `info`.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A 1-based line and column; columns count Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    /// 1-based line within the document.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
}

/// One finding in one document, with its exact place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule's stable id, e.g. `synerise.event/client-identifier`.
    pub rule: &'static str,
    /// Severity after any override.
    pub severity: Severity,
    /// What is wrong; names the field.
    pub message: String,
    /// What to do; names the field.
    pub help: Option<String>,
    /// Why it matters (the vendor's words or source), shown by the human renderer.
    pub note: Option<String>,
    /// RFC 6901 pointer into the document (`""` is the whole document).
    pub pointer: String,
    /// Byte range in the document text (after a UTF-8 byte order mark), end exclusive.
    pub span: std::ops::Range<usize>,
    /// Start, relative to the document (line 1 is the document's first line).
    pub start: Position,
    /// End (exclusive), relative to the document.
    pub end: Position,
}
