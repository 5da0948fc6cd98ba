//! JSON string literals decoded with a map from the decoded text back to the file.
//!
//! Why hand-written: `serde_json` and `jsonc-parser` decode a string but keep no offsets inside
//! it, and a finding in a HAR body (a JSON document written as one JSON string, `{\"a\":1}`) must
//! point at the bytes of the HAR file, escapes included.
//!
//! Every RFC 8259 escape is decoded: `\"` `\\` `\/` `\b` `\f` `\n` `\r` `\t` and `\uXXXX`, with
//! surrogate pairs (`\ud83d\ude00` is one character). A lone surrogate (`\ud800` not followed by
//! a low surrogate, or a low surrogate alone) becomes U+FFFD, without a [`Problem`]: that is what
//! a browser sends for it (a JavaScript string holding one is encoded to UTF-8 with U+FFFD in its
//! place), and a linter of what was sent should see the same. A malformed escape (`\x`, `\u12`)
//! or an unescaped quote inside the literal is a [`Problem`].
//!
//! The literal's other syntax (raw control characters, which JSON forbids) is the business of
//! the parser that found the literal; they are decoded as they are.

use std::ops::Range;

use crate::{OffsetMap, Problem};

/// Decodes the JSON string literal at `file[literal]` (both quotes included).
///
/// Returns the text and an [`OffsetMap`] from its bytes to the bytes of `file`: a run of
/// characters written as they are maps one to one (one piece for the run), and every byte of a
/// character an escape produced maps to that escape's backslash (a surrogate pair's first one).
/// The map's end is the closing quote.
///
/// Errors: `literal` is not a range of `file` at character boundaries, is not a quoted string,
/// or holds a malformed escape or an unescaped quote. The [`Problem`] is fatal and points at the
/// bad bytes.
pub fn decode(file: &str, literal: Range<usize>) -> Result<(String, OffsetMap), Problem> {
    let Some(raw) = file.get(literal.clone()) else {
        let start = literal.start.min(file.len());
        return Err(problem(
            "the string is not where it was expected in the file".to_owned(),
            start..start,
        ));
    };
    decode_at(raw, literal.start)
}

/// [`decode`] for a literal given by itself, written in the file from byte `file_start` on (the
/// map's offsets are `file_start` plus offsets in `raw`).
pub(crate) fn decode_at(raw: &str, file_start: usize) -> Result<(String, OffsetMap), Problem> {
    let bytes = raw.as_bytes();
    let len = bytes.len();
    if len < 2 || bytes[0] != b'"' || bytes[len - 1] != b'"' {
        return Err(problem(
            "not a JSON string: a JSON string is written between double quotes".to_owned(),
            file_start..file_start + len,
        ));
    }
    // The text between the quotes, and where it starts in the file.
    let inner = &raw[1..len - 1];
    let base = file_start + 1;
    if memchr::memchr2(b'\\', b'"', inner.as_bytes()).is_none() {
        return Ok((inner.to_owned(), OffsetMap::shifted(base, inner.len())));
    }

    let bytes = inner.as_bytes();
    let mut text = String::with_capacity(inner.len());
    let mut map = OffsetMap::new();
    let mut i = 0;
    while i < bytes.len() {
        let run_end = memchr::memchr2(b'\\', b'"', &bytes[i..]).map_or(bytes.len(), |k| i + k);
        if run_end > i {
            // `\` and `"` are ASCII: the run ends at a character boundary.
            map.push(text.len(), base + i);
            text.push_str(&inner[i..run_end]);
            i = run_end;
            continue;
        }
        if bytes[i] == b'"' {
            return Err(problem(
                "a double quote inside a JSON string must be escaped (`\\\"`)".to_owned(),
                base + i..base + i + 1,
            ));
        }
        let (ch, escape_len) = escape(inner, i)
            .map_err(|(message, span)| problem(message, base + span.start..base + span.end))?;
        let at = text.len();
        text.push(ch);
        for byte in at..text.len() {
            map.push(byte, base + i);
        }
        i += escape_len;
    }
    map.finish(text.len(), base + inner.len());
    Ok((text, map))
}

/// The character the escape at `inner[at..]` (a backslash) stands for, and the escape's length
/// in bytes; or what is wrong, with its range in `inner`.
fn escape(inner: &str, at: usize) -> Result<(char, usize), (String, Range<usize>)> {
    let bytes = inner.as_bytes();
    let Some(&kind) = bytes.get(at + 1) else {
        return Err((
            "the JSON string ends inside an escape (its closing quote is escaped)".to_owned(),
            at..at + 1,
        ));
    };
    let ch = match kind {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => return unicode_escape(inner, at),
        _ => {
            let shown = inner[at + 1..].chars().next().unwrap_or('\\');
            return Err((
                format!("`\\{shown}` is not a JSON escape"),
                at..at + 1 + shown.len_utf8(),
            ));
        }
    };
    Ok((ch, 2))
}

