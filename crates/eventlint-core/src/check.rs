//! The per-document pipeline: decode, parse, decide the kind, structural then semantic rules,
//! and (only when there are findings) spans.

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use serde_json::Value;

use crate::diagnostic::{Diagnostic, Severity};
use crate::kind::{self, Detection, Kind};
use crate::pointer::Pointer;
use crate::rule::Rule;
use crate::rules::{common, json, kind as kind_rules};
use crate::schema;
use crate::source::spans::{LineIndex, SpanTree, Target, snap_to_chars};
use crate::source::{self, ParseError};

/// Options for checking documents.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// The clock that time rules compare against.
    pub now: DateTime<Utc>,
    /// How far past `now` a time may be before it counts as in the future.
    pub future_tolerance: TimeDelta,
    /// Check every document as this kind instead of detecting it.
    pub kind: Option<&'static Kind>,
    /// Severity overrides by rule id; `None` turns the rule off.
    pub severity_overrides: HashMap<String, Option<Severity>>,
}

impl CheckOptions {
    /// Options with the given clock, detection on, no overrides.
    #[must_use]
    pub fn at(now: DateTime<Utc>) -> Self {
        CheckOptions {
            now,
            future_tolerance: TimeDelta::zero(),
            kind: None,
            severity_overrides: HashMap::new(),
        }
    }
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions::at(Utc::now())
    }
}

/// The outcome of checking one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentReport {
    /// The kind the document was checked as (`None` when it could not be decided or parsed).
    pub kind: Option<&'static Kind>,
    /// Every finding, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// A finding before spans are resolved: a rule, a pointer and what to mark.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub note: Option<String>,
    pub pointer: Pointer,
    pub target: Target,
}

impl Finding {
    pub fn new(rule: &'static Rule, pointer: Pointer, message: impl Into<String>) -> Self {
        Finding {
            rule,
            severity: rule.severity,
            message: message.into(),
            help: None,
            note: None,
            pointer,
            target: Target::Value,
        }
    }
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
    #[must_use]
    pub fn message_suffix(mut self, suffix: &str) -> Self {
        self.message.push_str(suffix);
        self
    }
    #[must_use]
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
    #[must_use]
    pub fn target(mut self, target: Target) -> Self {
        self.target = target;
        self
    }
    #[must_use]
    pub fn on_key(self) -> Self {
        self.target(Target::Key)
    }
}

/// What rules see while checking one document.
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    pub options: &'a CheckOptions,
    /// The document's text (e.g. for limits on the body's byte length).
    pub text: &'a str,
    pub findings: Vec<Finding>,
}

impl Ctx<'_> {
    pub fn report(&mut self, finding: Finding) {
        self.findings.push(finding);
    }
    /// Whether a finding was already reported at exactly this pointer.
    pub fn has_finding_at(&self, pointer: &Pointer) -> bool {
        self.findings.iter().any(|f| &f.pointer == pointer)
    }
}

/// Checks one document (the bytes of a `.json` file or of one NDJSON line).
#[must_use]
pub fn check_document(bytes: &[u8], options: &CheckOptions) -> DocumentReport {
    let (_, bytes) = source::strip_bom(bytes);
    let text = match source::decode(bytes) {
        Ok(text) => text,
        Err(err) => return unparsable(bytes, &err, options),
    };
    let parsed = match source::parse(text) {
        Ok(parsed) => parsed,
        Err(err) => return unparsable(bytes, &err, options),
    };
    let mut ctx = Ctx {
        options,
        text,
        findings: Vec::new(),
    };
    let kind = match options.kind {
        Some(kind) => Some(kind),
        None => match kind::detect(&parsed.value) {
            Detection::One(kind) => Some(kind),
            Detection::None => {
                ctx.report(kind_rules::undetermined::none(&parsed.value));
                None
            }
            Detection::Many(candidates) => {
                ctx.report(kind_rules::undetermined::many(&candidates));
                None
            }
        },
    };
    if let Some(kind) = kind {
        run_rules(kind, &parsed.value, &mut ctx);
    }
    let findings = ctx.findings;
    if findings.is_empty() && !parsed.has_duplicate_keys {
        return DocumentReport {
            kind,
            diagnostics: Vec::new(),
        };
    }
    let tree = SpanTree::new(text);
    let mut findings = findings;
    if parsed.has_duplicate_keys {
        for (pointer, occurrence) in tree.duplicate_keys() {
            findings.push(json::duplicate_key::finding(pointer, occurrence));
        }
    }
    DocumentReport {
        kind,
        diagnostics: finish(text, &tree, findings, options),
    }
}

/// Runs a kind's structural and semantic rules, then the rules common to every kind.
pub(crate) fn run_rules(kind: &'static Kind, value: &Value, ctx: &mut Ctx<'_>) {
    for violation in schema::violations(kind, value) {
        if !(kind.map_violation)(ctx, &violation, value) {
            ctx.report(schema::unmapped(kind, &violation));
        }
    }
    (kind.check)(ctx, value);
    common::placeholder::check(ctx, value);
}

fn unparsable(bytes: &[u8], err: &ParseError, options: &CheckOptions) -> DocumentReport {
    let (finding, text) = match err {
        ParseError::Encoding {
            offset,
            valid_up_to,
            hint,
        } => {
            // Valid up to `valid_up_to` by construction.
            let text = std::str::from_utf8(&bytes[..*valid_up_to]).unwrap_or_default();
            (json::encoding::finding(*offset, *hint), text)
        }
        ParseError::Syntax {
            span,
            message,
            help,
        } => {
            let text = std::str::from_utf8(bytes).unwrap_or_default();
            (
                json::syntax::finding(span.clone(), message, help.as_deref()),
                text,
            )
        }
    };
    let tree = SpanTree::new("");
    DocumentReport {
        kind: options.kind,
        diagnostics: finish(text, &tree, vec![finding], options),
    }
}

fn finish(
    text: &str,
    tree: &SpanTree<'_>,
    findings: Vec<Finding>,
    options: &CheckOptions,
) -> Vec<Diagnostic> {
    let lines = LineIndex::new(text);
    let mut out: Vec<Diagnostic> = findings
        .into_iter()
        .filter_map(|f| {
            let severity = match options.severity_overrides.get(f.rule.id) {
                Some(Some(severity)) => *severity,
                Some(None) => return None,
                None => f.severity,
            };
            let span = match &f.target {
                Target::Bytes(range) => snap_to_chars(text, range),
                target => tree.resolve(f.pointer.as_str(), target),
            };
            Some(Diagnostic {
                rule: f.rule.id,
                severity,
                message: f.message,
                help: f.help,
                note: f.note,
                pointer: f.pointer.as_str().to_owned(),
                start: lines.position(span.start),
                end: lines.position(span.end),
                span,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule, &a.pointer).cmp(&(
            b.span.start,
            b.span.end,
            b.rule,
            &b.pointer,
        ))
    });
    out
}
