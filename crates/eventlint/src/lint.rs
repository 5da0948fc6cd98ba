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
use eventlint_core::source::documents::Documents;
use eventlint_core::{CheckOptions, Kind, Severity, check_document};
use rayon::prelude::*;

use crate::input::{self, Input, Mode};
use crate::output::{self, Destination};
use crate::project::{LoadError, Projects};
use crate::sink::{self, Prepared, Render, Renderers, Sink};
use crate::{EXIT_FAILURE, EXIT_FINDINGS, Format, select};

#[derive(Debug, Args)]
#[command(after_long_help = "\
Reports: each --output FILE belongs to the nearest --format before it; a --format without an
--output prints to stdout, and only one may. Without --format, a lone --output gets the human
report; `--output -` is stdout. For example:

  eventlint check payloads --format human --format sarif --output eventlint.sarif

prints the human report and writes the SARIF log to eventlint.sarif, from one lint. Output files
are published whole or not at all (a temporary file, then a rename), never over one of the inputs;
a device, a FIFO, /dev/stdout or /dev/fd/N is written into, never replaced.

Configuration: for each checked path, the nearest eventlint.toml from its directory upward (stdin:
from the current directory), or --config FILE for every path. Command-line flags win over it
(--now, --kind, --deny-warnings, --select, --ignore, --severity, --split-arrays).

Rules: a selector is a rule id, a group (synerise.event), a vendor (synerise) or ALL. --select
keeps json/syntax, json/encoding, kind/undetermined, internal/error and config/expectation on.

A run that checks no document exits 2 (a path that holds no payload is named on stderr), unless
--allow-empty.")]
#[allow(clippy::struct_excessive_bools)] // each is one command-line switch
pub(crate) struct CheckArgs {
    /// Files, directories or - (stdin). Default: the current directory.
    paths: Vec<PathBuf>,
    /// Check every document as KIND (no detection); see `eventlint kinds`. Wins over eventlint.toml.
    #[arg(long, value_name = "KIND")]
    pub(crate) kind: Option<String>,
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
    /// The name shown for stdin; its extension (.json, .ndjson, .jsonl) picks how it is read,
    /// unless --input-format says.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Read every input as FORMAT whatever its name: json (the whole file is one document) or
    /// ndjson (one document per line), e.g. `--input-format ndjson <(gen-events)`. Default: by
    /// extension (.ndjson and .jsonl are ndjson).
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<Mode>,
    /// The configuration file for every path. Default: the nearest eventlint.toml from each
    /// path's directory upward.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore any eventlint.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Threads to check with, at most 256; never more than there are files to check when
    /// none is NDJSON. Default: one per core.
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<std::num::NonZeroUsize>,
    /// Hide the payloads' values (personal data) in every report: masked in snippets, replaced
    /// by ‹redacted› in messages; keys, pointers and positions are kept.
    #[arg(long)]
    redact: bool,
    /// A run that checks no document exits 0 instead of 2.
    #[arg(long)]
    allow_empty: bool,
    /// Check each element of a top-level JSON array as a document of its own (positions stay
    /// those of the array's file). Also `split-arrays = true` in a [[files]] entry.
    #[arg(long)]
    split_arrays: bool,
    /// Say what each document was checked as: a line per file in the human report, a `files`
    /// member in the JSON report.
    #[arg(long)]
    show_kinds: bool,
    /// Only the diagnostics that fail the run, and the summary (human and github reports);
    /// no warnings on stderr about paths or configuration.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Leave out diagnostics below LEVEL from every report and count (info, warning, error).
    #[arg(long, value_name = "LEVEL", value_parser = ["info", "warning", "error"])]
    min_severity: Option<String>,
    /// The human report counts diagnostics per rule instead of showing each one.
    #[arg(long)]
    statistics: bool,
    /// Check only these rules: ids, groups (synerise.event), vendors (synerise) or ALL; repeatable
    /// and comma-separated. Wins over eventlint.toml.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    select: Vec<String>,
    /// Do not check these rules (same forms as --select). Wins over eventlint.toml.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Report a rule (or group, vendor) at LEVEL: error, warning, info or off. Repeatable; wins
    /// over eventlint.toml.
    #[arg(long, value_name = "RULE=LEVEL")]
    severity: Vec<String>,
    #[allow(clippy::doc_markdown)] // the doc comment is the --help text: no backticks
    /// Colour in the human report: auto (a terminal, unless NO_COLOR; FORCE_COLOR or
    /// CLICOLOR_FORCE force it), always or never.
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    color: crate::term::ColorChoice,
    /// Check again whenever a checked file or directory changes (Ctrl-C to stop).
    #[arg(long)]
    pub(crate) watch: bool,
}

impl CheckArgs {
    /// The `--output` files.
    pub(crate) fn output_paths(&self) -> &[PathBuf] {
        &self.output
    }

