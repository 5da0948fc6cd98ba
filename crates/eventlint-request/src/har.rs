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

use std::fmt;
use std::io::{ErrorKind, Read};
use std::ops::Range;

use jsonc_parser::ast::{Object, StringLit, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions};

use crate::json_string::decode_at;
use crate::{Body, BodySource, Header, Item, Problem, RawRequest, ReadContext, Spanned};

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
        }
    }

    /// The capacity of the read buffer, in bytes: bounded by the largest entry plus a few
    /// chunks, never by the file (for tests of that bound).
    #[doc(hidden)]
    #[must_use]
    pub fn buffer_capacity(&self) -> usize {
        self.buf.capacity()
    }

    /// The scanner's place in the file.
    fn at(&self) -> usize {
        self.base + self.pos
    }

    /// The end of what was read so far (the file's end once the reader has nothing more).
    fn read_end(&self) -> usize {
        self.base + self.end
    }

    /// Drops the bytes no longer needed and reads a chunk; `false` at the end of the input.
    fn fill(&mut self) -> Result<bool, Fail> {
        if self.eof {
            return Ok(false);
        }
        let drop = self.keep.unwrap_or(self.pos).min(self.pos);
        if drop > 0 {
            self.buf.copy_within(drop..self.end, 0);
            self.end -= drop;
            self.base += drop;
            self.pos -= drop;
            if let Some(keep) = &mut self.keep {
                *keep -= drop;
            }
        }
        // After a large entry, give its memory back.
        if self.buf.len() > 4 * CHUNK && self.end < CHUNK {
            self.buf.truncate(2 * CHUNK);
            self.buf.shrink_to_fit();
        }
        // The buffer is zeroed when it grows only: later reads reuse it.
        if self.buf.len() < self.end + self.chunk {
            self.buf.resize(self.end + self.chunk, 0);
        }
        let room = self.end..self.end + self.chunk;
        self.chunk = (self.chunk * 2).min(CHUNK);
        loop {
            let Some(room) = self.buf.get_mut(room.clone()) else {
                return Ok(false);
            };
            match self.reader.read(room) {
                Ok(n) => {
                    self.end += n.min(room.len());
                    self.eof = n == 0;
                    return Ok(n > 0);
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => {
                    self.eof = true;
                    return Err(Fail::Io(e));
                }
            }
        }
    }

    /// The bytes read and still held.
    fn data(&self) -> &[u8] {
        self.buf.get(..self.end).unwrap_or_default()
    }

    /// The byte at the scanner's place, reading more when needed; `None` at the input's end.
    fn peek(&mut self) -> Result<Option<u8>, Fail> {
        loop {
            if let Some(&b) = self.data().get(self.pos) {
                return Ok(Some(b));
            }
            if !self.fill()? {
                return Ok(None);
            }
        }
    }

    /// Whether at least `n` bytes from the scanner's place are (or could be made) in `buf`.
    fn ensure(&mut self, n: usize) -> Result<bool, Fail> {
        while self.end - self.pos < n {
            if !self.fill()? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Skips whitespace; the byte after it.
    fn skip_ws(&mut self) -> Result<Option<u8>, Fail> {
        loop {
            match self.peek()? {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                other => return Ok(other),
            }
        }
    }

    /// Skips whitespace and `byte`.
    fn expect(&mut self, byte: u8) -> Result<(), Fail> {
        match self.skip_ws()? {
            Some(b) if b == byte => {
                self.pos += 1;
                Ok(())
            }
            Some(_) => Err(Fail::Unexpected(self.at())),
            None => Err(Fail::Eof),
        }
    }

    /// Skips whitespace up to the input's end.
    fn expect_end(&mut self) -> Result<(), Fail> {
        match self.skip_ws()? {
            None => Ok(()),
            Some(_) => Err(Fail::Unexpected(self.at())),
        }
    }

    /// Skips the string whose opening quote is at the scanner's place; with `capture`, its first
    /// [`CAPTURE_LIMIT`] bytes as written (quotes included) go to `scratch`.
    fn string(&mut self, capture: bool) -> Result<(), Fail> {
        self.scratch.clear();
        self.scratch_overflow = false;
        if capture {
            self.capture(self.pos, self.pos + 1);
        }
        self.pos += 1;
        loop {
            let rest = self.data().get(self.pos..).unwrap_or_default();
            let special = rest.iter().position(|&b| b == b'"' || b == b'\\');
            let run_end = special.map_or(self.end, |k| self.pos + k);
            if capture {
                self.capture(self.pos, run_end);
            }
            self.pos = run_end;
            if special.is_none() {
                if !self.fill()? {
                    return Err(Fail::Eof);
                }
                continue;
            }
            if self.data().get(self.pos) == Some(&b'"') {
                if capture {
                    self.capture(self.pos, self.pos + 1);
                }
                self.pos += 1;
                return Ok(());
            }
            // A backslash and the byte it escapes (a `"` or `\\` there does not count).
            if !self.ensure(2)? {
                return Err(Fail::Eof);
            }
            if capture {
                self.capture(self.pos, self.pos + 2);
            }
            self.pos += 2;
        }
    }

    /// Adds `buf[from..to]` to the captured string, up to [`CAPTURE_LIMIT`] bytes.
    fn capture(&mut self, from: usize, to: usize) {
        let bytes = self.buf.get(from..to.min(self.end)).unwrap_or_default();
        if self.scratch.len() + bytes.len() > CAPTURE_LIMIT {
            self.scratch_overflow = true;
        } else {
            self.scratch.extend_from_slice(bytes);
        }
    }

    /// The captured string, decoded; `None` when it was too long or is not a JSON string.
    fn captured(&self) -> Option<String> {
        if self.scratch_overflow {
            return None;
        }
        let raw = std::str::from_utf8(&self.scratch).ok()?;
        decode_at(raw, 0).ok().map(|(text, _)| text)
    }

    /// Skips the value at the scanner's place (after whitespace); its range in the file.
    fn skip_value(&mut self) -> Result<Range<usize>, Fail> {
        let first = self.skip_ws()?.ok_or(Fail::Eof)?;
        let start = self.at();
        match first {
            b'"' => self.string(false)?,
            b'{' | b'[' => self.nested()?,
            b if is_scalar_byte(b) => {
                self.scratch.clear();
                self.scratch_overflow = false;
                while self.peek()?.is_some_and(is_scalar_byte) {
                    self.capture(self.pos, self.pos + 1);
                    self.pos += 1;
                }
                if self.scratch_overflow || !is_scalar(&self.scratch) {
                    return Err(Fail::Unexpected(start));
                }
            }
            _ => return Err(Fail::Unexpected(start)),
        }
        Ok(start..self.at())
    }

    /// Skips the object or array that opens at the scanner's place, counting depth and skipping
    /// strings (brackets in them do not count).
    fn nested(&mut self) -> Result<(), Fail> {
        let mut depth = 0_usize;
        loop {
            let rest = self.data().get(self.pos..).unwrap_or_default();
            let plain = rest
                .iter()
                .position(|b| matches!(b, b'"' | b'{' | b'}' | b'[' | b']'))
                .unwrap_or(rest.len());
            self.pos += plain;
            let Some(b) = self.peek()? else {
                return Err(Fail::Eof);
            };
            match b {
                b'"' => {
                    self.string(false)?;
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.pos += 1;
                        return Ok(());
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// The next member's key of the object being read (its `{` already read), up to its `:`;
    /// `None` after the object's `}`. `first` is `true` until a member was read.
    /// A key too long to capture is returned empty.
    fn next_key(&mut self, first: &mut bool) -> Result<Option<String>, Fail> {
        match self.skip_ws()? {
            None => return Err(Fail::Eof),
            Some(b'}') => {
                self.pos += 1;
                return Ok(None);
            }
            Some(_) => {}
        }
        if !*first {
            self.expect(b',')?;
        }
        *first = false;
        match self.skip_ws()? {
            None => return Err(Fail::Eof),
            Some(b'"') => {}
            Some(_) => return Err(Fail::Unexpected(self.at())),
        }
        self.string(true)?;
        // A key too long to capture is none of those looked for: empty stands for it.
        let key = self.captured().unwrap_or_default();
        self.expect(b':')?;
        Ok(Some(key))
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

    /// Reads `log.creator` (after its key), keeping its `name`.
    fn creator(&mut self) -> Result<(), Fail> {
        if self.skip_ws()? != Some(b'{') {
            self.skip_value()?;
            return Ok(());
        }
        self.pos += 1;
        let mut first = true;
        while let Some(key) = self.next_key(&mut first)? {
            if key == "name" && self.skip_ws()? == Some(b'"') {
                self.string(true)?;
                self.creator = self.captured();
            } else {
                self.skip_value()?;
            }
        }
        Ok(())
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

    /// The next entry's item, the problem that ends the file, or nothing.
    fn entry(&mut self, first: bool) -> Option<Item> {
        self.state = State::Done;
        let bounds = self.entry_bounds(first);
        let item = match bounds {
            Ok(None) => match self.epilogue() {
                Ok(()) => None,
                Err(fail) => Some(Item::Problem(self.not_json(fail, "after `log.entries`"))),
            },
            Ok(Some(range)) => {
                self.state = State::Entries { first: false };
                Some(self.parse_kept(range))
            }
            Err(Fail::Eof) if self.keep.is_some() => Some(Item::Problem(fatal(
                format!("the HAR is truncated: entry {} has no end", self.ordinal),
                "the capture was cut short: export it again, or remove the partial entry",
                self.entry_start..self.read_end(),
            ))),
            Err(fail) => Some(Item::Problem(self.not_json(fail, "in `log.entries`"))),
        };
        self.keep = None;
        item
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
        match self.state {
            State::Start => {
                self.state = State::Done;
                match self.prelude() {
                    Ok(None) => self.next(),
                    Ok(Some(problem)) => Some(Item::Problem(problem)),
                    Err(fail) => Some(Item::Problem(self.not_json(fail, "in the file"))),
                }
            }
            State::Entries { first } => self.entry(first),
            State::Done => None,
        }
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

const HELP_NOT_HAR: &str = "a HAR capture is a JSON object `{\"log\": {\"entries\": [...]}}`: \
                            export it from the browser's devtools (Network, Save all as HAR) or \
                            the proxy";

/// A byte of a number, `true`, `false` or `null`.
fn is_scalar_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.')
}

/// Whether `token` is `true`, `false`, `null` or a number (roughly: the parser of an entry
/// checks its numbers; this only tells JSON from words).
fn is_scalar(token: &[u8]) -> bool {
    matches!(token, b"true" | b"false" | b"null")
        || (token
            .first()
            .is_some_and(|&b| b == b'-' || b.is_ascii_digit())
            && token
                .iter()
                .all(|&b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E')))
}

/// The length of the UTF-8 character that starts with `lead`.
fn utf8_width(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// Tools that record requests as they were sent, credentials included (lower case, matched as
/// parts of `log.creator.name`).
const RECORDING_TOOLS: &[&str] = &[
    "mitmproxy",
    "charles",
    "fiddler",
    "proxyman",
    "insomnia",
    "http toolkit",
    "httptoolkit",
    "postman",
    "burp",
    "zap",
    "proxy",
];

/// Whether a capture by `creator` (its `log.creator.name`) leaves credentials out: browsers'
/// devtools do, and so is taken any creator that is not a known recording tool.
fn strips_credentials(creator: &str) -> bool {
    let lower = creator.to_ascii_lowercase();
    !RECORDING_TOOLS.iter().any(|tool| lower.contains(tool))
}

fn fatal(message: String, help: &str, span: Range<usize>) -> Problem {
    Problem {
        message,
        help: help.to_owned(),
        span,
        fatal: true,
    }
}

/// Strict JSON, as a HAR is.
pub(crate) fn strict() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

/// The request of the entry `text`, written in the file from byte `start` on.
fn parse_entry(text: &str, start: usize, ordinal: usize, credentials_stripped: bool) -> Item {
    let span = start..start + text.len();
    let abs = |range: jsonc_parser::common::Range| start + range.start..start + range.end;
    let entry = match jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &strict()) {
        Ok(parsed) => parsed.value,
        Err(e) => {
            return Item::Problem(fatal(
                format!("entry {ordinal} is not JSON: {}", e.kind()),
                HELP_ENTRY,
                span,
            ));
        }
    };
    let Some(Value::Object(entry)) = entry else {
        return Item::Problem(fatal(
            format!("entry {ordinal} of the HAR is not an object"),
            HELP_ENTRY,
            span,
        ));
    };
    let Some(request) = entry.get_object("request") else {
        return Item::Problem(fatal(
            format!("entry {ordinal} of the HAR has no `request` object"),
            HELP_ENTRY,
            span,
        ));
    };
    let spanned = |lit: &StringLit<'_>| Spanned::new(lit.value.to_string(), abs(lit.range));
    let (Some(method), Some(url)) = (request.get_string("method"), request.get_string("url"))
    else {
        let missing = if request.get_string("method").is_none() {
            "method"
        } else {
            "url"
        };
        return Item::Problem(fatal(
            format!("entry {ordinal} of the HAR has no `request.{missing}` string"),
            HELP_ENTRY,
            abs(request.range),
        ));
    };
    let mut problems = Vec::new();
    let headers = headers(text, start, ordinal, request, &mut problems);
    let body = body(text, start, ordinal, request, &mut problems);
    Item::Request(RawRequest {
        ordinal,
        method: spanned(method),
        url: spanned(url),
        headers,
        body,
        span,
        problems,
        credentials_stripped,
    })
}

const HELP_ENTRY: &str = "each of `log.entries` is an object with a `request` that has a \
                          `method` and a `url` (HAR 1.2): export the capture again, or remove \
                          the entry";

/// `request.headers`, each `{name, value}` (malformed ones are left out, with a problem).
fn headers(
    text: &str,
    start: usize,
    ordinal: usize,
    request: &Object<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<Header> {
    let abs = |range: jsonc_parser::common::Range| start + range.start..start + range.end;
    let Some(list) = request.get_array("headers") else {
        return Vec::new();
    };
    let mut headers = Vec::with_capacity(list.elements.len());
    for element in &list.elements {
        let pair = match element {
            Value::Object(header) => header.get_string("name").zip(header.get_string("value")),
            _ => None,
        };
        let Some((name, value)) = pair else {
            problems.push(Problem {
                message: format!(
                    "a header of entry {ordinal} is not `{{\"name\": …, \"value\": …}}` with two \
                     strings; it is left out"
                ),
                help: "HAR headers are objects with a `name` and a `value` string".to_owned(),
                span: abs(element.range()),
                fatal: false,
            });
            continue;
        };
        // HTTP/2 pseudo-headers restate the method and URL.
        if name.value.starts_with(':') {
            continue;
        }
        headers.push(Header {
            name: Spanned::new(name.value.to_string(), abs(name.range)),
            value: trimmed(text, start, value),
            span: abs(element.range()),
        });
    }
    headers
}

/// A header value without surrounding whitespace, spanned at its literal (or at the part of it
/// that is kept, when whitespace was trimmed).
pub(crate) fn trimmed(text: &str, start: usize, lit: &StringLit<'_>) -> Spanned<String> {
    let span = start + lit.range.start..start + lit.range.end;
    let value = lit.value.trim();
    if value.len() == lit.value.len() {
        return Spanned::new(value.to_owned(), span);
    }
    let lead = lit.value.len() - lit.value.trim_start().len();
    let raw = text.get(lit.range.start..lit.range.end).unwrap_or_default();
    let span = decode_at(raw, span.start)
        .map_or(span, |(_, map)| map.file_range(lead..lead + value.len()));
    Spanned::new(value.to_owned(), span)
}

/// `request.postData.text`, decoded and mapped to the file.
fn body(
    text: &str,
    start: usize,
    ordinal: usize,
    request: &Object<'_>,
    problems: &mut Vec<Problem>,
) -> Option<Body> {
    let post = request.get_object("postData")?;
    let lit = post.get_string("text")?;
    let span = start + lit.range.start..start + lit.range.end;
    let says_base64 = |key: &str| {
        post.get_string(key)
            .is_some_and(|s| s.value.eq_ignore_ascii_case("base64"))
    };
    if says_base64("encoding")
        || says_base64("_encoding")
        || post.get_boolean("_base64").is_some_and(|b| b.value)
    {
        problems.push(Problem {
            message: format!(
                "the body of entry {ordinal} is base64-encoded; eventlint does not decode it, so \
                 it is not checked"
            ),
            help: "capture the request with its body as text (a JSON body is text)".to_owned(),
            span,
            fatal: false,
        });
        return None;
    }
    let raw = text.get(lit.range.start..lit.range.end).unwrap_or_default();
    match decode_at(raw, span.start) {
        Ok((body, map)) => Some(Body {
            text: body,
            source: BodySource::Inline(map),
            span,
        }),
        Err(mut problem) => {
            problem.fatal = false;
            problems.push(problem);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::io::Read;

    use super::{Entries, read};
    use crate::json_string::tests::xorshift;
    use crate::{BodySource, Item, Problem, RawRequest, ReadContext};

    /// A HAR as Chrome's devtools export it (trimmed): a GET over HTTP/2, then a POST with a JSON
    /// body written as a JSON string.
    const CHROME: &str = r#"{
  "log": {
    "version": "1.2",
    "creator": {"name": "WebInspector", "version": "537.36"},
    "pages": [{"id": "page_1", "title": "https://shop.example/ \"quoted\" ]}", "pageTimings": {}}],
    "entries": [
      {
        "_initiator": {"type": "script", "stack": {"callFrames": [{"url": "https://x/[a]{b}"}]}},
        "request": {
          "method": "GET",
          "url": "https://api.example/v4/search?q=caf\u00e9",
          "httpVersion": "http/2.0",
          "headers": [
            {"name": ":authority", "value": "api.example"},
            {"name": "accept", "value": "application/json"}
          ],
          "queryString": [{"name": "q", "value": "café"}],
          "cookies": [], "headersSize": -1, "bodySize": 0
        },
        "response": {"status": 200, "content": {"size": 2, "mimeType": "application/json", "text": "{}"}}
      },
      {
        "request": {
          "method": "POST",
          "url": "https://api.example/v4/events/custom",
          "headers": [
            {"name": "Content-Type", "value": "application/json"},
            {"name": "X-Api-Key", "value": "  k\u00e9y  "}
          ],
          "postData": {"mimeType": "application/json", "text": "{\"action\":\"x\",\"label\":\"caf\u00e9 😀\"}"}
        },
        "response": {"status": 204, "content": {"size": 0, "mimeType": "x-unknown", "text": ""}}
      }
    ]
  }
}"#;

    /// A HAR as mitmproxy's exporter writes it.
    const MITMPROXY: &str = r#"{"log": {"version": "1.2", "creator": {"name": "mitmproxy", "version": "11.0.0", "comment": ""}, "pages": [], "entries": [{"startedDateTime": "2024-05-01T10:00:00+00:00", "time": 12.5, "request": {"method": "POST", "url": "http://localhost:8080/v4/events/custom", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [{"name": "Authorization", "value": "Bearer t"}, {"name": "Content-Type", "value": "application/json"}], "queryString": [], "headersSize": 120, "bodySize": 13, "postData": {"mimeType": "application/json", "text": "{\"a\": [1, 2]}", "params": []}}, "response": {"status": 200, "content": {"size": 8, "compression": 0, "mimeType": "text/plain", "text": "b2s=", "encoding": "base64"}}, "cache": {}, "timings": {"send": 0, "wait": 1, "receive": 0}}]}}"#;

    fn requests(items: &[Item]) -> Vec<&RawRequest> {
        items
            .iter()
            .filter_map(|item| match item {
                Item::Request(request) => Some(request),
                Item::Problem(_) => None,
            })
            .collect()
    }

    fn problems(items: &[Item]) -> Vec<&Problem> {
        items
            .iter()
            .filter_map(|item| match item {
                Item::Problem(problem) => Some(problem),
                Item::Request(_) => None,
            })
            .collect()
    }

    fn read_str(text: &str) -> Vec<Item> {
        read(text, &ReadContext::default())
    }

    /// A reader that gives one byte at a time (and an interruption now and then).
    struct OneByte<'a> {
        bytes: &'a [u8],
        calls: usize,
    }

    impl Read for OneByte<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.calls += 1;
            if self.calls.is_multiple_of(7) {
                return Err(std::io::ErrorKind::Interrupted.into());
            }
            match (self.bytes.split_first(), buf.first_mut()) {
                (Some((&b, rest)), Some(slot)) => {
                    *slot = b;
                    self.bytes = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    fn read_one_byte_at_a_time(text: &str) -> Vec<Item> {
        Entries::new(OneByte {
            bytes: text.as_bytes(),
            calls: 0,
        })
        .collect()
    }

    #[test]
    fn a_chrome_har_gives_its_requests_with_absolute_spans() {
        let items = read_str(CHROME);
        assert!(problems(&items).is_empty(), "{items:#?}");
        let requests = requests(&items);
        assert_eq!(requests.len(), 2);

        let get = requests[0];
        assert_eq!(get.ordinal, 1);
        assert_eq!(get.method.value, "GET");
        assert_eq!(&CHROME[get.method.span.clone()], "\"GET\"");
        assert_eq!(get.url.value, "https://api.example/v4/search?q=café");
        assert_eq!(
            &CHROME[get.url.span.clone()],
            r#""https://api.example/v4/search?q=caf\u00e9""#
        );
        // The HTTP/2 pseudo-header is left out.
        assert_eq!(get.headers.len(), 1);
        assert_eq!(get.headers[0].name.value, "accept");
        assert_eq!(
            &CHROME[get.headers[0].span.clone()],
            r#"{"name": "accept", "value": "application/json"}"#
        );
        assert!(get.body.is_none());
        assert!(get.credentials_stripped);
        assert!(CHROME[get.span.clone()].starts_with("{\n        \"_initiator\""));
        assert!(CHROME[get.span.clone()].ends_with('}'));

        let post = requests[1];
        assert_eq!(post.ordinal, 2);
        assert_eq!(post.method.value, "POST");
        assert_eq!(post.url.value, "https://api.example/v4/events/custom");
        assert_eq!(post.headers.len(), 2);
        let content_type = &post.headers[0];
        assert_eq!(&CHROME[content_type.name.span.clone()], "\"Content-Type\"");
        assert_eq!(
            &CHROME[content_type.value.span.clone()],
            "\"application/json\""
        );
        // A value is trimmed, and spanned at what is kept.
        let key = &post.headers[1];
        assert_eq!(key.value.value, "kéy");
        assert_eq!(&CHROME[key.value.span.clone()], r"k\u00e9y");

        let body = post.body.as_ref().unwrap();
        assert_eq!(body.text, r#"{"action":"x","label":"café 😀"}"#);
        assert_eq!(
            &CHROME[body.span.clone()],
            r#""{\"action\":\"x\",\"label\":\"caf\u00e9 😀\"}""#
        );
        let BodySource::Inline(map) = &body.source else {
            panic!("an inline body");
        };
        let find = |part: &str| {
            let at = body.text.find(part).unwrap();
            &CHROME[map.file_range(at..at + part.len())]
        };
        assert_eq!(find("action"), "action");
        assert_eq!(find("\"x\""), r#"\"x\""#);
        assert_eq!(find("café"), r"caf\u00e9");
        assert_eq!(find("😀"), "😀");
        assert_eq!(
            map.file_range(0..body.text.len()),
            body.span.start + 1..body.span.end - 1
        );
    }

    #[test]
    fn a_mitmproxy_har_keeps_credentials() {
        let items = read_str(MITMPROXY);
        let requests = requests(&items);
        assert_eq!(requests.len(), 1, "{items:#?}");
        let request = requests[0];
        assert!(!request.credentials_stripped);
        assert_eq!(request.headers[0].value.value, "Bearer t");
        assert_eq!(request.body.as_ref().unwrap().text, r#"{"a": [1, 2]}"#);
        // The response's base64 content is none of the request's business.
        assert!(request.problems.is_empty());
    }

    #[test]
    fn the_creator_decides_whether_credentials_were_stripped() {
        let har = |creator: &str| {
            format!(
                r#"{{"log": {{"creator": {{"name": {creator}}}, "entries": [{{"request": {{"method": "GET", "url": "/"}}}}]}}}}"#
            )
        };
        for (creator, stripped) in [
            (r#""WebInspector""#, true),
            (r#""Firefox""#, true),
            (r#""WebKit Web Inspector""#, true),
            (r#""Charles Proxy""#, false),
            (r#""Fiddler""#, false),
            (r#""Proxyman""#, false),
            (r#""Insomnia""#, false),
            (r#""HTTP Toolkit""#, false),
            (r#""\u006ditmproxy""#, false),
            (r#""Some Exporter""#, true),
            ("7", true),
        ] {
            let items = read_str(&har(creator));
            let requests = requests(&items);
            assert_eq!(requests.len(), 1, "{creator}: {items:#?}");
            assert_eq!(requests[0].credentials_stripped, stripped, "{creator}");
        }
    }

    #[test]
    fn a_creator_after_the_entries_is_not_known_in_time() {
        let text = r#"{"log": {"version": "1.2", "entries": [{"request": {"method": "GET", "url": "https://a/"}}], "creator": {"name": "mitmproxy"}}}"#;
        let items = read_str(text);
        let requests = requests(&items);
        assert_eq!(requests.len(), 1, "{items:#?}");
        assert!(requests[0].credentials_stripped);
        assert!(problems(&items).is_empty());
    }

    #[test]
    fn members_before_the_entries_are_skipped_whatever_they_hold() {
        let text = "\u{feff}{\"comment\": \"a \\\" ] } \\\\\", \"x\": [[{\"}\": []}], -1.5e3, true, null], \
                    \"log\": {\"pages\": [{\"t\": \"[{\"}], \"_custom\": {\"entries\": 1}, \
                    \"entries\": [{\"request\": {\"method\": \"GET\", \"url\": \"https://a/\"}}]}, \"z\": 0}";
        let items = read_str(text);
        let requests = requests(&items);
        assert_eq!(requests.len(), 1, "{items:#?}");
        assert_eq!(&text[requests[0].url.span.clone()], "\"https://a/\"");
        assert!(problems(&items).is_empty(), "{items:#?}");
    }

    #[test]
    fn one_byte_at_a_time_reads_the_same_items() {
        for text in [
            CHROME,
            MITMPROXY,
            &CHROME[..CHROME.len() / 2],
            "{\"log\": 1}",
            "nope",
            "\u{feff}{\"log\": {\"entries\": [{\"request\": {\"method\": \"GET\", \"url\": \"/\"}}]}}",
        ] {
            assert_eq!(read_one_byte_at_a_time(text), read_str(text));
            let with_bom = format!("\u{feff}{text}");
            assert_eq!(read_one_byte_at_a_time(&with_bom), read_str(&with_bom));
        }
    }

    fn only_problem(text: &str) -> Problem {
        let items = read_str(text);
        assert_eq!(items.len(), 1, "{text}: {items:#?}");
        problems(&items)[0].clone()
    }

    #[test]
    fn a_file_that_is_not_json_says_so() {
        for text in [
            "hello world",
            "<html></html>",
            "{\"log\": {\"entries\": [] } ] }",
            "{'log': 1}",
            "{\"log\"; 1}",
        ] {
            let problem = only_problem(text);
            assert!(problem.fatal);
            assert!(
                problem.message.starts_with("not JSON"),
                "{text}: {problem:?}"
            );
            assert!(text.get(problem.span.clone()).is_some());
        }
        assert_eq!(only_problem("hello world").span, 0..1);
        assert_eq!(only_problem("<html></html>").span, 0..1);
        assert_eq!(only_problem("  é").span, 2..4);
    }

    #[test]
    fn json_without_log_entries_is_not_a_har() {
        for (text, message) in [
            ("{}", "not a HAR: no `log.entries`"),
            (
                r#"{"log": {"version": "1.2"}}"#,
                "not a HAR: no `log.entries`",
            ),
            (r#"{"entries": []}"#, "not a HAR: no `log.entries`"),
            (
                "[1, 2]",
                "not a HAR: no `log.entries` (the file is JSON, but not an object)",
            ),
            (
                "\"log\"",
                "not a HAR: no `log.entries` (the file is JSON, but not an object)",
            ),
            (r#"{"log": []}"#, "not a HAR: `log` is not an object"),
            (
                r#"{"log": {"entries": {}}}"#,
                "not a HAR: `log.entries` is not an array",
            ),
            ("", "not a HAR: the file is empty"),
            ("  \n", "not a HAR: the file is empty"),
        ] {
            let problem = only_problem(text);
            assert!(problem.fatal);
            assert_eq!(problem.message, message, "{text}");
        }
        assert_eq!(only_problem(r#"{"log": {"entries": {}}}"#).span, 20..22);
        assert_eq!(only_problem(r#"{"log": []}"#).span, 8..10);
    }

    #[test]
    fn an_empty_capture_has_no_items() {
        assert!(read_str(r#"{"log": {"entries": []}}"#).is_empty());
    }

    #[test]
    fn a_truncated_file_gives_what_it_has_and_says_where_it_ends() {
        // Cut inside the second entry.
        let second = CHROME.find("{\n        \"request\"").unwrap();
        let cut = &CHROME[..second + 40];
        let items = read_str(cut);
        assert_eq!(requests(&items).len(), 1, "{items:#?}");
        let problem = problems(&items)[0];
        assert!(problem.fatal);
        assert_eq!(problem.message, "the HAR is truncated: entry 2 has no end");
        assert_eq!(problem.span, second..cut.len());

        // Cut after the entries.
        let end = CHROME.rfind(']').unwrap() + 1;
        let items = read_str(&CHROME[..end]);
        assert_eq!(requests(&items).len(), 2);
        let problem = problems(&items)[0];
        assert!(problem.message.starts_with("the HAR is truncated"));
        assert_eq!(problem.span, end..end);

        // Cut between entries.
        let items = read_str(&CHROME[..second - 1]);
        assert_eq!(requests(&items).len(), 1);
        assert!(
            problems(&items)[0]
                .message
                .starts_with("the HAR is truncated")
        );
    }

    #[test]
    fn a_bad_entry_is_a_problem_at_its_range_and_the_rest_is_read() {
        let entries = [
            r#"{"response": {}}"#,
            r#"{"request": {"url": "/a"}}"#,
            r#"{"request": {"method": "GET"}}"#,
            r#"{"request": {"method": "GET", "url": "/b",}}"#,
            "[]",
            "17",
            r#"{"request": {"method": "GET", "url": "/ok", "headers": [{"name": "a"}, 3, {"name": "b", "value": "c"}]}}"#,
        ];
        let text = format!(r#"{{"log": {{"entries": [{}]}}}}"#, entries.join(", "));
        let items = read_str(&text);
        assert_eq!(items.len(), entries.len(), "{items:#?}");
        let messages = [
            "entry 1 of the HAR has no `request` object",
            "entry 2 of the HAR has no `request.method` string",
            "entry 3 of the HAR has no `request.url` string",
            "entry 4 is not JSON",
            "entry 5 of the HAR is not an object",
            "entry 6 of the HAR is not an object",
        ];
        for (i, message) in messages.iter().enumerate() {
            let Item::Problem(problem) = &items[i] else {
                panic!("entry {} is a problem: {:?}", i + 1, items[i]);
            };
            assert!(problem.fatal);
            assert!(problem.message.starts_with(message), "{problem:?}");
            let span = &text[problem.span.clone()];
            if i == 1 || i == 2 {
                // The request object.
                assert!(entries[i].contains(span), "{span}");
            } else {
                assert_eq!(span, entries[i]);
            }
        }
        let Item::Request(last) = &items[6] else {
            panic!("the last entry is read");
        };
        assert_eq!(last.ordinal, 7);
        assert_eq!(last.headers.len(), 1);
        assert_eq!(last.problems.len(), 2);
        assert!(last.problems.iter().all(|p| !p.fatal));
        assert_eq!(&text[last.problems[1].span.clone()], "3");
    }

    #[test]
    fn a_base64_body_is_not_decoded_and_says_so() {
        for post in [
            r#"{"mimeType": "application/json", "text": "e30=", "encoding": "base64"}"#,
            r#"{"mimeType": "application/json", "text": "e30=", "_encoding": "base64"}"#,
            r#"{"mimeType": "application/json", "text": "e30=", "_base64": true}"#,
        ] {
            let text = format!(
                r#"{{"log": {{"entries": [{{"request": {{"method": "POST", "url": "/e", "postData": {post}}}}}]}}}}"#
            );
            let items = read_str(&text);
            let requests = requests(&items);
            assert_eq!(requests.len(), 1, "{items:#?}");
            assert!(requests[0].body.is_none());
            let problem = &requests[0].problems[0];
            assert!(!problem.fatal);
            assert_eq!(&text[problem.span.clone()], "\"e30=\"");
        }
    }

    #[test]
    fn the_mime_type_does_not_make_a_header() {
        let text = r#"{"log": {"entries": [{"request": {"method": "POST", "url": "/e", "headers": [], "postData": {"mimeType": "application/json", "text": "{}"}}}]}}"#;
        let items = read_str(text);
        let requests = requests(&items);
        assert!(requests[0].headers.is_empty());
        assert_eq!(requests[0].body.as_ref().unwrap().text, "{}");
    }

    /// A HAR of `count` entries, made as it is read.
    struct Generated {
        count: usize,
        next: usize,
        pending: Vec<u8>,
        at: usize,
        done: bool,
    }

    impl Generated {
        fn new(count: usize) -> Self {
            Generated {
                count,
                next: 0,
                pending: br#"{"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "1"}, "entries": ["#.to_vec(),
                at: 0,
                done: false,
            }
        }
    }

    impl Read for Generated {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            while self.at == self.pending.len() {
                if self.done {
                    return Ok(0);
                }
                self.pending.clear();
                self.at = 0;
                if self.next == self.count {
                    self.pending.extend_from_slice(b"]}}\n");
                    self.done = true;
                } else {
                    if self.next > 0 {
                        self.pending.push(b',');
                    }
                    let i = self.next;
                    self.pending.extend_from_slice(
                        format!(
                            r#"{{"request": {{"method": "POST", "url": "https://api.example/v4/events/{i}", "headers": [{{"name": "Content-Type", "value": "application/json"}}], "postData": {{"mimeType": "application/json", "text": "{{\"i\": {i}, \"s\": \"a\\\"b\"}}"}}}}, "response": {{"status": 200, "content": {{"text": "{{}}"}}}}}}"#
                        )
                        .as_bytes(),
                    );
                    self.next += 1;
                }
            }
            let n = buf.len().min(self.pending.len() - self.at);
            buf[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    #[test]
    fn memory_does_not_grow_with_the_number_of_entries() {
        const COUNT: usize = 200_000;
        let mut entries = Entries::new(Generated::new(COUNT));
        let mut seen = 0;
        let mut largest = 0;
        let mut last_end = 0;
        while let Some(item) = entries.next() {
            largest = largest.max(entries.buffer_capacity());
            let Item::Request(request) = item else {
                panic!("entry {} is a request: {item:?}", seen + 1);
            };
            seen += 1;
            assert_eq!(request.ordinal, seen);
            assert!(request.span.start > last_end);
            last_end = request.span.end;
            if seen == COUNT {
                assert_eq!(
                    request.url.value,
                    format!("https://api.example/v4/events/{}", COUNT - 1)
                );
                assert_eq!(
                    request.body.unwrap().text,
                    format!(r#"{{"i": {}, "s": "a\"b"}}"#, COUNT - 1)
                );
            }
        }
        assert_eq!(seen, COUNT);
        // The file is about 50 MB; the buffer holds one entry and a chunk or two.
        assert!(last_end > 40_000_000, "{last_end}");
        assert!(largest <= 4 * super::CHUNK, "{largest}");
    }

    #[test]
    fn a_large_entry_does_not_keep_its_memory() {
        let big = "x".repeat(2_000_000);
        let text = format!(
            r#"{{"log": {{"entries": [{{"request": {{"method": "POST", "url": "/", "postData": {{"text": "{big}"}}}}}}, {}]}}}}"#,
            vec![r#"{"request": {"method": "GET", "url": "/"}}"#; 100].join(",")
        );
        let mut entries = Entries::new(text.as_bytes());
        assert!(matches!(entries.next(), Some(Item::Request(_))));
        assert!(entries.buffer_capacity() >= big.len());
        let rest: Vec<Item> = entries.by_ref().collect();
        assert_eq!(requests(&rest).len(), 100);
        assert!(entries.buffer_capacity() <= 4 * super::CHUNK);
    }

    #[test]
    fn no_input_makes_it_panic() {
        let mut inputs: Vec<String> = vec![
            CHROME.to_owned(),
            MITMPROXY.to_owned(),
            r#"{"log": {"entries": [{"request": {"method": "GET", "url": "/\ud800", "headers": [{"name": "a", "value": "\u00"}]}}]}}"#.to_owned(),
        ];
        let mut seed = 0x2545_F491_4F6C_DD1D_u64;
        let alphabet = [
            "{",
            "}",
            "[",
            "]",
            "\"",
            "\\",
            ":",
            ",",
            " ",
            "log",
            "entries",
            "request",
            "method",
            "url",
            "\"log\":",
            "\"entries\":[",
            "\"request\":{",
            "\"method\":\"GET\"",
            "\"url\":\"/\"",
            "1",
            "-",
            "e",
            "true",
            "null",
            "é",
            "😀",
            "\\u",
            "\\\"",
            "\u{feff}",
        ];
        for _ in 0..3000 {
            let len = (xorshift(&mut seed) % 40) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(xorshift(&mut seed) as usize) % alphabet.len()])
                .collect();
            inputs.push(text);
        }
        for input in &inputs {
            for (end, _) in input.char_indices().chain([(input.len(), ' ')]) {
                let prefix = &input[..end];
                let items = read_str(prefix);
                for item in &items {
                    let spans: Vec<_> = match item {
                        Item::Problem(problem) => vec![problem.span.clone()],
                        Item::Request(request) => {
                            let mut spans = vec![
                                request.span.clone(),
                                request.method.span.clone(),
                                request.url.span.clone(),
                            ];
                            for header in &request.headers {
                                spans.push(header.span.clone());
                                spans.push(header.name.span.clone());
                                spans.push(header.value.span.clone());
                            }
                            if let Some(body) = &request.body {
                                spans.push(body.span.clone());
                                if let BodySource::Inline(map) = &body.source {
                                    spans.push(map.file_range(0..body.text.len()));
                                }
                            }
                            spans.extend(request.problems.iter().map(|p| p.span.clone()));
                            spans
                        }
                    };
                    for span in spans {
                        assert!(prefix.get(span.clone()).is_some(), "{prefix:?}: {span:?}");
                    }
                }
            }
        }
    }
}
