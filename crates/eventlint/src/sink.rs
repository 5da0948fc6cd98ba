//! Report sinks: each receives the run's documents in report order (path, document) as they are
//! checked, so memory does not grow with the input.
//!
//! A report has two halves. Its [`Render`] runs on the worker threads: a document is counted,
//! redacted (`--redact`, before any report sees it) and turned into one [`Piece`] per report right
//! after it is checked ([`Renderers::prepare`]); the pieces depend on nothing before them. Its
//! [`Sink`] runs on the thread that drives the run and receives the pieces in report order:
//!
//! - `human` and `github` write each document's text as it arrives.
//! - `json` puts its summary first (report v1), so its entries go to an unlinked temporary file and
//!   are copied after the summary at the end: constant memory whatever the run's size. Every
//!   entry is rendered with its leading separator (`,`); the sink drops the report's first one.
//! - `sarif` and `junit` build their document at the end from what they collected (their results,
//!   or one test case per document), so they hold the run's findings in memory.
//!
//! A report written to a file goes to a temporary file in the same directory, renamed over the
//! destination only when the report is complete (atomic; see `output.rs`).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, IoSlice, Seek, Write};
use std::path::PathBuf;

use eventlint_core::Severity;
use eventlint_core::redact;
use eventlint_core::render::{github, human, json, junit, sarif};
use eventlint_core::report::{DocumentOutcome, FileRecord, Summary};

use crate::Format;
use crate::output::{self, Destination};

/// Where a sink's bytes go.
enum Target {
    Stdout(BufWriter<io::Stdout>),
    File {
        path: PathBuf,
        temp: BufWriter<tempfile::NamedTempFile>,
    },
}

impl Target {
    fn create(destination: &Destination) -> io::Result<Target> {
        Ok(match destination {
            Destination::Stdout => Target::Stdout(BufWriter::with_capacity(1 << 16, io::stdout())),
            Destination::File(path) => Target::File {
                path: path.clone(),
                temp: BufWriter::with_capacity(1 << 16, output::temp_beside(path)?),
            },
        })
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Target::Stdout(w) => w,
            Target::File { temp, .. } => temp,
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
            Target::File { temp, .. } => {
                temp.flush()?;
                io::copy(file, temp.get_mut().as_file_mut())?;
            }
        }
        Ok(())
    }

    /// Flushes stdout, or moves the complete temporary file over the destination.
    fn commit(self) -> io::Result<()> {
        match self {
            Target::Stdout(mut w) => w.flush(),
            Target::File { path, temp } => {
                let temp = temp.into_inner().map_err(io::IntoInnerError::into_error)?;
                output::persist(temp, &path)
            }
        }
    }
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
    /// The outcome itself, for a report built at the end (`sarif`, `junit`).
    Collect,
    /// Counts per rule (`--statistics`).
    Statistics,
}