    /// The paths to check (the current directory when none is given).
    pub(crate) fn paths(&self) -> Vec<PathBuf> {
        if self.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            self.paths.clone()
        }
    }
}

/// NDJSON is read in blocks of this many bytes (more for a longer line); each block's lines are
/// checked in parallel while the previous block is written and the next one read.
const BLOCK_BYTES: usize = 1 << 20;
/// `.json` files are checked this many at a time in parallel, while the previous window is
/// written.
const FILE_WINDOW: usize = 256;
/// An NDJSON line longer than this is not held whole, nor checked: it is skipped to its end
/// and reported (`json/syntax`, naming the limit), unless its first bytes already decide it.
/// Far above any vendor's limit on an event (at most a few MiB for a whole batch).
const LINE_LIMIT: usize = 64 << 20;
/// The first bytes of a document read before the rest: when they decide its diagnostic
/// (`source::decided_by`: binary, UTF-16, or a first character that can never begin JSON),
/// the rest is not read (a `.json` file) or skipped (an NDJSON line longer than a block).
const PEEK_BYTES: usize = 64 << 10;
/// What `--jobs` may ask for. Idle rayon workers look for work in each other's queues, so a
/// pool's overhead grows with the square of its threads (`-j 1024` on one small file took 4 s,
/// `-j 10000` over a minute), and each thread that checks compiles validators of its own.
const MAX_JOBS: usize = 256;

/// One input to check, with its options and what its configuration says of it.
struct Job {
    input: Input,
    options: CheckOptions,
    settings: FileSettings,
    split_arrays: bool,
}

/// The options the command line gives every document: the clock, the kind and the rule
/// selection. A configuration's settings apply under them.
fn flag_options(args: &CheckArgs) -> Result<CheckOptions, String> {
    let mut options = CheckOptions::default();
    if let Some(now) = &args.now {
        match DateTime::parse_from_rfc3339(now) {
            Ok(t) => options.now = t.with_timezone(&Utc),
            Err(err) => {
                return Err(format!(
                    "--now `{now}` is not an RFC 3339 date-time ({err}); e.g. --now 2026-01-01T00:00:00Z"
                ));
            }
        }
    }
    if let Some(kind) = &args.kind {
        match Kind::find(kind) {
            Some(k) => options.kind = Some(k),
            None => return Err(crate::unknown_kind(kind)),
        }
    }
    options.severity_overrides = select::overrides(&args.select, &args.ignore, &args.severity)?;
    Ok(options)
}

/// The options of the files a configuration governs: the flags', then the configuration's.
fn project_options(
    args: &CheckArgs,
    flags: &CheckOptions,
    config: &config::Config,
) -> CheckOptions {
    let mut options = flags.clone();
    if args.now.is_none()
        && let Some(now) = config.now
    {
        options.now = now;
    }
    if let Some(tolerance) = config.future_tolerance {
        options.future_tolerance = tolerance;
    }
    options
}

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
    let reports = match output::plan(&formats, &outputs).and_then(|reports| {
        output::distinct(&reports)?;
        Ok(reports)
    }) {
        Ok(reports) => reports,
        Err(message) => return crate::fail(&message),
    };
    let flags = match flag_options(args) {
        Ok(options) => options,
        Err(message) => return crate::fail(&message),
    };

    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    // `--config FILE` is loaded now; a bad one is reported once no output is known to be an
    // input (its report is written as any report is).
    let projects = if args.no_config {
        Ok(None)
    } else {
        Projects::new(args.config.as_deref(), &cwd).map(Some)
    };

    if let Some(jobs) = args.jobs
        && jobs.get() > MAX_JOBS
    {
        return crate::fail(&format!(
            "--jobs {jobs}: at most {MAX_JOBS} threads (more threads than cores only slow a run down)"
        ));
    }
    let (inputs, mut problems, walked) = input::collect(
        &args.paths(),
        args.stdin_filename.as_deref(),
        args.input_format,
    );
    if let Some(message) = overwritten_input(&reports, &inputs) {
        return crate::fail(&message);
    }
    let mut projects = match projects {
        Ok(projects) => projects,
        Err(err) => return load_failed(args, &reports, err),
    };
    if let Some(projects) = &mut projects {
        for dir in &walked {
            if let Err(err) = projects.for_dir(&dir.display) {
                return load_failed(args, &reports, err);
            }
        }
    }
    let mut notes = Vec::new();
    let planned = match plan_jobs(args, &flags, &cwd, projects.as_mut(), inputs) {
        Ok(planned) => planned,
        Err(err) => return load_failed(args, &reports, err),
    };
    let Planned {
        mut jobs,
        kept,
        project_of,
        matched,
    } = planned;
    problems.extend(jobs.iter().filter_map(|j| j.settings_problem.clone()));
    let mut jobs: Vec<Job> = jobs.drain(..).filter_map(|j| j.job).collect();
    if let Some(projects) = &projects {
        notes.extend(excluded_notes(&kept, projects, &project_of));
        notes.extend(unmatched_globs(
            projects,
            &cwd,
            &walked,
            &matched,
            jobs.len(),
        ));
        for project in &projects.loaded {
            if !project.is_in(&cwd) && !args.quiet {
                eprintln!("eventlint: using the configuration `{}`", project.shown);
            }
        }
    }
    notes.extend(empty_walks(&walked, &kept));
    let deny_warnings = args.deny_warnings
        || projects.as_ref().is_some_and(|p| {
            p.loaded
                .iter()
                .any(|project| project.config.deny_warnings == Some(true))
        });

    // Report order is path order, then document order: sort once, keep it while checking.
    jobs.sort_by(|a, b| a.input.display().cmp(b.input.display()));

    let (sinks, renders, destinations) = create_sinks(args, &reports, deny_warnings, &mut problems);
    let min_severity = args.min_severity.as_deref().and_then(Severity::parse);
    let shown = if args.quiet {
        Some(if deny_warnings {
            Severity::Warning
        } else {
            Severity::Error
        })
    } else {
        None
    };
    let renderers = Renderers::new(renders, args.redact, min_severity, shown);
    let mut emitter = Emitter {
        sinks: sinks.into_iter().map(Some).collect(),
        destinations,
        summary: Summary::default(),
        internal_errors: 0,
        problems,
        notes,
        stream: None,
        failed: Vec::new(),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads(args.jobs, &jobs))
        .build();
    let pool = match pool {
        Ok(pool) => pool,
        Err(err) => return crate::fail(&format!("cannot start worker threads: {err}")),
    };
    pool.install(|| check_all(&jobs, &renderers, &mut emitter));
    emitter.finish(args, deny_warnings, false)
}

