//! The streaming scanner: reads chunks as needed, skips JSON values (strings, escapes, depth).

use std::io::{ErrorKind, Read};
use std::ops::Range;

use super::{CAPTURE_LIMIT, CHUNK, Entries, Fail};
use crate::json_string::decode_at;

impl<R: Read> Entries<R> {
    /// The scanner's place in the file.
    pub(super) fn at(&self) -> usize {
        self.base + self.pos
    }

    /// The end of what was read so far (the file's end once the reader has nothing more).
    pub(super) fn read_end(&self) -> usize {
        self.base + self.end
    }

    /// Drops the bytes no longer needed and reads a chunk; `false` at the end of the input.
    fn fill(&mut self) -> Result<bool, Fail> {
        if self.eof {
            return Ok(false);
        }
        let drop = self.keep.unwrap_or(self.pos).min(self.pos);
        if drop > 0 {
            // The bytes dropped are counted first (lines and columns), if not yet.
            if self.cursor < drop {
                self.advance_cursor(drop);
            }
            self.cursor -= drop;
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
    pub(super) fn data(&self) -> &[u8] {
        self.buf.get(..self.end).unwrap_or_default()
    }

    /// The byte at the scanner's place, reading more when needed; `None` at the input's end.
    pub(super) fn peek(&mut self) -> Result<Option<u8>, Fail> {
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
    pub(super) fn ensure(&mut self, n: usize) -> Result<bool, Fail> {
        while self.end - self.pos < n {
            if !self.fill()? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Skips whitespace; the byte after it.
    pub(super) fn skip_ws(&mut self) -> Result<Option<u8>, Fail> {
        loop {
            match self.peek()? {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                other => return Ok(other),
            }
        }
    }

    /// Skips whitespace and `byte`.
    pub(super) fn expect(&mut self, byte: u8) -> Result<(), Fail> {
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
    pub(super) fn expect_end(&mut self) -> Result<(), Fail> {
        match self.skip_ws()? {
            None => Ok(()),
            Some(_) => Err(Fail::Unexpected(self.at())),
        }
    }

    /// Skips the string whose opening quote is at the scanner's place; with `capture`, its first
    /// [`CAPTURE_LIMIT`] bytes as written (quotes included) go to `scratch`.
    pub(super) fn string(&mut self, capture: bool) -> Result<(), Fail> {
        self.scratch.clear();
        self.scratch_overflow = false;
        if capture {
            self.capture(self.pos, self.pos + 1);
        }
        self.pos += 1;
        loop {
            let rest = self.data().get(self.pos..).unwrap_or_default();
            let special = memchr::memchr2(b'"', b'\\', rest);
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
    pub(super) fn captured(&self) -> Option<String> {
        if self.scratch_overflow {
            return None;
        }
        let raw = std::str::from_utf8(&self.scratch).ok()?;
        decode_at(raw, 0).ok().map(|(text, _)| text)
    }

    /// Skips the value at the scanner's place (after whitespace); its range in the file.
    pub(super) fn skip_value(&mut self) -> Result<Range<usize>, Fail> {
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
    pub(super) fn next_key(&mut self, first: &mut bool) -> Result<Option<String>, Fail> {
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
}

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
pub(super) fn utf8_width(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}
