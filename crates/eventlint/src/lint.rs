//! `eventlint check`: read inputs, check documents on every core, render, exit.

use std::io::BufRead;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::Args;
use eventlint_core::render::{human, json};
use eventlint_core::report::{self, DocumentOutcome, Summary};
use eventlint_core::{CheckOptions, Kind, check_document};
use rayon::prelude::*;

use crate::input::{self, Input, Mode};
use crate::{EXIT_FAILURE, EXIT_FINDINGS, Format};

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Files, directories or - (stdin). Default: the current directory.
    paths: Vec<String>,
    /// Check every document as KIND (no detection); see `eventlint kinds`.
    #[arg(long, value_name = "KIND")]
    kind: Option<String>,
    /// Report format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// The clock time rules compare against (RFC 3339). Default: the system clock.
    #[arg(long, value_name = "RFC3339")]
    now: Option<String>,
    /// Warnings also fail the run.
    #[arg(long)]
    deny_warnings: bool,
    /// The name shown for stdin; its extension (.json, .ndjson, .jsonl) picks how it is read.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
}

/// Lines handed to the thread pool at once when streaming NDJSON.
const CHUNK_LINES: usize = 4096;

pub(crate) fn run(args: &CheckArgs) -> ExitCode {
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
    }
    if let Some(kind) = &args.kind {
        match Kind::find(kind) {
            Some(k) => options.kind = Some(k),
            None => return crate::fail(&crate::unknown_kind(kind)),
        }
    }
    let (inputs, mut problems) = input::collect(&args.paths, args.stdin_filename.as_deref());

    let results: Vec<Result<FileResult, String>> =
        inputs.par_iter().map(|i| lint_input(i, &options)).collect();
    let mut summary = Summary::default();
    let mut outcomes = Vec::new();
    for result in results {
        match result {
            Ok(file) => {
                summary.files += 1;
                summary.documents += file.documents;
                outcomes.extend(file.outcomes);
            }
            Err(problem) => problems.push(problem),
        }
    }
    report::sort(&mut outcomes);
    for o in &outcomes {
        summary.add(o);
    }

    let text = match args.format {
        Format::Human => human::render(&outcomes, &summary, crate::human_style()),
        Format::Json => json::render(&outcomes, &summary),
    };
    if crate::print(&text) != ExitCode::SUCCESS {
        return ExitCode::from(EXIT_FAILURE);
    }
    for problem in &problems {
        eprintln!("eventlint: {problem}");
    }
    if !problems.is_empty() {
        ExitCode::from(EXIT_FAILURE)
    } else if summary.errors > 0 || (args.deny_warnings && summary.warnings > 0) {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

struct FileResult {
    documents: usize,
    outcomes: Vec<DocumentOutcome>,
}

fn lint_input(input: &Input, options: &CheckOptions) -> Result<FileResult, String> {
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
            let outcomes = if report.diagnostics.is_empty() {
                Vec::new()
            } else {
                vec![DocumentOutcome::new(name, 1, 0, &bytes, report)]
            };
            Ok(FileResult {
                documents: 1,
                outcomes,
            })
        }
        Mode::Ndjson => {
            // Stream: a bounded chunk of lines at a time, checked in parallel, in order.
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
                    outcomes.extend(check_chunk(name, &chunk, options));
                    chunk.clear();
                }
                if n == 0 {
                    break;
                }
            }
            Ok(FileResult {
                documents,
                outcomes,
            })
        }
    }
}

fn check_chunk(
    name: &str,
    chunk: &[(usize, usize, Vec<u8>)],
    options: &CheckOptions,
) -> Vec<DocumentOutcome> {
    chunk
        .par_iter()
        .filter_map(|(document, line, bytes)| {
            let report = check_document(bytes, options);
            (!report.diagnostics.is_empty())
                .then(|| DocumentOutcome::new(name, *document, line - 1, bytes, report))
        })
        .collect()
}
