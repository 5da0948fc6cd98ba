//! `eventlint check`: read inputs, check documents on every core, render, exit.
//!
//! The pipeline keeps every core busy and memory flat:
//!
//! - Inputs are sorted by path once (the report order). Consecutive files read whole (`.json`,
//!   or NDJSON with an expectation) go in windows of `FILE_WINDOW`; an NDJSON stream goes in
//!   blocks of whole lines of about `BLOCK_BYTES` (`Blocks`; two buffers per file, reused).
//! - The workers check a batch's documents and prepare each one with diagnostics for every
//!   report (`sink::Renderers::add`: counted, redacted, rendered), so what is left for this
//!   thread is writing bytes in order. An NDJSON block's documents go 16 at a time
//!   (`DOCUMENTS_PER_CHUNK`): a chunk's documents share one text per report.
//! - Stages overlap (`rayon::join`): while the workers check batch N, the thread that drives the
//!   run writes batch N-1 and reads NDJSON block N+1, then joins the checking. At most two
//!   batches of rendered reports (one being written, one being made) and two read blocks are
//!   held, whatever the size of the input.

use std::collections::HashSet;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::Args;
use eventlint_core::config::{self, FileSettings};
use eventlint_core::render::human;
use eventlint_core::report::{DocumentOutcome, FileRecord, Summary};
use eventlint_core::{CheckOptions, Kind, check_document};
use rayon::prelude::*;

use crate::input::{self, Input, Mode};
use crate::output::{self, Destination};
use crate::project::{self, LoadError};
use crate::sink::{self, Prepared, Renderers, Sink};
use crate::{EXIT_FAILURE, EXIT_FINDINGS, Format};

#[derive(Debug, Args)]
#[command(after_long_help = "\
Reports: each --output FILE belongs to the nearest --format before it; a --format without an
--output prints to stdout, and only one may. Without --format, a lone --output gets the human
report; `--output -` is stdout. For example:

  eventlint check payloads --format human --format sarif --output eventlint.sarif

prints the human report and writes the SARIF log to eventlint.sarif, from one lint. Output files
are written atomically and never over one of the inputs.

Configuration: the nearest eventlint.toml from the current directory upward, or --config FILE.
Command-line flags win over it (--now, --kind, --deny-warnings).")]
pub(crate) struct CheckArgs {
    /// Files, directories or - (stdin). Default: the current directory.
    paths: Vec<PathBuf>,
    /// Check every document as KIND (no detection); see `eventlint kinds`. Wins over eventlint.toml.
    #[arg(long, value_name = "KIND")]
    kind: Option<String>,
    /// Report format; repeat it for several reports from one lint [default: human].
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Vec<Format>,
    /// Write the report of the --format just before it to FILE (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Vec<PathBuf>,
    /// The clock time rules compare against (RFC 3339). Default: `now` in eventlint.toml, else
    /// the system clock.
    #[arg(long, value_name = "RFC3339")]
    now: Option<String>,
    /// Warnings also fail the run.
    #[arg(long)]
    deny_warnings: bool,
    /// The name shown for stdin; its extension (.json, .ndjson, .jsonl) picks how it is read.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// The configuration file. Default: the nearest eventlint.toml from the current directory upward.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore any eventlint.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Threads to check with. Default: one per core.
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<std::num::NonZeroUsize>,
    /// Hide the payloads' values (personal data) in every report: masked in snippets, replaced
    /// by ‹redacted› in messages; keys, pointers and positions are kept.
    #[arg(long)]
    redact: bool,
}

/// NDJSON is read in blocks of this many bytes (more for a longer line); each block's lines are
/// checked in parallel while the previous block is written and the next one read.
const BLOCK_BYTES: usize = 1 << 20;
/// `.json` files are checked this many at a time in parallel, while the previous window is
/// written.
const FILE_WINDOW: usize = 256;

