//! The per-document pipeline: decode, parse, decide the kind, structural then semantic rules,
//! and (only when there are findings) spans.

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::describe::elide;
use crate::diagnostic::{Diagnostic, Severity};
use crate::kind::{self, Detection, Kind};
use crate::payload::Payload;
use crate::pointer::Pointer;
use crate::proposal::{Change, Edit, json_string};
use crate::render::{human, json as json_report};
use crate::report::{DocumentOutcome, Summary};
use crate::rule::Rule;
use crate::rules::{common, json, kind as kind_rules};
use crate::schema;
use crate::source::spans::{LineIndex, Spans, Target};
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
    /// [`UnknownRule`] when `rule_id` names no rule ([`registry::rule`](crate::registry::rule)
    /// looks ids up): an override of a misspelt id would otherwise change nothing, silently.
    pub fn with_severity(
        mut self,
        rule_id: &str,
        severity: Option<Severity>,
    ) -> Result<Self, UnknownRule> {
        let Some(rule) = crate::registry::rule(rule_id) else {
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
        self.now
            .checked_add_signed(slack)
            .and_then(|t| t.checked_add_signed(self.future_tolerance))
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
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
        let ids: Vec<&'static str> = crate::registry::rules().iter().map(|r| r.id).collect();
        UnknownRule {
            id: id.to_owned(),
            nearest: crate::suggest::did_you_mean(id, &ids),
        }
    }
}

impl std::fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown rule `{}`", self.id)?;
        if let Some(nearest) = self.nearest {
            write!(f, "; did you mean `{nearest}`?")?;
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

/// The outcome of checking one payload with [`check_str`], [`check_bytes`], [`check_value`] or
/// [`check_payload`]: the kind, every diagnostic, and the text the diagnostics point into.
///
/// Serializes as `{"kind", "diagnostics", "source"}` (the kind by its id, or `null`; each
/// diagnostic as [`Diagnostic`] does), so a test can pin a whole report with
/// `insta::assert_json_snapshot!(report)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayloadReport {
    /// The kind the payload was checked as (`None` when it could not be decided or parsed).
    pub kind: Option<&'static Kind>,
    /// Every finding, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// The text that was checked (after a UTF-8 byte order mark, lossily decoded): what
    /// [`Diagnostic::span`] and the positions refer to. For [`check_value`] and
    /// [`check_payload`], the payload as pretty-printed JSON.
    pub source: String,
}

impl Serialize for PayloadReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The kind as its id (`null` for none), as the JSON report shows it.
        #[derive(Serialize)]
        struct Fields<'a> {
            kind: Option<&'static str>,
            diagnostics: &'a [Diagnostic],
            source: &'a str,
        }
        Fields {
            kind: self.kind.map(|k| k.id),
            diagnostics: &self.diagnostics,
            source: &self.source,
        }
        .serialize(serializer)
    }
}

impl PayloadReport {
    fn new(bytes: &[u8], report: DocumentReport) -> Self {
        let (_, bytes) = source::strip_bom(bytes);
        PayloadReport {
            kind: report.kind,
            source: crate::report::lossy(bytes),
            diagnostics: report.diagnostics,
        }
    }

