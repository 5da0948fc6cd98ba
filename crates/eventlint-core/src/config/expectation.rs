//! The `config/expectation` rule's behaviour: a file's declared expectation applied to its
//! outcomes.

use std::collections::HashMap;

use super::{Expect, Expectation, FILE_NAME};
use crate::catalog::kind::Kind;
use crate::message::diagnostic::{Diagnostic, Position, Severity};
use crate::output::report::DocumentOutcome;
use crate::rules::config::expectation::EXPECTATION;

/// Applies a file's expectation to the outcomes of that file (its documents with diagnostics).
///
/// - met, for an invalid file: the outcomes are removed (the file passes) and the number of
///   diagnostics removed is returned;
/// - met, for a valid file: nothing changes (it may still carry infos);
/// - unmet: a `config/expectation` diagnostic is added at the start of the first document
///   (an outcome without text is created when that document had no diagnostics).
///
/// `overrides` are the file's severity overrides (the rule may be turned off or down).
pub fn apply_expectation<S: std::hash::BuildHasher>(
    expectation: &Expectation,
    path: &str,
    first_kind: Option<&'static Kind>,
    outcomes: &mut Vec<DocumentOutcome>,
    overrides: &HashMap<String, Option<Severity>, S>,
) -> usize {
    let diagnostics = || outcomes.iter().flat_map(|o| &o.diagnostics);
    let failing = diagnostics()
        .filter(|d| d.severity >= Severity::Warning)
        .count();
    let shown: Vec<&'static str> = {
        let mut v: Vec<&'static str> = diagnostics().map(|d| d.rule).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let declared = format!("declared by `{}` in {FILE_NAME}", expectation.glob);
    let (message, help) = match expectation.expect {
        Expect::Valid => {
            if failing == 0 {
                return 0;
            }
            (
                format!(
                    "expected to be valid, but it has {}",
                    severity_counts(diagnostics())
                ),
                "fix what is reported, or move the file where invalid files live".to_owned(),
            )
        }
        Expect::Invalid => {
            let missing: Vec<&str> = expectation
                .rules
                .iter()
                .copied()
                .filter(|r| !shown.contains(r))
                .collect();
            let met = if expectation.rules.is_empty() {
                failing > 0
            } else {
                missing.is_empty()
            };
            if met {
                let n = diagnostics().count();
                outcomes.clear();
                return n;
            }
            let wanted = if expectation.rules.is_empty() {
                "an error or warning".to_owned()
            } else {
                quoted(&missing)
            };
            let found = if shown.is_empty() {
                "no finding".to_owned()
            } else {
                quoted(&shown)
            };
            (
                format!("expected to show {wanted}, but it shows {found}"),
                "restore the problem this file demonstrates, or rename or move it after what it shows now".to_owned(),
            )
        }
    };
    let severity = match overrides.get(EXPECTATION.id) {
        Some(None) => return 0,
        Some(Some(severity)) => *severity,
        None => EXPECTATION.severity,
    };
    let diagnostic = Diagnostic {
        rule: EXPECTATION.id,
        severity,
        message,
        help: Some(help),
        note: Some(declared),
        pointer: String::new(),
        span: 0..0,
        start: Position { line: 1, column: 1 },
        end: Position { line: 1, column: 1 },
        related: Vec::new(),
        request: None,
        fix: None,
    };
    match outcomes.iter_mut().find(|o| o.document == 1) {
        Some(first) => first.diagnostics.insert(0, diagnostic),
        None => outcomes.insert(
            0,
            DocumentOutcome {
                path: path.to_owned(),
                document: 1,
                placement: crate::output::report::OffsetMap::IDENTITY,
                kind: first_kind,
                source: String::new(),
                diagnostics: vec![diagnostic],
            },
        ),
    }
    0
}

fn quoted(ids: &[&str]) -> String {
    ids.iter()
        .map(|r| format!("`{r}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn severity_counts<'a>(diagnostics: impl Iterator<Item = &'a Diagnostic>) -> String {
    let (mut e, mut w) = (0, 0);
    for d in diagnostics {
        match d.severity {
            Severity::Error => e += 1,
            Severity::Warning => w += 1,
            Severity::Info => {}
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (e, w) {
        (0, w) => plural(w, "warning"),
        (e, 0) => plural(e, "error"),
        (e, w) => format!("{} and {}", plural(e, "error"), plural(w, "warning")),
    }
}