/// One report's part for consecutive documents, made on a worker thread by the report's
/// [`Render`].
#[derive(Debug)]
pub(crate) enum Piece {
    /// Bytes to write as they are.
    Text(String),
    /// The outcomes, kept until the end.
    Outcomes(Vec<DocumentOutcome>),
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
                    Render::Collect => Piece::Outcomes(Vec::new()),
                    Render::Statistics => Piece::Counts(BTreeMap::new()),
                    _ => Piece::Text(String::new()),
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
        // The last collecting report takes the outcome itself; others get a copy.
        let owner = self
            .renders
            .iter()
            .rposition(|r| matches!(r, Render::Collect));
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
        for (i, (render, piece)) in self.renders.iter().zip(&mut prepared.pieces).enumerate() {
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
                (Render::Collect, Piece::Outcomes(outcomes)) if owner != Some(i) => {
                    outcomes.push(outcome.clone());
                }
                // The owner's, below; `start` made each piece for its report.
                _ => {}
            }
        }
        if let Some(Piece::Outcomes(outcomes)) = owner.and_then(|i| prepared.pieces.get_mut(i)) {
            outcomes.push(outcome);
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

/// Creates the sink of one report, and the renderer its pieces come from.
pub(crate) fn create(
    format: Format,
    destination: &Destination,
    style: human::Style,
    options: Options,
) -> io::Result<(Box<dyn Sink>, Render)> {
    let target = Target::create(destination)?;
    let deny_warnings = options.deny_warnings;
    Ok(match format {
        Format::Human if options.statistics => (
            Box::new(Statistics {
                target,
                counts: BTreeMap::new(),
                show_kinds: options.show_kinds,
            }),
            Render::Statistics,
        ),
        Format::Human => (
            Box::new(Stream {
                target,
                summary_line: true,
                show_kinds: options.show_kinds,
            }),
            Render::Human(Box::new(human::Renderer::new(style))),
        ),
        Format::Github => (
            Box::new(Stream {
                target,
                summary_line: false,
                show_kinds: false,
            }),
            Render::Github(github::Options { deny_warnings }),
        ),
        Format::Json => (
            Box::new(Json {
                spill: tempfile::tempfile()?,
                pending: Vec::new(),
                pending_bytes: 0,
                any: false,
                files: options.show_kinds.then(Vec::new),
                target,
            }),
            Render::Json,
        ),
        Format::Sarif | Format::Junit => (
            Box::new(Collect {
                format,
                outcomes: Vec::new(),
                files: Vec::new(),
                deny_warnings,
                target,
            }),
            Render::Collect,
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
            Piece::Outcomes(_) | Piece::Counts(_) => Ok(()),
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
    spill: File,
    /// Entries not yet in the spill. They go to it together, by one vectored write for about
    /// [`SPILL_BATCH`] bytes, without being copied into a buffer first.
    pending: Vec<String>,
    pending_bytes: usize,
    /// Whether an entry was written: every later one keeps its leading separator.
    any: bool,
    /// `--show-kinds`: every file's record, for the report's `files` member.
    files: Option<Vec<FileRecord>>,
    target: Target,
}

/// The bytes of entries [`Json`] holds before writing them to its spill.
const SPILL_BATCH: usize = 1 << 20;

impl Json {
    /// Writes the pending entries to the spill.
    fn spill_pending(&mut self) -> io::Result<()> {
        let mut slices: Vec<IoSlice<'_>> = self
            .pending
            .iter()
            .map(|text| IoSlice::new(text.as_bytes()))
            .collect();
        write_all_vectored(&mut self.spill, &mut slices)?;
        self.pending.clear();
        self.pending_bytes = 0;
        Ok(())
    }
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

impl Sink for Json {
    fn outcome(&mut self, piece: Piece) -> io::Result<()> {
        let Piece::Text(mut text) = piece else {
            return Ok(());
        };
        if text.is_empty() {
            return Ok(());
        }
        if !self.any {
            self.any = true;
            if text.starts_with(',') {
                text.remove(0);
            }
        }
        self.pending_bytes += text.len();
        self.pending.push(text);
        if self.pending_bytes >= SPILL_BATCH {
            self.spill_pending()?;
        }
        Ok(())
    }
    fn file(&mut self, record: &FileRecord) -> io::Result<()> {
        if let Some(files) = &mut self.files {
            files.push(record.clone());
        }
        Ok(())
    }
    fn finish(mut self: Box<Self>, summary: &Summary) -> io::Result<()> {
        self.spill_pending()?;
        let mut spill = self.spill;
        spill.rewind()?;
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

struct Collect {
    format: Format,
    outcomes: Vec<DocumentOutcome>,
    files: Vec<FileRecord>,
    deny_warnings: bool,
    target: Target,
}

impl Sink for Collect {
    fn outcome(&mut self, piece: Piece) -> io::Result<()> {
        if let Piece::Outcomes(outcomes) = piece {
            self.outcomes.extend(outcomes);
        }
        Ok(())
    }
    fn file(&mut self, record: &FileRecord) -> io::Result<()> {
        if self.format == Format::Junit {
            self.files.push(record.clone());
        }
        Ok(())
    }
    fn finish(mut self: Box<Self>, summary: &Summary) -> io::Result<()> {
        let text = match self.format {
            Format::Junit => junit::render(
                &self.files,
                &self.outcomes,
                summary,
                junit::Options {
                    deny_warnings: self.deny_warnings,
                },
            ),
            _ => sarif::render(&self.outcomes, summary),
        };
        self.target.writer().write_all(text.as_bytes())?;
        self.target.commit()
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
