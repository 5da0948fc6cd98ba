//! NDJSON in blocks: whole lines read about `BLOCK_BYTES` at a time (`Blocks`, two reused
//! buffers per file), a block's documents checked on the workers `DOCUMENTS_PER_CHUNK` at a time
//! (`Block::check`, `Chunk`), and the report of a line too long to check (`too_long`).

use std::io::{BufRead, Read};

use eventlint_core::report::DocumentOutcome;
use eventlint_core::source::documents::Documents;
use eventlint_core::{CheckOptions, Kind, Severity};
use rayon::prelude::*;

use super::check::{PEEK_BYTES, check_isolated};
use crate::sink::Prepared;

/// NDJSON is read in blocks of this many bytes (more for a longer line); each block's lines are
/// checked in parallel while the previous block is written and the next one read.
const BLOCK_BYTES: usize = 1 << 20;

/// An NDJSON line longer than this is not held whole, nor checked: it is skipped to its end
/// and reported (`json/syntax`, naming the limit), unless its first bytes already decide it.
/// Far above any vendor's limit on an event (at most a few MiB for a whole batch).
const LINE_LIMIT: usize = 64 << 20;

/// Consecutive documents of an NDJSON block, checked and prepared together on one worker thread
/// (see [`Block::check`]).
pub(crate) struct Chunk {
    /// Each document's kind and 1-based line in the file.
    pub(super) kinds: Vec<(Option<&'static Kind>, usize)>,
    /// The documents with diagnostics, prepared for the reports.
    pub(super) prepared: Prepared,
}

/// Adds a checked document to a chunk `C`: its kind, its 1-based line in the file, and its
/// outcome if it has diagnostics.
type AddDocument<'f, C> =
    dyn Fn(&mut C, Option<&'static Kind>, usize, Option<DocumentOutcome>) + Sync + 'f;

/// The documents of a block a worker checks in one go: the tasks the workers share. Few enough
/// that the workers finish a block at nearly the same time, enough that each report gets one
/// text per chunk rather than one per document (fewer allocations, and fewer, larger writes).
pub(super) const DOCUMENTS_PER_CHUNK: usize = 16;

/// Reads NDJSON in blocks of whole lines, numbering lines and documents as it goes. Two blocks
/// take turns for a whole file (one being checked while the other is filled), so a file costs two
/// buffers, not one allocation per block or per line.
pub(super) struct Blocks<'a> {
    reader: Box<dyn BufRead + Send>,
    name: &'a str,
    /// The end of the file was reached: the last block filled holds the last line.
    pub(super) eof: bool,
    line_no: usize,
    documents: usize,
}

/// Whole NDJSON lines (at the end of the file: the rest), then the beginning of the next line.
#[derive(Debug, Default)]
pub(super) struct Block {
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
    pub(super) fn new(reader: Box<dyn BufRead + Send>, name: &'a str) -> Self {
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
    pub(super) fn fill(&mut self, rest: &[u8], block: &mut Block) -> Result<(), String> {
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
    pub(super) fn rest(&self) -> &[u8] {
        &self.buf[self.complete..]
    }

    /// Checks the block's documents in parallel, [`DOCUMENTS_PER_CHUNK`] at a time: a worker
    /// makes a chunk with `start` and `add`s each document's kind, line and, if it has
    /// diagnostics, its outcome. The chunks come in document order. Without `source`, outcomes leave out the
    /// document's text (no report shows it).
    pub(super) fn check<C: Send>(
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
            request: None,
            fix: None,
        }],
    }
}
