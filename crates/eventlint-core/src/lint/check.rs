//! The per-document pipeline: decode, parse, decide the kind, structural then semantic rules,
//! and (only when there are findings) spans.

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};

use crate::catalog::kind::Kind;
use crate::document::{self, ParseError};
use crate::lint::detect::{self, Detection};
use crate::locate::spans::{LineIndex, Spans};
use crate::message::describe::elide;
use crate::message::diagnostic::{Diagnostic, Related, Severity};
use crate::message::fix::{Applicability, Fix, TextEdit};
use crate::message::proposal::{Change, json_string, removal_span};
use crate::rule::finding::{Clock, Ctx, Finding, Location, Target};
use crate::rules::{common, json, kind as kind_rules};
use crate::schema;

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

    /// Options with the clock fixed at an RFC 3339 date-time, e.g. `2026-01-01T00:00:00Z`:
    /// what tests use, so that time rules ("in the future") do not depend on the day they run.
    ///
    /// ```
    /// let options = eventlint_core::CheckOptions::at_rfc3339("2026-01-01T00:00:00Z")?;
    /// assert_eq!(options.now.to_rfc3339(), "2026-01-01T00:00:00+00:00");
    /// # Ok::<(), chrono::ParseError>(())
    /// ```
    ///
    /// # Errors
    /// When `now` is not an RFC 3339 date-time.
    pub fn at_rfc3339(now: &str) -> Result<Self, chrono::ParseError> {
        DateTime::parse_from_rfc3339(now).map(|t| CheckOptions::at(t.with_timezone(&Utc)))
    }

    /// Checks every document as `kind` instead of detecting it from its shape.
    #[must_use]
    pub fn with_kind(mut self, kind: &'static Kind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Reports the rule `rule_id` (e.g. `synerise.event/time-missing`) at `severity`, or not at
    /// all with `None`, as `[rules]` in `eventlint.toml` does.
    ///
    /// ```
    /// use eventlint_core::{CheckOptions, Severity};
    ///
    /// let options = CheckOptions::at_rfc3339("2026-01-01T00:00:00Z")?
    ///     .with_severity("synerise.event/time-missing", None)?
    ///     .with_severity("common/placeholder", Some(Severity::Error))?;
    /// assert_eq!(options.severity_overrides.len(), 2);
    ///
    /// // A misspelt id is refused, with the nearest rule id.
    /// let err = options.with_severity("synerise.event/time-mising", None).unwrap_err();
    /// assert_eq!(err.id, "synerise.event/time-mising");
    /// assert_eq!(err.nearest, Some("synerise.event/time-missing"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`UnknownRule`] when `rule_id` names no rule ([`registry::rule`](crate::catalog::registry::rule)
    /// looks ids up): an override of a misspelt id would otherwise change nothing, silently.
    pub fn with_severity(
        mut self,
        rule_id: &str,
        severity: Option<Severity>,
    ) -> Result<Self, UnknownRule> {
        let Some(rule) = crate::catalog::registry::rule(rule_id) else {
            return Err(UnknownRule::new(rule_id));
        };
        self.severity_overrides.insert(rule.id.to_owned(), severity);
        Ok(self)
    }

    /// Lets a time up to `tolerance` past `now` count as not yet in the future.
    #[must_use]
    pub fn with_future_tolerance(mut self, tolerance: TimeDelta) -> Self {
        self.future_tolerance = tolerance;
        self
    }

    /// The latest time that is not yet "in the future": `now`, plus `slack` (a rule's own
    /// allowance, e.g. a day for clock skew), plus the future tolerance. Saturates at the end of
    /// chrono's calendar instead of overflowing, whatever tolerance a library user set.
    #[must_use]
    pub fn future_limit(&self, slack: TimeDelta) -> DateTime<Utc> {
        self.clock().future_limit(slack)
    }

    /// What the rules see of these options: the clock.
    pub(crate) fn clock(&self) -> Clock {
        Clock {
            now: self.now,
            future_tolerance: self.future_tolerance,
        }
    }
}