/// The size of the thread pool (0: rayon's default, one per core): `--jobs`, but no more threads
/// than can help. Files read whole are checked one per thread, so a run of only those needs no
/// more threads than files; an NDJSON stream has work for every thread.
fn threads(requested: Option<std::num::NonZeroUsize>, jobs: &[Job]) -> usize {
    let requested = requested.map_or(0, std::num::NonZeroUsize::get);
    if jobs.iter().any(streams) {
        return requested;
    }
    let useful = jobs.len().max(1);
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    match requested {
        0 if useful < cores => useful,
        0 => 0,
        n => n.min(useful),
    }
}

/// A configuration that cannot be read or is not valid: exit 2, nothing checked. One that is
/// not valid is the run's one document with diagnostics: its `config/invalid` diagnostic goes
/// to every report (human, JSON, SARIF, GitHub, `JUnit`; stdout or `--output`) as a payload's
/// findings do, at its place in the TOML. The reports are complete and valid; their summaries
/// count one error and no payload file or document. Severity overrides, `--redact` (the file
/// holds no payload), `--min-severity` and `--quiet` leave it as it is.
fn load_failed(args: &CheckArgs, reports: &[output::Report], err: LoadError) -> ExitCode {
    let err = match err {
        LoadError::Io(message) => return crate::fail(&message),
        LoadError::Config(err) => err,
    };
    let mut problems = Vec::new();
    let (sinks, renders, destinations) = create_sinks(args, reports, false, &mut problems);
    // `JUnit` lists a case per document of each file record: the configuration file gets one.
    let junit: Vec<bool> = renders
        .iter()
        .map(|render| matches!(render, Render::Junit(_)))
        .collect();
    let renderers = Renderers::new(renders, false, None, None);
    let mut emitter = Emitter {
        sinks: sinks.into_iter().map(Some).collect(),
        destinations,
        summary: Summary::default(),
        internal_errors: 0,
        problems,
        notes: Vec::new(),
        stream: None,
        failed: Vec::new(),
    };
    emitter.outcome(renderers.prepare(err.outcome()));
    let mut record = FileRecord::new(&err.name, false);
    record.push(None);
    emitter.each_sink(|i, sink| if junit[i] { sink.file(&record) } else { Ok(()) });
    emitter.problems.push(format!(
        "`{}` is not a valid configuration (rule `{}`); no payload was checked",
        err.name,
        err.diagnostic().rule
    ));
    emitter.finish(args, false, true)
}

/// An input on its way to becoming a job.
struct Planning {
    job: Option<Job>,
    /// The configuration's settings could not be made for it (an unknown templated kind).
    settings_problem: Option<String>,
}

/// The jobs of a run, and what is needed to say what was left out.
struct Planned {
    jobs: Vec<Planning>,
    /// For each input: checked, or the `exclude` glob that removed it and whether it was named.
    kept: Vec<Kept>,
    /// For each input, the index of its configuration in `Projects::loaded`.
    project_of: Vec<Option<usize>>,
    /// For each configuration, which of its `[[files]]` entries matched a checked file.
    matched: Vec<Vec<bool>>,
}

