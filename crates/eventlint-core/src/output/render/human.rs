//! The human report: one miette report per diagnostic, with the source snippet, a label on the
//! exact span, the rule id, the help and the note; then a summary line.

use std::borrow::Cow;
use std::fmt;
use std::fmt::Write as _;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteSpanContents, SourceCode,
    SourceSpan, SpanContents,
};

use crate::message::diagnostic::{Diagnostic, Severity};
use crate::output::report::{DocumentOutcome, OffsetMap, Summary};

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
        // Wrap only between words, never at a hyphen inside a rule id or a kind, and never
        // inside a word longer than the line (it overflows instead).
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(style.width)
            .with_word_separator(textwrap::WordSeparator::AsciiSpace)
            .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
            .with_break_words(false)
            .with_links(false)
            .with_context_lines(1);
        Renderer { handler }
    }

    /// Appends the reports of one document's diagnostics to `out`.
    pub fn outcome(&self, outcome: &DocumentOutcome, out: &mut String) {
        let handler = &self.handler;
        let name = if outcome.document > 1 || outcome.placement != OffsetMap::IDENTITY {
            format!("{} (document {})", outcome.path, outcome.document)
        } else {
            outcome.path.clone()
        };
        let text = printable(&outcome.source);
        // Once per document, not per diagnostic: a document may have a finding per member.
        let text_has_no_break = text.contains(NO_BREAK);
        let lines = Lines::new(&text);
        for diagnostic in &outcome.diagnostics {
            // Spaces inside code spans and quoted values become no-break spaces while miette
            // wraps, then spaces again: a wrapped line never splits `a value` in two. (Only when
            // no no-break space is there already, so none of the document's is changed.)
            let protect = !text_has_no_break
                && ![
                    Some(&diagnostic.message),
                    diagnostic.help.as_ref(),
                    diagnostic.note.as_ref(),
                ]
                .into_iter()
                .flatten()
                .any(|t| t.contains(NO_BREAK));
            let protected;
            let diagnostic = if protect {
                protected = Diagnostic {
                    message: unbreakable(&diagnostic.message),
                    help: diagnostic.help.as_deref().map(unbreakable),
                    note: diagnostic.note.as_deref().map(unbreakable),
                    ..diagnostic.clone()
                };
                &protected
            } else {
                diagnostic
            };
            let start = out.len();
            // Writing to a String cannot fail.
            if let Some(excerpt) = Excerpt::of(&text, &lines, diagnostic) {
                let source = DocumentSource {
                    name: name.clone(),
                    text: &excerpt.text,
                    lines: None,
                    // The diagnostic's place is the file's already.
                    line_offset: diagnostic.start.line - 1,
                    first_columns: 0,
                    column: Some(diagnostic.start.column - 1),
                };
                // A window shows one place: the related ones are elsewhere on the long line.
                let d = Diagnostic {
                    span: excerpt.label.clone(),
                    end: diagnostic.start,
                    related: Vec::new(),
                    ..diagnostic.clone()
                };
                let report = Report {
                    d: &d,
                    source: &source,
                    whole: whole_document(&text, diagnostic),
                    related: Vec::new(),
                };
                let _ = handler.render_report(out, &report);
            } else {
                let source = DocumentSource {
                    name: name.clone(),
                    text: &text,
                    lines: Some(&lines),
                    line_offset: outcome.placement.lines,
                    first_columns: outcome.placement.columns,
                    column: None,
                };
                let report = Report {
                    d: diagnostic,
                    source: &source,
                    whole: whole_document(&text, diagnostic),
                    related: shown_related(&text, &lines, diagnostic),
                };
                let _ = handler.render_report(out, &report);
            }
            if protect && out[start..].contains(NO_BREAK) {
                let rendered = out[start..].replace(NO_BREAK, " ");
                out.truncate(start);
                out.push_str(&rendered);
            }
            out.push('\n');
        }
    }
}