/// `\uXXXX` at `inner[at..]`, with the low half of a surrogate pair when one follows.
fn unicode_escape(inner: &str, at: usize) -> Result<(char, usize), (String, Range<usize>)> {
    let bytes = inner.as_bytes();
    let Some(unit) = hex4(bytes, at + 2) else {
        // The `\u` and the hexadecimal digits that are there (ASCII: a character boundary).
        let digits = bytes[at + 2..]
            .iter()
            .take(4)
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        let end = at + 2 + digits;
        return Err((
            "`\\u` must be followed by four hexadecimal digits".to_owned(),
            at..end,
        ));
    };
    match unit {
        0xD800..=0xDBFF => {
            let low = (bytes.get(at + 6) == Some(&b'\\') && bytes.get(at + 7) == Some(&b'u'))
                .then(|| hex4(bytes, at + 8))
                .flatten()
                .filter(|low| (0xDC00..=0xDFFF).contains(low));
            match low {
                Some(low) => {
                    let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    Ok((char::from_u32(code).unwrap_or('\u{FFFD}'), 12))
                }
                None => Ok(('\u{FFFD}', 6)),
            }
        }
        _ => Ok((char::from_u32(unit).unwrap_or('\u{FFFD}'), 6)),
    }
}

/// The four hexadecimal digits at `bytes[at..at + 4]`.
fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    digits.iter().try_fold(0, |acc, &b| {
        let digit = char::from(b).to_digit(16)?;
        Some(acc * 16 + digit)
    })
}

