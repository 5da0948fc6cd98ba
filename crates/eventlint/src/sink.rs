//! Report sinks: each receives the run's documents in report order (path, document) as they are
//! checked, so memory does not grow with the input.
//!
//! A report has two halves. Its [`Render`] runs on the worker threads: a document is counted,
//! redacted (`--redact`, before any report sees it) and turned into one [`Piece`] per report right
//! after it is checked ([`Renderers::prepare`]); the pieces depend on nothing before them. Its
//! [`Sink`] runs on the thread that drives the run and receives the pieces in report order:
//!
//! - `human` and `github` write each document's text as it arrives.
//! - `json` puts its summary first (report v1), so its entries go to an unlinked temporary file
//!   (a [`Spill`]) and are copied after the summary at the end: constant memory whatever the
//!   run's size. Every entry is rendered with its leading separator (`,`); the sink drops the
//!   report's first one.
//! - `sarif` spills its results the same way. A result's `ruleIndex` is its place in the list
//!   of the rules that have results, known only at the end: the workers write the rule's place
//!   in the registry between two marks (`sarif::RULE_MARK`, a NUL, which JSON text never holds
//!   raw), the sink notes which rules fired, and the copy after the rule list replaces each mark.
//! - `junit` spills each document's case body (its failure or output, after a `DOCUMENT LENGTH`
//!   line) and keeps each file's record; at the end it writes the totals, then each file's
//!   suite, a case per document, taking the bodies from the spill in order.
//!
//! A report written to a file is published whole or not at all (see `output.rs`): it goes to a
//! temporary file beside the destination, renamed over it only when the report is complete; a
//! report whose writing fails is dropped by the run, which removes its temporary file.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IoSlice, Read, Seek, Write};
use std::path::Path;

use eventlint_core::Severity;
use eventlint_core::redact;
use eventlint_core::registry;
use eventlint_core::render::{github, human, json, junit, sarif};
use eventlint_core::report::{DocumentOutcome, FileRecord, Summary};

use crate::Format;
use crate::output::{self, Destination, Opened, Temporary};

/// Where a sink's bytes go.
enum Target {
    Stdout(BufWriter<io::Stdout>),
    /// Written in place: a device, a FIFO, `/dev/stdout`.
    Stream(BufWriter<File>),
    /// A temporary file renamed over the destination once the report is complete.
    File(BufWriter<Temporary>),
}

impl Target {
    fn create(destination: &Destination) -> Result<Target, String> {
        Ok(match destination {
            Destination::Stdout => Target::Stdout(BufWriter::with_capacity(1 << 16, io::stdout())),
            Destination::File(path) => match output::open(path)? {
                Opened::Stream(file) => Target::Stream(BufWriter::with_capacity(1 << 16, file)),
                Opened::Replace(temp) => Target::File(BufWriter::with_capacity(1 << 16, temp)),
            },
        })
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Target::Stdout(w) => w,
            Target::Stream(w) => w,
            Target::File(w) => w,
        }
    }

    /// Appends `file` from its current position, through the kernel where it can (`io::copy`
    /// uses `copy_file_range` or `sendfile` between concrete file types, never through a
    /// `dyn Write`).
    fn append(&mut self, file: &mut File) -> io::Result<()> {
        match self {
            Target::Stdout(w) => {
                w.flush()?;
                // `sendfile` to a file or device; a pipe gets large writes.
                let mut out = BufWriter::with_capacity(1 << 20, w.get_mut().lock());
                io::copy(file, &mut out)?;
                out.flush()?;
            }
            Target::Stream(w) => {
                w.flush()?;
                io::copy(file, w.get_mut())?;
            }
            Target::File(w) => {
                w.flush()?;
                io::copy(file, w.get_mut().file_mut()?)?;
            }
        }
        Ok(())
    }

    /// Flushes what is written in place, or publishes the complete temporary file.
    fn commit(self) -> io::Result<()> {
        match self {
            Target::Stdout(mut w) => w.flush(),
            Target::Stream(mut w) => w.flush(),
            Target::File(w) => w
                .into_inner()
                .map_err(io::IntoInnerError::into_error)?
                .publish(),
        }
    }
}

