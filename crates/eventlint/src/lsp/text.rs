//! An open document's text and the protocol's positions: a line and a character offset in the
//! encoding agreed at `initialize` (UTF-16 by default, UTF-8 or UTF-32 when the client offers
//! them), to and from byte offsets.

use eventlint_core::source::LineIndex;
use lsp_types::{Position, PositionEncodingKind, Range, TextDocumentContentChangeEvent};

/// How the protocol counts characters on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    /// The encoding to use among those the client offers (`general.positionEncodings`, in its
    /// order of preference): UTF-32 counts as eventlint's columns do, UTF-8 is cheapest; the
    /// protocol's default, UTF-16, when it offers neither.
    pub(super) fn choose(offered: Option<&[PositionEncodingKind]>) -> Self {
        for kind in offered.unwrap_or_default() {
            if *kind == PositionEncodingKind::UTF32 {
                return Encoding::Utf32;
            }
            if *kind == PositionEncodingKind::UTF8 {
                return Encoding::Utf8;
            }
        }
        Encoding::Utf16
    }

    pub(super) fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    /// The units of `c` in this encoding.
    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// The byte offset of the start of each line of `text`.
pub(super) fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
    starts
}

/// The byte offset of a protocol position in `text`; a position past a line's end is its end
/// (before the line break), a line past the text's end is the text's end.
pub(super) fn offset(text: &str, starts: &[usize], encoding: Encoding, at: Position) -> usize {
    let Some(&start) = starts.get(at.line as usize) else {
        return text.len();
    };
    let end = starts
        .get(at.line as usize + 1)
        .map_or(text.len(), |&next| next - 1);
    let line = text.get(start..end).unwrap_or_default();
    let line = line.strip_suffix('\r').unwrap_or(line);
    let mut units = 0;
    for (i, c) in line.char_indices() {
        if units >= at.character as usize {
            return start + i;
        }
        units += encoding.units(c);
    }
    start + line.len()
}

/// Byte offsets of a text to protocol positions (the core's line index: character counts kept
/// every 4 KiB, so a position on a 1 MB line costs no more than one on a short one).
pub(super) struct Positions<'a> {
    index: LineIndex<'a>,
    starts: Vec<usize>,
    text: &'a str,
    encoding: Encoding,
}

impl<'a> Positions<'a> {
    pub(super) fn new(text: &'a str, encoding: Encoding) -> Self {
        Positions {
            index: LineIndex::new(text),
            starts: line_starts(text),
            text,
            encoding,
        }
    }

    pub(super) fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// The protocol position of a byte offset (moved back to a character boundary).
    pub(super) fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (line, character) = match self.encoding {
            Encoding::Utf32 => {
                let p = self.index.position(offset);
                (p.line - 1, p.column - 1)
            }
            Encoding::Utf16 => {
                let p = self.index.position_utf16(offset);
                (p.line - 1, p.column - 1)
            }
            Encoding::Utf8 => {
                let line = self.starts.partition_point(|&s| s <= offset) - 1;
                (line, offset - self.starts[line])
            }
        };
        Position::new(to_u32(line), to_u32(character))
    }

    pub(super) fn range(&self, bytes: &std::ops::Range<usize>) -> Range {
        Range::new(self.position(bytes.start), self.position(bytes.end))
    }

    /// The byte offset of a 1-based line and a column counted in characters (a document's place
    /// in the file, as `OffsetMap` gives it); clamped to the text.
    pub(super) fn byte_of(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = self.text.get(start..).unwrap_or_default();
        rest.char_indices()
            .nth(column.saturating_sub(1))
            .map_or(self.text.len(), |(i, _)| start + i)
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Applies one change of `didChange` to `text`: a range replaced, or the whole text.
pub(super) fn apply(text: &mut String, encoding: Encoding, change: TextDocumentContentChangeEvent) {
    match change.range {
        None => *text = change.text,
        Some(range) => {
            let starts = line_starts(text);
            let start = offset(text, &starts, encoding, range.start);
            let end = offset(text, &starts, encoding, range.end).max(start);
            text.replace_range(start..end, &change.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_positions_agree_in_every_encoding() {
        let text = "{\"a\": \"ż😀x\"}\r\n{\"b\": 1}\n";
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let positions = Positions::new(text, encoding);
            for (i, _) in text.char_indices() {
                if text[i..].starts_with('\n') {
                    continue;
                }
                let at = positions.position(i);
                assert_eq!(
                    offset(text, positions.starts(), encoding, at),
                    i,
                    "{encoding:?}"
                );
            }
        }
        let x = text.find('x').unwrap_or_default();
        assert_eq!(
            Positions::new(text, Encoding::Utf16).position(x).character,
            10
        );
        assert_eq!(
            Positions::new(text, Encoding::Utf32).position(x).character,
            9
        );
        assert_eq!(
            Positions::new(text, Encoding::Utf8).position(x).character,
            13
        );
    }

    #[test]
    fn changes_apply() {
        let mut text = "{\"a\": 1}\n{\"b\": 2}\n".to_owned();
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(1, 6), Position::new(1, 7))),
            range_length: None,
            text: "\"x\"".to_owned(),
        };
        apply(&mut text, Encoding::Utf16, change);
        assert_eq!(text, "{\"a\": 1}\n{\"b\": \"x\"}\n");
    }
}