fn problem(message: String, span: Range<usize>) -> Problem {
    Problem {
        message,
        help: "write the string as JSON does: `\\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, \
               `\\t` or `\\u` and four hexadecimal digits"
            .to_owned(),
        span,
        fatal: true,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    #![allow(clippy::unwrap_used)]

    use super::decode;

    /// Decodes `literal` written alone in a file.
    fn whole(literal: &str) -> (String, crate::OffsetMap) {
        decode(literal, 0..literal.len()).unwrap()
    }

    #[test]
    fn a_plain_string_is_the_file_shifted() {
        let file = r#"{"a": "héllo"}"#;
        let (text, map) = decode(file, 6..14).unwrap();
        assert_eq!(text, "héllo");
        assert_eq!(map, crate::OffsetMap::shifted(7, 6));
        assert_eq!(map.file_range(0..text.len()), 7..13);
    }

    #[test]
    fn every_escape_kind_is_decoded() {
        let cases: &[(&str, &str)] = &[
            (r#""\"""#, "\""),
            (r#""\\""#, "\\"),
            (r#""\/""#, "/"),
            (r#""\b""#, "\u{8}"),
            (r#""\f""#, "\u{c}"),
            (r#""\n""#, "\n"),
            (r#""\r""#, "\r"),
            (r#""\t""#, "\t"),
            (r#""\u0041""#, "A"),
            (r#""\u00e9""#, "é"),
            (r#""\u20AC""#, "€"),
            (r#""\ud83d\ude00""#, "😀"),
            (r#""\uD834\uDD1E""#, "𝄞"),
        ];
        for (literal, expected) in cases {
            let (text, map) = whole(literal);
            assert_eq!(&text, expected, "{literal}");
            // Every byte of the character maps to the backslash.
            for byte in 0..text.len() {
                assert_eq!(map.file_offset(byte), 1, "{literal} byte {byte}");
            }
            // The character covers the whole escape.
            assert_eq!(
                map.file_range(0..text.len()),
                1..literal.len() - 1,
                "{literal}"
            );
        }
    }

    #[test]
    fn a_lone_surrogate_is_the_replacement_character() {
        assert_eq!(whole(r#""\ud800""#).0, "\u{FFFD}");
        assert_eq!(whole(r#""\udc00x""#).0, "\u{FFFD}x");
        assert_eq!(whole(r#""\ud800\u0041""#).0, "\u{FFFD}A");
        let (text, map) = whole(r#""a\ud800\ud800\ude00""#);
        assert_eq!(text, "a\u{FFFD}\u{10200}");
        assert_eq!(map.file_offset(1), 2);
        assert_eq!(map.file_offset(4), 8);
    }

    #[test]
    fn escapes_between_plain_runs_map_piecewise() {
        // {\"action\":\"x\"} as a HAR writes a JSON body.
        let file = r#"  "{\"action\":\"x\"}" "#;
        let (text, map) = decode(file, 2..file.len() - 1).unwrap();
        assert_eq!(text, r#"{"action":"x"}"#);
        // `{` is file byte 3, the first `"` is the `\"` at 4..6, `action` at 6..12.
        assert_eq!(map.file_offset(0), 3);
        assert_eq!(map.file_range(1..2), 4..6);
        assert_eq!(map.file_range(2..8), 6..12);
        assert_eq!(&file[map.file_range(2..8)], "action");
        assert_eq!(
            &file[map.file_range(0..text.len())],
            r#"{\"action\":\"x\"}"#
        );
        assert_eq!(map.file_offset(text.len()), file.len() - 2);
    }

    #[test]
    fn multi_byte_characters_map_byte_for_byte() {
        let file = r#""é\n😀€""#;
        let (text, map) = whole(file);
        assert_eq!(text, "é\n😀€");
        assert_eq!(map.file_offset(0), 1);
        assert_eq!(map.file_offset(1), 2);
        assert_eq!(map.file_offset(2), 3); // \n
        for k in 0..4 {
            assert_eq!(map.file_offset(3 + k), 5 + k);
        }
        assert_eq!(&file[map.file_range(3..7)], "😀");
        assert_eq!(&file[map.file_range(7..10)], "€");
    }

    #[test]
    fn malformed_literals_are_problems_at_their_bytes() {
        let cases: &[(&str, std::ops::Range<usize>)] = &[
            (r#""\x""#, 1..3),
            (r#""\é""#, 1..4),
            (r#""\u12""#, 1..5),
            (r#""\u12G4""#, 1..5),
            (r#""\u""#, 1..3),
            (r#""abc\""#, 4..5),
            (r#""a"b""#, 2..3),
            (r#""abc"#, 0..4),
            (r#"abc""#, 0..4),
            (r#"""#, 0..1),
            ("", 0..0),
        ];
        for (literal, span) in cases {
            let problem = decode(literal, 0..literal.len()).unwrap_err();
            assert_eq!(&problem.span, span, "{literal}: {}", problem.message);
            assert!(problem.fatal);
            assert!(literal.get(problem.span.clone()).is_some());
        }
        // A range outside the file, or inside a character.
        assert!(decode("\"é\"", 0..2).is_err());
        assert!(decode("\"\"", 1..9).is_err());
    }

    /// One piece of a literal: what it decodes to, as written.
    const PIECES: &[(&str, &str)] = &[
        ("a", "a"),
        ("xyz", "xyz"),
        ("é", "é"),
        ("€", "€"),
        ("😀", "😀"),
        (" ", " "),
        ("\"", r#"\""#),
        ("\\", r"\\"),
        ("/", r"\/"),
        ("/", "/"),
        ("\u{8}", r"\b"),
        ("\u{c}", r"\f"),
        ("\n", r"\n"),
        ("\r", r"\r"),
        ("\t", r"\t"),
        ("A", r"\u0041"),
        ("é", r"\u00E9"),
        ("€", r"\u20ac"),
        ("😀", r"\ud83d\ude00"),
        ("\u{FFFD}", r"\udc00"),
        ("\u{10FFFF}", r"\uDBFF\uDFFF"),
    ];

    #[test]
    fn every_decoded_character_maps_to_its_source_bytes() {
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..3000 {
            let count = (xorshift(&mut seed) % 12) as usize;
            let prefix = "xx ".repeat((xorshift(&mut seed) % 3) as usize);
            let mut file = prefix.clone();
            file.push('"');
            // (decoded char range, source range) of each piece.
            let mut expected = Vec::new();
            let mut decoded = String::new();
            for _ in 0..count {
                let (text, written) = PIECES[(xorshift(&mut seed) as usize) % PIECES.len()];
                expected.push((
                    decoded.len()..decoded.len() + text.len(),
                    file.len(),
                    written,
                ));
                decoded.push_str(text);
                file.push_str(written);
            }
            file.push('"');
            let (text, map) = decode(&file, prefix.len()..file.len()).unwrap();
            assert_eq!(text, decoded, "{file}");
            for (range, source, written) in expected {
                let escaped = written.starts_with('\\');
                for byte in range.clone() {
                    let want = if escaped {
                        source
                    } else {
                        source + (byte - range.start)
                    };
                    assert_eq!(map.file_offset(byte), want, "{file} byte {byte}");
                }
                assert_eq!(&file[map.file_range(range)], written, "{file}");
            }
            assert_eq!(map.file_offset(text.len()), file.len() - 1);
            if !written_has_lone_surrogate(&file) {
                let parsed: String = serde_json::from_str(&file[prefix.len()..]).unwrap();
                assert_eq!(parsed, text, "{file}");
            }
        }
    }

    #[test]
    fn no_input_makes_it_panic() {
        let alphabet = [
            "\"", "\\", "u", "d8", "D8", "dc", "00", "e9", "n", "x", "é", "😀", " ", "G",
        ];
        let mut inputs = vec![r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\ud800""#.to_owned()];
        let mut seed = 0x853C_49E6_748F_EA9B_u64;
        for _ in 0..3000 {
            let len = (xorshift(&mut seed) % 16) as usize;
            inputs.push(
                (0..len)
                    .map(|_| alphabet[(xorshift(&mut seed) as usize) % alphabet.len()])
                    .collect(),
            );
        }
        for input in &inputs {
            let ends = input.char_indices().map(|(i, _)| i).chain([input.len()]);
            for end in ends {
                let prefix = &input[..end];
                for (start, _) in prefix.char_indices() {
                    match decode(prefix, start..end) {
                        Ok((text, map)) => {
                            assert!(prefix.get(map.file_range(0..text.len())).is_some());
                        }
                        Err(problem) => {
                            assert!(prefix.get(problem.span.clone()).is_some(), "{prefix:?}");
                        }
                    }
                }
            }
        }
    }

    /// A tiny xorshift generator: pseudo-random test inputs without a dependency.
    pub(crate) fn xorshift(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    fn written_has_lone_surrogate(file: &str) -> bool {
        file.contains(r"\udc00")
    }
}