    /// Whether there are no errors and no warnings (infos never fail a run), which is what a
    /// valid payload must show.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.diagnostics
            .iter()
            .all(|d| d.severity == Severity::Info)
    }

    /// Whether some diagnostic is an error: the vendor would reject the payload.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The rule ids of the diagnostics, in source order (repeated when a rule reports twice).
    #[must_use]
    pub fn rules(&self) -> Vec<&'static str> {
        self.diagnostics.iter().map(|d| d.rule).collect()
    }

    /// This payload as one document of a run, shown as `path`: what the renderers of
    /// [`render`](crate::render) take.
    #[must_use]
    pub fn outcome(&self, path: &str) -> DocumentOutcome {
        DocumentOutcome {
            path: path.to_owned(),
            document: 1,
            line_offset: 0,
            kind: self.kind,
            source: self.source.clone(),
            diagnostics: self.diagnostics.clone(),
        }
    }

    /// The totals of a run that checked only this payload (one file, one document).
    #[must_use]
    pub fn summary(&self) -> Summary {
        let mut summary = Summary {
            files: 1,
            documents: 1,
            ..Summary::default()
        };
        summary.add(&self.outcome(""));
        summary
    }

    fn outcomes(&self, path: &str) -> Vec<DocumentOutcome> {
        if self.diagnostics.is_empty() {
            Vec::new()
        } else {
            vec![self.outcome(path)]
        }
    }

    /// The human report without colour at 100 columns, the payload shown as `path`: every
    /// diagnostic with its snippet, then the summary line. Deterministic, for snapshots; the
    /// same text `eventlint check path` prints for a file with this content when its output
    /// is not a terminal or `NO_COLOR` is set.
    ///
    /// ```
    /// let options = eventlint_core::CheckOptions::at_rfc3339("2026-01-01T00:00:00Z")?;
    /// let report = eventlint_core::check_str(r#"{"message": "hi"}"#, &options);
    /// assert_eq!(
    ///     report.render_plain("event.json"),
    ///     "checked 1 file, 1 document: 0 errors, 0 warnings, 0 infos\n"
    /// );
    /// # Ok::<(), chrono::ParseError>(())
    /// ```
    #[must_use]
    pub fn render_plain(&self, path: &str) -> String {
        human::render(&self.outcomes(path), &self.summary(), human::Style::plain())
    }

    /// The `--format json` report (version 1) of this payload, shown as `path`.
    #[must_use]
    pub fn render_json(&self, path: &str) -> String {
        json_report::render(&self.outcomes(path), &self.summary())
    }
}

/// Checks a payload given as text: as `options.kind`, or as the kind its shape shows.
///
/// ```
/// use eventlint_core::{CheckOptions, Kind, check_str};
///
/// let options = CheckOptions::at_rfc3339("2026-01-01T00:00:00Z")?
///     .with_kind(Kind::find("synerise.custom-event").expect("a registered kind"));
/// let report = check_str(
///     r#"{"action": "dog.bark", "label": "bark", "client": {"customID": "c-42"}}"#,
///     &options,
/// );
/// assert!(report.has_errors());
/// assert!(report.rules().contains(&"synerise.event/unknown-client-key"));
/// let unknown = report
///     .diagnostics
///     .iter()
///     .find(|d| d.rule == "synerise.event/unknown-client-key")
///     .expect("reported");
/// assert_eq!(unknown.pointer, "/client/customID");
/// assert_eq!(unknown.help.as_deref(), Some("rename `customID` to `customId`"));
/// # Ok::<(), chrono::ParseError>(())
/// ```
#[must_use]
pub fn check_str(text: &str, options: &CheckOptions) -> PayloadReport {
    check_bytes(text.as_bytes(), options)
}

/// Checks a payload given as bytes (UTF-8, a byte order mark allowed): as `options.kind`, or as
/// the kind its shape shows. Bytes that are not UTF-8 or not JSON are reported (`json/encoding`,
/// `json/syntax`), never an error of the call; a bug in eventlint that panics is reported as
/// `internal/error` ([`crate::isolate`]).
///
/// ```
/// let options = eventlint_core::CheckOptions::at_rfc3339("2026-01-01T00:00:00Z")?;
/// let report = eventlint_core::check_bytes(b"{\"message\": \"hi\",}", &options);
/// assert_eq!(report.rules(), ["json/syntax"]);
/// assert_eq!(report.diagnostics[0].start.column, 17); // the trailing comma
/// # Ok::<(), chrono::ParseError>(())
/// ```
#[must_use]
pub fn check_bytes(bytes: &[u8], options: &CheckOptions) -> PayloadReport {
    PayloadReport::new(bytes, crate::check_document_isolated(bytes, options))
}