pub(crate) fn run(args: &CheckArgs, format_at: &[usize], output_at: &[usize]) -> ExitCode {
    let formats: Vec<(usize, Format)> = format_at
        .iter()
        .copied()
        .zip(args.format.iter().copied())
        .collect();
    let outputs: Vec<(usize, &Path)> = output_at
        .iter()
        .copied()
        .zip(args.output.iter().map(PathBuf::as_path))
        .collect();
    let reports = match output::plan(&formats, &outputs) {
        Ok(reports) => reports,
        Err(message) => return crate::fail(&message),
    };

    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let project = if args.no_config {
        None
    } else {
        match project::load(args.config.as_deref(), &cwd) {
            Ok(project) => project,
            Err(LoadError::Io(message)) => return crate::fail(&message),
            Err(LoadError::Config(err)) => {
                eprint!(
                    "{}",
                    human::render_config_error(&err, crate::stderr_style())
                );
                return ExitCode::from(EXIT_FAILURE);
            }
        }
    };
    let config = project.as_ref().map(|p| &p.config);

    // Precedence: flag, then eventlint.toml, then the default.
    let mut options = CheckOptions::default();
    if let Some(now) = &args.now {
        match DateTime::parse_from_rfc3339(now) {
            Ok(t) => options.now = t.with_timezone(&Utc),
            Err(err) => {
                return crate::fail(&format!(
                    "--now `{now}` is not an RFC 3339 date-time ({err}); e.g. --now 2026-01-01T00:00:00Z"
                ));
            }
        }
    } else if let Some(now) = config.and_then(|c| c.now) {
        options.now = now;
    }
    if let Some(tolerance) = config.and_then(|c| c.future_tolerance) {
        options.future_tolerance = tolerance;
    }
    if let Some(kind) = &args.kind {
        match Kind::find(kind) {
            Some(k) => options.kind = Some(k),
            None => return crate::fail(&crate::unknown_kind(kind)),
        }
    }
    let deny_warnings = args.deny_warnings || config.and_then(|c| c.deny_warnings).unwrap_or(false);

    let (inputs, mut problems) = input::collect(&args.paths, args.stdin_filename.as_deref());
    if let Some(message) = overwritten_input(&reports, &inputs) {
        return crate::fail(&message);
    }
    // Each input with its options and expectation; excluded files are dropped.
    let mut jobs = Vec::with_capacity(inputs.len());
    for input in inputs {
        let Some(project) = &project else {
            jobs.push((input, options.clone(), FileSettings::default()));
            continue;
        };
        let path = project.match_path(&cwd, input.display());
        if project.config.is_excluded(&path) {
            continue;
        }
        match project.config.settings(&path) {
            Ok(settings) => {
                let file_options = project
                    .config
                    .options(&settings, &options, args.kind.is_some());
                jobs.push((input, file_options, settings));
            }
            Err(problem) => problems.push(problem),
        }
    }

    // Report order is path order, then document order: sort once, keep it while checking.
    jobs.sort_by(|a, b| a.0.display().cmp(b.0.display()));

    let mut sinks = Vec::with_capacity(reports.len());
    let mut renders = Vec::with_capacity(reports.len());
    for report in &reports {
        let style = if report.destination == Destination::Stdout {
            crate::human_style()
        } else {
            human::Style::plain()
        };
        match sink::create(report.format, &report.destination, style, deny_warnings) {
            Ok((sink, render)) => {
                sinks.push(sink);
                renders.push(render);
            }
            Err(err) => {
                let place = match &report.destination {
                    Destination::File(path) => format!("`{}`", path.display()),
                    Destination::Stdout => "stdout".to_owned(),
                };
                return crate::fail(&format!("cannot write {place}: {err}"));
            }
        }
    }
    let renderers = Renderers::new(renders, args.redact);
    let mut emitter = Emitter {
        sinks,
        summary: Summary::default(),
        internal_errors: 0,
        problems,
        stream: None,
        failed: None,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.map_or(0, std::num::NonZeroUsize::get))
        .build();
    let pool = match pool {
        Ok(pool) => pool,
        Err(err) => return crate::fail(&format!("cannot start worker threads: {err}")),
    };
    pool.install(|| check_all(&jobs, &renderers, &mut emitter));

    let Emitter {
        sinks,
        summary,
        internal_errors,
        mut problems,
        stream: _,
        failed,
    } = emitter;
    let mut write_failed = failed;
    for sink in sinks {
        if let Err(err) = sink.finish(&summary) {
            write_failed.get_or_insert(err);
        }
    }
    if let Some(err) = write_failed {
        problems.push(format!("cannot write the report: {err}"));
    }
    for problem in &problems {
        eprintln!("eventlint: {problem}");
    }
    if internal_errors > 0 {
        eprintln!(
            "eventlint: {internal_errors} document(s) could not be checked because of a bug in eventlint (rule `internal/error`)"
        );
    }
    if !problems.is_empty() || internal_errors > 0 {
        ExitCode::from(EXIT_FAILURE)
    } else if fails(&summary, deny_warnings) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Hands checked documents to every report, in order, and keeps the totals. The documents come
/// prepared (counted, redacted, rendered) by the worker threads: this writes bytes.
struct Emitter {
    sinks: Vec<Box<dyn Sink>>,
    summary: Summary,
    internal_errors: usize,
    /// Inputs that could not be read (and other problems found before the run), in report order.
    problems: Vec<String>,
    /// The record of the NDJSON file being streamed, between two of its blocks.
    stream: Option<FileRecord>,
    /// The first write error; later writes are skipped.
    failed: Option<std::io::Error>,
}

impl Emitter {
    /// Writes checked work, if there is any.
    fn emit(&mut self, ready: Option<Ready<'_>>) {
        match ready {
            None => {}
            Some(Ready::Files(files)) => {
                for result in files {
                    match result {
                        Ok(file) => {
                            for outcome in file.outcomes {
                                self.outcome(outcome);
                            }
                            self.file(&file.record, file.expected);
                        }
                        Err(problem) => self.problems.push(problem),
                    }
                }
            }
            Some(Ready::Block { name, chunks, end }) => {
                let mut record = self
                    .stream
                    .take()
                    .unwrap_or_else(|| FileRecord::new(name, true));
                for chunk in chunks {
                    for (kind, line) in chunk.kinds {
                        record.push_at_line(kind, line);
                    }
                    if !chunk.prepared.is_empty() {
                        self.outcome(chunk.prepared);
                    }
                }
                match end {
                    None => self.stream = Some(record),
                    Some(Ok(())) => self.file(&record, 0),
                    Some(Err(problem)) => self.problems.push(problem),
                }
            }
            Some(Ready::Problem(problem)) => self.problems.push(problem),
        }
    }

    fn outcome(&mut self, prepared: Prepared) {
        let counts = &prepared.counts;
        self.summary.errors += counts.errors;
        self.summary.warnings += counts.warnings;
        self.summary.infos += counts.infos;
        self.internal_errors += prepared.internal_errors;
        if self.failed.is_some() {
            return;
        }
        for (sink, piece) in self.sinks.iter_mut().zip(prepared.into_pieces()) {
            if let Err(err) = sink.outcome(piece) {
                self.failed = Some(err);
                return;
            }
        }
    }

    fn file(&mut self, record: &FileRecord, expected: usize) {
        self.summary.files += 1;
        self.summary.documents += record.documents();
        self.summary.expected += expected;
        if self.failed.is_some() {
            return;
        }
        for sink in &mut self.sinks {
            if let Err(err) = sink.file(record) {
                self.failed = Some(err);
                return;
            }
        }
    }
}

/// Work checked and rendered, waiting to be written in report order.
enum Ready<'a> {
    /// Files checked whole, in order; a file that could not be read is its problem.
    Files(Vec<Result<FileResult<Prepared>, String>>),
    /// The next documents of the NDJSON file being streamed; `end` once the file is done: `Ok`,
    /// or the problem that stopped it (its record is then not reported).
    Block {
        name: &'a str,
        chunks: Vec<Chunk>,
        end: Option<Result<(), String>>,
    },
    /// A file that could not be opened.
    Problem(String),
}

