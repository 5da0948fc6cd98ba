//! What the line-based readers (`.http`, Hurl) share: lines with their byte offsets, trimmed
//! spans, and bodies read from another file.

use std::ops::Range;
use std::path::PathBuf;

use crate::{Problem, ReadContext};

/// One line of the file: its bytes without the line break (`\n` or `\r\n`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line {
    /// Its first byte.
    pub start: usize,
    /// One past its last byte, before the line break.
    pub end: usize,
}

impl Line {
    /// The line's text, without its line break.
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// The span of the line's text without the whitespace around it.
    pub fn trimmed(self, text: &str) -> Range<usize> {
        trimmed(text, self.start..self.end)
    }
}

/// The lines of `text`; a final line break does not start another line.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let (end, next) = match text[start..].find('\n') {
            Some(i) => {
                let newline = start + i;
                let end = if text[..newline].ends_with('\r') {
                    newline - 1
                } else {
                    newline
                };
                (end.max(start), newline + 1)
            }
            None => (text.len(), text.len()),
        };
        lines.push(Line { start, end });
        start = next;
    }
    lines
}

/// `range` of `text` without the whitespace at its ends (an empty range at its start if it is
/// all whitespace).
pub(crate) fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = start + s.trim().len();
    start..end
}

/// The body file a request names (`< ./body.json` in `.http`, `file,body.json;` in Hurl),
/// relative to the folder of the file read: its text and the path read, or the fatal problem at
/// `span` (the reference) when it cannot be read.
pub(crate) fn body_file(
    ctx: &ReadContext,
    written: &str,
    span: Range<usize>,
) -> Result<(String, PathBuf), Problem> {
    let path = ctx.base_dir.join(written);
    match std::fs::read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok((text, path)),
            Err(_) => Err(Problem {
                message: format!(
                    "the body file `{written}` ({}) is not UTF-8 text",
                    path.display()
                ),
                help: "save the body as UTF-8".to_owned(),
                span,
                fatal: true,
            }),
        },
        Err(error) => Err(Problem {
            message: format!(
                "the body file `{written}` ({}) cannot be read: {error}",
                path.display()
            ),
            help: "body files are relative to the folder of the file that names them".to_owned(),
            span,
            fatal: true,
        }),
    }
}

/// What the readers' tests share: checks of spans and maps, and inputs for the no-panic tests.
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::missing_panics_doc)]
pub(crate) mod test_support {
    use crate::{BodySource, Item, RawRequest};

    /// The requests of `items` (problems left out).
    pub fn requests(items: &[Item]) -> Vec<&RawRequest> {
        items
            .iter()
            .filter_map(|item| match item {
                Item::Request(r) => Some(r),
                Item::Problem(_) => None,
            })
            .collect()
    }

    /// Checks what every request must hold: its spans are inside `text` (a header's parts inside
    /// the header), and each
    /// byte of an inline body maps to the same byte in `text`, or into a `{{…}}` it came from
    /// (at its `{{`), or to an escape (at its `\`).
    pub fn check_request(text: &str, request: &RawRequest) {
        assert!(request.span.end <= text.len());
        assert!(text.get(request.span.clone()).is_some());
        for header in &request.headers {
            for part in [&header.name.span, &header.value.span] {
                assert!(header.span.start <= part.start && part.end <= header.span.end);
                assert!(text.get(part.clone()).is_some());
            }
        }
        let Some(body) = &request.body else { return };
        let BodySource::Inline(map) = &body.source else {
            return;
        };
        let end = map.file_offset(body.text.len());
        assert!(body.span.start <= end && end <= body.span.end);
        // Hurl's [FormParams] and `base64,`/`hex,` bodies are made, not written: their bytes map
        // to what made them, checked in their own tests.
        let written = &text[body.span.clone()];
        if ["[Form", "base64,", "hex,"]
            .iter()
            .any(|k| written.starts_with(k))
        {
            return;
        }
        let bytes = text.as_bytes();
        for (i, &b) in body.text.as_bytes().iter().enumerate() {
            let f = map.file_offset(i);
            assert!(
                bytes.get(f) == Some(&b)
                    || text[f..].starts_with("{{")
                    || text[f..].starts_with('\\'),
                "body byte {i} ({:?}) maps to file byte {f} ({:?})",
                b as char,
                bytes.get(f).map(|&b| b as char)
            );
            assert!(
                body.span.contains(&f),
                "body byte {i} maps outside the body"
            );
        }
    }

    /// Runs `read` on every char-boundary prefix of `text`: it must not panic.
    pub fn read_every_prefix(text: &str, read: impl Fn(&str) -> Vec<Item>) {
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            for item in read(&text[..i]) {
                if let Item::Request(r) = item {
                    check_request(&text[..i], &r);
                }
            }
        }
    }

    /// `count` pseudo-random texts made of pieces that mean something to the readers.
    pub fn random_texts(count: usize) -> Vec<String> {
        const PIECES: &[&str] = &[
            "###",
            "\n",
            "\r\n",
            "\n\n",
            "{{",
            "}}",
            "@",
            "=",
            ":",
            " ",
            "\t",
            "GET ",
            "post ",
            "POST https://h/p",
            "< ",
            "> {%",
            "%}",
            "<> ",
            "{",
            "}",
            "[",
            "]",
            "`",
            "```",
            "```json",
            "#",
            "//",
            "?",
            "&",
            "é",
            "x",
            "\"",
            "\\",
            "HTTP 200",
            "HTTP/1.1",
            "[Query]",
            "[BasicAuth]",
            "[FormParams]",
            "[Asserts]",
            "file,",
            ";",
            "$uuid",
            "$timestamp",
            "newUuid",
            "a: b",
            "Content-Type: application/json",
            "\\u{",
            "\\#",
            "base64,",
            "hex,",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            // xorshift64
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..count)
            .map(|_| {
                let len = next() % 40;
                (0..len)
                    .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_drop_their_breaks() {
        let text = "a\r\nbc\n\nd";
        let got: Vec<&str> = lines(text).iter().map(|l| l.text(text)).collect();
        assert_eq!(got, ["a", "bc", "", "d"]);
        assert_eq!(lines("x\n").len(), 1);
        assert!(lines("").is_empty());
    }
}
