//! Fixes: what a diagnostic offers to change in the text, at exact bytes, and how sure it is.
//!
//! A rule's finding proposes values or keys at pointers ([`super::proposal`]); once the
//! document's spans are known, each proposal becomes a [`Fix`]: text edits at byte ranges of the
//! document, with the [`Applicability`] the rule declares for it ([`FixDoc`], printed by
//! `eventlint explain`). `eventlint check --fix` applies the safe ones, the editor server offers
//! them all as code actions, and the JSON and SARIF reports carry them.

use serde::Serialize;

use crate::message::diagnostic::Position;

/// How sure a fix is that the result is what the author meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// A guess (seconds taken as milliseconds, a time without an offset taken as UTC): applied
    /// only with `--unsafe-fixes`.
    Unsafe,
    /// The payload means what its author meant (a misspelt key with one nearest name, a
    /// trailing comma, an object `properties` encoded as its JSON string): applied by `--fix`.
    Safe,
}

impl Applicability {
    /// `safe` or `unsafe`, as the reports write it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// One replacement of the text: the bytes `span` of the document become `content`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    /// Byte range in the document text (as [`Diagnostic::span`](crate::Diagnostic::span)),
    /// end exclusive; empty for an insertion.
    pub span: std::ops::Range<usize>,
    /// Where the range starts (as the diagnostic's positions: the file's, once placed).
    pub start: Position,
    /// Where it ends (exclusive).
    pub end: Position,
    /// The new text, written as the file needs it (escaped inside a HAR's JSON string or a
    /// quoted curl argument).
    pub content: String,
}

/// What a diagnostic offers to change: edits that do not overlap, in text order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Safe (`--fix`) or unsafe (`--unsafe-fixes`).
    pub applicability: Applicability,
    /// What the fix does, e.g. "rename `lable` to `label`": the code action's title.
    pub title: String,
    /// The edits, sorted by start, none overlapping another.
    pub edits: Vec<TextEdit>,
}

/// What a rule's manual says of its fix: whether there is one, how sure it is and when it is
/// offered. Declared with the rule (`fix: Safe("…")`), printed by `eventlint explain` and listed
/// in `docs/rules.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixDoc {
    /// The applicability of the rule's fixes, unless [`FixDoc::when`] says some are guesses.
    pub applicability: Applicability,
    /// When a fix is offered (and, for a safe fix, when it is only a guess), one sentence.
    pub when: &'static str,
}

/// The JSON report's form of a fix: `applicability`, `title`, then `edits`, each with the
/// diagnostic's place fields (`line`, `column`, `end_line`, `end_column`) and its `content`.
impl Serialize for Fix {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Edit<'a> {
            line: usize,
            column: usize,
            end_line: usize,
            end_column: usize,
            content: &'a str,
        }
        #[derive(Serialize)]
        struct Fields<'a> {
            applicability: Applicability,
            title: &'a str,
            edits: Vec<Edit<'a>>,
        }
        Fields {
            applicability: self.applicability,
            title: &self.title,
            edits: self
                .edits
                .iter()
                .map(|e| Edit {
                    line: e.start.line,
                    column: e.start.column,
                    end_line: e.end.line,
                    end_column: e.end.column,
                    content: &e.content,
                })
                .collect(),
        }
        .serialize(serializer)
    }
}

/// Applies `edits` (byte ranges of `text`, sorted and not overlapping) to `text`; `None` when
/// they are not (out of order, overlapping, out of range or off a character boundary).
#[must_use]
pub fn apply_edits(text: &str, edits: &[&TextEdit]) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        let range = edit.span.clone();
        if range.start < at || range.end < range.start {
            return None;
        }
        out.push_str(text.get(at..range.start)?);
        text.get(range.clone())?;
        out.push_str(&edit.content);
        at = range.end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}