/// A file is streamed (reported block by block) when it is NDJSON without a fixture
/// expectation; everything else is checked whole, many files at once.
fn streams(job: &(Input, CheckOptions, FileSettings)) -> bool {
    job.0.mode() == Mode::Ndjson && job.2.expectation.is_none()
}

/// Checks every input on the pool and writes the reports in order. The work goes in batches: a
/// window of whole files, or one block of an NDJSON stream. While the workers check and render a
/// batch, this thread writes the previous one (and reads the next NDJSON block), then helps with
/// the checking (`rayon::join`).
fn check_all(
    jobs: &[(Input, CheckOptions, FileSettings)],
    renderers: &Renderers,
    emitter: &mut Emitter,
) {
    let mut ready = None;
    let mut i = 0;
    while i < jobs.len() {
        if streams(&jobs[i]) {
            let (input, options, _) = &jobs[i];
            stream(input, options, renderers, emitter, &mut ready);
            i += 1;
            continue;
        }
        let end = (i..jobs.len())
            .take(FILE_WINDOW)
            .take_while(|&j| !streams(&jobs[j]))
            .last()
            .map_or(i + 1, |j| j + 1);
        let window = &jobs[i..end];
        let previous = ready.take();
        let ((), files) = rayon::join(
            || emitter.emit(previous),
            || {
                window
                    .par_iter()
                    .map(|(input, options, settings)| {
                        lint_input(input, options, settings).map(|file| file.prepare(renderers))
                    })
                    .collect()
            },
        );
        ready = Some(Ready::Files(files));
        i = end;
    }
    emitter.emit(ready);
}