/// What became of one input.
enum Kept {
    Checked,
    Excluded {
        display: String,
        glob: String,
        named: bool,
    },
}

fn plan_jobs(
    args: &CheckArgs,
    flags: &CheckOptions,
    cwd: &Path,
    mut projects: Option<&mut Projects>,
    inputs: Vec<Input>,
) -> Result<Planned, LoadError> {
    let mut planned = Planned {
        jobs: Vec::with_capacity(inputs.len()),
        kept: Vec::with_capacity(inputs.len()),
        project_of: Vec::with_capacity(inputs.len()),
        matched: Vec::new(),
    };
    // Each configuration's options, made once.
    let mut bases: Vec<CheckOptions> = Vec::new();
    for input in inputs {
        let project = match projects.as_deref_mut() {
            None => None,
            Some(projects) => {
                let path = match &input {
                    Input::File { display, .. } => Some(display.as_str()),
                    Input::Stdin { .. } => None,
                };
                let index = projects.for_path(path)?;
                for project in &projects.loaded[bases.len()..] {
                    bases.push(project_options(args, flags, &project.config));
                    planned
                        .matched
                        .push(vec![false; project.config.files_globs().len()]);
                }
                index.map(|i| (i, &projects.loaded[i]))
            }
        };
        planned.project_of.push(project.map(|(i, _)| i));
        let Some((index, project)) = project else {
            planned.kept.push(Kept::Checked);
            planned.jobs.push(Planning {
                job: Some(Job {
                    input,
                    options: flags.clone(),
                    settings: FileSettings::default(),
                    split_arrays: args.split_arrays,
                }),
                settings_problem: None,
            });
            continue;
        };
        let path = project.match_path(cwd, input.display());
        if let Some(glob) = project.config.excluded_by(&path) {
            planned.kept.push(Kept::Excluded {
                display: input.display().to_owned(),
                glob: glob.to_owned(),
                named: matches!(input, Input::File { named: true, .. }),
            });
            continue;
        }
        planned.kept.push(Kept::Checked);
        match project.config.settings(&path) {
            Ok(settings) => {
                for &entry in &settings.matched {
                    planned.matched[index][entry] = true;
                }
                let options = project
                    .config
                    .options(&settings, &bases[index], args.kind.is_some());
                let split_arrays = args.split_arrays || settings.split_arrays == Some(true);
                planned.jobs.push(Planning {
                    job: Some(Job {
                        input,
                        options,
                        settings,
                        split_arrays,
                    }),
                    settings_problem: None,
                });
            }
            Err(problem) => planned.jobs.push(Planning {
                job: None,
                settings_problem: Some(problem),
            }),
        }
    }
    Ok(planned)
}

/// A file named on the command line that `exclude` removes is said so.
fn excluded_notes(kept: &[Kept], projects: &Projects, project_of: &[Option<usize>]) -> Vec<String> {
    kept.iter()
        .zip(project_of)
        .filter_map(|(kept, project)| match (kept, project) {
            (
                Kept::Excluded {
                    display,
                    glob,
                    named: true,
                },
                Some(project),
            ) => Some(format!(
                "`{display}` is not checked: `exclude` glob `{glob}` in `{}` matches it",
                projects.loaded[*project].shown
            )),
            _ => None,
        })
        .collect()
}

/// A directory on the command line that yields no document is said so.
fn empty_walks(walked: &[input::Walked], kept: &[Kept]) -> Vec<String> {
    let mut notes = Vec::new();
    for dir in walked {
        if dir.inputs.is_empty() {
            notes.push(format!(
                "`{}` holds no .json, .ndjson or .jsonl file to check",
                dir.display
            ));
        } else if kept[dir.inputs.clone()]
            .iter()
            .all(|k| matches!(k, Kept::Excluded { .. }))
        {
            notes.push(format!(
                "every file under `{}` is excluded by eventlint.toml's `exclude`",
                dir.display
            ));
        }
    }
    notes
}

/// A `[[files]]` glob that matched none of the checked files, where it could have: its fixed
/// beginning (the path segments before the first wildcard) lies in, or holds, a directory the
/// run walked. (Files named one by one, as pre-commit passes them, never make such a note.)
fn unmatched_globs(
    projects: &Projects,
    cwd: &Path,
    walked: &[input::Walked],
    matched: &[Vec<bool>],
    checked: usize,
) -> Vec<String> {
    let mut notes = Vec::new();
    for (project, matched) in projects.loaded.iter().zip(matched) {
        let roots: Vec<String> = walked
            .iter()
            .filter_map(|w| project.relative(cwd, &w.display))
            .collect();
        for ((glob, line), hit) in project.config.files_globs().into_iter().zip(matched) {
            if *hit {
                continue;
            }
            let fixed = fixed_prefix(glob);
            let overlaps = roots.iter().any(|root| {
                root.is_empty() || fixed.is_empty() || within(&fixed, root) || within(root, &fixed)
            });
            if overlaps {
                notes.push(format!(
                    "`[[files]]` glob `{glob}` ({}:{line}) matches none of the {checked} checked files",
                    project.shown
                ));
            }
        }
    }
    notes
}

