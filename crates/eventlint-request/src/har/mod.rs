//! HAR 1.2 captures (`.har`): browser devtools, mitmproxy, Charles, Fiddler, Proxyman and other
//! proxies export what they saw in this format.
//!
//! Why hand-written: the `har` crate deserializes a whole file into memory and keeps no byte
//! offsets, while a capture can be hundreds of megabytes and every finding must point at the
//! exact bytes of the file. [`Entries`] streams the file instead: a small scanner (strings,
//! escapes, depth) walks the top level to `log.entries`, skipping every other member whatever its
//! size, then finds each entry's byte range and keeps only that entry's bytes, which
//! `jsonc-parser` parses with spans. Memory holds one entry and one read chunk, not the file.
//!
//! What is read of an entry: `request.method`, `request.url` (the query is in it; `queryString`
//! is not needed), `request.headers[]` (`{name, value}`; HTTP/2 pseudo-headers such as
//! `:authority` are left out: they restate the method and URL and are not headers on the wire)
//! and `request.postData.text`, decoded with its string escapes mapped back to the file.
//! `postData.mimeType` is not turned into a `Content-Type` header: the headers are what was
//! sent. A base64-encoded body (`"encoding": "base64"`, `"_encoding": "base64"` or
//! `"_base64": true`, which some tools write) is not decoded: the request is read without it and
//! a non-fatal [`Problem`] says so.

mod creator;
mod entry;
mod scanner;
#[cfg(test)]
mod tests;

use std::fmt;
use std::io::Read;
use std::ops::Range;

use crate::{Item, Problem, ReadContext};

use creator::strips_credentials;
use entry::parse_entry;
pub(crate) use entry::{strict, trimmed};
use scanner::utf8_width;

/// How many bytes are read at a time, at most.
const CHUNK: usize = 64 * 1024;

/// How many bytes the first read asks for (each next read asks twice as many, up to [`CHUNK`]):
/// a small capture costs a small buffer.
const FIRST_CHUNK: usize = 4 * 1024;

/// The longest key or `log.creator.name`, as written, that is looked at (`log`, `entries`,
/// `creator`, `name`, even written with `\u` escapes, fit easily; a longer one is none of them).
const CAPTURE_LIMIT: usize = 256;

/// Reads every entry of the HAR capture `text` (see [`Entries`]). `ctx` is not needed: a HAR's
/// bodies are written in it.
#[must_use]
pub fn read(text: &str, ctx: &ReadContext) -> Vec<Item> {
    let _ = ctx;
    Entries::new(text.as_bytes()).collect()
}

/// The entries of a HAR capture read from `R`, one [`Item`] each, in file order, streamed: only
/// the current entry's bytes and one chunk of input are held, whatever the file's size.
///
/// Every span is an absolute byte offset in the file. A request's span is its entry's range;
/// the method's and URL's are their string literals; a header's is its `{name, value}` object,
/// its name's and value's their literals; the body's is the `text` literal, and its map takes
/// the decoded text to the file's bytes.
///
/// A file that is not JSON, JSON without `log.entries`, or a file cut short yields a fatal
/// [`Problem`] and ends; an entry that is not a request (not JSON, no `request`, `method` or
/// `url`) yields a fatal [`Problem`] at the entry's range, and the next entry is read.
///
/// [`RawRequest::credentials_stripped`] is `true` unless `log.creator.name`, seen before
/// `log.entries`, names a proxy or tool that records requests as sent (mitmproxy, Charles,
/// Fiddler, Proxyman, Insomnia, HTTP Toolkit, Postman, Burp, ZAP, a `… Proxy`). Browsers'
/// devtools (`WebInspector` for Chrome and Edge, `Firefox`, `WebKit`/Safari) strip
/// `Authorization` and cookies by default, and a capture whose creator is unknown or comes after
/// the entries is taken as one of theirs: a missing credential then proves nothing.
///
/// [`RawRequest::credentials_stripped`]: crate::RawRequest::credentials_stripped
pub struct Entries<R> {
    reader: R,
    /// The bytes read and still needed: from the current entry's start (or the scanner's place)
    /// up to `end`; the rest is room for the next read.
    buf: Vec<u8>,
    /// The end of the bytes read in `buf`.
    end: usize,
    /// The file offset of `buf[0]`.
    base: usize,
    /// The scanner's place in `buf`.
    pos: usize,
    /// Where the bytes to keep start in `buf` (the current entry), when some must be kept.
    keep: Option<usize>,
    /// The reader has nothing more.
    eof: bool,
    /// How many bytes the next read asks for.
    chunk: usize,
    /// A string's first bytes, captured for a key or the creator's name.
    scratch: Vec<u8>,
    /// The string was longer than [`CAPTURE_LIMIT`].
    scratch_overflow: bool,
    /// `log.creator.name`, when it was seen before the entries.
    creator: Option<String>,
    state: State,
    /// The current entry's number (1-based).
    ordinal: usize,
    /// The current entry's first byte in the file.
    entry_start: usize,
    credentials_stripped: bool,
    /// A place in `buf` whose line and column in the file are known (`cursor_line`, 0-based;
    /// `cursor_column`, characters): lines are counted once, from there on.
    cursor: usize,
    cursor_line: usize,
    cursor_column: usize,
    /// The bytes of the entry last yielded (still in `buf` until the next call).
    last: Option<Range<usize>>,
}

