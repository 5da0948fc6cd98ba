//! `eventlint check`: read inputs, check documents on every core, render, exit.

use std::collections::HashSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::Args;
use eventlint_core::config::{self, FileSettings};
use eventlint_core::render::{github, human, json, junit, sarif};
use eventlint_core::report::{self, DocumentOutcome, FileRecord, Run, Summary};
use eventlint_core::{CheckOptions, Kind, check_document, redact};
use rayon::prelude::*;

use crate::input::{self, Input, Mode};
use crate::output::{self, Destination};
use crate::project::{self, LoadError};
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
    /// Hide the payloads' values (personal data) in every report: masked in snippets, replaced
    /// by ‹redacted› in messages; keys, pointers and positions are kept.
    #[arg(long)]
    redact: bool,
}

/// Lines handed to the thread pool at once when streaming NDJSON.
const CHUNK_LINES: usize = 4096;

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

    let results: Vec<Result<FileResult, String>> = jobs
        .par_iter()
        .map(|(input, options, settings)| lint_input(input, options, settings))
        .collect();
    let mut run = Run::default();
    for result in results {
        match result {
            Ok(file) => {
                run.summary.files += 1;
                run.summary.documents += file.record.documents();
                run.summary.expected += file.expected;
                run.files.push(file.record);
                run.outcomes.extend(file.outcomes);
            }
            Err(problem) => problems.push(problem),
        }
    }
    run.files.sort_by(|a, b| a.path.cmp(&b.path));
    report::sort(&mut run.outcomes);
    if args.redact {
        run.outcomes = run.outcomes.into_iter().map(redact::redact).collect();
    }
    for o in &run.outcomes {
        run.summary.add(o);
    }

    for report in &reports {
        let to_stdout = report.destination == Destination::Stdout;
        let text = render(report.format, &run, deny_warnings, to_stdout);
        match &report.destination {
            Destination::Stdout => {
                if crate::print(&text) != ExitCode::SUCCESS {
                    return ExitCode::from(EXIT_FAILURE);
                }
            }
            Destination::File(path) => {
                if let Err(err) = output::write_atomically(path, &text) {
                    problems.push(format!("cannot write `{}`: {err}", path.display()));
                }
            }
        }
    }
    for problem in &problems {
        eprintln!("eventlint: {problem}");
    }
    if !problems.is_empty() {
        ExitCode::from(EXIT_FAILURE)
    } else if fails(&run.summary, deny_warnings) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn fails(summary: &Summary, deny_warnings: bool) -> bool {
    summary.errors > 0 || (deny_warnings && summary.warnings > 0)
}

fn render(format: Format, run: &Run, deny_warnings: bool, to_stdout: bool) -> String {
    match format {
        Format::Human => {
            let style = if to_stdout {
                crate::human_style()
            } else {
                human::Style::plain()
            };
            human::render(&run.outcomes, &run.summary, style)
        }
        Format::Json => json::render(&run.outcomes, &run.summary),
        Format::Sarif => sarif::render(&run.outcomes, &run.summary),
        Format::Github => github::render(&run.outcomes),
        Format::Junit => junit::render(
            &run.files,
            &run.outcomes,
            &run.summary,
            junit::Options { deny_warnings },
        ),
    }
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

struct FileResult {
    record: FileRecord,
    outcomes: Vec<DocumentOutcome>,
    /// Diagnostics hidden because the file met its `expect = "invalid"`.
    expected: usize,
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
            let report = check_document(&bytes, options);
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
            // Stream: a bounded chunk of lines at a time, checked in parallel, in order.
            let mut record = FileRecord::new(name, true);
            let mut documents = 0;
            let mut outcomes = Vec::new();
            let mut line_no = 0;
            let mut chunk: Vec<(usize, usize, Vec<u8>)> = Vec::with_capacity(CHUNK_LINES);
            loop {
                let mut line = Vec::new();
                let n = reader.read_until(b'\n', &mut line).map_err(read_err)?;
                if n > 0 {
                    line_no += 1;
                    while matches!(line.last(), Some(b'\n' | b'\r')) {
                        line.pop();
                    }
                    let (_, body) = eventlint_core::source::strip_bom(&line);
                    if !body.iter().all(|b| matches!(b, b' ' | b'\t')) {
                        documents += 1;
                        chunk.push((documents, line_no, line));
                    }
                }
                if chunk.len() >= CHUNK_LINES || (n == 0 && !chunk.is_empty()) {
                    for (kind, outcome) in check_chunk(name, &chunk, options) {
                        record.push(kind);
                        outcomes.extend(outcome);
                    }
                    chunk.clear();
                }
                if n == 0 {
                    break;
                }
            }
            Ok(FileResult {
                record,
                outcomes,
                expected: 0,
            })
        }
    }
}

/// Each document's kind, and its outcome when it has diagnostics; in order.
fn check_chunk(
    name: &str,
    chunk: &[(usize, usize, Vec<u8>)],
    options: &CheckOptions,
) -> Vec<(Option<&'static Kind>, Option<DocumentOutcome>)> {
    chunk
        .par_iter()
        .map(|(document, line, bytes)| {
            let report = check_document(bytes, options);
            let kind = report.kind;
            let outcome = (!report.diagnostics.is_empty())
                .then(|| DocumentOutcome::new(name, *document, line - 1, bytes, report));
            (kind, outcome)
        })
        .collect()
}