/// The no-break space that holds a code span or a quoted value together while miette wraps.
const NO_BREAK: char = '\u{a0}';

/// `text` with the spaces inside `` `code spans` `` and `"quoted values"` made no-break.
fn unbreakable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside: Option<char> = None;
    for c in text.chars() {
        match (inside, c) {
            (None, '`' | '"') => inside = Some(c),
            (Some(open), _) if c == open => inside = None,
            (Some(_), ' ') => {
                out.push(NO_BREAK);
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    // An unbalanced quote (an apostrophe-free message still may have one): keep it as it was.
    if inside.is_some() {
        return text.to_owned();
    }
    out
}

/// What a file's documents were checked as (`--show-kinds`), e.g. `events.ndjson: documents
/// 1-3 synerise.custom-event, 4 undetermined` or `event.json: synerise.custom-event`.
#[must_use]
pub fn kinds_line(record: &crate::output::report::FileRecord) -> String {
    let name =
        |kind: Option<&'static crate::catalog::kind::Kind>| kind.map_or("undetermined", |k| k.id);
    let runs: Vec<(usize, usize, Option<&'static crate::catalog::kind::Kind>)> =
        record.runs().collect();
    let what = match runs.as_slice() {
        [] => "no document".to_owned(),
        [(1, 1, kind)] if !record.stream => name(*kind).to_owned(),
        [(first, last, kind)] => format!("documents {first}-{last} {}", name(*kind)),
        runs => {
            let parts: Vec<String> = runs
                .iter()
                .map(|&(first, last, kind)| {
                    if first == last {
                        format!("{first} {}", name(kind))
                    } else {
                        format!("{first}-{last} {}", name(kind))
                    }
                })
                .collect();
            format!("documents {}", parts.join(", "))
        }
    };
    format!("{}: checked as {what}", record.path)
}

/// The `--statistics` table: one row per rule and severity, most frequent first (then by rule
/// id), the columns aligned.
#[must_use]
pub fn statistics(rows: &[(usize, &str, Severity)]) -> String {
    let mut rows = rows.to_vec();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)).then(a.2.cmp(&b.2)));
    let count_width = rows
        .iter()
        .map(|r| r.0.to_string().len())
        .max()
        .unwrap_or(1);
    let rule_width = rows.iter().map(|r| r.1.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (n, rule, severity) in rows {
        let summary = crate::catalog::registry::rule(rule).map_or("", |r| r.summary);
        let _ = writeln!(
            out,
            "{n:>count_width$}  {:<7}  {rule:<rule_width$}  {summary}",
            severity.as_str()
        );
    }
    out
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
    match (s.fixable, s.unsafe_fixable) {
        (0, 0) => {}
        (0, u) => {
            let _ = write!(line, "; {u} fixable with `--fix --unsafe-fixes`");
        }
        (n, 0) => {
            let _ = write!(line, "; {n} fixable with `--fix`");
        }
        (n, u) => {
            let _ = write!(
                line,
                "; {n} fixable with `--fix` ({u} more with `--unsafe-fixes`)"
            );
        }
    }
    if s.skipped > 0 {
        let _ = write!(
            line,
            "; {} of no vendor's API skipped",
            plural(s.skipped, "HAR entry").replace("entrys", "entries")
        );
    }
    line
}

/// The text with every control character but tab and line breaks replaced by one of the same
/// UTF-8 length (`?` for C0 and DEL, `¿` for C1), so that a hostile document cannot drive the
/// terminal and every byte offset stays valid.
fn printable(text: &str) -> Cow<'_, str> {
    let control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if !text.chars().any(control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                c if !control(c) => c,
                c if c.len_utf8() == 1 => '?',
                _ => '¿',
            })
            .collect(),
    )
}

/// Lines longer than this many bytes are shown as a window around the diagnostic (a 50 MB
/// one-line document must not be printed, and miette cannot lay out such a line).
const MAX_LINE_BYTES: usize = 400;
/// Bytes of context shown before and after the marked span in a window.
const WINDOW_BEFORE: usize = 60;
const WINDOW_AFTER: usize = 100;
/// At most this many bytes of the span are marked in a window.
const WINDOW_LABEL: usize = 200;