/// What [`Entries::next_unparsed`] gives: an entry to parse, or an item without one.
#[derive(Debug)]
pub enum Unparsed {
    /// An entry's text and place.
    Entry(RawEntry),
    /// A problem with the file (not JSON, no `log.entries`, cut short).
    Item(Item),
}

/// A HAR entry not parsed yet: its JSON text, where it is, and what the capture says of it.
#[derive(Debug, Clone)]
pub struct RawEntry {
    /// The entry's JSON text.
    pub text: String,
    /// Its first byte in the file.
    pub start: usize,
    /// The 0-based line of that byte.
    pub line: usize,
    /// The characters before it on its line.
    pub column: usize,
    /// The entry's number (1-based).
    pub ordinal: usize,
    /// Whether the capture strips credentials (see [`Entries`]).
    pub credentials_stripped: bool,
}

impl RawEntry {
    /// The entry's request (spans are the file's), or the problem that it is not one.
    #[must_use]
    pub fn parse(&self) -> Item {
        entry::parse_entry(
            &self.text,
            self.start,
            self.ordinal,
            self.credentials_stripped,
        )
    }
}

/// The text of a HAR entry just yielded by [`Entries`], and where it is in the file: what a
/// caller that streams the capture checks the entry's request against (its spans are the
/// file's).
#[derive(Debug, Clone, Copy)]
pub struct EntryText<'a> {
    /// The entry's JSON text.
    pub text: &'a str,
    /// Its first byte in the file.
    pub start: usize,
    /// The 0-based line of that byte.
    pub line: usize,
    /// The characters before it on its line.
    pub column: usize,
}

/// Where the reader is in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Nothing read yet.
    Start,
    /// Inside `log.entries`; `first` until an entry was read.
    Entries { first: bool },
    /// Everything was yielded.
    Done,
}

/// Why the scanner stopped.
enum Fail {
    /// The input ended inside the value or structure being read.
    Eof,
    /// The input could not be read.
    Io(std::io::Error),
    /// A byte that JSON cannot have there, at this file offset.
    Unexpected(usize),
}

impl<R> fmt::Debug for Entries<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Entries")
            .field("offset", &(self.base + self.pos))
            .field("buffered", &self.end)
            .field("state", &self.state)
            .field("ordinal", &self.ordinal)
            .field("creator", &self.creator)
            .finish_non_exhaustive()
    }
}

impl<R: Read> Entries<R> {
    /// Reads the HAR capture `reader` gives (a file, `&[u8]`, …), as it is iterated; a reader
    /// need not be buffered, reads are up to 64 KiB at a time.
    pub fn new(reader: R) -> Self {
        Entries {
            reader,
            buf: Vec::new(),
            end: 0,
            base: 0,
            pos: 0,
            keep: None,
            eof: false,
            chunk: FIRST_CHUNK,
            scratch: Vec::new(),
            scratch_overflow: false,
            creator: None,
            state: State::Start,
            ordinal: 0,
            entry_start: 0,
            credentials_stripped: true,
            cursor: 0,
            cursor_line: 0,
            cursor_column: 0,
            last: None,
        }
    }

    /// The capacity of the read buffer, in bytes: bounded by the largest entry plus a few
    /// chunks, never by the file (for tests of that bound).
    #[doc(hidden)]
    #[must_use]
    pub fn buffer_capacity(&self) -> usize {
        self.buf.capacity()
    }