/// A report's part that must wait for the end of the run (JSON entries, SARIF results, `JUnit`
/// case bodies): an unlinked temporary file in the temporary folder, written in batches of about
/// [`SPILL_BATCH`] bytes, each by one vectored write of the texts as the workers made them (no
/// copy into a buffer).
struct Spill {
    file: File,
    pending: Vec<String>,
    pending_bytes: usize,
}

/// The bytes of texts a [`Spill`] holds before writing them.
const SPILL_BATCH: usize = 1 << 20;

impl Spill {
    /// An empty spill; the error says what the temporary folder is and that TMPDIR names it.
    fn create(format: Format) -> Result<Spill, String> {
        match tempfile::tempfile() {
            Ok(file) => Ok(Spill {
                file,
                pending: Vec::new(),
                pending_bytes: 0,
            }),
            Err(err) => {
                let (dir, tmpdir) = temp_dir();
                let report = output::name(format);
                Err(if err.kind() == io::ErrorKind::NotFound {
                    format!(
                        "the {report} report needs a temporary file, and {} does not exist",
                        shown_temp_dir(&dir, tmpdir)
                    )
                } else {
                    format!(
                        "cannot create the {report} report's temporary file in {}: {err}",
                        shown_temp_dir(&dir, tmpdir)
                    )
                })
            }
        }
    }

    /// Adds `text` after what is spilled.
    fn push(&mut self, text: String) -> io::Result<()> {
        self.pending_bytes += text.len();
        self.pending.push(text);
        if self.pending_bytes >= SPILL_BATCH {
            self.write_pending()?;
        }
        Ok(())
    }

    /// Writes the pending texts to the file.
    fn write_pending(&mut self) -> io::Result<()> {
        let mut slices: Vec<IoSlice<'_>> = self
            .pending
            .iter()
            .map(|text| IoSlice::new(text.as_bytes()))
            .collect();
        write_all_vectored(&mut self.file, &mut slices).map_err(|e| spill_failed(&e))?;
        self.pending.clear();
        self.pending_bytes = 0;
        Ok(())
    }

    /// Everything spilled, to read from the start.
    fn rewound(mut self) -> io::Result<File> {
        self.write_pending()?;
        self.file.rewind().map_err(|e| spill_failed(&e))?;
        Ok(self.file)
    }
}

/// The temporary folder, and whether TMPDIR names it.
fn temp_dir() -> (std::path::PathBuf, bool) {
    let tmpdir = std::env::var_os("TMPDIR").is_some_and(|v| !v.is_empty());
    (std::env::temp_dir(), tmpdir)
}

fn shown_temp_dir(dir: &Path, tmpdir: bool) -> String {
    if tmpdir {
        format!("the temporary folder `{}` (TMPDIR)", dir.display())
    } else {
        format!("the temporary folder `{}`", dir.display())
    }
}

/// A spill's write error, saying it happened in the temporary folder.
fn spill_failed(err: &io::Error) -> io::Error {
    let (dir, tmpdir) = temp_dir();
    io::Error::new(
        err.kind(),
        format!(
            "writing its temporary file in {}: {err}",
            shown_temp_dir(&dir, tmpdir)
        ),
    )
}

/// How one report turns a document into its part of the report. Shared by the worker threads,
/// which render each document as soon as it is checked (see [`Renderers::prepare`]).
#[derive(Debug)]
pub(crate) enum Render {
    Human(Box<human::Renderer>),
    /// Warnings are errors when they fail the run.
    Github(github::Options),
    /// Every entry preceded by its separator (`,`): the sink drops the report's first one.
    Json,
    /// Every result preceded by its separator, its `ruleIndex` marked (see the module docs).
    Sarif,
    /// Each document's case body, after its frame line.
    Junit(junit::Options),
    /// Counts per rule (`--statistics`).
    Statistics,
}

