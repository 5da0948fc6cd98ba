//! Bytes to a parsed document: NDJSON text split into documents ([`documents`], the one reader
//! of every front end), UTF-8 decoding, strict RFC 8259 parsing (`value::parse`: `serde_json`'s
//! verdict, one pass on the fast path), and precise positions for what cannot be parsed.
//!
//! Public as `eventlint_core::source`.

pub mod documents;
mod syntax;
pub(crate) mod value;
/// Line and column of byte offsets, in characters or in UTF-16 code units (for editors).
pub use crate::locate::spans::lines::LineIndex;

use std::cell::Cell;
use std::ops::Range;

use bumpalo::Bump;

use value::Value;

use syntax::syntax_error;

/// A document that parsed as strict JSON.
#[derive(Debug)]
pub(crate) struct Parsed<'a> {
    /// The parsed value (borrowing the document's strings).
    pub value: Value<'a>,
    /// Whether some object repeated a key (found again, with spans, only then).
    pub has_duplicate_keys: bool,
}

/// How the message of a syntax error that is a trailing comma starts (its fix removes it).
pub(crate) const TRAILING_COMMA: &str = "trailing comma";

/// Why a document could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ParseError {
    /// Not UTF-8 (or not text at all); `offset` is the first offending byte (relative to the
    /// text after any BOM).
    Encoding {
        /// First offending byte.
        offset: usize,
        /// The bytes that were valid, for positions.
        valid_up_to: usize,
        /// What is wrong, e.g. that the document is UTF-16 or looks binary.
        message: String,
        /// What to do.
        help: String,
        /// What the bytes look like instead (Latin-1), when that is a guess.
        note: Option<String>,
    },
    /// Not strict JSON.
    Syntax {
        /// The offending bytes.
        span: Range<usize>,
        /// What is wrong.
        message: String,
        /// What to do.
        help: Option<String>,
    },
}

/// Splits off a UTF-8 byte order mark; returns the BOM length and the rest.
#[must_use]
pub fn strip_bom(bytes: &[u8]) -> (usize, &[u8]) {
    match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    }
}

/// How many of a document's first bytes [`decided_by`] needs to judge it: enough for the "looks
/// binary" test (a NUL in the first 8 KiB), the whole first character and the one after it.
pub const DECIDING_BYTES: usize = BINARY_HEAD + 8;

/// The first bytes of a document [`decode`] looks at for a NUL, to call it binary.
const BINARY_HEAD: usize = 8192;

/// Whether the first bytes of a document already decide its diagnostic, so that a reader can
/// stop there instead of holding a file of garbage whole (2 GB of NUL bytes are `json/syntax` at
/// 1:1 from the first byte): the length of `prefix` to check in place of the whole document, or
/// `None` to read on. `prefix` is the beginning of a document, not all of it, and holds at
/// least [`DECIDING_BYTES`] (after a byte order mark); a shorter one is never decided.
///
/// The first bytes decide when
/// - they are UTF-16 (a UTF-16 byte order mark, or a NUL in one of the first two bytes and not
///   the other): `json/encoding` at the start;
/// - they hold an invalid UTF-8 sequence: `json/encoding` at the first one, the document's first
///   whatever follows (a binary file);
/// - the first character that is not whitespace can never begin a JSON value (not one of
///   `{ [ " - 0-9 t f n`): `json/syntax` at that character, which no later byte changes unless
///   it is not UTF-8. That one case is where the verdict can differ from the whole document's: a
///   document that starts with such a character and holds invalid UTF-8 only past its prefix is
///   `json/syntax` at its start, not `json/encoding` further on.
///
/// Checking `&prefix[..n]` gives the diagnostic (rule, message, position) that checking the
/// whole document gives; only a snippet can show less of the text.
#[must_use]
pub fn decided_by(prefix: &[u8]) -> Option<usize> {
    let (bom, body) = strip_bom(prefix);
    if body.len() < DECIDING_BYTES {
        return None;
    }
    // `decode`'s UTF-16 tests look at the first two bytes only.
    if body.starts_with(b"\xFF\xFE")
        || body.starts_with(b"\xFE\xFF")
        || (body[0] == 0) != (body[1] == 0)
    {
        return Some(prefix.len());
    }
    let valid = match std::str::from_utf8(body) {
        Ok(text) => text.len(),
        // An invalid sequence (not one cut by the end of the prefix) is the document's first.
        Err(err) if err.error_len().is_some() => return Some(prefix.len()),
        Err(err) => err.valid_up_to(),
    };
    let first = body[..valid]
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))?;
    // The message may look at the byte after it (`//`, `\"`), and points at a whole character.
    if valid - first < 8 {
        return None;
    }
    match body[first] {
        b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => None,
        _ => Some(bom + valid),
    }
}