/// The path segments of a glob before its first wildcard or capture, joined with `/`.
fn fixed_prefix(glob: &str) -> String {
    glob.split('/')
        .take_while(|segment| !segment.contains(['*', '?', '[', '{', '<']))
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether `path` is `dir` or lies below it (`/`-separated relative paths).
fn within(path: &str, dir: &str) -> bool {
    path == dir
        || path
            .strip_prefix(dir)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Each report's sink and renderer. A report that cannot be started (its folder is missing, its
/// destination is a folder, the temporary folder is missing) is a problem of the run; the others
/// are still written.
fn create_sinks(
    args: &CheckArgs,
    reports: &[output::Report],
    deny_warnings: bool,
    problems: &mut Vec<String>,
) -> (Vec<Box<dyn Sink>>, Vec<Render>, Vec<Destination>) {
    let mut sinks = Vec::with_capacity(reports.len());
    let mut renders = Vec::with_capacity(reports.len());
    let mut destinations = Vec::with_capacity(reports.len());
    for report in reports {
        let style = if report.destination == Destination::Stdout {
            crate::term::stdout_style(args.color)
        } else {
            human::Style::plain()
        };
        let options = sink::Options {
            deny_warnings,
            show_kinds: args.show_kinds,
            statistics: args.statistics,
        };
        match sink::create(report.format, &report.destination, style, options) {
            Ok((sink, render)) => {
                sinks.push(sink);
                renders.push(render);
                destinations.push(report.destination.clone());
            }
            Err(message) => problems.push(message),
        }
    }
    (sinks, renders, destinations)
}

/// Hands checked documents to every report, in order, and keeps the totals. The documents come
/// prepared (counted, redacted, rendered) by the worker threads: this writes bytes.
struct Emitter {
    /// Each report's sink; `None` once writing it failed (the others go on).
    sinks: Vec<Option<Box<dyn Sink>>>,
    /// Where each report goes.
    destinations: Vec<Destination>,
    summary: Summary,
    internal_errors: usize,
    /// Inputs that could not be read (and other problems found before the run), in report order.
    problems: Vec<String>,
    /// Warnings that do not fail the run: paths that yield no document, configuration unused.
    notes: Vec<String>,
    /// The record of the NDJSON file being streamed, between two of its blocks.
    stream: Option<FileRecord>,
    /// The reports whose writing failed, with the error.
    failed: Vec<(usize, std::io::Error)>,
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

    /// Runs `write` on every report still being written; one that fails is dropped.
    fn each_sink(&mut self, mut write: impl FnMut(usize, &mut dyn Sink) -> std::io::Result<()>) {
        for (i, slot) in self.sinks.iter_mut().enumerate() {
            if let Some(sink) = slot
                && let Err(err) = write(i, sink.as_mut())
            {
                *slot = None;
                self.failed.push((i, err));
            }
        }
    }

    fn outcome(&mut self, prepared: Prepared) {
        let counts = &prepared.counts;
        self.summary.errors += counts.errors;
        self.summary.warnings += counts.warnings;
        self.summary.infos += counts.infos;
        self.internal_errors += prepared.internal_errors;
        let mut pieces: Vec<Option<sink::Piece>> =
            prepared.into_pieces().into_iter().map(Some).collect();
        self.each_sink(|i, sink| match pieces[i].take() {
            Some(piece) => sink.outcome(piece),
            None => Ok(()),
        });
    }

    fn file(&mut self, record: &FileRecord, expected: usize) {
        self.summary.files += 1;
        self.summary.documents += record.documents();
        self.summary.expected += expected;
        if record.documents() == 0 {
            self.notes.push(format!(
                "`{}` holds no document (every line is blank)",
                record.path
            ));
        }
        self.each_sink(|_, sink| sink.file(record));
    }

    /// Completes every report, says what went wrong, and gives the run's exit status. A report
    /// to stdout whose reader went away (`eventlint check … | head`) is no failure: the run
    /// ends with the status it would have had.
    /// `stopped`: the run ended before checking (a configuration that is not valid), which
    /// its problems already say; "no document was checked" would only repeat it.
    fn finish(mut self, args: &CheckArgs, deny_warnings: bool, stopped: bool) -> ExitCode {
        let summary = self.summary;
        for (i, slot) in self.sinks.iter_mut().enumerate() {
            if let Some(sink) = slot.take()
                && let Err(err) = sink.finish(&summary)
            {
                self.failed.push((i, err));
            }
        }
        for (i, err) in &self.failed {
            let destination = &self.destinations[*i];
            if *destination == Destination::Stdout && err.kind() == std::io::ErrorKind::BrokenPipe {
                continue;
            }
            self.problems.push(output::cannot_write(destination, err));
        }
        if summary.documents == 0 && !args.allow_empty && !stopped {
            self.problems.push(
                "no document was checked; pass --allow-empty if a run may check nothing".to_owned(),
            );
        }
        if !args.quiet {
            for note in &self.notes {
                eprintln!("eventlint: warning: {note}");
            }
        }
        for problem in &self.problems {
            eprintln!("eventlint: {problem}");
        }
        let internal_errors = self.internal_errors;
        if internal_errors > 0 {
            eprintln!(
                "eventlint: {internal_errors} document(s) could not be checked because of a bug in eventlint (rule `internal/error`)"
            );
        }
        if !self.problems.is_empty() || internal_errors > 0 {
            ExitCode::from(EXIT_FAILURE)
        } else if fails(&summary, deny_warnings) {
            ExitCode::from(EXIT_FINDINGS)
        } else {
            ExitCode::SUCCESS
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
fn streams(job: &Job) -> bool {
    job.input.mode() == Mode::Ndjson && job.settings.expectation.is_none()
}

/// Checks every input on the pool and writes the reports in order. The work goes in batches: a
/// window of whole files, or one block of an NDJSON stream. While the workers check and render a
/// batch, this thread writes the previous one (and reads the next NDJSON block), then helps with
/// the checking (`rayon::join`).
fn check_all(jobs: &[Job], renderers: &Renderers, emitter: &mut Emitter) {
    let mut ready = None;
    let mut i = 0;
    while i < jobs.len() {
        if streams(&jobs[i]) {
            stream(
                &jobs[i].input,
                &jobs[i].options,
                renderers,
                emitter,
                &mut ready,
            );
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
                    .map(|job| lint_input(job).map(|file| file.prepare(renderers)))
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

fn lint_input(job: &Job) -> Result<FileResult, String> {
    let options = &job.options;
    let mut file = read_and_check(&job.input, options, job.split_arrays)?;
    if let Some(expectation) = &job.settings.expectation {
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

fn read_and_check(
    input: &Input,
    options: &CheckOptions,
    split_arrays: bool,
) -> Result<FileResult, String> {
    let name = input.display();
    let mut reader = input
        .open()
        .map_err(|e| format!("cannot read `{name}`: {e}"))?;
    let read_err = |e: std::io::Error| format!("cannot read `{name}`: {e}");
    match input.mode() {
        Mode::Json => {
            let bytes = read_document(reader.as_mut()).map_err(read_err)?;
            if split_arrays && let Some(elements) = eventlint_core::source::array_elements(&bytes) {
                return Ok(check_elements(name, &bytes, &elements, options));
            }
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

/// Reads a document whole, unless its first [`PEEK_BYTES`] already decide its diagnostic: then
/// only as many of them as [`eventlint_core::source::decided_by`] says (2 GB of NUL bytes are
/// `json/syntax` at 1:1 from the first byte, and are not read).
fn read_document(reader: &mut dyn BufRead) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let peeked = reader.take(PEEK_BYTES as u64).read_to_end(&mut bytes)?;
    if peeked == PEEK_BYTES {
        if let Some(decided) = eventlint_core::source::decided_by(&bytes) {
            bytes.truncate(decided);
            return Ok(bytes);
        }
        reader.read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// Checks each element of a top-level array as a document of its own (`--split-arrays`). An
/// element is checked as the characters before it on its first line turned into spaces,
/// followed by its own bytes, with the lines before it as the outcome's line offset: its
/// diagnostics keep the lines and columns of the array's file.
fn check_elements(
    name: &str,
    bytes: &[u8],
    elements: &[std::ops::Range<usize>],
    options: &CheckOptions,
) -> FileResult {
    let mut record = FileRecord::new(name, false);
    let mut outcomes = Vec::new();
    let mut line = 0;
    let mut counted = 0;
    let mut text = Vec::new();
    for (i, range) in elements.iter().enumerate() {
        line += memchr::memchr_iter(b'\n', &bytes[counted..range.start]).count();
        counted = range.start;
        let line_start = memchr::memrchr(b'\n', &bytes[..range.start]).map_or(0, |n| n + 1);
        let before = String::from_utf8_lossy(&bytes[line_start..range.start])
            .chars()
            .count();
        text.clear();
        text.resize(before, b' ');
        text.extend_from_slice(&bytes[range.clone()]);
        let report = check_isolated(&text, options);
        record.push(report.kind);
        if !report.diagnostics.is_empty() {
            outcomes.push(DocumentOutcome::new(name, i + 1, line, &text, report));
        }
    }
    FileResult {
        record,
        outcomes,
        expected: 0,
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
    /// The documents.
    lines: Vec<Doc>,
}

/// A document of an NDJSON block.
#[derive(Debug)]
struct Doc {
    /// Its 1-based ordinal.
    ordinal: usize,
    /// Its 1-based line number.
    line: usize,
    /// Its bytes in the block's `buf`: the line, or (for a long line) as much of its beginning
    /// as decides it or shows it.
    range: std::ops::Range<usize>,
    /// A line longer than [`LINE_LIMIT`] whose beginning does not decide it: its length in bytes.
    /// It is reported, not checked.
    too_long: Option<u64>,
}

/// How much of the beginning of a line too long to check is kept, for the report's snippet.
const TOO_LONG_SHOWN: usize = 256;

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
    /// next `BLOCK_BYTES` or so of the file: more for a line longer than that, up to
    /// [`LINE_LIMIT`]. Blank lines are skipped, line numbers count every line, and a document's
    /// bytes are its line's without the line break (`source::documents`, the one reader).
    ///
    /// A line longer than a block whose first [`PEEK_BYTES`] decide its diagnostic
    /// (`source::decided_by`: binary, UTF-16, a first character that can never begin JSON) is
    /// kept that far and the rest of it skipped; a line longer than `LINE_LIMIT` is kept only
    /// for its snippet, skipped to its end and reported. Either is a block of its own.
    fn fill(&mut self, rest: &[u8], block: &mut Block) -> Result<(), String> {
        let buf = &mut block.buf;
        buf.clear();
        buf.extend_from_slice(rest);
        block.lines.clear();
        let mut peeked = false;
        loop {
            let before = buf.len();
            // A block in all; as much again as is held for a line longer than that, up to one
            // byte past the limit of a line.
            let wanted = BLOCK_BYTES
                .saturating_sub(before)
                .max(before)
                .min(LINE_LIMIT + 1 - before) as u64;
            buf.reserve_exact(wanted as usize);
            (&mut self.reader)
                .take(wanted)
                .read_to_end(buf)
                .map_err(|e| format!("cannot read `{}`: {e}", self.name))?;
            self.eof = ((buf.len() - before) as u64) < wanted;
            if self.eof || memchr::memchr(b'\n', &buf[before..]).is_some() {
                break;
            }
            // No line end yet: `buf` holds the beginning of one line, longer than a block.
            if !peeked && buf.len() >= PEEK_BYTES {
                peeked = true;
                if let Some(decided) = eventlint_core::source::decided_by(&buf[..PEEK_BYTES]) {
                    buf.truncate(decided);
                    return self.long_line(block, None, None);
                }
                // Room for the longest line at once: growing by doubling left every smaller
                // buffer behind in the allocator (2.6 times the limit at the peak); pages
                // never written cost nothing.
                buf.reserve_exact(LINE_LIMIT + 1 - buf.len());
            }
            if buf.len() > LINE_LIMIT {
                let (held, last) = (buf.len(), buf.last().copied());
                let shown = (0..=TOO_LONG_SHOWN)
                    .rev()
                    .find(|&i| std::str::from_utf8(&buf[..i]).is_ok())
                    .unwrap_or(0);
                buf.truncate(shown);
                return self.long_line(block, Some(held), last);
            }
        }
        // Complete lines only; at the end of the file, everything.
        let complete = if self.eof {
            buf.len()
        } else {
            memchr::memrchr(b'\n', buf).map_or(buf.len(), |last| last + 1)
        };
        block.complete = complete;
        // The core's reader decides what a line, a blank line and a document's bytes are.
        let mut documents = Documents::from_line(&buf[..complete], self.line_no);
        for document in documents.by_ref() {
            self.documents += 1;
            block.lines.push(Doc {
                ordinal: self.documents,
                line: document.line + 1,
                range: document.range(),
                too_long: None,
            });
        }
        self.line_no = documents.next_line();
        Ok(())
    }
}

impl Blocks<'_> {
    /// Ends a block at a long line whose kept beginning is `block.buf`, skipping the rest of it
    /// (read, not held). `held`: the line is too long to check, and this many bytes of it were
    /// read before its rest, the last one `last`.
    fn long_line(
        &mut self,
        block: &mut Block,
        held: Option<usize>,
        last: Option<u8>,
    ) -> Result<(), String> {
        let (skipped, ended) = skip_line(self.reader.as_mut(), last)
            .map_err(|e| format!("cannot read `{}`: {e}", self.name))?;
        self.eof = ended.is_none();
        let crlf = u64::from(ended == Some(true));
        self.line_no += 1;
        self.documents += 1;
        block.complete = block.buf.len();
        block.lines.push(Doc {
            ordinal: self.documents,
            line: self.line_no,
            range: 0..block.buf.len(),
            too_long: held.map(|held| held as u64 + skipped - crlf),
        });
        Ok(())
    }
}

/// Reads past the rest of a line without keeping it: the bytes skipped (its `\n` aside), and
/// whether a line break ended it (not the end of the file): `Some(true)` for `\r\n`. `last` is
/// the byte before the rest (the `\r` of a `\r\n` may be there).
fn skip_line(
    reader: &mut dyn BufRead,
    mut last: Option<u8>,
) -> std::io::Result<(u64, Option<bool>)> {
    let mut skipped = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if available.is_empty() {
            return Ok((skipped, None));
        }
        if let Some(end) = memchr::memchr(b'\n', available) {
            let before = end.checked_sub(1).map_or(last, |i| Some(available[i]));
            reader.consume(end + 1);
            return Ok((skipped + end as u64, Some(before == Some(b'\r'))));
        }
        let len = available.len();
        last = available.last().copied();
        reader.consume(len);
        skipped += len as u64;
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
            .fold_chunks(DOCUMENTS_PER_CHUNK, start, |mut chunk, line| {
                let bytes = &self.buf[line.range.clone()];
                let report = match line.too_long {
                    Some(length) => too_long(length, options),
                    None => check_isolated(bytes, options),
                };
                let kind = report.kind;
                let outcome = (!report.diagnostics.is_empty()).then(|| {
                    // Without `source`, the outcome's text stays empty.
                    let text = if source { bytes } else { &[] };
                    DocumentOutcome::new(name, line.ordinal, line.line - 1, text, report)
                });
                add(&mut chunk, kind, line.line, outcome);
                chunk
            })
            .collect()
    }
}

/// The report of an NDJSON line longer than [`LINE_LIMIT`], which is not checked: `json/syntax`
/// at its start (the rule that says a document could not be read as JSON, which `--select`
/// keeps on), with the limit and the line's length.
fn too_long(length: u64, options: &CheckOptions) -> eventlint_core::DocumentReport {
    let rule = "json/syntax";
    let severity = match options.severity_overrides.get(rule) {
        Some(Some(severity)) => *severity,
        Some(None) => {
            return eventlint_core::DocumentReport {
                kind: options.kind,
                diagnostics: Vec::new(),
            };
        }
        None => Severity::Error,
    };
    let start = eventlint_core::Position { line: 1, column: 1 };
    eventlint_core::DocumentReport {
        kind: options.kind,
        diagnostics: vec![eventlint_core::Diagnostic {
            rule,
            severity,
            message: format!(
                "the line holds {length} bytes, more than the {} MiB ({LINE_LIMIT} bytes) eventlint reads of one NDJSON line: it was not checked",
                LINE_LIMIT >> 20
            ),
            help: Some(
                "an NDJSON line holds one event, and no vendor accepts one this large: is a line break missing?"
                    .to_owned(),
            ),
            note: None,
            pointer: String::new(),
            span: 0..0,
            start,
            end: start,
            related: Vec::new(),
        }],
    }
}

/// Checks one document; a panic inside eventlint becomes an `internal/error` diagnostic for this
/// document instead of taking the run down (`eventlint_core::isolate`, as in every front end).
/// Test builds may inject a panic first.
pub(crate) fn check_isolated(
    bytes: &[u8],
    options: &CheckOptions,
) -> eventlint_core::DocumentReport {
    eventlint_core::isolate(options, || {
        #[cfg(debug_assertions)]
        inject_panic_for_tests(bytes);
        check_document(bytes, options)
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

#[cfg(test)]
mod tests {
    use std::num::NonZeroUsize;

    use super::*;

    fn job(name: &str) -> Job {
        Job {
            input: Input::File {
                path: PathBuf::from(name),
                display: name.to_owned(),
                mode: Mode::of(name),
                named: true,
            },
            options: CheckOptions::default(),
            settings: FileSettings::default(),
            split_arrays: false,
        }
    }

    #[test]
    fn no_more_threads_than_can_help() {
        let one = [job("a.json")];
        let jobs = NonZeroUsize::new;
        // Files read whole: one thread per file at most, whatever is asked.
        assert_eq!(threads(jobs(256), &one), 1);
        // (0 is rayon's default, one per core: on one core.)
        assert!(threads(None, &one) <= 1);
        let three = [job("a.json"), job("b.json"), job("c.json")];
        assert_eq!(threads(jobs(2), &three), 2);
        assert_eq!(threads(jobs(8), &three), 3);
        // A stream has work for every thread asked for (0: rayon's default).
        let stream = [job("a.json"), job("e.ndjson")];
        assert_eq!(threads(jobs(8), &stream), 8);
        assert_eq!(threads(None, &stream), 0);
    }
}
