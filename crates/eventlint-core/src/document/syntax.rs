//! Syntax errors re-pointed at the offending character: a trailing comma at the comma, `1e400`
//! as the whole number, a lone surrogate at its `\uXXXX`, a raw control character at itself.

use super::ParseError;

/// Turns a `serde_json` error into a diagnostic that points at the offending character.
pub(super) fn syntax_error(text: &str, err: &serde_json::Error) -> ParseError {
    let offset = offset_of(text, err.line(), err.column());
    let raw = err.to_string();
    let what = raw.split(" at line ").next().unwrap_or(&raw).to_owned();
    let bytes = text.as_bytes();
    let at = |i: usize| bytes.get(i).copied();
    let char_span = |i: usize| {
        let len = text
            .get(i..)
            .and_then(|s| s.chars().next())
            .map_or(0, char::len_utf8);
        i..i + len
    };

    if err.is_eof() {
        return ParseError::Syntax {
            span: text.len()..text.len(),
            message: format!("the document ends too early ({what})"),
            help: Some(
                "the JSON is truncated: close every open string, array and object".to_owned(),
            ),
        };
    }
    if what == "trailing comma" {
        // serde_json notices at the closing bracket; point at the comma itself.
        let mut i = offset.min(bytes.len());
        while i > 0 {
            i -= 1;
            if bytes[i] == b',' {
                return ParseError::Syntax {
                    span: i..i + 1,
                    message: format!(
                        "{}: JSON does not allow a comma after the last member or element",
                        super::TRAILING_COMMA
                    ),
                    help: Some("remove this comma".to_owned()),
                };
            }
        }
    }
    if what == "recursion limit exceeded" {
        return ParseError::Syntax {
            span: char_span(offset),
            message: "the document nests arrays and objects 128 levels deep (at most 127 are read)"
                .to_owned(),
            help: Some(
                "no vendor payload nests this deep; check how the document was generated"
                    .to_owned(),
            ),
        };
    }
    if what == "number out of range" {
        return number_out_of_range(text, offset);
    }
    if matches!(
        what.as_str(),
        "lone leading surrogate in hex escape" | "unexpected end of hex escape"
    ) && let Some(error) = lone_surrogate(text, offset)
    {
        return error;
    }
    if what.starts_with("control character") {
        return control_character(text, offset, true);
    }
    if at(offset).is_some_and(|c| c < 0x20 && !matches!(c, b' ' | b'\t' | b'\n' | b'\r')) {
        return control_character(text, offset, false);
    }
    if what == "trailing characters" {
        return ParseError::Syntax {
            span: char_span(offset.min(bytes.len().saturating_sub(1))),
            message: "unexpected data after the end of the JSON value".to_owned(),
            help: Some(
                "a .json file holds one JSON value; for one value per line use a .ndjson or .jsonl file \
                 (or --stdin-filename events.ndjson)"
                    .to_owned(),
            ),
        };
    }
    // serde_json reports some errors after consuming the offending character.
    let i = if offset < bytes.len() {
        offset
    } else {
        bytes.len().saturating_sub(1)
    };
    let (message, help) = match at(i) {
        Some(b'/') if matches!(at(i + 1), Some(b'/' | b'*')) => (
            "comments are not allowed in JSON".to_owned(),
            "remove the comment".to_owned(),
        ),
        Some(b'\'') if shell_quoted(text, i) => (
            "the document is wrapped in single quotes, as a shell command line quotes it (`curl -d '{…}'`)"
                .to_owned(),
            "remove the single quotes around the document: they belong to the shell command, not to the JSON"
                .to_owned(),
        ),
        Some(b'\'') => (
            "strings and keys must be in double quotes, not single quotes".to_owned(),
            "replace the single quotes with double quotes".to_owned(),
        ),
        Some(b'N' | b'I') => (
            "`NaN` and `Infinity` are not JSON numbers".to_owned(),
            "send a finite number, or omit the field".to_owned(),
        ),
        Some(b'\\') if at(i + 1) == Some(b'"') => (
            "`\\\"` outside a string: the JSON is still escaped, as copied from inside a string literal"
                .to_owned(),
            "unescape the document: replace every `\\\"` with `\"`".to_owned(),
        ),
        Some(c) if what == "key must be a string" && (c.is_ascii_alphabetic() || c == b'_') => {
            let word: String = text[i..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '$')
                .collect();
            return ParseError::Syntax {
                span: i..i + word.len(),
                message: "object keys must be strings in double quotes (this looks like a JavaScript object literal)"
                    .to_owned(),
                help: Some(format!("put the key in double quotes: `\"{word}\"`")),
            };
        }
        _ => (
            format!("invalid JSON: {what}"),
            "fix the JSON syntax at this position".to_owned(),
        ),
    };
    ParseError::Syntax {
        span: char_span(i),
        message,
        help: Some(help),
    }
}

