//! Bytes to a parsed document: UTF-8 decoding, strict RFC 8259 parsing with `serde_json`
//! (one pass on the fast path), and precise positions for what cannot be parsed.

pub(crate) mod spans;

use std::cell::Cell;
use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// A document that parsed as strict JSON.
#[derive(Debug)]
pub(crate) struct Parsed {
    /// The parsed value.
    pub value: Value,
    /// Whether some object repeated a key (found again, with spans, only then).
    pub has_duplicate_keys: bool,
}

/// Why a document could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ParseError {
    /// Not UTF-8; `offset` is the first invalid byte (relative to the text after any BOM).
    Encoding {
        /// First invalid byte.
        offset: usize,
        /// The bytes that were valid, for positions.
        valid_up_to: usize,
        /// What the bytes look like instead (UTF-16, binary).
        hint: Option<&'static str>,
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

/// Decodes UTF-8 (the caller has stripped any BOM).
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, ParseError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let hint = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            Some("the file starts with a UTF-16 byte order mark; JSON must be UTF-8")
        } else if bytes.iter().take(8192).filter(|b| **b == 0).count() > 0 {
            Some("the file contains NUL bytes; it looks like a binary or UTF-16 file")
        } else {
            None
        };
        ParseError::Encoding {
            offset: e.valid_up_to(),
            valid_up_to: e.valid_up_to(),
            hint,
        }
    })
}

/// Parses strict JSON, noticing duplicate keys without tracking paths (the fast path).
pub(crate) fn parse(text: &str) -> Result<Parsed, ParseError> {
    parse_bytes(text.as_bytes())
}

/// Parses strict JSON from bytes (the caller has stripped any BOM). `serde_json` validates UTF-8
/// inside strings and the grammar outside them is ASCII, so a document that parses is UTF-8: the
/// valid path never runs a separate UTF-8 pass. A failure is classified (encoding or syntax).
pub(crate) fn parse_bytes(bytes: &[u8]) -> Result<Parsed, ParseError> {
    if bytes
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        let text = std::str::from_utf8(bytes).unwrap_or_default();
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
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let result = ValueSeed(&duplicates)
        .deserialize(&mut de)
        .and_then(|value| de.end().map(|()| value));
    match result {
        Ok(value) => Ok(Parsed {
            value,
            has_duplicate_keys: duplicates.get(),
        }),
        Err(err) => Err(match decode(bytes) {
            Ok(text) => syntax_error(text, &err),
            Err(encoding) => encoding,
        }),
    }
}

/// Turns a `serde_json` error into a diagnostic that points at the offending character.
fn syntax_error(text: &str, err: &serde_json::Error) -> ParseError {
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
                    message: "trailing comma: JSON does not allow a comma after the last member or element"
                        .to_owned(),
                    help: Some("remove this comma".to_owned()),
                };
            }
        }
    }
    if what == "recursion limit exceeded" {
        return ParseError::Syntax {
            span: char_span(offset),
            message: "the document nests arrays and objects more than 128 levels deep".to_owned(),
            help: Some(
                "no vendor payload nests this deep; check how the document was generated"
                    .to_owned(),
            ),
        };
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

/// Builds a `serde_json::Value` exactly like `serde_json` does, noting duplicate keys.
struct ValueSeed<'a>(&'a Cell<bool>);

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element_seed(ValueSeed(self.0))? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(ValueSeed(self.0))?;
            if members.insert(key, value).is_some() {
                self.0.set(true);
            }
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn utf8_and_bom() {
        assert_eq!(strip_bom(b"\xEF\xBB\xBF{}"), (3, &b"{}"[..]));
        assert!(matches!(
            decode(b"{\"a\": \"\xFF\"}"),
            Err(ParseError::Encoding { offset: 7, .. })
        ));
    }
}