/// Streams one NDJSON file: each block is checked while the work before it (the previous block,
/// or the batch before the file) is written and the next block is read.
fn stream<'a>(
    input: &'a Input,
    options: &CheckOptions,
    renderers: &Renderers,
    emitter: &mut Emitter,
    ready: &mut Option<Ready<'a>>,
) {
    let name = input.display();
    let opened = input
        .open()
        .map_err(|e| format!("cannot read `{name}`: {e}"))
        .map(|reader| Blocks::new(reader, name));
    let mut current = Block::default();
    let mut blocks = match opened.and_then(|mut blocks| {
        blocks.fill(&[], &mut current)?;
        Ok(blocks)
    }) {
        Ok(blocks) => blocks,
        Err(problem) => {
            emitter.emit(ready.take());
            *ready = Some(Ready::Problem(problem));
            return;
        }
    };
    let mut next = Block::default();
    let start = || Chunk {
        kinds: Vec::with_capacity(DOCUMENTS_PER_CHUNK),
        prepared: renderers.start(),
    };
    let add = |chunk: &mut Chunk, kind, line, outcome: Option<DocumentOutcome>| {
        chunk.kinds.push((kind, line));
        if let Some(outcome) = outcome {
            renderers.add(&mut chunk.prepared, outcome);
        }
    };
    loop {
        let previous = ready.take();
        let last = blocks.eof;
        let (read, chunks) = rayon::join(
            || {
                emitter.emit(previous);
                if last {
                    Ok(())
                } else {
                    blocks.fill(current.rest(), &mut next)
                }
            },
            || current.check(name, options, renderers.need_source(), &start, &add),
        );
        let end = match read {
            Ok(()) => last.then_some(Ok(())),
            Err(problem) => Some(Err(problem)),
        };
        let done = end.is_some();
        *ready = Some(Ready::Block { name, chunks, end });
        if done {
            return;
        }
        std::mem::swap(&mut current, &mut next);
    }
}

fn fails(summary: &Summary, deny_warnings: bool) -> bool {
    summary.errors > 0 || (deny_warnings && summary.warnings > 0)
}

/// An output file that is also an input: refuse before linting.
fn overwritten_input(reports: &[output::Report], inputs: &[Input]) -> Option<String> {
    let outputs: Vec<(PathBuf, &Path)> = reports
        .iter()
        .filter_map(|r| match &r.destination {
            Destination::File(path) => std::fs::canonicalize(path)
                .ok()
                .map(|c| (c, path.as_path())),
            Destination::Stdout => None,
        })
        .collect();
    if outputs.is_empty() {
        return None;
    }
    let inputs: HashSet<PathBuf> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File { path, .. } => std::fs::canonicalize(path).ok(),
            Input::Stdin { .. } => None,
        })
        .collect();
    outputs
        .iter()
        .find(|(c, _)| inputs.contains(c))
        .map(|(_, path)| {
            format!(
                "--output `{}` is one of the files being checked; refusing to overwrite it",
                path.display()
            )
        })
}

/// A file checked whole: its documents with diagnostics as `T` (`DocumentOutcome`, then
/// `Prepared` for the reports).
struct FileResult<T = DocumentOutcome> {
    record: FileRecord,
    outcomes: Vec<T>,
    /// Diagnostics hidden because the file met its `expect = "invalid"`.
    expected: usize,
}

impl FileResult {
    /// Prepares every outcome for the reports (on this worker thread).
    fn prepare(self, renderers: &Renderers) -> FileResult<Prepared> {
        FileResult {
            record: self.record,
            outcomes: self
                .outcomes
                .into_iter()
                .map(|outcome| renderers.prepare(outcome))
                .collect(),
            expected: self.expected,
        }
    }
}