impl Default for CheckOptions {
    /// Options with the clock read from the system clock (`Utc::now()`), detection on, no
    /// overrides: what "in the future" means then depends on when the check runs. Tests, and
    /// anything that must give the same report tomorrow, fix the clock with
    /// [`CheckOptions::at_rfc3339`] (or [`CheckOptions::at`]) instead.
    fn default() -> Self {
        CheckOptions::at(Utc::now())
    }
}

/// A rule id that names no rule, refused by [`CheckOptions::with_severity`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule {
    /// The id that was given.
    pub id: String,
    /// The registered rule id nearest to it, when one is close enough to be a likely
    /// misspelling.
    pub nearest: Option<&'static str>,
}

impl UnknownRule {
    fn new(id: &str) -> Self {
        let ids: Vec<&'static str> = crate::catalog::registry::rules()
            .iter()
            .map(|r| r.id)
            .collect();
        UnknownRule {
            id: id.to_owned(),
            nearest: crate::message::suggest::did_you_mean(id, &ids),
        }
    }
}

impl std::fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown rule `{}`", self.id)?;
        if let Some(nearest) = self.nearest {
            f.write_str(&crate::message::suggest::did_you_mean_suffix(nearest))?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownRule {}

/// The outcome of checking one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentReport {
    /// The kind the document was checked as (`None` when it could not be decided or parsed).
    pub kind: Option<&'static Kind>,
    /// Every finding, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// The rule id of [`internal_error`] diagnostics.
pub const INTERNAL_ERROR_RULE: &str = "internal/error";

/// The report of a document whose check failed inside eventlint (a panic caught by
/// [`crate::isolate`]): one `internal/error` diagnostic at the document's start, with `message`
/// (what failed, where).
#[must_use]
pub fn internal_error(message: &str, options: &CheckOptions) -> DocumentReport {
    let start = crate::message::diagnostic::Position { line: 1, column: 1 };
    DocumentReport {
        kind: options.kind,
        diagnostics: vec![Diagnostic {
            rule: crate::rules::internal::error::INTERNAL_ERROR.id,
            severity: Severity::Error,
            message: format!("eventlint failed while checking this document: {message}"),
            help: Some("this is a bug in eventlint, not in the payload: please report it with the document".to_owned()),
            note: None,
            pointer: String::new(),
            span: 0..0,
            start,
            end: start,
            related: Vec::new(),
            request: None,
            fix: None,
        }],
    }
}

/// Checks one document (the bytes of a `.json` file or of one NDJSON line), as `options.kind`
/// or the kind its shape shows: what the CLI calls for every document, and what the other
/// `check_*` functions call. Unlike [`check_bytes`](crate::check_bytes), the report does not keep the text.
///
/// ```
/// use eventlint_core::{CheckOptions, check_document};
///
/// let options = CheckOptions::at_rfc3339("2026-01-01T00:00:00Z")?;
/// let line = br#"{"status": "success", "message": ""}"#; // one line of an NDJSON file
/// let report = check_document(line, &options);
/// assert_eq!(report.kind.map(|k| k.id), Some("neuralens.event.response"));
/// assert!(report.diagnostics.is_empty());
/// # Ok::<(), chrono::ParseError>(())
/// ```
#[must_use]
pub fn check_document(bytes: &[u8], options: &CheckOptions) -> DocumentReport {
    crate::document::value::with_arena(|arena| check_in(bytes, options, arena))
}

/// [`check_document`], the parsed document in `arena`.
fn check_in(bytes: &[u8], options: &CheckOptions, arena: &bumpalo::Bump) -> DocumentReport {
    let (_, bytes) = document::strip_bom(bytes);
    let parse = |text| Ok((text, document::parse(text, arena)?));
    let (text, parsed) = match document::decode(bytes).and_then(parse) {
        Ok(decoded) => decoded,
        Err(err) => return unparsable(bytes, &err, options),
    };
    let mut ctx = Ctx {
        clock: options.clock(),
        bytes,
        findings: Vec::new(),
    };
    let kind = match options.kind {
        Some(kind) => Some(kind),
        None => match detect::detect(&parsed.value) {
            Detection::One(kind) => Some(kind),
            Detection::None(closest) => {
                ctx.report(kind_rules::undetermined::none(
                    &parsed.value,
                    closest.as_ref(),
                ));
                None
            }
            Detection::Empty => {
                ctx.report(kind_rules::undetermined::empty());
                None
            }
            Detection::Documents { kinds, count } => {
                ctx.report(kind_rules::array_of_documents::finding(&kinds, count));
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
    // Only a document with findings pays for spans.
    let tree = if parsed.has_duplicate_keys {
        Spans::new(text)
    } else {
        Spans::with_value(text, &parsed.value)
    };
    let mut findings = findings;
    if parsed.has_duplicate_keys {
        for duplicate in tree.duplicate_keys() {
            findings.push(json::duplicate_key::finding(duplicate));
        }
    }
    DocumentReport {
        kind,
        diagnostics: finish(text, &tree, findings, options),
    }
}

/// The findings of one document before spans, as [`check_document`] makes them (without the
/// syntax, encoding and repeated-key ones): what `proposal`'s test applies.
#[cfg(test)]
pub(crate) fn findings_of(bytes: &[u8], options: &CheckOptions) -> Vec<Finding> {
    crate::document::value::with_arena(|arena| {
        let (_, bytes) = document::strip_bom(bytes);
        let Ok(text) = document::decode(bytes) else {
            return Vec::new();
        };
        let Ok(parsed) = document::parse(text, arena) else {
            return Vec::new();
        };
        let mut ctx = Ctx {
            clock: options.clock(),
            bytes,
            findings: Vec::new(),
        };
        let kind = options.kind.or(match detect::detect(&parsed.value) {
            Detection::One(kind) => Some(kind),
            _ => None,
        });
        if let Some(kind) = kind {
            run_rules(kind, &parsed.value, &mut ctx);
        }
        ctx.findings
    })
}

/// Runs a kind's structural and semantic rules, then the rules common to every kind.
pub(crate) fn run_rules(
    kind: &'static Kind,
    value: &crate::document::value::Value<'_>,
    ctx: &mut Ctx<'_>,
) {
    for violation in schema::violations(kind, value) {
        if !(kind.map_violation)(ctx, &violation, value) {
            ctx.report(schema::unmapped(kind, &violation, value));
        }
    }
    (kind.check)(ctx, value);
    common::placeholder::check(ctx, value);
    for finding in &mut ctx.findings {
        if !finding.proposal.is_empty() {
            crate::message::proposal::settle_renames(finding, value);
        }
    }
}

fn unparsable(bytes: &[u8], err: &ParseError, options: &CheckOptions) -> DocumentReport {
    let (finding, text) = match err {
        ParseError::Encoding {
            offset,
            valid_up_to,
            message,
            help,
            note,
        } => {
            // Valid up to `valid_up_to` by construction.
            let text = std::str::from_utf8(&bytes[..*valid_up_to]).unwrap_or_default();
            (
                json::encoding::finding(*offset, message, help, note.as_deref()),
                text,
            )
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
    DocumentReport {
        kind: options.kind,
        diagnostics: finish(text, &Spans::new(text), vec![finding], options),
    }
}

pub(crate) fn finish(
    text: &str,
    tree: &Spans<'_>,
    findings: Vec<Finding>,
    options: &CheckOptions,
) -> Vec<Diagnostic> {
    finish_with(text, findings, options, |location| place(tree, location))
}

/// [`finish`] with the places resolved by `place`: the request layer's, for findings on a
/// request's headers, path and query, whose spans are in the request's text.
pub(crate) fn finish_with(
    text: &str,
    findings: Vec<Finding>,
    options: &CheckOptions,
    place: impl Fn(&Location) -> std::ops::Range<usize>,
) -> Vec<Diagnostic> {
    let lines = LineIndex::new(text);
    let mut out: Vec<Diagnostic> = findings
        .into_iter()
        .filter_map(|f| {
            let severity = match options.severity_overrides.get(f.rule.id) {
                Some(Some(severity)) => *severity,
                Some(None) => return None,
                None => f.rule.severity,
            };
            let span = place(&f.location);
            let fix = fix_of(&f, text, &lines, &place);
            let related = f
                .related
                .into_iter()
                .map(|r| {
                    let span = place(&r.location);
                    Related {
                        message: elide(r.label),
                        pointer: r.location.pointer().as_str().to_owned(),
                        start: lines.position(span.start),
                        end: lines.position(span.end),
                        span,
                    }
                })
                .collect();
            Some(Diagnostic {
                rule: f.rule.id,
                severity,
                message: elide(f.message),
                help: f.help.map(elide),
                note: f.note.map(elide),
                pointer: f.location.pointer().as_str().to_owned(),
                start: lines.position(span.start),
                end: lines.position(span.end),
                span,
                related,
                request: None,
                fix,
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

/// The fix a finding's proposal makes, its edits placed in `text` by `place`: `None` without a
/// proposal, or when two edits would overlap.
fn fix_of(
    f: &Finding,
    text: &str,
    lines: &LineIndex<'_>,
    place: &impl Fn(&Location) -> std::ops::Range<usize>,
) -> Option<Fix> {
    if f.proposal.is_empty() {
        return None;
    }
    let mut edits = Vec::with_capacity(f.proposal.len());
    let mut titles = Vec::with_capacity(f.proposal.len());
    for edit in &f.proposal {
        let at = |target| {
            place(&Location::Body {
                pointer: edit.at.clone(),
                target,
            })
        };
        let (span, content) = match &edit.change {
            Change::Value(json) => (at(Target::Value), json.clone()),
            Change::Key(key) => (at(Target::Key), json_string(key)),
            Change::Text(range, new) => (at(Target::Bytes(range.clone())), new.clone()),
            Change::Remove => {
                let (key, value) = (at(Target::Key), at(Target::Value));
                (removal_span(text, key.start, value.end), String::new())
            }
        };
        let old = text.get(span.clone())?;
        titles.push(match &edit.change {
            Change::Key(key) => {
                let old = serde_json::from_str::<String>(old).unwrap_or_else(|_| old.to_owned());
                format!("rename {} to `{key}`", title_text(&old))
            }
            Change::Text(_, new) if new.is_empty() => format!("remove {}", title_text(old)),
            Change::Remove => format!(
                "remove {}",
                title_text(old.trim_matches([',', ' ', '\t', '\r', '\n']))
            ),
            _ => format!("replace {} with {}", title_text(old), title_text(&content)),
        });
        edits.push(TextEdit {
            start: lines.position(span.start),
            end: lines.position(span.end),
            span,
            content,
        });
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    if edits.windows(2).any(|w| w[0].span.end > w[1].span.start) {
        return None;
    }
    let applicability = f
        .applicability
        .or(f.rule.fix.map(|doc| doc.applicability))
        .unwrap_or(Applicability::Unsafe);
    Some(Fix {
        applicability,
        title: titles.join("; "),
        edits,
    })
}

/// A text quoted in a fix's title: in backticks, cut to 40 characters.
fn title_text(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= 40 {
        return format!("`{text}`");
    }
    let head: String = text.chars().take(39).collect();
    format!("`{head}…`")
}

/// The bytes of a place in the body; a place outside the body (which the body pipeline never
/// makes) is the start of the document.
fn place(tree: &Spans<'_>, location: &Location) -> std::ops::Range<usize> {
    match location {
        Location::Body { pointer, target } => tree.resolve(pointer.as_str(), target),
        _ => 0..0,
    }
}