/// One report's part for consecutive documents, made on a worker thread by the report's
/// [`Render`].
#[derive(Debug)]
pub(crate) enum Piece {
    /// Bytes to write as they are.
    Text(String),
    /// SARIF results, and the rules they name (their [`sarif::rule_number`]s).
    Results { text: String, rules: Vec<usize> },
    /// `JUnit` case bodies of documents of the file `path`, each after a line `DOCUMENT LENGTH`
    /// (its ordinal in the file, the body's length in bytes), and how many of them fail.
    Cases {
        path: String,
        text: String,
        failures: usize,
    },
    /// Diagnostics per rule and severity.
    Counts(BTreeMap<(&'static str, Severity), usize>),
}

/// What a worker thread hands over for consecutive documents with diagnostics (one document, or
/// a chunk of an NDJSON block: see `lint::Block::check`), in report order.
#[derive(Debug)]
pub(crate) struct Prepared {
    /// The documents' diagnostics by severity (only the severity counts are set).
    pub(crate) counts: Summary,
    /// Their `internal/error` diagnostics.
    pub(crate) internal_errors: usize,
    /// How many documents were added.
    documents: usize,
    /// One piece per report, in the order of the reports.
    pieces: Vec<Piece>,
}

impl Prepared {
    /// Whether no document was added.
    pub(crate) fn is_empty(&self) -> bool {
        self.documents == 0
    }

    /// Each report's piece, in the order of the reports.
    pub(crate) fn into_pieces(self) -> Vec<Piece> {
        self.pieces
    }
}

/// The reports' renderers and `--redact`: everything a worker needs to prepare a document.
#[derive(Debug)]
pub(crate) struct Renderers {
    renders: Vec<Render>,
    redact: bool,
    /// `--min-severity`: diagnostics below it are left out of every report and count.
    min_severity: Option<Severity>,
    /// `--quiet`: the human and GitHub reports show only diagnostics at or above it.
    shown: Option<Severity>,
}

impl Renderers {
    pub(crate) fn new(
        renders: Vec<Render>,
        redact: bool,
        min_severity: Option<Severity>,
        shown: Option<Severity>,
    ) -> Self {
        Renderers {
            renders,
            redact,
            min_severity,
            shown,
        }
    }

    /// Whether a document's text is needed: to show it (`human`) or to find the values that
    /// `--redact` hides. The other reports need only the diagnostics, so the text of a document
    /// need not be copied for them.
    pub(crate) fn need_source(&self) -> bool {
        self.redact || self.renders.iter().any(|r| matches!(r, Render::Human(_)))
    }

    /// Nothing prepared yet: [`Renderers::add`] appends documents to it.
    pub(crate) fn start(&self) -> Prepared {
        Prepared {
            counts: Summary::default(),
            internal_errors: 0,
            documents: 0,
            pieces: self
                .renders
                .iter()
                .map(|render| match render {
                    Render::Statistics => Piece::Counts(BTreeMap::new()),
                    Render::Sarif => Piece::Results {
                        text: String::new(),
                        rules: Vec::new(),
                    },
                    Render::Junit(_) => Piece::Cases {
                        path: String::new(),
                        text: String::new(),
                        failures: 0,
                    },
                    Render::Human(_) | Render::Github(_) | Render::Json => {
                        Piece::Text(String::new())
                    }
                })
                .collect(),
        }
    }

    /// One document prepared alone.
    pub(crate) fn prepare(&self, outcome: DocumentOutcome) -> Prepared {
        let mut prepared = self.start();
        self.add(&mut prepared, outcome);
        prepared
    }

    /// Counts `outcome`'s diagnostics, redacts it (`--redact`: before any report sees it) and
    /// renders it for every report, after the documents already in `prepared`. A document's
    /// part depends on that document alone, so documents are prepared in any order on any
    /// thread; the sinks write the pieces in report order.
    pub(crate) fn add(&self, prepared: &mut Prepared, mut outcome: DocumentOutcome) {
        if let Some(min) = self.min_severity {
            outcome.diagnostics.retain(|d| d.severity >= min);
            if outcome.diagnostics.is_empty() {
                return;
            }
        }
        prepared.counts.add(&outcome);
        prepared.internal_errors += outcome
            .diagnostics
            .iter()
            .filter(|d| d.rule == eventlint_core::INTERNAL_ERROR_RULE)
            .count();
        prepared.documents += 1;
        let outcome = if self.redact {
            redact::redact(outcome)
        } else {
            outcome
        };
        // `--quiet`: what the human and GitHub reports show.
        let shown = self.shown.and_then(|min| {
            outcome
                .diagnostics
                .iter()
                .any(|d| d.severity < min)
                .then(|| DocumentOutcome {
                    diagnostics: outcome
                        .diagnostics
                        .iter()
                        .filter(|d| d.severity >= min)
                        .cloned()
                        .collect(),
                    ..outcome.clone()
                })
        });
        let shown = shown.as_ref().unwrap_or(&outcome);
        for (render, piece) in self.renders.iter().zip(&mut prepared.pieces) {
            match (render, piece) {
                (Render::Human(renderer), Piece::Text(text)) => renderer.outcome(shown, text),
                (Render::Github(options), Piece::Text(text)) => {
                    text.push_str(&github::render_with(std::slice::from_ref(shown), *options));
                }
                (Render::Statistics, Piece::Counts(counts)) => {
                    for d in &outcome.diagnostics {
                        *counts.entry((d.rule, d.severity)).or_default() += 1;
                    }
                }
                (Render::Json, Piece::Text(text)) => {
                    // An entry takes 400 to 700 bytes: reserve once instead of growing (and
                    // copying) the text a few times per document.
                    text.reserve(768 * outcome.diagnostics.len());
                    json::entries(&outcome, text, &mut true);
                }
                (Render::Sarif, Piece::Results { text, rules }) => {
                    sarif::results(&outcome, text);
                    for d in &outcome.diagnostics {
                        if let Some(number) = sarif::rule_number(d.rule)
                            && !rules.contains(&number)
                        {
                            rules.push(number);
                        }
                    }
                }
                (
                    Render::Junit(options),
                    Piece::Cases {
                        path,
                        text,
                        failures,
                    },
                ) => {
                    if path.is_empty() {
                        path.clone_from(&outcome.path);
                    }
                    let mut body = String::new();
                    if junit::case_body(&outcome, *options, &mut body) {
                        *failures += 1;
                    }
                    debug_assert_eq!(*path, outcome.path, "a piece holds one file's documents");
                    let _ = writeln!(text, "{} {}", outcome.document, body.len());
                    text.push_str(&body);
                }
                // `start` made each piece for its report.
                _ => {}
            }
        }
    }
}

/// One report being produced.
pub(crate) trait Sink: Send {
    /// A document with diagnostics, in report order: the piece this report's [`Render`] made.
    fn outcome(&mut self, piece: Piece) -> io::Result<()>;
    /// A file is complete (after its documents' outcomes).
    fn file(&mut self, record: &FileRecord) -> io::Result<()>;
    /// The run is complete.
    fn finish(self: Box<Self>, summary: &Summary) -> io::Result<()>;
}

/// What the command line asks of the reports beyond their format.
#[derive(Debug, Clone, Copy)]
#[allow(clippy::struct_excessive_bools)] // each is one command-line switch
pub(crate) struct Options {
    pub(crate) deny_warnings: bool,
    /// `--show-kinds`: the human report names each file's kinds, the JSON report lists them.
    pub(crate) show_kinds: bool,
    /// `--statistics`: the human report counts diagnostics per rule.
    pub(crate) statistics: bool,
}

/// Creates the sink of one report, and the renderer its pieces come from. The error names the
/// destination, or the temporary folder.
pub(crate) fn create(
    format: Format,
    destination: &Destination,
    style: human::Style,
    options: Options,
) -> Result<(Box<dyn Sink>, Render), String> {
    // The spill first: a destination opened for nothing would be opened in vain.
    let spill = match format {
        Format::Json | Format::Sarif | Format::Junit => Some(Spill::create(format)?),
        Format::Human | Format::Github => None,
    };
    let target = Target::create(destination)?;
    let deny_warnings = options.deny_warnings;
    Ok(match (format, spill) {
        (Format::Human, _) if options.statistics => (
            Box::new(Statistics {
                target,
                counts: BTreeMap::new(),
                show_kinds: options.show_kinds,
            }),
            Render::Statistics,
        ),
        (Format::Json, Some(spill)) => (
            Box::new(Json {
                spill,
                any: false,
                files: options.show_kinds.then(Vec::new),
                target,
            }),
            Render::Json,
        ),
        (Format::Sarif, Some(spill)) => (
            Box::new(Sarif {
                spill,
                fired: vec![false; registry::rules().len()],
                any: false,
                target,
            }),
            Render::Sarif,
        ),
        (Format::Junit, Some(spill)) => (
            Box::new(Junit {
                spill,
                suites: Vec::new(),
                target,
            }),
            Render::Junit(junit::Options { deny_warnings }),
        ),
        (Format::Github, _) => (
            Box::new(Stream {
                target,
                summary_line: false,
                show_kinds: false,
            }),
            Render::Github(github::Options { deny_warnings }),
        ),
        _ => (
            Box::new(Stream {
                target,
                summary_line: true,
                show_kinds: options.show_kinds,
            }),
            Render::Human(Box::new(human::Renderer::new(style))),
        ),
    })
}

/// `human` and `github`: each document's text as it comes.
struct Stream {
    target: Target,
    /// `human` ends with the summary line.
    summary_line: bool,
    /// `--show-kinds`: a line per file saying what its documents were checked as.
    show_kinds: bool,
}

impl Sink for Stream {
    fn outcome(&mut self, piece: Piece) -> io::Result<()> {
        match piece {
            Piece::Text(text) => self.target.writer().write_all(text.as_bytes()),
            _ => Ok(()),
        }
    }
    fn file(&mut self, record: &FileRecord) -> io::Result<()> {
        if self.show_kinds {
            writeln!(self.target.writer(), "{}", human::kinds_line(record))?;
        }
        Ok(())
    }
    fn finish(mut self: Box<Self>, summary: &Summary) -> io::Result<()> {
        if self.summary_line {
            writeln!(self.target.writer(), "{}", human::summary_line(summary))?;
        }
        self.target.commit()
    }
}

struct Json {
    spill: Spill,
    /// Whether an entry was written: every later one keeps its leading separator.
    any: bool,
    /// `--show-kinds`: every file's record, for the report's `files` member.
    files: Option<Vec<FileRecord>>,
    target: Target,
}

/// `Write::write_all_vectored`, which is not stable yet: writes every slice, in order.
fn write_all_vectored(out: &mut impl Write, mut slices: &mut [IoSlice<'_>]) -> io::Result<()> {
    IoSlice::advance_slices(&mut slices, 0);
    while !slices.is_empty() {
        match out.write_vectored(slices) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut slices, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Drops the separator of a report's first entry or result.
fn first_without_separator(any: &mut bool, mut text: String) -> String {
    if !*any {
        *any = true;
        if text.starts_with(',') {
            text.remove(0);
        }
    }
    text
}

impl Sink for Json {
    fn outcome(&mut self, piece: Piece) -> io::Result<()> {
        let Piece::Text(text) = piece else {
            return Ok(());
        };
        if text.is_empty() {
            return Ok(());
        }
        self.spill
            .push(first_without_separator(&mut self.any, text))
    }
    fn file(&mut self, record: &FileRecord) -> io::Result<()> {
        if let Some(files) = &mut self.files {
            files.push(record.clone());
        }
        Ok(())
    }
    fn finish(mut self: Box<Self>, summary: &Summary) -> io::Result<()> {
        let mut spill = self.spill.rewound()?;
        self.target
            .writer()
            .write_all(json::head(summary).as_bytes())?;
        self.target.append(&mut spill)?;
        let tail = match &self.files {
            Some(files) => json::tail_with_files(self.any, files),
            None => json::tail(self.any).to_owned(),
        };
        self.target.writer().write_all(tail.as_bytes())?;
        self.target.commit()
    }
}

/// `sarif`: results spilled with their rules marked; the log written around them at the end.
struct Sarif {
    spill: Spill,
    /// Which rules have results, by [`sarif::rule_number`].
    fired: Vec<bool>,
    any: bool,
    target: Target,
}

impl Sink for Sarif {
    fn outcome(&mut self, piece: Piece) -> io::Result<()> {
        let Piece::Results { text, rules } = piece else {
            return Ok(());
        };
        if text.is_empty() {
            return Ok(());
        }
        for number in rules {
            if let Some(fired) = self.fired.get_mut(number) {
                *fired = true;
            }
        }
        self.spill
            .push(first_without_separator(&mut self.any, text))
    }
    fn file(&mut self, _: &FileRecord) -> io::Result<()> {
        Ok(())
    }
    fn finish(mut self: Box<Self>, summary: &Summary) -> io::Result<()> {
        let log = sarif::Log::new(&self.fired, summary);
        let mut spill = self.spill.rewound()?;
        let out = self.target.writer();
        out.write_all(log.head().as_bytes())?;
        copy_resolving(&mut spill, out, &log)?;
        out.write_all(log.tail(self.any).as_bytes())?;
        self.target.commit()
    }
}

/// Copies spilled SARIF results to `out`, each rule mark replaced by the rule's `ruleIndex`.
fn copy_resolving(spill: &mut File, out: &mut dyn Write, log: &sarif::Log) -> io::Result<()> {
    const MARK: u8 = sarif::RULE_MARK as u8;
    let mut buf = vec![0u8; 1 << 20];
    // Bytes kept from the read before: the start of a mark it cut.
    let mut kept = 0;
    loop {
        let n = match spill.read(&mut buf[kept..]) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(spill_failed(&e)),
        };
        let end = kept + n;
        let mut at = 0;
        let mut cut = end;
        while let Some(open) = memchr::memchr(MARK, &buf[at..end]).map(|i| at + i) {
            let Some(close) = memchr::memchr(MARK, &buf[open + 1..end]).map(|i| open + 1 + i)
            else {
                cut = open;
                break;
            };
            out.write_all(&buf[at..open])?;
            let number = std::str::from_utf8(&buf[open + 1..close])
                .ok()
                .and_then(|digits| digits.parse::<usize>().ok());
            let index = number.and_then(|n| log.rule_index(n)).unwrap_or_default();
            write!(out, "{index}")?;
            at = close + 1;
        }
        out.write_all(&buf[at..cut])?;
        buf.copy_within(cut..end, 0);
        kept = end - cut;
        if n == 0 {
            if kept > 0 {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "its temporary file ends inside a rule mark",
                ));
            }
            return Ok(());
        }
    }
}

/// `junit`: case bodies spilled as the documents come; the suites written at the end.
struct Junit {
    spill: Spill,
    /// Each file's cases, in report order.
    suites: Vec<Suite>,
    target: Target,
}

/// A file's part of the `JUnit` report.
struct Suite {
    path: String,
    /// `None` for a file whose record never came (it stopped being readable): its cases are
    /// left out, as its record is from every report.
    record: Option<FileRecord>,
    /// Its documents that fail.
    failures: usize,
    /// The bytes of its frames in the spill.
    bytes: u64,
}

impl Sink for Junit {
    fn outcome(&mut self, piece: Piece) -> io::Result<()> {
        let Piece::Cases {
            path,
            text,
            failures,
        } = piece
        else {
            return Ok(());
        };
        if text.is_empty() {
            return Ok(());
        }
        let bytes = text.len() as u64;
        match self.suites.last_mut() {
            Some(suite) if suite.record.is_none() && suite.path == path => {
                suite.failures += failures;
                suite.bytes += bytes;
            }
            _ => self.suites.push(Suite {
                path,
                record: None,
                failures,
                bytes,
            }),
        }
        self.spill.push(text)
    }
    fn file(&mut self, record: &FileRecord) -> io::Result<()> {
        match self.suites.last_mut() {
            Some(suite) if suite.record.is_none() && suite.path == record.path => {
                suite.record = Some(record.clone());
            }
            _ => self.suites.push(Suite {
                path: record.path.clone(),
                record: Some(record.clone()),
                failures: 0,
                bytes: 0,
            }),
        }
        Ok(())
    }
    fn finish(mut self: Box<Self>, summary: &Summary) -> io::Result<()> {
        let (tests, failures) = self
            .suites
            .iter()
            .filter_map(|s| s.record.as_ref().map(|r| (r.documents(), s.failures)))
            .fold((0, 0), |(t, f), (tests, failures)| {
                (t + tests, f + failures)
            });
        let mut spill = BufReader::with_capacity(1 << 20, self.spill.rewound()?);
        let out = self.target.writer();
        out.write_all(junit::head(tests, failures, summary).as_bytes())?;
        for suite in &self.suites {
            let mut frames = Frames {
                spill: &mut spill,
                left: suite.bytes,
            };
            let Some(record) = &suite.record else {
                frames.skip_rest()?;
                continue;
            };
            out.write_all(junit::suite_head(record, suite.failures).as_bytes())?;
            let mut next = frames.next()?;
            for (document, line, kind) in record.iter_with_lines() {
                out.write_all(junit::case_head(record, line, kind).as_bytes())?;
                while let Some((earlier, len)) = next
                    && earlier < document
                {
                    frames.skip(len)?;
                    next = frames.next()?;
                }
                match next {
                    Some((number, len)) if number == document => {
                        frames.copy(len, out)?;
                        next = frames.next()?;
                    }
                    _ => out.write_all(b"/>\n")?,
                }
            }
            if let Some((_, len)) = next {
                frames.skip(len)?;
            }
            frames.skip_rest()?;
            out.write_all(junit::SUITE_END.as_bytes())?;
        }
        out.write_all(junit::END.as_bytes())?;
        self.target.commit()
    }
}

/// The frames of one suite in the `JUnit` spill: `DOCUMENT LENGTH` lines, each followed by a
/// case body of LENGTH bytes.
struct Frames<'a> {
    spill: &'a mut BufReader<File>,
    /// The suite's bytes not read yet.
    left: u64,
}

impl Frames<'_> {
    /// The next frame's document and body length.
    fn next(&mut self) -> io::Result<Option<(usize, u64)>> {
        if self.left == 0 {
            return Ok(None);
        }
        let mut line = Vec::with_capacity(24);
        let n = self
            .spill
            .read_until(b'\n', &mut line)
            .map_err(|e| spill_failed(&e))?;
        self.left = self.left.saturating_sub(n as u64);
        let frame = std::str::from_utf8(&line)
            .ok()
            .and_then(|l| l.trim_end().split_once(' '))
            .and_then(|(d, len)| Some((d.parse().ok()?, len.parse().ok()?)));
        frame.map(Some).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                "its temporary file holds a damaged frame",
            )
        })
    }

    /// Copies a body of `len` bytes to `out`.
    fn copy(&mut self, len: u64, out: &mut dyn Write) -> io::Result<()> {
        self.left = self.left.saturating_sub(len);
        let copied = io::copy(&mut self.spill.by_ref().take(len), out)?;
        if copied < len {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        Ok(())
    }

    /// Skips a body of `len` bytes.
    fn skip(&mut self, len: u64) -> io::Result<()> {
        self.left = self.left.saturating_sub(len);
        self.spill
            .seek_relative(i64::try_from(len).unwrap_or(i64::MAX))
            .map_err(|e| spill_failed(&e))
    }

    /// Skips the rest of the suite.
    fn skip_rest(&mut self) -> io::Result<()> {
        let left = std::mem::take(&mut self.left);
        self.skip(left)
    }
}

/// `--statistics`: the human report counts diagnostics per rule.
struct Statistics {
    target: Target,
    counts: BTreeMap<(&'static str, Severity), usize>,
    show_kinds: bool,
}

impl Sink for Statistics {
    fn outcome(&mut self, piece: Piece) -> io::Result<()> {
        if let Piece::Counts(counts) = piece {
            for (key, n) in counts {
                *self.counts.entry(key).or_default() += n;
            }
        }
        Ok(())
    }
    fn file(&mut self, record: &FileRecord) -> io::Result<()> {
        if self.show_kinds {
            writeln!(self.target.writer(), "{}", human::kinds_line(record))?;
        }
        Ok(())
    }
    fn finish(mut self: Box<Self>, summary: &Summary) -> io::Result<()> {
        let rows: Vec<(usize, &str, Severity)> = self
            .counts
            .iter()
            .map(|(&(rule, severity), &n)| (n, rule, severity))
            .collect();
        let text = human::statistics(&rows);
        let out = self.target.writer();
        out.write_all(text.as_bytes())?;
        writeln!(out, "{}", human::summary_line(summary))?;
        self.target.commit()
    }
}
