//! Byte offsets to lines and columns: [`LineIndex`], and [`CharCount`], which counts characters
//! between offsets in time bounded by [`CHECKPOINT`].

use std::cell::{Cell, OnceCell};

use crate::message::diagnostic::Position;

/// Bytes between two checkpoints of a [`CharCount`].
pub(super) const CHECKPOINT: usize = 4096;

/// Counts the characters of a text between byte offsets, in any order, each count in time
/// bounded by [`CHECKPOINT`]: ASCII text needs no counting (looked at once, on first use). A
/// short distance (at most a checkpoint: the usual column on a line of pretty-printed JSON) is
/// counted directly, on from the previous count when it starts at the same place and ends no
/// earlier. A longer one is the difference of two prefixes: the characters before every
/// [`CHECKPOINT`]-th byte are counted once, on first use, in one pass (a `Vec` of one `usize`
/// per 4 KiB), so each prefix is a checkpoint plus at most 4 KiB counted on. Counting from a
/// line's start for every position cost a pass over the line per position going backwards (a
/// 200 MB single-line array spent most of its time there); counting every position from the
/// checkpoints alone cost up to 4 KiB per position on short lines too (a fifth more CPU on the
/// benchmark's NDJSON).
#[derive(Debug)]
pub(crate) struct CharCount<'a> {
    text: &'a str,
    ascii: OnceCell<bool>,
    /// `prefix[i]`: the characters in `text[..i * CHECKPOINT]`.
    prefix: OnceCell<Vec<usize>>,
    /// The same in UTF-16 code units (for editors), built on first use.
    prefix_utf16: OnceCell<Vec<usize>>,
    /// The last short count: from, to, and the characters between.
    last: Cell<(usize, usize, usize)>,
}

impl<'a> CharCount<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        CharCount {
            text,
            ascii: OnceCell::new(),
            prefix: OnceCell::new(),
            prefix_utf16: OnceCell::new(),
            last: Cell::new((0, 0, 0)),
        }
    }

    /// The characters of `text[from..to]` (`from <= to`, both character boundaries).
    pub(crate) fn between(&self, from: usize, to: usize) -> usize {
        if *self.ascii.get_or_init(|| self.text.is_ascii()) {
            return to - from;
        }
        if to - from > CHECKPOINT {
            return self.before(to) - self.before(from);
        }
        // Both ends are character boundaries here, so `str`'s own count (word at a time) does.
        let (start, at, chars) = self.last.get();
        let chars = if start == from && (from..=to).contains(&at) {
            chars + self.text[at..to].chars().count()
        } else {
            self.text[from..to].chars().count()
        };
        self.last.set((from, to, chars));
        chars
    }

    /// The UTF-16 code units of `text[from..to]` (`from <= to`, both character boundaries).
    pub(crate) fn utf16_between(&self, from: usize, to: usize) -> usize {
        if *self.ascii.get_or_init(|| self.text.is_ascii()) {
            return to - from;
        }
        let units = |bytes: &[u8]| starts(bytes) + astral(bytes);
        before(self.text.as_bytes(), &self.prefix_utf16, units, to)
            - before(self.text.as_bytes(), &self.prefix_utf16, units, from)
    }

    /// The characters in `text[..at]`: every byte that does not continue a UTF-8 sequence
    /// starts a character, so bytes are counted, and a checkpoint need not fall on a boundary.
    fn before(&self, at: usize) -> usize {
        before(self.text.as_bytes(), &self.prefix, starts, at)
    }
}

/// `count(&bytes[..at])`, from `prefix`'s checkpoints (made on first use) and at most
/// [`CHECKPOINT`] bytes counted on; `count` must add up over any split of the bytes.
fn before(
    bytes: &[u8],
    prefix: &OnceCell<Vec<usize>>,
    count: impl Fn(&[u8]) -> usize,
    at: usize,
) -> usize {
    let prefix = prefix.get_or_init(|| {
        let mut prefix = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
        let mut total = 0;
        prefix.push(0);
        for block in bytes.chunks_exact(CHECKPOINT) {
            total += count(block);
            prefix.push(total);
        }
        prefix
    });
    let at = at.min(bytes.len());
    let block = at / CHECKPOINT;
    prefix[block] + count(&bytes[block * CHECKPOINT..at])
}

/// The bytes of `bytes` that start a UTF-8 sequence (not `0b10xx_xxxx`).
fn starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// The bytes that start a four-byte sequence: a character outside the Basic Multilingual
/// Plane, two UTF-16 code units.
fn astral(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b >= 0xF0).count()
}

/// Line starts of one document, for byte offset to line and column.
#[derive(Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Columns: characters from the start of the line.
    chars: CharCount<'a>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            text,
            starts,
            chars: CharCount::new(text),
        }
    }

    /// 1-based line and column (in Unicode scalar values) of a byte offset.
    #[must_use]
    pub fn position(&self, offset: usize) -> Position {
        let (line, start, offset) = self.line_of(offset);
        Position {
            line,
            column: self.chars.between(start, offset) + 1,
        }
    }

    /// 1-based line and column in UTF-16 code units (as the Language Server Protocol and
    /// most editors count) of a byte offset.
    #[must_use]
    pub fn position_utf16(&self, offset: usize) -> Position {
        let (line, start, offset) = self.line_of(offset);
        Position {
            line,
            column: self.chars.utf16_between(start, offset) + 1,
        }
    }

    /// The 1-based line of `offset` (moved back to a character boundary, within the text), the
    /// line's start, and that offset.
    fn line_of(&self, offset: usize) -> (usize, usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        (line, self.starts[line - 1], offset)
    }
}

#[cfg(test)]
mod work {
    use std::cell::Cell;

    use super::*;

    /// Positions in any order on one long line cost the checkpoints once, then at most one
    /// checkpoint's bytes each: 20,000 positions going backwards over a 2 MB line (non-ASCII).
    /// Counting from the line's start for each, as before, read about 20 GB here.
    #[test]
    fn each_position_counts_at_most_a_checkpoint() {
        let text = "é".repeat(1 << 20);
        let bytes = text.as_bytes();
        let read = Cell::new(0usize);
        let count = |b: &[u8]| {
            read.set(read.get() + b.len());
            starts(b)
        };
        let prefix = OnceCell::new();
        let positions = 20_000;
        let step = bytes.len() / positions;
        for i in (0..positions).rev() {
            let at = i * step;
            assert_eq!(before(bytes, &prefix, count, at), at / 2);
        }
        assert!(
            read.get() <= bytes.len() + positions * CHECKPOINT,
            "{} bytes read",
            read.get()
        );
    }
}