/// A window of one long line around a diagnostic's start, with `…` where it was cut.
#[derive(Debug)]
struct Excerpt {
    text: String,
    /// The span to mark, in `text`.
    label: std::ops::Range<usize>,
}

impl Excerpt {
    /// `None` when every line the snippet would show is short enough to print whole.
    fn of(text: &str, lines: &Lines, d: &Diagnostic) -> Option<Excerpt> {
        let bytes = text.as_bytes();
        let start = d.span.start.min(bytes.len());
        let end = d.span.end.clamp(start, bytes.len());
        // Lines are searched for at most MAX_LINE_BYTES either way: this stays cheap even
        // for many diagnostics on one huge line.
        let long = |at: usize| -> bool {
            let lo = at.saturating_sub(MAX_LINE_BYTES);
            let back = bytes[lo..at].contains(&b'\n') || lo == 0;
            let hi = (at + MAX_LINE_BYTES).min(bytes.len());
            let ahead = bytes[at..hi].contains(&b'\n') || hi == bytes.len();
            !(back && ahead)
        };
        let shown_end = if d.end.line - d.start.line >= MAX_LABEL_LINES {
            start
        } else {
            end
        };
        let line_start = lines.newline_before(start).map_or(0, |i| i + 1);
        let next_line = lines.newline_from(shown_end).map(|i| i + 1);
        let clip = long(start)
            || (line_start > 0 && long(line_start - 1))
            || long(shown_end)
            || next_line.is_some_and(|n| n < bytes.len() && long(n))
            || shown_end - start > MAX_LABEL_LINES * MAX_LINE_BYTES;
        if !clip {
            return None;
        }
        let boundary_down = |mut i: usize| {
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let from = boundary_down(start.saturating_sub(WINDOW_BEFORE).max(line_start));
        let line_end = bytes[start..]
            .iter()
            .take(WINDOW_LABEL + WINDOW_AFTER + 1)
            .position(|b| *b == b'\n')
            .map(|i| start + i);
        // A span of many lines is marked by its first character (as `labels` does).
        let marked = if shown_end == start && end > start {
            text[start..].chars().next().map_or(0, char::len_utf8)
        } else {
            end - start
        };
        let mark_end =
            boundary_down((start + marked.min(WINDOW_LABEL)).min(line_end.unwrap_or(usize::MAX)));
        let to = boundary_down(
            (mark_end + WINDOW_AFTER)
                .min(line_end.unwrap_or(usize::MAX))
                .min(bytes.len()),
        );
        let prefix = if from > line_start { "…" } else { "" };
        let suffix = if to < bytes.len() && bytes[to] != b'\n' {
            "…"
        } else {
            ""
        };
        let label_start = prefix.len() + start - from;
        Some(Excerpt {
            text: format!("{prefix}{}{suffix}", &text[from..to]),
            label: label_start..label_start + (mark_end - start),
        })
    }
}

/// Where one document's lines start, found once per document: each diagnostic's snippet then
/// reads only its own lines, not the text from its start (miette's `read_span` on a `str`
/// walks from the first byte, which made a document with a finding per line quadratic).
#[derive(Debug)]
struct Lines {
    /// The offset of every `\n`.
    newlines: Vec<usize>,
    /// Where each line starts as miette counts lines (after `\n`, `\r\n` or a lone `\r`),
    /// when a lone `\r` makes that differ from after each `\n`.
    starts: Option<Vec<usize>>,
}

impl Lines {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let newlines: Vec<usize> = memchr::memchr_iter(b'\n', bytes).collect();
        let lone_cr = |i: usize| bytes.get(i + 1) != Some(&b'\n');
        let starts = memchr::memchr_iter(b'\r', bytes).any(lone_cr).then(|| {
            memchr::memchr2_iter(b'\n', b'\r', bytes)
                .filter(|&i| bytes[i] == b'\n' || lone_cr(i))
                .map(|i| i + 1)
                .collect()
        });
        Lines { newlines, starts }
    }

