//! Rule metadata. Each rule lives in its own file, named after what it flags; its doc comment
//! is its manual, printed by `eventlint explain`.
//!
//! The rule API is here too, below everything that runs rules: what a rule reports and reads
//! ([`finding`]: `Finding`, `Ctx`, `Clock`, `Target`), and the value helpers rules share
//! ([`time`]: ISO 8601 and epoch timestamps; [`uuid`]).

pub(crate) mod finding;
pub(crate) mod request;
pub(crate) mod time;
pub(crate) mod uuid;

use std::sync::LazyLock;

use regex::Regex;

use crate::message::diagnostic::Severity;
use crate::message::fix::{Applicability, FixDoc};

/// The page that says what every source a rule manual cites is (title, address, content),
/// relative to the repository root. Each key has an entry there under [`Citation::anchor`].
pub const SOURCES_PAGE: &str = "docs/sources.md";

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
    /// Whether the rule's findings offer a fix, how sure it is, and when (`None`: never).
    pub fix: Option<FixDoc>,
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

    /// Every source the manual cites, each once, in order of first citation: source keys
    /// (`SEED-001`, `AWS-BC`, `SYN-PHP` …), provenance tags (`[D]`, `[S]`, `[SDK]`, `[I]`: one
    /// to three capitals in brackets; a longer word such as boto3's `[REQUIRED]` is quoted text),
    /// sections of the reference documents (`vendor-rules.md §2.3`, `design.md §2`, or the
    /// whole document) and RFCs (`RFC 8259`). Code (`` `…` `` and fenced blocks) cites nothing.
    /// A section sign that follows no document (`see §4.3`) is a citation of its own, `§4.3`,
    /// which no entry of [`SOURCES_PAGE`] resolves.
    ///
    /// ```
    /// let rule = eventlint_core::registry::rule("json/syntax").expect("a rule");
    /// let keys: Vec<String> = rule.citations().into_iter().map(|c| c.key).collect();
    /// assert!(keys.contains(&"RFC 8259".to_owned()));
    /// ```
    #[must_use]
    pub fn citations(&self) -> Vec<Citation> {
        citations(&self.manual())
    }

    /// One sentence for `eventlint explain` and `docs/rules.md`: whether a finding of the rule
    /// offers a fix, and when.
    #[must_use]
    pub fn fix_sentence(&self) -> String {
        match self.fix {
            None => "Automatic fix: none.".to_owned(),
            Some(FixDoc {
                applicability: Applicability::Safe,
                when,
            }) => format!("Automatic fix: safe (`--fix`), {when}"),
            Some(FixDoc {
                applicability: Applicability::Unsafe,
                when,
            }) => format!("Automatic fix: unsafe (`--unsafe-fixes`), {when}"),
        }
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
            $(, structural: $structural:literal)?
            $(, fix: $applicability:ident($when:literal))? $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        $vis static $name: $crate::rule::Rule = $crate::rule::Rule {
            id: $id,
            severity: $crate::message::diagnostic::Severity::$severity,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
            structural: false $(|| $structural)?,
            fix: $crate::rule::fix_doc!($($applicability, $when)?),
        };
    };
}
pub(crate) use declare_rule;

/// The `fix` of a [`declare_rule!`]: `None`, or the declared applicability and when.
macro_rules! fix_doc {
    () => {
        None
    };
    ($applicability:ident, $when:literal) => {
        Some($crate::message::fix::FixDoc {
            applicability: $crate::message::fix::Applicability::$applicability,
            when: $when,
        })
    };
}
pub(crate) use fix_doc;

/// A source cited by a rule manual: its key as cited, e.g. `SEED-001`, `[I]`,
/// `vendor-rules.md §2.3`, `RFC 8259`. [`SOURCES_PAGE`] describes it under [`Citation::anchor`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Citation {
    /// The key, normalized: one space before a section sign, none after.
    pub key: String,
}

impl Citation {
    /// The anchor of the key's entry in [`SOURCES_PAGE`]: lowercase, `.md` and `§` dropped,
    /// other punctuation and spaces made `-`; a provenance tag gets `tag-` before it
    /// (`SEED-001` → `seed-001`, `vendor-rules.md §2.3` → `vendor-rules-2-3`, `[I]` → `tag-i`).
    #[must_use]
    pub fn anchor(&self) -> String {
        let mut slug = String::new();
        for c in self.key.replace(".md", "").chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            } else if c != '§' && !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
        let slug = slug.trim_end_matches('-');
        if self.key.starts_with('[') {
            format!("tag-{slug}")
        } else {
            slug.to_owned()
        }
    }

    /// The entry's address from the repository root, e.g. `docs/sources.md#seed-001`.
    #[must_use]
    pub fn link(&self) -> String {
        format!("{SOURCES_PAGE}#{}", self.anchor())
    }
}

