//! The library face: check a payload given as text, bytes, a `serde_json::Value` or a model
//! type, and get a [`PayloadReport`] to query or render. Above the pipeline (`check`) and the
//! renderers, which it uses; nothing below imports it. Beside it: the model types' [`Payload`]
//! trait ([`payload`]), the generated files ([`codegen`], public: schemas, `docs/rules.md`,
//! `docs/rules.json`) and the fuzz targets' entry points ([`fuzzing`], hidden).

pub mod codegen;
pub(crate) mod fix;
#[doc(hidden)]
pub mod fuzzing;
pub(crate) mod payload;
pub(crate) mod request;
pub(crate) mod requests;

use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::catalog::kind::Kind;
use crate::document;
use crate::library::payload::Payload;
use crate::lint::check::{CheckOptions, DocumentReport};
use crate::lint::isolation::check_document_isolated;
use crate::message::diagnostic::{Diagnostic, Severity};
use crate::output::render::{human, json as json_report};
use crate::output::report::{DocumentOutcome, Summary};

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
        let (_, bytes) = document::strip_bom(bytes);
        PayloadReport {
            kind: report.kind,
            source: crate::output::report::lossy(bytes),
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
    /// [`render`](crate::output::render) take.
    #[must_use]
    pub fn outcome(&self, path: &str) -> DocumentOutcome {
        DocumentOutcome {
            path: path.to_owned(),
            document: 1,
            placement: crate::output::report::OffsetMap::IDENTITY,
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
    PayloadReport::new(bytes, check_document_isolated(bytes, options))
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