    /// The last `\n` before `at`.
    fn newline_before(&self, at: usize) -> Option<usize> {
        let i = self.newlines.partition_point(|&n| n < at);
        i.checked_sub(1).map(|i| self.newlines[i])
    }

    /// The first `\n` at or after `at`.
    fn newline_from(&self, at: usize) -> Option<usize> {
        let i = self.newlines.partition_point(|&n| n < at);
        self.newlines.get(i).copied()
    }

    /// Where to start reading so that `context` lines before the one holding `offset` are
    /// read, and how many lines (as miette counts them) come before that place.
    fn context_start(&self, offset: usize, context: usize) -> (usize, usize) {
        let (before, start) = if let Some(starts) = &self.starts {
            let before = starts.partition_point(|&s| s <= offset);
            (before, before.checked_sub(context + 1).map(|i| starts[i]))
        } else {
            let before = self.newlines.partition_point(|&n| n < offset);
            let start = before
                .checked_sub(context + 1)
                .map(|i| self.newlines[i] + 1);
            (before, start)
        };
        match start {
            Some(start) => (start, before - context),
            None => (0, 0),
        }
    }
}

/// One document's text, shown with the file's true line numbers.
struct DocumentSource<'a> {
    name: String,
    text: &'a str,
    /// The text's lines, so that a span is read from the start of its context, not of the text.
    lines: Option<&'a Lines>,
    line_offset: usize,
    /// The characters before the text on its first line, in the file (`OffsetMap::columns`).
    first_columns: usize,
    /// The column (0-based) shown in the header, for a window that does not start the line.
    column: Option<usize>,
}

impl SourceCode for DocumentSource<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, miette::MietteError> {
        // miette reads from a line start exactly as from the text's start, with lines and
        // offsets counted from there: only `from` and the lines before it are added back. An
        // empty span must not start where reading starts (miette ends reading one byte before
        // the end of a span, saturating at 0): one more line is read before it.
        let (from, lines_before) = self.lines.map_or((0, 0), |lines| {
            let context = context_lines_before + usize::from(span.is_empty());
            lines.context_start(span.offset(), context)
        });
        let text = self.text.get(from..).unwrap_or_default();
        let inner = text.read_span(
            &SourceSpan::new((span.offset() - from).into(), span.len()),
            context_lines_before,
            context_lines_after,
        )?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            SourceSpan::new((inner.span().offset() + from).into(), inner.span().len()),
            inner.line() + lines_before + self.line_offset,
            match self.column {
                Some(column) if context_lines_before == 0 => column,
                _ if inner.line() + lines_before == 0 => inner.column() + self.first_columns,
                _ => inner.column(),
            },
            inner.line_count() + lines_before,
        )))
    }
}

struct Report<'a> {
    d: &'a Diagnostic,
    source: &'a DocumentSource<'a>,
    /// The span covers the whole document (labelled so).
    whole: bool,
    /// The related places to label beside the finding: `(label, start, length)`.
    related: Vec<(String, usize, usize)>,
}

/// The related places of `d` that a snippet can show: those on lines short enough to print
/// whole, each marked by its first line at most.
fn shown_related(text: &str, lines: &Lines, d: &Diagnostic) -> Vec<(String, usize, usize)> {
    d.related
        .iter()
        .filter_map(|r| {
            let start = r.span.start.min(text.len());
            let line_start = lines.newline_before(start).map_or(0, |i| i + 1);
            let line_end = lines.newline_from(start).unwrap_or(text.len());
            if line_end - line_start > MAX_LINE_BYTES {
                return None;
            }
            let end = r.span.end.clamp(start, line_end);
            Some((r.message.clone(), start, end - start))
        })
        .collect()
}