/// Whether the `'` at `i` opens a document pasted with its shell quotes, `'{…}'` or `'[…]'`: it
/// is the first character but whitespace, the last one but whitespace is a `'` too, and a JSON
/// object or array starts right inside.
fn shell_quoted(text: &str, i: usize) -> bool {
    let start = text.len() - text.trim_start().len();
    let inner = text
        .trim()
        .strip_prefix('\'')
        .and_then(|t| t.strip_suffix('\''));
    i == start && inner.is_some_and(|t| t.trim_start().starts_with(['{', '[']))
}

/// A number too large for a 64-bit float (`1e400`): the whole number is marked.
fn number_out_of_range(text: &str, offset: usize) -> ParseError {
    let bytes = text.as_bytes();
    let is_num = |b: u8| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E');
    let mut start = offset.min(bytes.len());
    while start > 0 && is_num(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = start;
    while end < bytes.len() && is_num(bytes[end]) {
        end += 1;
    }
    let number = &text[start..end];
    let shown = if number.len() > 40 {
        format!("{}…", &number[..40])
    } else {
        number.to_owned()
    };
    ParseError::Syntax {
        span: start..end,
        message: format!(
            "the number `{shown}` exceeds what a 64-bit float holds (at most about 1.8e308 in magnitude)"
        ),
        help: Some(
            "send a smaller number; a value that must keep every digit belongs in a string"
                .to_owned(),
        ),
    }
}

/// The `\uXXXX` escape of a UTF-16 surrogate that has no partner, searched backwards from where
/// `serde_json` stopped (it stops after the escape, or after the escape that should have been
/// the partner).
fn lone_surrogate(text: &str, offset: usize) -> Option<ParseError> {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len().saturating_sub(1));
    let from = end.saturating_sub(16);
    (from..=end).rev().find_map(|i| {
        let escape = bytes.get(i..i + 6)?;
        if escape[0] != b'\\' || escape[1] != b'u' {
            return None;
        }
        let hex = std::str::from_utf8(&escape[2..]).ok()?;
        let unit = u16::from_str_radix(hex, 16).ok()?;
        let escape = &text[i..i + 6];
        let message = match unit {
            0xD800..=0xDBFF => format!(
                "`{escape}` is a lone UTF-16 surrogate: a high surrogate must be followed by a low one (`\\uDC00`–`\\uDFFF`)"
            ),
            0xDC00..=0xDFFF => format!(
                "`{escape}` is a lone UTF-16 surrogate: a low surrogate must follow a high one (`\\uD800`–`\\uDBFF`)"
            ),
            _ => return None,
        };
        Some(ParseError::Syntax {
            span: i..i + 6,
            message: format!("{message}; alone it is not a Unicode character"),
            help: Some(
                "escape a character outside the BMP as a pair (😀 is `\\uD83D\\uDE00`), or write it as UTF-8; \
                 a lone surrogate is rejected or garbled by most parsers"
                    .to_owned(),
            ),
        })
    })
}

/// A raw control character (U+0000–U+001F): inside a string it must be escaped; between values
/// only space, tab and line breaks are allowed.
fn control_character(text: &str, offset: usize, in_string: bool) -> ParseError {
    let bytes = text.as_bytes();
    // serde_json may stop on the character or just after it.
    let i = if bytes.get(offset).is_some_and(|b| *b < 0x20) {
        offset
    } else {
        (0..=offset.min(bytes.len().saturating_sub(1)))
            .rev()
            .find(|i| bytes[*i] < 0x20)
            .unwrap_or(offset.min(bytes.len()))
    };
    let c = bytes.get(i).copied().unwrap_or(0);
    let name = match c {
        0 => " (NUL)",
        b'\t' => " (tab)",
        b'\n' => " (line feed)",
        b'\r' => " (carriage return)",
        0x1B => " (escape)",
        _ => "",
    };
    let escape = match c {
        b'\t' => "\\t".to_owned(),
        b'\n' => "\\n".to_owned(),
        b'\r' => "\\r".to_owned(),
        _ => format!("\\u{c:04X}"),
    };
    let (message, help) = if in_string {
        (
            format!(
                "raw control character U+{c:04X}{name} in a string: JSON strings must escape control characters (U+0000–U+001F)"
            ),
            if c == b'\n' {
                "a string cannot span lines: write the line break as `\\n`, or close the string"
                    .to_owned()
            } else {
                format!("write it as `{escape}`, or remove it")
            },
        )
    } else {
        (
            format!(
                "unexpected control character U+{c:04X}{name}: between values JSON allows only spaces, tabs and line breaks"
            ),
            "remove it; NUL and other control bytes often mean the file is binary or UTF-16"
                .to_owned(),
        )
    };
    ParseError::Syntax {
        span: i..(i + 1).min(bytes.len()),
        message,
        help: Some(help),
    }
}

/// `serde_json` reports 1-based lines and 1-based byte columns (0 before the first byte).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(n) => start += n + 1,
            None => return text.len(),
        }
    }
    (start + column.saturating_sub(1)).min(text.len())
}
