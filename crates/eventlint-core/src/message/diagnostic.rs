//! The diagnostic type every rule produces and every renderer consumes.

use std::fmt;

use serde::{Serialize, Serializer};

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
///
/// Serializes (e.g. for `insta::assert_json_snapshot!`) with the field names of a diagnostic in
/// the `--format json` report where they overlap, in its order: `rule`, `severity`, `message`,
/// `pointer`, `line`, `column`, `end_line`, `end_column` (from [`Diagnostic::start`] and
/// [`Diagnostic::end`]: relative to the document, so the file's lines for a `.json` file or a
/// payload checked alone), `help`; then `note` and `span` (`{"start", "end"}`, in bytes), and
/// `fix` when there is one (see [`Fix`](crate::Fix)'s serialization). The
/// report's `path`, `document` and `kind` belong to the document, not the diagnostic.
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
    /// Other places the finding is about (the first occurrence of a repeated key or
    /// `eventId`), each with its own label; empty for most findings.
    pub related: Vec<Related>,
    /// For a document that is an HTTP request: the request and the part of it the diagnostic
    /// is on (`None` for a body checked alone).
    pub request: Option<RequestPlace>,
    /// What the finding offers to change, when the right text is known (see
    /// [`Rule::fix`](crate::Rule::fix)); `None` for most findings.
    pub fix: Option<crate::message::fix::Fix>,
}

impl Diagnostic {
    /// The JSON Pointer into the body; `None` for a diagnostic on a request's line, headers or
    /// query (the JSON report's `null`).
    #[must_use]
    pub fn pointer(&self) -> Option<&str> {
        match &self.request {
            Some(r) if r.part != Part::Body => None,
            _ => Some(&self.pointer),
        }
    }
}

/// Where on an HTTP request a diagnostic is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestPlace {
    /// The request's method, as sent.
    pub method: String,
    /// The request's path, without the query.
    pub path: String,
    /// The part of the request.
    pub part: Part,
    /// For a header or a query parameter: its name.
    pub name: Option<String>,
}

/// A part of an HTTP request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// The method and the target (path, path parameters).
    RequestLine,
    /// A header.
    Header,
    /// A query parameter.
    Query,
    /// The body.
    Body,
}

impl Part {
    /// The name the JSON report uses (`request-line`, `header`, `query`, `body`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Part::RequestLine => "request-line",
            Part::Header => "header",
            Part::Query => "query",
            Part::Body => "body",
        }
    }
}

/// Another place in the document that a [`Diagnostic`] is about, e.g. the first occurrence of
/// what it reports repeated.
///
/// Serializes as `message`, `pointer`, `line`, `column`, `end_line`, `end_column` (as the
/// `related` entries of a diagnostic in the `--format json` report, relative to the document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// What this place is, e.g. "first `eventId` here".
    pub message: String,
    /// RFC 6901 pointer into the document.
    pub pointer: String,
    /// Byte range in the document text, end exclusive.
    pub span: std::ops::Range<usize>,
    /// Start, relative to the document.
    pub start: Position,
    /// End (exclusive), relative to the document.
    pub end: Position,
}

/// A place as the JSON report writes it: a pointer, then the start and the end.
#[derive(Serialize)]
pub(crate) struct Place<'a> {
    pub pointer: Option<&'a str>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl<'a> Place<'a> {
    pub(crate) fn new(pointer: Option<&'a str>, start: Position, end: Position) -> Self {
        Place {
            pointer,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

impl Serialize for Related {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Fields<'a> {
            message: &'a str,
            #[serde(flatten)]
            place: Place<'a>,
        }
        Fields {
            message: &self.message,
            place: Place::new(Some(&self.pointer), self.start, self.end),
        }
        .serialize(serializer)
    }
}

impl Serialize for Diagnostic {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// A byte range as `{"start", "end"}`.
        #[derive(Serialize)]
        struct Span {
            start: usize,
            end: usize,
        }
        /// The fields in the JSON report's order and with its names.
        #[derive(Serialize)]
        struct Fields<'a> {
            rule: &'static str,
            severity: Severity,
            message: &'a str,
            #[serde(flatten)]
            place: Place<'a>,
            help: Option<&'a str>,
            note: Option<&'a str>,
            span: Span,
            #[serde(skip_serializing_if = "<[Related]>::is_empty")]
            related: &'a [Related],
            #[serde(skip_serializing_if = "Option::is_none")]
            request: Option<Request<'a>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            part: Option<Part>,
            #[serde(skip_serializing_if = "Option::is_none")]
            name: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            fix: Option<&'a crate::message::fix::Fix>,
        }
        /// The request a diagnostic is on.
        #[derive(Serialize)]
        struct Request<'a> {
            method: &'a str,
            path: &'a str,
        }
        Fields {
            rule: self.rule,
            severity: self.severity,
            message: &self.message,
            place: Place::new(self.pointer(), self.start, self.end),
            help: self.help.as_deref(),
            note: self.note.as_deref(),
            span: Span {
                start: self.span.start,
                end: self.span.end,
            },
            related: &self.related,
            request: self.request.as_ref().map(|r| Request {
                method: &r.method,
                path: &r.path,
            }),
            part: self.request.as_ref().map(|r| r.part),
            name: self.request.as_ref().and_then(|r| r.name.as_deref()),
            fix: self.fix.as_ref(),
        }
        .serialize(serializer)
    }
}
