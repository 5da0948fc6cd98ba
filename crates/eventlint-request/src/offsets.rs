//! From a decoded text's bytes back to the file's bytes.

/// A piecewise map from the bytes of a decoded text (a body inside quotes, a JSON string with
/// escapes) to the bytes of the file it was written in. Each piece maps a run of text bytes to a
/// run of file bytes one to one; a byte that an escape produced (`\n` in a JSON string, `\'` in a
/// shell word) maps to the escape's first byte, and its piece ends there.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct OffsetMap {
    /// `(text offset, file offset)` where each piece starts, sorted by text offset.
    pieces: Vec<(usize, usize)>,
    /// One past the text's last byte, and where that is in the file.
    end: (usize, usize),
}

impl OffsetMap {
    /// The identity shifted by `file_start`: a text written as is from `file_start` on.
    #[must_use]
    pub fn shifted(file_start: usize, len: usize) -> Self {
        OffsetMap {
            pieces: vec![(0, file_start)],
            end: (len, file_start + len),
        }
    }

    /// An empty map, to be built with [`OffsetMap::push`] and finished with [`OffsetMap::finish`].
    #[must_use]
    pub fn new() -> Self {
        OffsetMap::default()
    }

    /// From text byte `text` on, the text is the file from byte `file` on (until the next piece).
    pub fn push(&mut self, text: usize, file: usize) {
        if let Some(last) = self.pieces.last_mut() {
            if last.0 == text {
                *last = (text, file);
                return;
            }
            // The same run continued: nothing to record.
            if file >= last.1 && file - last.1 == text - last.0 {
                return;
            }
        }
        self.pieces.push((text, file));
    }

    /// The text ends at byte `text`, which is file byte `file` (one past the closing quote's
    /// content, say).
    pub fn finish(&mut self, text: usize, file: usize) {
        self.end = (text, file);
    }

    /// The file byte where text byte `offset` was written (`offset` may be the text's end).
    #[must_use]
    pub fn file_offset(&self, offset: usize) -> usize {
        if offset >= self.end.0 {
            return self.end.1 + (offset - self.end.0);
        }
        let i = self.pieces.partition_point(|&(t, _)| t <= offset);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            Some((t, f)) => f + (offset - t),
            None => offset,
        }
    }

    /// The file bytes a text range covers: from its first byte's place to the end of its last
    /// byte's place (an escape is covered whole).
    #[must_use]
    pub fn file_range(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.file_offset(range.start);
        if range.end <= range.start {
            return start..start;
        }
        // The end of the last byte: where the byte after it starts in the file.
        let end = self.file_offset(range.end);
        start..end.max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::OffsetMap;

    #[test]
    fn a_shifted_text_maps_by_its_start() {
        let map = OffsetMap::shifted(10, 5);
        assert_eq!(map.file_offset(0), 10);
        assert_eq!(map.file_offset(4), 14);
        assert_eq!(map.file_range(1..3), 11..13);
        assert_eq!(map.file_offset(5), 15);
    }

    /// `"a\"b"` in a file at 0: text `a"b`; `"` of the text is `\"` at file 2..4.
    #[test]
    fn an_escape_covers_its_bytes() {
        let mut map = OffsetMap::new();
        map.push(0, 1); // a
        map.push(1, 2); // \" -> "
        map.push(2, 4); // b
        map.finish(3, 5);
        assert_eq!(map.file_offset(0), 1);
        assert_eq!(map.file_offset(1), 2);
        assert_eq!(map.file_offset(2), 4);
        assert_eq!(map.file_range(1..2), 2..4);
        assert_eq!(map.file_range(0..3), 1..5);
    }
}
