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

/// A file is streamed (reported block by block) when it is NDJSON without a fixture
/// expectation; everything else is checked whole, many files at once.
pub(super) fn streams(job: &Job) -> bool {
    job.input.mode() == Mode::Ndjson && job.settings.expectation.is_none()
}

/// Checks every input on the pool and writes the reports in order. The work goes in batches: a
/// window of whole files, or one block of an NDJSON stream. While the workers check and render a
/// batch, this thread writes the previous one (and reads the next NDJSON block), then helps with
/// the checking (`rayon::join`).
pub(super) fn check_all(jobs: &[Job], renderers: &Renderers, emitter: &mut Emitter) {
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