fn whole_document(text: &str, d: &Diagnostic) -> bool {
    d.span.end - d.span.start + 2 >= text.trim_end().len()
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
        } else if self.whole {
            "the document".to_owned()
        } else {
            "here".to_owned()
        };
        let related = self
            .related
            .iter()
            .map(|(label, start, len)| LabeledSpan::new(Some(label.clone()), *start, *len));
        Some(Box::new(
            // Primary: the header gives the finding's place, not the first related one's.
            std::iter::once(LabeledSpan::new_primary_with_span(
                Some(label),
                (d.span.start, len),
            ))
            .chain(related),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::check::{CheckOptions, check_document};

    fn render_text(text: &str) -> String {
        let report = check_document(text.as_bytes(), &CheckOptions::default());
        let outcome = DocumentOutcome::new("t.json", 1, 0, text.as_bytes(), report);
        let mut summary = Summary::default();
        summary.add(&outcome);
        render(&[outcome], &summary, Style::plain())
    }

    #[test]
    fn a_huge_line_is_shown_as_a_window() {
        let text = format!("[{}1,]", "1,".repeat(1_000_000));
        let out = render_text(&text);
        assert!(out.contains("[t.json:1:2000003]"), "{out}");
        assert!(out.contains("│ …") && out.contains(",1,1,]\n"), "{out}");
        assert!(out.len() < 2000, "{}", out.len());
        // A short line beside a huge one: the huge one is not printed either.
        let text = format!("[\n1,\n{}]", "2,".repeat(100_000));
        let out = render_text(&text);
        assert!(out.contains("[t.json:3:200000]"), "{out}");
        assert!(out.len() < 2000, "{}", out.len());
    }

    /// Reading a span from its context's first line gives what miette gives reading from the
    /// text's start, whatever the line breaks (`\n`, `\r\n`, a lone `\r`, `\n\r`).
    #[test]
    fn spans_read_from_the_line_index_as_from_the_start() {
        for text in [
            "{\n  \"a\": 1,\n\n  \"b\": [1,\n 2]\n}\n",
            "{\r\n  \"a\": 1,\r\n\r\n  \"b\": [1,\r\n 2]\r\n}",
            "{\r \"a\": 1,\r\r\n\n\r \"b\":\r\n\r[1,\n 2]}\r",
            "x",
            "",
        ] {
            let lines = Lines::new(text);
            let source = DocumentSource {
                name: String::new(),
                text,
                lines: Some(&lines),
                line_offset: 0,
                first_columns: 0,
                column: None,
            };
            for start in 0..=text.len() {
                for len in [0, 1, 2, 7].into_iter().filter(|n| start + n <= text.len()) {
                    for context in [0, 1, 2] {
                        let span = SourceSpan::new(start.into(), len);
                        let ours = source.read_span(&span, context, context);
                        let theirs = text.read_span(&span, context, context);
                        match (ours, theirs) {
                            (Ok(ours), Ok(theirs)) => assert_eq!(
                                (
                                    ours.data(),
                                    ours.span(),
                                    ours.line(),
                                    ours.column(),
                                    ours.line_count()
                                ),
                                (
                                    theirs.data(),
                                    theirs.span(),
                                    theirs.line(),
                                    theirs.column(),
                                    theirs.line_count()
                                ),
                                "{text:?} {start} {len} {context}"
                            ),
                            (ours, theirs) => assert_eq!(
                                ours.is_ok(),
                                theirs.is_ok(),
                                "{text:?} {start} {len} {context}"
                            ),
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let out = render_text("{\"a\": \"\u{1b}[31m\u{9b}\u{7}\"");
        assert!(!out.contains('\u{1b}') && !out.contains('\u{9b}') && !out.contains('\u{7}'));
        assert!(out.contains("\"?[31m¿?"), "{out}");
        assert_eq!(printable("a\u{0}b\u{85}c").len(), "a\u{0}b\u{85}c".len());
    }
}
