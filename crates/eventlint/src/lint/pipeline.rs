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

/// Streams a HAR capture: the driving thread scans the capture for entries (`har::Entries`
/// keeps only the current entry's bytes) while the pool parses and checks the batch before it,
/// each entry's request against the entry's own text, and prepares its reports; the batch
/// before that is written meanwhile. Memory holds a few batches, whatever the capture's size.
fn stream_har<'a>(
    input: &'a Input,
    options: &CheckOptions,
    renderers: &Renderers,
    emitter: &mut Emitter,
    ready: &mut Option<Ready<'a>>,
) {
    use eventlint_core::request::read::har::{Entries, Unparsed};
    let name = input.display();
    let mut entries = match input.open() {
        Ok(reader) => Entries::new(reader),
        Err(e) => {
            emitter.emit(ready.take());
            *ready = Some(Ready::Problem(format!("cannot read `{name}`: {e}")));
            return;
        }
    };
    let mut n = 0;
    let mut read_batch = |entries: &mut Entries<_>| {
        let mut batch = Vec::with_capacity(HAR_BATCH);
        while batch.len() < HAR_BATCH {
            let Some(next) = entries.next_unparsed() else {
                break;
            };
            n += 1;
            batch.push((n, next));
        }
        batch
    };
    let mut said = false;
    let mut batch: Vec<(usize, Unparsed)> = read_batch(&mut entries);
    loop {
        let done = batch.len() < HAR_BATCH;
        let previous = ready.take();
        let (next, results) = rayon::join(
            || {
                emitter.emit(previous);
                if done {
                    Vec::new()
                } else {
                    read_batch(&mut entries)
                }
            },
            || {
                batch
                    .par_iter()
                    .with_min_len(DOCUMENTS_PER_CHUNK)
                    .map(|(n, unparsed)| check_har_item(name, *n, unparsed, options))
                    .collect::<Vec<_>>()
            },
        );
        // The note that the capture strips credentials: once per file, in file order.
        let mut skipped = 0;
        let mut kept = Vec::with_capacity(results.len());
        for result in results {
            match result {
                None => skipped += 1,
                Some((kind, line, mut outcome)) => {
                    if let Some(o) = &mut outcome {
                        let stripped = eventlint_core::request::credentials_stripped_rule();
                        if o.diagnostics.iter().any(|d| d.rule == stripped) {
                            if said {
                                o.diagnostics.retain(|d| d.rule != stripped);
                            }
                            said = true;
                        }
                    }
                    kept.push((kind, line, outcome.filter(|o| !o.diagnostics.is_empty())));
                }
            }
        }
        let chunks: Vec<Chunk> = kept
            .into_par_iter()
            .chunks(DOCUMENTS_PER_CHUNK)
            .map(|documents| {
                let mut chunk = Chunk {
                    kinds: Vec::with_capacity(documents.len()),
                    prepared: renderers.start(),
                };
                for (kind, line, outcome) in documents {
                    chunk.kinds.push((kind, line));
                    if let Some(outcome) = outcome {
                        renderers.add(&mut chunk.prepared, outcome);
                    }
                }
                chunk
            })
            .collect();
        *ready = Some(Ready::Block {
            name,
            chunks,
            end: done.then_some(Ok(())),
            skipped,
        });
        if done {
            return;
        }
        batch = next;
    }
}

/// One item of a streamed HAR, parsed and checked against its entry's text: its kind, its
/// 1-based line and its outcome; `None` for an entry that is no vendor's request.
fn check_har_item(
    name: &str,
    n: usize,
    unparsed: &eventlint_core::request::read::har::Unparsed,
    options: &CheckOptions,
) -> Option<(
    Option<&'static eventlint_core::Kind>,
    usize,
    Option<DocumentOutcome>,
)> {
    use eventlint_core::request::read::Format;
    use eventlint_core::request::read::har::Unparsed;
    use eventlint_core::request::{Stripped, Window, check_item};
    let (item, text, start, line, column) = match unparsed {
        Unparsed::Entry(raw) => (
            raw.parse(),
            raw.text.as_str(),
            raw.start,
            raw.line,
            raw.column,
        ),
        Unparsed::Item(item) => (item.clone(), "", 0, 0, 0),
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
    // Every entry may give the note; the stream keeps the first (in file order).
    let mut stripped = Stripped::default();
    let (kind, outcome) = check_item(
        name,
        &item,
        n,
        window,
        place,
        &mut stripped,
        Format::Har,
        options,
    )?;
    Some((kind, line + 1, outcome))
}