/// Checks an in-memory JSON value: as `options.kind`, or as the kind its shape shows. The value
/// is checked as its pretty-printed text (two-space indent), which the report keeps as
/// [`PayloadReport::source`] so that spans and snippets exist. Keys print in `serde_json`'s map
/// order, so a duplicate key cannot occur.
///
/// ```
/// use eventlint_core::{CheckOptions, check_value};
///
/// let event = serde_json::json!({
///     "trackingId": "tid",
///     "sessionId": "s1",
///     "eventList": [{"eventType": "click", "sentAt": 1_672_574_400_000_u64}]
/// });
/// let report = check_value(&event, &CheckOptions::at_rfc3339("2026-01-01T00:00:00Z")?);
/// assert_eq!(report.kind.map(|k| k.id), Some("personalize.put-events"));
/// // milliseconds where the API takes seconds
/// assert!(report.rules().contains(&"common/epoch-unit"));
/// # Ok::<(), chrono::ParseError>(())
/// ```
#[must_use]
pub fn check_value(value: &Value, options: &CheckOptions) -> PayloadReport {
    // Serializing a `Value` cannot fail: its map keys are strings.
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    check_str(&text, options)
}

/// Checks a payload built from the model types as its kind ([`Payload::kind`], whatever
/// `options.kind` says). Like [`check_value`], it checks the pretty-printed JSON the payload
/// serializes to, which is exactly what the vendor would receive.
///
/// ```
/// use eventlint_core::model::glia::EngagementEvent;
/// use eventlint_core::{CheckOptions, check_payload};
///
/// let event = EngagementEvent { message: "Visitor opened the pricing page".to_owned() };
/// let report = check_payload(&event, &CheckOptions::at_rfc3339("2026-01-01T00:00:00Z")?);
/// assert!(report.is_clean());
/// assert_eq!(report.source, "{\n  \"message\": \"Visitor opened the pricing page\"\n}");
/// # Ok::<(), chrono::ParseError>(())
/// ```
#[must_use]
pub fn check_payload<P: Payload>(payload: &P, options: &CheckOptions) -> PayloadReport {
    // The model types serialize infallibly: strings, numbers, booleans and string-keyed maps.
    let text = serde_json::to_string_pretty(payload).unwrap_or_default();
    let kind = P::kind();
    if options.kind == Some(kind) {
        check_str(&text, options)
    } else {
        check_str(&text, &options.clone().with_kind(kind))
    }
}

/// A finding before spans are resolved: a rule, a pointer and what to mark. It has no severity
/// of its own: its diagnostic has its rule's (or the one configured for the rule), so that
/// `eventlint rules` shows what the findings will be and turning a rule off silences one meaning.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub rule: &'static Rule,
    pub message: String,
    pub help: Option<String>,
    pub note: Option<String>,
    pub pointer: Pointer,
    pub target: Target,
    /// What the help proposes, as edits a test can apply (see [`crate::proposal`]); empty
    /// when the help names no concrete value or key.
    pub proposal: Vec<Edit>,
}

