//! The human report: one miette report per diagnostic, with the source snippet, a label on the
//! exact span, the rule id, the help and the note; then a summary line.

use std::fmt;
use std::fmt::Write as _;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteSpanContents, SourceCode,
    SourceSpan, SpanContents,
};

use crate::diagnostic::{Diagnostic, Severity};
use crate::report::{DocumentOutcome, Summary};

/// Rendering options.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// ANSI colours (only for a terminal, and never with `NO_COLOR`).
    pub color: bool,
    /// Wrap width in columns.
    pub width: usize,
}

impl Style {
    /// No colour, 100 columns: deterministic output for snapshots.
    #[must_use]
    pub fn plain() -> Self {
        Style {
            color: false,
            width: 100,
        }
    }
}

/// Spans longer than this many lines are shown by their first character only.
const MAX_LABEL_LINES: usize = 6;

/// Renders every diagnostic and the closing summary line.
#[must_use]
pub fn render(outcomes: &[DocumentOutcome], summary: &Summary, style: Style) -> String {
    let renderer = Renderer::new(style);
    let mut out = String::new();
    for outcome in outcomes {
        renderer.outcome(outcome, &mut out);
    }
    out.push_str(&summary_line(summary));
    out.push('\n');
    out
}

/// Renders one document's diagnostics at a time (the CLI streams them).
#[derive(Debug)]
pub struct Renderer {
    handler: GraphicalReportHandler,
}

impl Renderer {
    /// A renderer with the given style.
    #[must_use]
    pub fn new(style: Style) -> Self {
        let theme = if style.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(style.width)
            .with_links(false)
            .with_context_lines(1);
        Renderer { handler }
    }

    /// Appends the reports of one document's diagnostics to `out`.
    pub fn outcome(&self, outcome: &DocumentOutcome, out: &mut String) {
        let source = DocumentSource {
            name: if outcome.document > 1 || outcome.line_offset > 0 {
                format!("{} (document {})", outcome.path, outcome.document)
            } else {
                outcome.path.clone()
            },
            text: &outcome.source,
            line_offset: outcome.line_offset,
        };
        for diagnostic in &outcome.diagnostics {
            let report = Report {
                d: diagnostic,
                source: &source,
            };
            // Writing to a String cannot fail.
            let _ = self.handler.render_report(out, &report);
            out.push('\n');
        }
    }
}

/// `checked 2 files, 3 documents: 1 error, 0 warnings, 2 infos`
#[must_use]
pub fn summary_line(s: &Summary) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut line = format!(
        "checked {}, {}: {}, {}, {}",
        plural(s.files, "file"),
        plural(s.documents, "document"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info"),
    );
    if s.expected > 0 {
        let _ = write!(
            line,
            "; {} expected by eventlint.toml, not shown",
            plural(s.expected, "finding")
        );
    }
    line
}

/// One document's text, shown with the file's true line numbers.
struct DocumentSource<'a> {
    name: String,
    text: &'a str,
    line_offset: usize,
}

impl SourceCode for DocumentSource<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.line_offset,
            inner.column(),
            inner.line_count(),
        )))
    }
}

struct Report<'a> {
    d: &'a Diagnostic,
    source: &'a DocumentSource<'a>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}
impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}
impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.d.rule))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        match (&self.d.help, &self.d.note) {
            (Some(help), Some(note)) => Some(Box::new(format!("{help}\nnote: {note}"))),
            (Some(help), None) => Some(Box::new(help.clone())),
            (None, Some(note)) => Some(Box::new(format!("note: {note}"))),
            (None, None) => None,
        }
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.d;
        let mut len = d.span.end - d.span.start;
        if d.end.line - d.start.line >= MAX_LABEL_LINES {
            len = self.source.text[d.span.start..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        }
        let label = if !d.pointer.is_empty() {
            format!("at `{}`", d.pointer)
        } else if d.span.end - d.span.start + 2 >= self.source.text.trim_end().len() {
            "the document".to_owned()
        } else {
            "here".to_owned()
        };
        Some(Box::new(std::iter::once(LabeledSpan::new(
            Some(label),
            d.span.start,
            len,
        ))))
    }
}

/// Renders a configuration error: the message, a snippet of the TOML with the span marked, and
/// the help.
#[must_use]
pub fn render_config_error(err: &crate::config::ConfigError, style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_context_lines(1);
    let report = ConfigReport {
        err,
        source: miette::NamedSource::new(&err.name, err.source.clone()),
    };
    let mut out = String::new();
    let _ = handler.render_report(&mut out, &report);
    out
}

struct ConfigReport<'a> {
    err: &'a crate::config::ConfigError,
    source: miette::NamedSource<String>,
}

impl fmt::Debug for ConfigReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.err.message)
    }
}
impl fmt::Display for ConfigReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.err.message)
    }
}
impl std::error::Error for ConfigReport<'_> {}

impl miette::Diagnostic for ConfigReport<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new("eventlint.toml"))
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.err
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = &self.err.span;
        Some(Box::new(std::iter::once(LabeledSpan::new(
            Some("here".to_owned()),
            span.start,
            span.end - span.start,
        ))))
    }
}
