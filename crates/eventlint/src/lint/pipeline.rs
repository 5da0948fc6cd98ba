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

use eventlint_core::CheckOptions;
use eventlint_core::report::DocumentOutcome;
use rayon::prelude::*;

use super::check::lint_input;
use super::emit::{Emitter, Ready};
use super::ndjson::{Block, Blocks, Chunk, DOCUMENTS_PER_CHUNK};
use super::options::Job;
use crate::input::{Input, Mode};
use crate::sink::Renderers;

/// `.json` files are checked this many at a time in parallel, while the previous window is
/// written.
const FILE_WINDOW: usize = 256;

/// A file is streamed (reported block by block) when it is NDJSON or a HAR capture without a
/// fixture expectation; everything else is checked whole, many files at once.
pub(super) fn streams(job: &Job) -> bool {
    matches!(job.input.mode(), Mode::Ndjson | Mode::Har) && job.settings.expectation.is_none()
}

/// A HAR entry's text, its first byte, and that byte's 0-based line and column in the file.
type Entry = (String, usize, usize, usize);

/// HAR entries read, then checked in parallel, at a time.
const HAR_BATCH: usize = 1024;

/// Checks every input on the pool and writes the reports in order. The work goes in batches: a
/// window of whole files, or one block of an NDJSON stream. While the workers check and render a
/// batch, this thread writes the previous one (and reads the next NDJSON block), then helps with
/// the checking (`rayon::join`).
pub(super) fn check_all(jobs: &[Job], renderers: &Renderers, emitter: &mut Emitter) {
    let mut ready = None;
    let mut i = 0;
    while i < jobs.len() {
        if streams(&jobs[i]) && jobs[i].input.mode() == Mode::Har {
            stream_har(
                &jobs[i].input,
                &jobs[i].options,
                renderers,
                emitter,
                &mut ready,
            );
            i += 1;
            continue;
        }
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
        *ready = Some(Ready::Block {
            name,
            chunks,
            end,
            skipped: 0,
        });
        if done {
            return;
        }
        std::mem::swap(&mut current, &mut next);
    }
}

/// Streams a HAR capture: its entries are read a batch at a time (`har::Entries` keeps only the
/// current entry's bytes), each entry's request checked against the entry's own text on the
/// pool while the batch before is written. Memory holds one batch of entries and of reports,
/// whatever the size of the capture.
fn stream_har<'a>(
    input: &'a Input,
    options: &CheckOptions,
    renderers: &Renderers,
    emitter: &mut Emitter,
    ready: &mut Option<Ready<'a>>,
) {
    use eventlint_core::request::read::{Format, Item, har::Entries};
    use eventlint_core::request::{Stripped, Window, check_item};
    let name = input.display();
    let mut entries = match input.open() {
        Ok(reader) => Entries::new(reader),
        Err(e) => {
            emitter.emit(ready.take());
            *ready = Some(Ready::Problem(format!("cannot read `{name}`: {e}")));
            return;
        }
    };
    let mut stripped = Stripped::default();
    let mut n = 0;
    loop {
        // The next batch: each item with its entry's text (owned: the reader reuses its buffer).
        let mut batch: Vec<(usize, Item, Option<Entry>)> = Vec::new();
        while batch.len() < HAR_BATCH {
            let Some(item) = entries.next() else { break };
            n += 1;
            let entry = entries
                .last_entry()
                .map(|e| (e.text.to_owned(), e.start, e.line, e.column));
            batch.push((n, item, entry));
        }
        let done = batch.len() < HAR_BATCH;
        // Which request gives the note that the capture strips credentials: decided in file
        // order, before the batch is checked in parallel.
        let say_stripped: Vec<bool> = batch
            .iter()
            .map(|(_, item, _)| match item {
                Item::Request(r)
                    if r.credentials_stripped
                        && !r
                            .headers
                            .iter()
                            .any(|h| h.name.value.eq_ignore_ascii_case("authorization"))
                        && eventlint_core::request::is_vendor_request(r) =>
                {
                    let first = !stripped.is_said();
                    stripped.say();
                    first
                }
                _ => false,
            })
            .collect();
        let previous = ready.take();
        let ((), results) = rayon::join(
            || emitter.emit(previous),
            || {
                batch
                    .par_iter()
                    .zip(say_stripped.par_iter())
                    .with_min_len(DOCUMENTS_PER_CHUNK)
                    .map(|((n, item, entry), &say)| {
                        let (text, start, line, column) = match entry {
                            Some((text, start, line, column)) => {
                                (text.as_str(), *start, *line, *column)
                            }
                            None => ("", 0, 0, 0),
                        };
                        let window = Window { text, start };
                        let place = |offset: usize| {
                            let before = window.get(start..offset).unwrap_or_default();
                            match before.rfind('\n') {
                                Some(i) => (
                                    line + before.matches('\n').count(),
                                    before[i + 1..].chars().count(),
                                ),
                                None => (line, column + before.chars().count()),
                            }
                        };
                        let mut once = if say {
                            Stripped::default()
                        } else {
                            Stripped::said()
                        };
                        let checked = check_item(
                            name,
                            item,
                            *n,
                            window,
                            place,
                            &mut once,
                            Format::Har,
                            options,
                        );
                        (checked, line + 1)
                    })
                    .collect::<Vec<_>>()
            },
        );
        let mut skipped = 0;
        let mut chunk = Chunk {
            kinds: Vec::new(),
            prepared: renderers.start(),
        };
        for (checked, line) in results {
            match checked {
                Some((kind, outcome)) => {
                    chunk.kinds.push((kind, line));
                    if let Some(outcome) = outcome {
                        renderers.add(&mut chunk.prepared, outcome);
                    }
                }
                None => skipped += 1,
            }
        }
        *ready = Some(Ready::Block {
            name,
            chunks: vec![chunk],
            end: done.then_some(Ok(())),
            skipped,
        });
        if done {
            return;
        }
    }
}