    /// Reads from the file's start to the first entry: `Ok(None)` when there, else the problem
    /// that ends the reading.
    fn prelude(&mut self) -> Result<Option<Problem>, Fail> {
        if self.peek()? == Some(0xEF)
            && self.ensure(3)?
            && self
                .data()
                .get(self.pos..)
                .is_some_and(|rest| rest.starts_with(BOM))
        {
            self.pos += BOM.len();
        }
        let top = self.at();
        match self.skip_ws()? {
            None => {
                return Ok(Some(fatal(
                    "not a HAR: the file is empty".to_owned(),
                    HELP_NOT_HAR,
                    top..top,
                )));
            }
            Some(b'{') => self.pos += 1,
            Some(_) => return self.not_an_object().map(Some),
        }
        let top = self.at() - 1;
        let mut first = true;
        while let Some(key) = self.next_key(&mut first)? {
            if key != "log" {
                self.skip_value()?;
                continue;
            }
            if self.skip_ws()? != Some(b'{') {
                let range = self.skip_value()?;
                return Ok(Some(fatal(
                    "not a HAR: `log` is not an object".to_owned(),
                    HELP_NOT_HAR,
                    range,
                )));
            }
            self.pos += 1;
            let mut log_first = true;
            while let Some(key) = self.next_key(&mut log_first)? {
                match key.as_str() {
                    "creator" => self.creator()?,
                    "entries" => {
                        if self.skip_ws()? == Some(b'[') {
                            self.pos += 1;
                            self.credentials_stripped =
                                self.creator.as_deref().is_none_or(strips_credentials);
                            self.state = State::Entries { first: true };
                            return Ok(None);
                        }
                        let range = self.skip_value()?;
                        return Ok(Some(fatal(
                            "not a HAR: `log.entries` is not an array".to_owned(),
                            HELP_NOT_HAR,
                            range,
                        )));
                    }
                    _ => {
                        self.skip_value()?;
                    }
                }
            }
        }
        self.expect_end()?;
        Ok(Some(fatal(
            "not a HAR: no `log.entries`".to_owned(),
            HELP_NOT_HAR,
            top..top + 1,
        )))
    }

    /// The file does not start with `{`: JSON of another kind, or not JSON.
    fn not_an_object(&mut self) -> Result<Problem, Fail> {
        let range = match self.skip_value() {
            Ok(range) => range,
            Err(Fail::Io(e)) => return Err(Fail::Io(e)),
            Err(fail) => return Ok(self.not_json(fail, "in the file")),
        };
        if let Err(fail) = self.expect_end() {
            return Ok(self.not_json(fail, "in the file"));
        }
        Ok(fatal(
            "not a HAR: no `log.entries` (the file is JSON, but not an object)".to_owned(),
            HELP_NOT_HAR,
            range,
        ))
    }

    /// After `log.entries`: the rest of `log`, the rest of the file's object, nothing after.
    fn epilogue(&mut self) -> Result<(), Fail> {
        for _ in 0..2 {
            let mut first = false;
            while self.next_key(&mut first)?.is_some() {
                self.skip_value()?;
            }
        }
        self.expect_end()
    }

    /// The next entry's range (its bytes kept in `buf`), or `None` after `log.entries`' `]`.
    fn entry_bounds(&mut self, first: bool) -> Result<Option<Range<usize>>, Fail> {
        match self.skip_ws()? {
            None => return Err(Fail::Eof),
            Some(b']') => {
                self.pos += 1;
                return Ok(None);
            }
            Some(_) => {}
        }
        if !first {
            self.expect(b',')?;
            self.skip_ws()?;
        }
        self.ordinal += 1;
        self.keep = Some(self.pos);
        self.entry_start = self.at();
        self.skip_value().map(Some)
    }

    /// The next entry's range (its bytes kept), the problem that ends the file, or nothing.
    fn entry(&mut self, first: bool) -> Option<Result<Range<usize>, Item>> {
        self.state = State::Done;
        let bounds = self.entry_bounds(first);
        let item = match bounds {
            Ok(None) => match self.epilogue() {
                Ok(()) => None,
                Err(fail) => Some(Item::Problem(self.not_json(fail, "after `log.entries`"))),
            },
            Ok(Some(range)) => {
                self.state = State::Entries { first: false };
                return Some(Ok(range));
            }
            Err(Fail::Eof) if self.keep.is_some() => Some(Item::Problem(fatal(
                format!("the HAR is truncated: entry {} has no end", self.ordinal),
                "the capture was cut short: export it again, or remove the partial entry",
                self.entry_start..self.read_end(),
            ))),
            Err(fail) => Some(Item::Problem(self.not_json(fail, "in `log.entries`"))),
        };
        self.keep = None;
        item.map(Err)
    }