/// Decodes UTF-8 (the caller has stripped any BOM). UTF-16 (with or without a byte order
/// mark) and binary data are recognised and said so.
/// The byte ranges of the elements of `bytes` when it is one JSON array (a byte order mark
/// allowed), for checking each element as a document of its own (`--split-arrays`); `None` when
/// it is not UTF-8, not JSON or not an array, so that the whole text is checked (and its problem
/// reported) as one document.
///
/// `serde_json`'s `RawValue` keeps each element's exact text, which is where its bytes are.
#[must_use]
pub fn array_elements(bytes: &[u8]) -> Option<Vec<std::ops::Range<usize>>> {
    let (bom, body) = strip_bom(bytes);
    let text = std::str::from_utf8(body).ok()?;
    if !text.trim_start().starts_with('[') {
        return None;
    }
    let elements: Vec<&serde_json::value::RawValue> = serde_json::from_str(text).ok()?;
    let base = text.as_ptr() as usize;
    Some(
        elements
            .iter()
            .map(|raw| {
                let start = raw.get().as_ptr() as usize - base + bom;
                start..start + raw.get().len()
            })
            .collect(),
    )
}

pub(crate) fn decode(bytes: &[u8]) -> Result<&str, ParseError> {
    let encoding = |offset: usize, message: String| ParseError::Encoding {
        offset,
        valid_up_to: offset,
        message,
        help: "convert it to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8`".to_owned(),
        note: None,
    };
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let order = if bytes[0] == 0xFF { "LE" } else { "BE" };
        return Err(encoding(
            0,
            format!(
                "the document is UTF-16{order}: it starts with a UTF-16 byte order mark; JSON must be UTF-8"
            ),
        ));
    }
    // JSON text starts with ASCII; in UTF-16 without a BOM that is a byte and a NUL.
    if let [a, b, ..] = bytes
        && (*a == 0) != (*b == 0)
    {
        let (order, nul) = if *a == 0 { ("BE", 0) } else { ("LE", 1) };
        return Err(encoding(
            nul,
            format!(
                "the document looks like UTF-16{order} without a byte order mark (every other byte is NUL); JSON must be UTF-8"
            ),
        ));
    }
    // SIMD validation (several times faster than `core`'s on event-sized text); on failure
    // `core` finds the exact position and error length for the message.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let head = &bytes[..bytes.len().min(8192)];
        if let Some(nul) = head.iter().position(|b| *b == 0) {
            return ParseError::Encoding {
                offset: at,
                valid_up_to: at,
                message: format!(
                    "the document looks binary, not text: it holds NUL bytes (the first at byte {nul}) and invalid UTF-8 at byte {at}"
                ),
                help: "check JSON text files only; is this file misnamed?".to_owned(),
                note: None,
            };
        }
        let byte = bytes[at];
        let latin1 = byte >= 0xA0 && e.error_len() == Some(1);
        ParseError::Encoding {
            offset: at,
            valid_up_to: at,
            message: format!("invalid UTF-8 at byte {at} of the document (byte 0x{byte:02X})"),
            help: if latin1 {
                "save the file as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`".to_owned()
            } else {
                "save the file as UTF-8".to_owned()
            },
            note: latin1.then(|| {
                format!(
                    "0x{byte:02X} is `{}` in Latin-1 and Windows-1252: the file looks saved in one of those encodings",
                    char::from(byte)
                )
            }),
        }
    })
}

