//! Writing checked work: the emitter hands each document, prepared on a worker thread, to every
//! report in report order, keeps the totals, and completes the run (its problems, its notes, its
//! exit status).

use std::process::ExitCode;

use eventlint_core::report::{FileRecord, Summary};

use super::args::CheckArgs;
use super::check::FileResult;
use super::ndjson::Chunk;
use crate::output::{self, Destination};
use crate::sink::{self, Prepared, Sink};
use crate::{EXIT_FAILURE, EXIT_FINDINGS};

/// Hands checked documents to every report, in order, and keeps the totals. The documents come
/// prepared (counted, redacted, rendered) by the worker threads: this writes bytes.
pub(super) struct Emitter {
    /// Each report's sink; `None` once writing it failed (the others go on).
    pub(super) sinks: Vec<Option<Box<dyn Sink>>>,
    /// Where each report goes.
    pub(super) destinations: Vec<Destination>,
    pub(super) summary: Summary,
    pub(super) internal_errors: usize,
    /// Inputs that could not be read (and other problems found before the run), in report order.
    pub(super) problems: Vec<String>,
    /// Warnings that do not fail the run: paths that yield no document, configuration unused.
    pub(super) notes: Vec<String>,
    /// The record of the NDJSON file being streamed, between two of its blocks.
    pub(super) stream: Option<FileRecord>,
    /// The reports whose writing failed, with the error.
    pub(super) failed: Vec<(usize, std::io::Error)>,
}

impl Emitter {
    /// Writes checked work, if there is any.
    pub(super) fn emit(&mut self, ready: Option<Ready<'_>>) {
        match ready {
            None => {}
            Some(Ready::Files(files)) => {
                for result in files {
                    match result {
                        Ok(file) => {
                            for outcome in file.outcomes {
                                self.outcome(outcome);
                            }
                            self.file(&file.record, file.expected, file.skipped);
                        }
                        Err(problem) => self.problems.push(problem),
                    }
                }
            }
            Some(Ready::Block {
                name,
                chunks,
                end,
                skipped,
            }) => {
                self.summary.skipped += skipped;
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
                    Some(Ok(())) => self.file(&record, 0, 0),
                    Some(Err(problem)) => self.problems.push(problem),
                }
            }
            Some(Ready::Problem(problem)) => self.problems.push(problem),
        }
    }

    /// Runs `write` on every report still being written; one that fails is dropped.
    pub(super) fn each_sink(
        &mut self,
        mut write: impl FnMut(usize, &mut dyn Sink) -> std::io::Result<()>,
    ) {
        for (i, slot) in self.sinks.iter_mut().enumerate() {
            if let Some(sink) = slot
                && let Err(err) = write(i, sink.as_mut())
            {
                *slot = None;
                self.failed.push((i, err));
            }
        }
    }

    pub(super) fn outcome(&mut self, prepared: Prepared) {
        let counts = &prepared.counts;
        self.summary.errors += counts.errors;
        self.summary.warnings += counts.warnings;
        self.summary.infos += counts.infos;
        self.summary.fixable += counts.fixable;
        self.summary.unsafe_fixable += counts.unsafe_fixable;
        self.internal_errors += prepared.internal_errors;
        let mut pieces: Vec<Option<sink::Piece>> =
            prepared.into_pieces().into_iter().map(Some).collect();
        self.each_sink(|i, sink| match pieces[i].take() {
            Some(piece) => sink.outcome(piece),
            None => Ok(()),
        });
    }

    fn file(&mut self, record: &FileRecord, expected: usize, skipped: usize) {
        self.summary.files += 1;
        self.summary.documents += record.documents();
        self.summary.expected += expected;
        self.summary.skipped += skipped;
        if record.documents() == 0 && skipped > 0 {
            self.notes.push(format!(
                "`{}` holds no request to a vendor's API ({skipped} skipped)",
                record.path
            ));
        } else if record.documents() == 0 {
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
    pub(super) fn finish(
        mut self,
        args: &CheckArgs,
        deny_warnings: bool,
        stopped: bool,
    ) -> ExitCode {
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
pub(super) enum Ready<'a> {
    /// Files checked whole, in order; a file that could not be read is its problem.
    Files(Vec<Result<FileResult<Prepared>, String>>),
    /// The next documents of the NDJSON file being streamed; `end` once the file is done: `Ok`,
    /// or the problem that stopped it (its record is then not reported).
    Block {
        name: &'a str,
        chunks: Vec<Chunk>,
        end: Option<Result<(), String>>,
        /// HAR entries of no vendor's API in these documents' stretch of the file, skipped.
        skipped: usize,
    },
    /// A file that could not be opened.
    Problem(String),
}

fn fails(summary: &Summary, deny_warnings: bool) -> bool {
    summary.errors > 0 || (deny_warnings && summary.warnings > 0)
}