/// Words shaped like source keys (capitals and digits joined by `-`) that are not citations.
const NOT_KEYS: &[&str] = &["UTF-8", "UTF-16", "UTF-32"];

/// Every citation in a manual (see [`Rule::citations`]).
fn citations(manual: &str) -> Vec<Citation> {
    static CODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?s)```.*?```|`[^`]*`").unwrap_or_else(|e| unreachable!("{e}"))
    });
    static CITATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)
            (?P<doc>\b(?:vendor-rules|design)\.md\b)
                (?P<sections>(?:\s*(?:,|and)?\s*§\s*\d+(?:\.\d+)*)*)
            | (?P<rfc>\bRFC\s*\d+)(?:\s*§\s*\d+(?:\.\d+)*)?
            | (?P<tag>\[[A-Z]{1,3}\])
            | (?P<section>§\s*\d+(?:\.\d+)*)
            | (?P<key>\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b)",
        )
        .unwrap_or_else(|e| unreachable!("{e}"))
    });
    static SECTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"§\s*(\d+(?:\.\d+)*)").unwrap_or_else(|e| unreachable!("{e}"))
    });
    let prose = CODE.replace_all(manual, " ");
    let mut keys: Vec<String> = Vec::new();
    for found in CITATION.captures_iter(&prose) {
        if let Some(doc) = found.name("doc") {
            let sections = found.name("sections").map_or("", |m| m.as_str());
            let mut any = false;
            for section in SECTION.captures_iter(sections) {
                any = true;
                keys.push(format!("{} §{}", doc.as_str(), &section[1]));
            }
            if !any {
                keys.push(doc.as_str().to_owned());
            }
        } else if let Some(rfc) = found.name("rfc") {
            let number: String = rfc.as_str().chars().filter(char::is_ascii_digit).collect();
            keys.push(format!("RFC {number}"));
        } else if let Some(section) = found.name("section") {
            keys.push(section.as_str().split_whitespace().collect());
        } else if let Some(key) = found.name("tag").or_else(|| found.name("key"))
            && !NOT_KEYS.contains(&key.as_str())
        {
            keys.push(key.as_str().to_owned());
        }
    }
    let mut seen = std::collections::HashSet::new();
    keys.into_iter()
        .filter(|k| seen.insert(k.clone()))
        .map(|key| Citation { key })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_are_found_in_prose_only() {
        let manual = "## Why\nAs documented (SEED-001; SYN-PHP `Client`), [D] and [I]: see\nvendor-rules.md\n§1.5, §8.7 and vendor-rules.md's table; RFC 8259 §8.1 says UTF-8; design.md §2.\n`AWS-BC` in code is no citation, nor is\n```json\n{\"x\": \"GLIA-OLD\"}\n```\nbut AWS-BC-SER is, and so is a stray §4.3. SEED-001 again, **[REQUIRED]** is a quote.\n";
        let keys: Vec<String> = citations(manual).into_iter().map(|c| c.key).collect();
        assert_eq!(
            keys,
            [
                "SEED-001",
                "SYN-PHP",
                "[D]",
                "[I]",
                "vendor-rules.md §1.5",
                "vendor-rules.md §8.7",
                "vendor-rules.md",
                "RFC 8259",
                "design.md §2",
                "AWS-BC-SER",
                "§4.3",
            ]
        );
    }

    #[test]
    fn anchors() {
        let anchor = |key: &str| {
            Citation {
                key: key.to_owned(),
            }
            .anchor()
        };
        assert_eq!(anchor("SEED-001"), "seed-001");
        assert_eq!(anchor("AWS-BC-SER"), "aws-bc-ser");
        assert_eq!(anchor("vendor-rules.md §2.3"), "vendor-rules-2-3");
        assert_eq!(anchor("vendor-rules.md §8.10"), "vendor-rules-8-10");
        assert_eq!(anchor("vendor-rules.md"), "vendor-rules");
        assert_eq!(anchor("design.md §2"), "design-2");
        assert_eq!(anchor("RFC 8259"), "rfc-8259");
        assert_eq!(anchor("[I]"), "tag-i");
        assert_eq!(anchor("[SDK]"), "tag-sdk");
        assert_eq!(
            Citation {
                key: "SEED-003".to_owned()
            }
            .link(),
            "docs/sources.md#seed-003"
        );
    }
}
