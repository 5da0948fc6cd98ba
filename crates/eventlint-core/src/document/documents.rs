//! NDJSON text to documents: the one definition of a line, of a blank line and of a document's
//! bytes, shared by every front end (the CLI's block reader, the test suites, the fuzz targets'
//! replay, the benchmark baseline), so that they count the same documents on the same lines.
//!
//! - A line ends at a `\n` (a lone `\r` does not end one). The last line of a text that does not
//!   end with `\n` is a line too; an empty text has no line.
//! - A line's **body** is the line without its `\n` and without every `\r` just before it (`\r\n`
//!   and `\r\r\n` alike).
//! - A line is **blank** when its body, past one leading UTF-8 byte order mark, holds only spaces
//!   and tabs (or nothing). A blank line is skipped; it still counts in line numbers.
//! - Every other line is a **document**: its body, a byte order mark included (checking skips it).
//!
//! JSON's whitespace is space, tab, `\r` and `\n`; the `\n` ends the line and the `\r`s before it
//! go with it, so what is left of a blank line is spaces and tabs. A byte order mark is not
//! whitespace to JSON, but it marks the encoding, not content: a line holding only one (the first
//! line of a file an editor saved "with BOM") is blank, and a BOM before a document is allowed.
//! A form feed (`\x0C`) or a vertical tab is not JSON whitespace: a line holding one is a document,
//! and checking it says what is wrong with it (`json/syntax`, a control character), rather than
//! hiding it.

use super::strip_bom;

/// A line's body: `line` without a final `\n` and every `\r` before it. `line` may come with its
/// `\n` or without it.
#[must_use]
pub fn line_body(line: &[u8]) -> &[u8] {
    let mut end = line.len();
    if end > 0 && line[end - 1] == b'\n' {
        end -= 1;
    }
    while end > 0 && line[end - 1] == b'\r' {
        end -= 1;
    }
    &line[..end]
}

/// Whether a line of NDJSON text is blank (skipped, not a document): after its line break
/// (`\n`, with any `\r` before it) and one leading UTF-8 byte order mark are taken away, it holds
/// only spaces and tabs, or nothing. A form feed, a vertical tab or a `\r` that is not part of the
/// line break make it a document. See the [module](self) for why.
///
/// ```
/// use eventlint_core::source::documents::is_blank;
///
/// assert!(is_blank(b" \t\r\n"));
/// assert!(is_blank(b"\xEF\xBB\xBF"));
/// assert!(!is_blank(b"\x0C"));
/// assert!(!is_blank(b"{}"));
/// ```
#[must_use]
pub fn is_blank(line: &[u8]) -> bool {
    let (_, body) = strip_bom(line_body(line));
    body.iter().all(|b| matches!(b, b' ' | b'\t'))
}

/// A document of NDJSON text: a line that is not [blank](is_blank).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Document<'a> {
    /// The 0-based number of its line (counting blank lines).
    pub line: usize,
    /// Where its bytes start in the text read.
    pub offset: usize,
    /// Its bytes: the line's [body](line_body), without the line break, with any byte order mark.
    pub bytes: &'a [u8],
}

impl Document<'_> {
    /// Its bytes' range in the text read.
    #[must_use]
    pub fn range(&self) -> std::ops::Range<usize> {
        self.offset..self.offset + self.bytes.len()
    }
}

/// The [documents](Document) of NDJSON text, in order: every line that is not
/// [blank](is_blank).
///
/// A reader that streams a file in blocks gives each block's whole lines (the last block: all
/// that is left, which may end without `\n`) with the number of the block's first line, and
/// takes [`Documents::next_line`] as the next block's:
///
/// ```
/// use eventlint_core::source::documents::Documents;
///
/// let mut first = Documents::new(b"{\"a\": 1}\r\n\n");
/// let lines: Vec<usize> = first.by_ref().map(|d| d.line).collect();
/// assert_eq!(lines, [0]);
/// let second = Documents::from_line(b"  \n{\"b\": 2}", first.next_line());
/// let found: Vec<(usize, &[u8])> = second.map(|d| (d.line, d.bytes)).collect();
/// assert_eq!(found, [(3, &b"{\"b\": 2}"[..])]);
/// ```
#[derive(Debug, Clone)]
pub struct Documents<'a> {
    text: &'a [u8],
    /// Where the next line starts.
    at: usize,
    /// The 0-based number of the next line.
    line: usize,
}

impl<'a> Documents<'a> {
    /// The documents of `text`, whose first line is line 0.
    #[must_use]
    pub fn new(text: &'a [u8]) -> Self {
        Documents::from_line(text, 0)
    }

    /// The documents of `text`, whose first line is line `line` (0-based) of a longer text: a
    /// block of whole lines of a stream.
    #[must_use]
    pub fn from_line(text: &'a [u8], line: usize) -> Self {
        Documents { text, at: 0, line }
    }