    /// The text and place of the entry the last call to `next` yielded (`None` when it yielded
    /// no entry, e.g. a problem with the file). Valid until the next call.
    pub fn last_entry(&mut self) -> Option<EntryText<'_>> {
        let range = self.last.clone()?;
        let local = range.start.checked_sub(self.base)?..range.end.checked_sub(self.base)?;
        self.advance_cursor(local.start);
        let text = std::str::from_utf8(self.buf.get(local)?).ok()?;
        Some(EntryText {
            text,
            start: range.start,
            line: self.cursor_line,
            column: self.cursor_column,
        })
    }

    /// Counts lines and columns from the cursor up to `to` (an index into `buf`), and moves the
    /// cursor there. Every byte is counted once, however many entries there are.
    pub(super) fn advance_cursor(&mut self, to: usize) {
        let Some(bytes) = self.buf.get(self.cursor..to) else {
            return;
        };
        let chars = |bytes: &[u8]| bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        match memchr::memrchr(b'\n', bytes) {
            Some(i) => {
                self.cursor_line += memchr::memchr_iter(b'\n', bytes).count();
                self.cursor_column = chars(&bytes[i + 1..]);
            }
            None => self.cursor_column += chars(bytes),
        }
        self.cursor = to;
    }

    /// The next entry, not parsed: its text and place, for a caller that parses entries on
    /// other threads ([`RawEntry::parse`]); a problem with the file is an [`Unparsed::Item`].
    pub fn next_unparsed(&mut self) -> Option<Unparsed> {
        self.last = None;
        let got = self.step()?;
        Some(match got {
            Err(item) => Unparsed::Item(item),
            Ok(range) => {
                self.last = Some(range.clone());
                let ordinal = self.ordinal;
                let stripped = self.credentials_stripped;
                match self.last_entry() {
                    Some(entry) => Unparsed::Entry(RawEntry {
                        text: entry.text.to_owned(),
                        start: entry.start,
                        line: entry.line,
                        column: entry.column,
                        ordinal,
                        credentials_stripped: stripped,
                    }),
                    None => Unparsed::Item(self.parse_kept(range)),
                }
            }
        })
    }

    /// One step of the reader: the next entry's bytes, or an item without them (a problem).
    fn step(&mut self) -> Option<Result<Range<usize>, Item>> {
        match self.state {
            State::Start => {
                self.state = State::Done;
                match self.prelude() {
                    Ok(None) => self.step(),
                    Ok(Some(problem)) => Some(Err(Item::Problem(problem))),
                    Err(fail) => Some(Err(Item::Problem(self.not_json(fail, "in the file")))),
                }
            }
            State::Entries { first } => self.entry(first),
            State::Done => None,
        }
    }

    /// The item of the entry whose bytes are `range` of the file.
    fn parse_kept(&self, range: Range<usize>) -> Item {
        let bytes = self
            .buf
            .get(range.start - self.base..range.end - self.base)
            .unwrap_or_default();
        match std::str::from_utf8(bytes) {
            Ok(text) => parse_entry(text, range.start, self.ordinal, self.credentials_stripped),
            Err(_) => Item::Problem(fatal(
                format!("entry {} is not UTF-8 text", self.ordinal),
                "a HAR is JSON, which is UTF-8: export the capture again",
                range,
            )),
        }
    }

    /// The problem for a scanner's stop; `place` says where ("in the file", "after
    /// `log.entries`").
    fn not_json(&mut self, fail: Fail, place: &str) -> Problem {
        match fail {
            Fail::Eof => {
                let end = self.read_end();
                fatal(
                    "the HAR is truncated: it ends before its JSON is complete".to_owned(),
                    "the capture was cut short: export it again",
                    end..end,
                )
            }
            Fail::Io(e) => {
                let at = self.at();
                fatal(
                    format!("the HAR could not be read: {e}"),
                    "check that the file can be read",
                    at..at,
                )
            }
            Fail::Unexpected(at) => {
                // Most stops are raised at the scanner's place; a bad word's is at its start,
                // an ASCII letter.
                let width = at
                    .checked_sub(self.base)
                    .and_then(|i| self.data().get(i))
                    .map_or(1, |&lead| utf8_width(lead));
                if at == self.at() {
                    // Best effort: the rest of the character, for its span.
                    let _ = self.ensure(width);
                }
                let span = at..(at + width).min(self.read_end()).max(at);
                let shown = self
                    .buf
                    .get(span.start.saturating_sub(self.base)..span.end.saturating_sub(self.base))
                    .and_then(|b| std::str::from_utf8(b).ok())
                    .unwrap_or("?")
                    .to_owned();
                fatal(
                    format!("not JSON: unexpected `{shown}` {place}"),
                    HELP_NOT_HAR,
                    span,
                )
            }
        }
    }
}

impl<R: Read> Iterator for Entries<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        self.last = None;
        match self.step()? {
            Ok(range) => {
                self.last = Some(range.clone());
                let item = self.parse_kept(range);
                Some(item)
            }
            Err(item) => Some(item),
        }
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

const HELP_NOT_HAR: &str = "a HAR capture is a JSON object `{\"log\": {\"entries\": [...]}}`: \
                            export it from the browser's devtools (Network, Save all as HAR) or \
                            the proxy";

fn fatal(message: String, help: &str, span: Range<usize>) -> Problem {
    Problem {
        message,
        help: help.to_owned(),
        span,
        fatal: true,
    }
}