fn lint_input(
    input: &Input,
    options: &CheckOptions,
    settings: &FileSettings,
) -> Result<FileResult, String> {
    let mut file = read_and_check(input, options)?;
    if let Some(expectation) = &settings.expectation {
        let first_kind = file.record.iter().next().and_then(|(_, kind)| kind);
        file.expected = config::apply_expectation(
            expectation,
            &file.record.path,
            first_kind,
            &mut file.outcomes,
            &options.severity_overrides,
        );
    }
    Ok(file)
}

fn read_and_check(input: &Input, options: &CheckOptions) -> Result<FileResult, String> {
    let name = input.display();
    let mut reader = input
        .open()
        .map_err(|e| format!("cannot read `{name}`: {e}"))?;
    let read_err = |e: std::io::Error| format!("cannot read `{name}`: {e}");
    match input.mode() {
        Mode::Json => {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map_err(read_err)?;
            let report = check_isolated(&bytes, options);
            let mut record = FileRecord::new(name, false);
            record.push(report.kind);
            let outcomes = if report.diagnostics.is_empty() {
                Vec::new()
            } else {
                vec![DocumentOutcome::new(name, 1, 0, &bytes, report)]
            };
            Ok(FileResult {
                record,
                outcomes,
                expected: 0,
            })
        }
        Mode::Ndjson => {
            let mut record = FileRecord::new(name, true);
            let mut outcomes = Vec::new();
            let mut blocks = Blocks::new(reader, name);
            let mut block = Block::default();
            let mut next = Block::default();
            blocks.fill(&[], &mut block)?;
            let start = || Vec::with_capacity(DOCUMENTS_PER_CHUNK);
            let add = |chunk: &mut Vec<_>, kind, line, outcome| chunk.push((kind, line, outcome));
            loop {
                for (kind, line, outcome) in block
                    .check(name, options, true, &start, &add)
                    .into_iter()
                    .flatten()
                {
                    record.push_at_line(kind, line);
                    outcomes.extend(outcome);
                }
                if blocks.eof {
                    break;
                }
                blocks.fill(block.rest(), &mut next)?;
                std::mem::swap(&mut block, &mut next);
            }
            Ok(FileResult {
                record,
                outcomes,
                expected: 0,
            })
        }
    }
}

/// Consecutive documents of an NDJSON block, checked and prepared together on one worker thread
/// (see [`Block::check`]).
pub(crate) struct Chunk {
    /// Each document's kind and 1-based line in the file.
    kinds: Vec<(Option<&'static Kind>, usize)>,
    /// The documents with diagnostics, prepared for the reports.
    prepared: Prepared,
}

/// Adds a checked document to a chunk `C`: its kind, its 1-based line in the file, and its
/// outcome if it has diagnostics.
type AddDocument<'f, C> =
    dyn Fn(&mut C, Option<&'static Kind>, usize, Option<DocumentOutcome>) + Sync + 'f;

/// The documents of a block a worker checks in one go: the tasks the workers share. Few enough
/// that the workers finish a block at nearly the same time, enough that each report gets one
/// text per chunk rather than one per document (fewer allocations, and fewer, larger writes).
const DOCUMENTS_PER_CHUNK: usize = 16;

/// Reads NDJSON in blocks of whole lines, numbering lines and documents as it goes. Two blocks
/// take turns for a whole file (one being checked while the other is filled), so a file costs two
/// buffers, not one allocation per block or per line.
struct Blocks<'a> {
    reader: Box<dyn BufRead + Send>,
    name: &'a str,
    /// The end of the file was reached: the last block filled holds the last line.
    eof: bool,
    line_no: usize,
    documents: usize,
}

/// Whole NDJSON lines (at the end of the file: the rest), then the beginning of the next line.
#[derive(Debug, Default)]
struct Block {
    buf: Vec<u8>,
    /// `buf[..complete]` holds the whole lines.
    complete: usize,
    /// Each document: its 1-based ordinal, its 1-based line number, its bytes in `buf`.
    lines: Vec<(usize, usize, std::ops::Range<usize>)>,
}

impl<'a> Blocks<'a> {
    fn new(reader: Box<dyn BufRead + Send>, name: &'a str) -> Self {
        Blocks {
            reader,
            name,
            eof: false,
            line_no: 0,
            documents: 0,
        }
    }