impl Finding {
    pub fn new(rule: &'static Rule, pointer: Pointer, message: impl Into<String>) -> Self {
        Finding {
            rule,
            message: message.into(),
            help: None,
            note: None,
            pointer,
            target: Target::Value,
            proposal: Vec::new(),
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
    /// The help proposes `json` (JSON text) as the value at the finding's pointer.
    #[must_use]
    pub fn propose(self, json: impl Into<String>) -> Self {
        let at = self.pointer.clone();
        self.propose_at(at, json)
    }
    /// [`Finding::propose`] when `condition` holds: where the same help proposes a value only
    /// for some inputs.
    #[must_use]
    pub fn propose_if(self, condition: bool, json: impl Into<String>) -> Self {
        if condition { self.propose(json) } else { self }
    }
    /// The help proposes the string `s` as the value at the finding's pointer.
    #[must_use]
    pub fn propose_string(self, s: &str) -> Self {
        self.propose(json_string(s))
    }
    /// The help proposes `json` (JSON text) as the value at `at`.
    #[must_use]
    pub fn propose_at(mut self, at: Pointer, json: impl Into<String>) -> Self {
        self.proposal.push(Edit {
            at,
            change: Change::Value(json.into()),
        });
        self
    }
    /// The help proposes renaming the member at the finding's pointer to `key`.
    #[must_use]
    pub fn propose_key(mut self, key: &str) -> Self {
        self.proposal.push(Edit {
            at: self.pointer.clone(),
            change: Change::Key(key.to_owned()),
        });
        self
    }
    /// The help proposes renaming the member at `at` to `key`.
    #[must_use]
    pub fn propose_key_at(mut self, at: Pointer, key: &str) -> Self {
        self.proposal.push(Edit {
            at,
            change: Change::Key(key.to_owned()),
        });
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
    /// The document's bytes (after any byte order mark), e.g. for limits on the body's size.
    pub bytes: &'a [u8],
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

/// The rule id of [`internal_error`] diagnostics.
pub const INTERNAL_ERROR_RULE: &str = "internal/error";

/// The report of a document whose check failed inside eventlint (a panic caught by
/// [`crate::isolate`]): one `internal/error` diagnostic at the document's start, with `message`
/// (what failed, where).
#[must_use]
pub fn internal_error(message: &str, options: &CheckOptions) -> DocumentReport {
    let start = crate::diagnostic::Position { line: 1, column: 1 };
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
        }],
    }
}

/// Checks one document (the bytes of a `.json` file or of one NDJSON line), as `options.kind`
/// or the kind its shape shows: what the CLI calls for every document, and what the other
/// `check_*` functions call. Unlike [`check_bytes`], the report does not keep the text.
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
    crate::value::with_arena(|arena| check_in(bytes, options, arena))
}

/// [`check_document`], the parsed document in `arena`.
fn check_in(bytes: &[u8], options: &CheckOptions, arena: &bumpalo::Bump) -> DocumentReport {
    let (_, bytes) = source::strip_bom(bytes);
    let parse = |text| Ok((text, source::parse(text, arena)?));
    let (text, parsed) = match source::decode(bytes).and_then(parse) {
        Ok(decoded) => decoded,
        Err(err) => return unparsable(bytes, &err, options),
    };
    let mut ctx = Ctx {
        options,
        bytes,
        findings: Vec::new(),
    };
    let kind = match options.kind {
        Some(kind) => Some(kind),
        None => match kind::detect(&parsed.value) {
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
    crate::value::with_arena(|arena| {
        let (_, bytes) = source::strip_bom(bytes);
        let Ok(text) = source::decode(bytes) else {
            return Vec::new();
        };
        let Ok(parsed) = source::parse(text, arena) else {
            return Vec::new();
        };
        let mut ctx = Ctx {
            options,
            bytes,
            findings: Vec::new(),
        };
        let kind = options.kind.or(match kind::detect(&parsed.value) {
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
pub(crate) fn run_rules(kind: &'static Kind, value: &crate::value::Value<'_>, ctx: &mut Ctx<'_>) {
    for violation in schema::violations(kind, value) {
        if !(kind.map_violation)(ctx, &violation, value) {
            ctx.report(schema::unmapped(kind, &violation, value));
        }
    }
    (kind.check)(ctx, value);
    common::placeholder::check(ctx, value);
    for finding in &mut ctx.findings {
        if !finding.proposal.is_empty() {
            crate::proposal::settle_renames(finding, value);
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

fn finish(
    text: &str,
    tree: &Spans<'_>,
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
                None => f.rule.severity,
            };
            let span = tree.resolve(f.pointer.as_str(), &f.target);
            Some(Diagnostic {
                rule: f.rule.id,
                severity,
                message: elide(f.message),
                help: f.help.map(elide),
                note: f.note.map(elide),
                pointer: f.pointer.into_string(),
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