    /// The 0-based number of the line after the last one read (blank or not): once every
    /// document has been read, the number of the line after the text, i.e. the first line of
    /// the next block.
    #[must_use]
    pub fn next_line(&self) -> usize {
        self.line
    }
}

impl<'a> Iterator for Documents<'a> {
    type Item = Document<'a>;

    fn next(&mut self) -> Option<Document<'a>> {
        while self.at < self.text.len() {
            let start = self.at;
            let rest = &self.text[start..];
            let end = memchr::memchr(b'\n', rest).map_or(rest.len(), |n| n + 1);
            self.at += end;
            let line = self.line;
            self.line += 1;
            let body = line_body(&rest[..end]);
            if !is_blank(body) {
                return Some(Document {
                    line,
                    offset: start,
                    bytes: body,
                });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each document's 0-based line and bytes.
    fn documents(text: &[u8]) -> Vec<(usize, &[u8])> {
        Documents::new(text).map(|d| (d.line, d.bytes)).collect()
    }

    #[test]
    fn blank_lines_are_spaces_and_tabs() {
        for blank in [
            &b""[..],
            b" ",
            b"\t",
            b" \t \t",
            b"\n",
            b"\r\n",
            b"\r\r\n",
            b" \t\r\n",
            b"\r",
        ] {
            assert!(is_blank(blank), "{blank:?}");
        }
        assert_eq!(
            documents(b"\n \n\t\n \t \r\n\r\n{}\n   "),
            [(5, &b"{}"[..])]
        );
    }

    #[test]
    fn form_feeds_and_vertical_tabs_are_documents() {
        for line in [&b"\x0C"[..], b" \x0C ", b"\x0B", b"\x0C\r\n"] {
            assert!(!is_blank(line), "{line:?}");
        }
        assert_eq!(
            documents(b"{}\n\x0C\n \x0C\t\r\n"),
            [(0, &b"{}"[..]), (1, &b"\x0C"[..]), (2, &b" \x0C\t"[..])]
        );
    }

    #[test]
    fn a_lone_carriage_return_inside_a_line_is_not_a_line_break() {
        assert!(!is_blank(b" \r "));
        assert_eq!(documents(b"{}\r{}\n"), [(0, &b"{}\r{}"[..])]);
    }

    #[test]
    fn a_byte_order_mark_alone_is_blank_and_before_a_document_is_kept() {
        assert!(is_blank(b"\xEF\xBB\xBF"));
        assert!(is_blank(b"\xEF\xBB\xBF \t\r\n"));
        // Only one mark, and only at the start of the line.
        assert!(!is_blank(b"\xEF\xBB\xBF\xEF\xBB\xBF"));
        assert!(!is_blank(b" \xEF\xBB\xBF"));
        assert_eq!(
            documents(b"\xEF\xBB\xBF{\"a\": 1}\r\n\xEF\xBB\xBF\n{}"),
            [(0, &b"\xEF\xBB\xBF{\"a\": 1}"[..]), (2, &b"{}"[..])]
        );
        assert_eq!(documents(b"\xEF\xBB\xBF\n{}\n"), [(1, &b"{}"[..])]);
    }

    #[test]
    fn crlf_and_a_last_line_without_newline() {
        let text = b"{\"a\": 1}\r\n\r\n{\"b\": 2}\r\r\n{\"c\": 3}";
        assert_eq!(
            documents(text),
            [
                (0, &b"{\"a\": 1}"[..]),
                (2, &b"{\"b\": 2}"[..]),
                (3, &b"{\"c\": 3}"[..])
            ]
        );
        // Offsets point into the text.
        for d in Documents::new(text) {
            assert_eq!(&text[d.range()], d.bytes);
        }
        // A last line with a CR and no newline.
        assert_eq!(documents(b"{}\n[]\r"), [(0, &b"{}"[..]), (1, &b"[]"[..])]);
        // No line at all, and a newline ends a line but does not start one.
        assert_eq!(documents(b""), []);
        let mut only = Documents::new(b"{}\n");
        assert_eq!(only.next().map(|d| d.line), Some(0));
        assert_eq!(only.next(), None);
        assert_eq!(only.next_line(), 1);
    }

    #[test]
    fn blocks_of_whole_lines_number_lines_as_the_whole_text() {
        let text = b"{}\n\n \x0C\n\xEF\xBB\xBF\r\n[1]\n\t\n{\"x\": 2}";
        let whole: Vec<(usize, &[u8])> = documents(text);
        assert_eq!(whole.len(), 4);
        // Cut after every line break.
        for cut in memchr::memchr_iter(b'\n', text) {
            let (head, tail) = text.split_at(cut + 1);
            let mut first = Documents::new(head);
            let mut found: Vec<(usize, &[u8])> =
                first.by_ref().map(|d| (d.line, d.bytes)).collect();
            found.extend(Documents::from_line(tail, first.next_line()).map(|d| (d.line, d.bytes)));
            assert_eq!(found, whole, "cut at {cut}");
        }
    }
}