/// Parses strict JSON, noticing duplicate keys without tracking paths (the fast path).
///
/// The text is already known to be UTF-8 ([`decode`]), so the parsers read it as a `str` and do
/// not validate every string again. The value's containers and decoded strings go in `arena`.
pub(crate) fn parse<'a>(text: &'a str, arena: &'a Bump) -> Result<Parsed<'a>, ParseError> {
    if text
        .bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        return Err(ParseError::Syntax {
            span: text.len()..text.len(),
            message: if text.is_empty() {
                "the document is empty: expected a JSON value".to_owned()
            } else {
                "the document holds only whitespace: expected a JSON value".to_owned()
            },
            help: Some("put one JSON object in the file, or delete it".to_owned()),
        });
    }
    let duplicates = Cell::new(false);
    match value::parse(text, arena, &duplicates) {
        Ok(value) => Ok(Parsed {
            value,
            has_duplicate_keys: duplicates.get(),
        }),
        Err(err) => Err(syntax_error(text, &err)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`super::parse`] in an arena that lives as long as the test.
    fn parse(text: &str) -> Result<Parsed<'_>, ParseError> {
        super::parse(text, Box::leak(Box::default()))
    }

    fn syntax(text: &str) -> (Range<usize>, String) {
        match parse(text) {
            Err(ParseError::Syntax { span, message, .. }) => (span, message),
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn trailing_comma_points_at_the_comma() {
        let text = "{\n  \"a\": 1,\n}";
        let (span, message) = syntax(text);
        assert_eq!(&text[span], ",");
        assert!(message.contains("trailing comma"));
        let text = "[1, 2 ,  ]";
        let (span, _) = syntax(text);
        assert_eq!(span, 6..7);
    }

    #[test]
    fn comments_quotes_nan_and_truncation() {
        let (span, message) = syntax("{\"a\": 1 // no\n}");
        assert_eq!(span, 8..9, "{message}");
        assert!(message.contains("comments"));
        let (span, message) = syntax("{'a': 1}");
        assert_eq!(span, 1..2);
        assert!(message.contains("single quotes"));
        // Pasted from a shell command line with its quotes: the quotes go, not into `"`.
        for pasted in ["'{\"a\": 1}'", "  '[1, 2]'\n", "'{\n  \"a\": 'b'\n}'"] {
            let text = pasted;
            let (span, message) = syntax(text);
            assert_eq!(&text[span], "'", "{text}");
            assert!(
                message.contains("wrapped in single quotes"),
                "{text}: {message}"
            );
        }
        for not_pasted in ["'a'", "{'a': 1}'", "'{\"a\": 1}"] {
            let (_, message) = syntax(not_pasted);
            assert!(!message.contains("wrapped"), "{not_pasted}: {message}");
        }
        let (span, message) = syntax("{\"a\": NaN}");
        assert_eq!(span, 6..7);
        assert!(message.contains("NaN"));
        let (span, message) = syntax("{ error: 'x'}");
        assert_eq!(span, 2..7);
        assert!(message.contains("JavaScript object literal"), "{message}");
        let (span, message) = syntax("{ \\\"a\\\": 1}");
        assert_eq!(span, 2..3);
        assert!(message.contains("still escaped"), "{message}");
        let (span, message) = syntax("{\"a\": [1, 2");
        assert_eq!(span, 11..11);
        assert!(message.contains("ends too early"));
    }

    #[test]
    fn empty_and_whitespace() {
        assert!(syntax("").1.contains("empty"));
        assert!(syntax(" \n\t").1.contains("whitespace"));
    }

    #[test]
    fn duplicates_are_noticed() {
        assert!(
            parse(r#"{"a": {"b": 1, "b": 2}}"#)
                .unwrap()
                .has_duplicate_keys
        );
        assert!(
            !parse(r#"{"a": {"b": 1}, "b": 2}"#)
                .unwrap()
                .has_duplicate_keys
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        let (_, message) = syntax(&text);
        assert!(message.contains("128 levels"), "{message}");
    }

    #[test]
    fn numbers_out_of_range_are_marked_whole() {
        let text = "{\"a\": 1e400, \"b\": 2}";
        let (span, message) = syntax(text);
        assert_eq!(&text[span], "1e400");
        assert!(message.contains("64-bit float"), "{message}");
        let text = "[-1.5E+999]";
        let (span, _) = syntax(text);
        assert_eq!(&text[span], "-1.5E+999");
        // In range: 2^64 and -0 parse (as floats).
        assert!(parse("[18446744073709551616, -0, 1e-400]").is_ok());
    }

    #[test]
    fn lone_surrogates_point_at_the_escape() {
        for (text, escape, which) in [
            (r#"{"a": "\ud800"}"#, r"\ud800", "high"),
            (r#"{"a": "x\uDC00y"}"#, r"\uDC00", "low"),
            (r#"{"a": "\ud800\u0041"}"#, r"\ud800", "high"),
            (r#"{"a": "\ud800\n"}"#, r"\ud800", "high"),
        ] {
            let (span, message) = syntax(text);
            assert_eq!(&text[span], escape, "{text}");
            assert!(
                message.contains(&format!("a {which} surrogate")),
                "{message}"
            );
        }
        assert!(parse(r#"{"a": "\ud83d\ude00"}"#).is_ok());
    }

    #[test]
    fn control_characters() {
        let text = "{\"a\": \"x\0y\"}";
        let (span, message) = syntax(text);
        assert_eq!(span, 8..9);
        assert!(message.contains("U+0000 (NUL) in a string"), "{message}");
        let text = "{\"a\": \"x\ny\"}";
        let (span, message) = syntax(text);
        assert_eq!(span, 8..9);
        assert!(message.contains("line feed"), "{message}");
        let text = "{\"a\": 1}\0";
        let (span, message) = syntax(text);
        assert_eq!(span, 8..9);
        assert!(message.contains("between values"), "{message}");
    }

    fn encoding(bytes: &[u8]) -> (usize, String, Option<String>) {
        match decode(bytes) {
            Err(ParseError::Encoding {
                offset,
                message,
                note,
                ..
            }) => (offset, message, note),
            other => panic!("expected an encoding error, got {other:?}"),
        }
    }

    #[test]
    fn utf16_binary_and_latin1_are_named() {
        let (at, message, _) = encoding(b"\xFF\xFE{\0}\0");
        assert_eq!(at, 0);
        assert!(message.contains("UTF-16LE: it starts with a UTF-16 byte order mark"));
        let (at, message, _) = encoding(b"{\0\"\0a\0\"\0");
        assert_eq!(at, 1);
        assert!(message.contains("UTF-16LE without a byte order mark"));
        let (at, message, _) = encoding(b"\0{\0}");
        assert_eq!(at, 0);
        assert!(message.contains("UTF-16BE"));
        let (at, message, _) = encoding(b"\x7fELF\x02\x01\x01\0\0\0\xF0\x80");
        assert_eq!(at, 10);
        assert!(message.contains("looks binary"), "{message}");
        let (at, message, note) = encoding(b"{\"a\": \"Jos\xE9\"}");
        assert_eq!(at, 10);
        assert!(message.contains("0xE9"));
        assert!(note.is_some_and(|n| n.contains("`\u{e9}` in Latin-1")));
    }

    /// Checking the bytes `decided_by` keeps gives the whole document's diagnostics.
    fn same_verdict(whole: &[u8], prefix: usize) -> Option<usize> {
        let decided = decided_by(&whole[..prefix.min(whole.len())])?;
        let options = crate::CheckOptions::default();
        let all = crate::check_document(whole, &options);
        let part = crate::check_document(&whole[..decided], &options);
        assert_eq!(all.diagnostics, part.diagnostics);
        assert_eq!(all.diagnostics.len(), 1);
        Some(decided)
    }

    #[test]
    fn garbage_is_decided_by_its_first_bytes() {
        const PREFIX: usize = 64 << 10;
        let long = |head: &[u8], fill: u8| {
            let mut bytes = head.to_vec();
            bytes.resize(200_000, fill);
            bytes
        };
        // NUL bytes, after a BOM too: `json/syntax` at 1:1, whatever follows.
        assert_eq!(same_verdict(&long(b"", 0), PREFIX), Some(PREFIX));
        assert_eq!(
            same_verdict(&long(b"\xEF\xBB\xBF", 0), PREFIX),
            Some(PREFIX)
        );
        // After whitespace, across lines; a word, a comment, an escaped quote, a non-ASCII
        // character cut by the end of the prefix.
        for head in [
            &b" \r\n\n\t x"[..],
            b"// c",
            b"\\\"a\\\"",
            b"<html>",
            b"'a'",
        ] {
            assert_eq!(
                same_verdict(&long(head, b' '), PREFIX),
                Some(PREFIX),
                "{head:?}"
            );
        }
        let mut accents = "\u{e9}".repeat(40_000).into_bytes();
        accents.push(b'!');
        assert_eq!(same_verdict(&accents, PREFIX - 1), Some(PREFIX - 2));
        // Binary: `json/encoding` at the first invalid byte, "looks binary".
        let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0\xB0\x10".to_vec();
        elf.extend((0..=255u8).cycle().take(200_000));
        assert_eq!(same_verdict(&elf, PREFIX), Some(PREFIX));
        // UTF-16, with and without a byte order mark.
        let utf16: Vec<u8> = "{\"a\": 1}"
            .repeat(20_000)
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(same_verdict(&utf16, PREFIX), Some(PREFIX));
        assert_eq!(
            same_verdict(&[&b"\xFF\xFE"[..], &utf16].concat(), PREFIX),
            Some(PREFIX)
        );
        // Latin-1 in a document that starts as JSON: decided by the invalid byte.
        let mut latin1 = long(b"{\"a\": \"Jos\xE9\"", b' ');
        latin1.push(b'}');
        assert_eq!(same_verdict(&latin1, PREFIX), Some(PREFIX));
    }

    #[test]
    fn what_may_be_json_is_read_on() {
        let long = |head: &[u8]| {
            let mut bytes = head.to_vec();
            bytes.resize(100_000, b' ');
            bytes
        };
        for head in [
            &b"{"[..],
            b"[",
            b"\"",
            b"-",
            b"7",
            b"true",
            b"f",
            b"n",
            b"\n  {\0",
        ] {
            assert_eq!(decided_by(&long(head)), None, "{head:?}");
        }
        // Whitespace only so far, or too short to judge.
        assert_eq!(decided_by(&long(b"")), None);
        assert_eq!(decided_by(&[0; DECIDING_BYTES - 1]), None);
        let mut late = vec![b' '; DECIDING_BYTES];
        late.extend(b"xy");
        assert_eq!(decided_by(&late), None);
        late.extend(b"zzzzzzzzzz");
        assert_eq!(decided_by(&late), Some(late.len()));
    }

    #[test]
    fn utf8_and_bom() {
        assert_eq!(strip_bom(b"\xEF\xBB\xBF{}"), (3, &b"{}"[..]));
        assert!(matches!(
            decode(b"{\"a\": \"\xFF\"}"),
            Err(ParseError::Encoding { offset: 7, .. })
        ));
    }
}