    /// Fills `block` with `rest` (the beginning of a line, left by the previous block) and the
    /// next `BLOCK_BYTES` or so of the file: more for a line longer than that. Blank lines are
    /// skipped; line numbers count every line.
    fn fill(&mut self, rest: &[u8], block: &mut Block) -> Result<(), String> {
        let buf = &mut block.buf;
        buf.clear();
        buf.extend_from_slice(rest);
        loop {
            let before = buf.len();
            // A block in all; as much again as is held for a line longer than that.
            let wanted = BLOCK_BYTES.saturating_sub(before).max(before) as u64;
            (&mut self.reader)
                .take(wanted)
                .read_to_end(buf)
                .map_err(|e| format!("cannot read `{}`: {e}", self.name))?;
            self.eof = ((buf.len() - before) as u64) < wanted;
            if self.eof || memchr::memchr(b'\n', &buf[before..]).is_some() {
                break;
            }
        }
        // Complete lines only; at the end of the file, everything.
        let complete = if self.eof {
            buf.len()
        } else {
            memchr::memrchr(b'\n', buf).map_or(buf.len(), |last| last + 1)
        };
        block.complete = complete;
        block.lines.clear();
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', &buf[..complete])
            .chain((complete > 0 && buf[complete - 1] != b'\n').then_some(complete))
        {
            self.line_no += 1;
            let mut stop = end;
            while stop > start && buf[stop - 1] == b'\r' {
                stop -= 1;
            }
            let (_, body) = eventlint_core::source::strip_bom(&buf[start..stop]);
            if !body.iter().all(|b| matches!(b, b' ' | b'\t')) {
                self.documents += 1;
                block
                    .lines
                    .push((self.documents, self.line_no, start..stop));
            }
            start = end + 1;
        }
        Ok(())
    }
}

impl Block {
    /// The beginning of the next line, for the next block.
    fn rest(&self) -> &[u8] {
        &self.buf[self.complete..]
    }

    /// Checks the block's documents in parallel, [`DOCUMENTS_PER_CHUNK`] at a time: a worker
    /// makes a chunk with `start` and `add`s each document's kind, line and, if it has
    /// diagnostics, its outcome. The chunks come in document order. Without `source`, outcomes leave out the
    /// document's text (no report shows it).
    fn check<C: Send>(
        &self,
        name: &str,
        options: &CheckOptions,
        source: bool,
        start: &(dyn Fn() -> C + Sync),
        add: &AddDocument<'_, C>,
    ) -> Vec<C> {
        self.lines
            .par_iter()
            .fold_chunks(
                DOCUMENTS_PER_CHUNK,
                start,
                |mut chunk, (document, line, range)| {
                    let bytes = &self.buf[range.clone()];
                    let report = check_isolated(bytes, options);
                    let kind = report.kind;
                    let outcome = (!report.diagnostics.is_empty()).then(|| {
                        // Without `source`, the outcome's text stays empty.
                        let text = if source { bytes } else { &[] };
                        DocumentOutcome::new(name, *document, line - 1, text, report)
                    });
                    add(&mut chunk, kind, *line, outcome);
                    chunk
                },
            )
            .collect()
    }
}

/// Checks one document; a panic inside eventlint becomes an `internal/error` diagnostic for this
/// document instead of taking the run down.
pub(crate) fn check_isolated(
    bytes: &[u8],
    options: &CheckOptions,
) -> eventlint_core::DocumentReport {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        #[cfg(debug_assertions)]
        inject_panic_for_tests(bytes);
        check_document(bytes, options)
    }));
    result.unwrap_or_else(|payload| {
        let message = crate::panic_message(payload.as_ref());
        eventlint_core::internal_error(&message, options)
    })
}

/// Test builds only: a document containing the marker in `EVENTLINT_TEST_PANIC` panics, so the
/// CLI tests can prove that one failing document does not take the run down.
#[cfg(debug_assertions)]
fn inject_panic_for_tests(bytes: &[u8]) {
    if let Some(marker) = std::env::var_os("EVENTLINT_TEST_PANIC") {
        let marker = marker.to_string_lossy();
        let hit = !marker.is_empty() && bytes.windows(marker.len()).any(|w| w == marker.as_bytes());
        assert!(!hit, "injected test panic");
    }
}
