//! `--redact`: reports without the payload's values.
//!
//! Payloads carry personal data (emails, customer ids, tokens). [`redact`] takes a document's
//! outcome and returns it with
//!
//! - every string and number **value** in the source text masked character by character, each
//!   character replaced by one of the same UTF-8 length (`*`, `¤`, `•`, `🔒` for strings, `#` for
//!   numbers), so byte spans, lines and columns stay exact and snippets keep their shape;
//! - every value of the document that a message, help or note quotes replaced by [`MARKER`].
//!
//! Keys, punctuation, `true`/`false`/`null`, JSON Pointers, rule ids, severities and positions
//! are kept: they say where the problem is without saying whose data it was. A key that is itself
//! personal data (a map keyed by email) is kept too: keys name fields.
//!
//! The scan is lexical, so it works on documents that do not parse (a syntax error in the middle
//! of a payload still hides the values around it): strings in double or single quotes, numbers,
//! bare words, and the contents of comments.

use std::collections::HashSet;

use crate::message::describe::{QUOTE_HEAD, QUOTE_LIMIT};
use crate::output::report::DocumentOutcome;

/// What a value quoted in a message, help or note becomes.
pub const MARKER: &str = "‹redacted›";

/// Returns `outcome` with its values masked in the source and replaced in every message, help
/// and note (see the module documentation). Spans and positions are unchanged.
#[must_use]
pub fn redact(mut outcome: DocumentOutcome) -> DocumentOutcome {
    let scan = scan(&outcome.source);
    let mut masked = outcome.source.clone().into_bytes();
    let mut keys = HashSet::new();
    let mut key_spans = HashSet::new();
    let mut values = HashSet::new();
    for token in &scan {
        let raw = &outcome.source[token.range.clone()];
        match token.role {
            Role::Key => {
                key_spans.insert(token.range.clone());
                keys.insert(unquote(raw));
            }
            Role::Value => {
                mask(&outcome.source, token, &mut masked);
                for form in forms(raw, token.kind) {
                    values.insert(form);
                }
            }
            Role::Comment => mask(&outcome.source, token, &mut masked),
        }
    }
    // Masking swaps each character for one of the same length: still UTF-8.
    outcome.source = String::from_utf8(masked).unwrap_or_default();
    let mut values: Vec<String> = values
        .into_iter()
        .filter(|v| !v.is_empty() && !keys.contains(v))
        .collect();
    // Longest first, so that a value is replaced whole before any shorter value inside it.
    values.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    // Words of values (4 characters or more), to catch values a help rewrites
    // (`jan.kowalski_example.com` for `jan.kowalski@example.com`).
    let words: HashSet<&str> = values
        .iter()
        .flat_map(|v| v.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 4 && !keys.contains(*w))
        .collect();
    let clean = |text: &str| replace_quoted(&replace_values(text, &values), &words, &keys);
    for d in &mut outcome.diagnostics {
        d.message = clean(&d.message);
        d.help = d.help.as_deref().map(clean);
        d.note = d.note.as_deref().map(clean);
        // A fix that writes a value would show it: only one that writes keys (a rename) or
        // nothing (a comma removed) is kept.
        d.fix = d.fix.take().filter(|fix| {
            fix.edits
                .iter()
                .all(|e| e.content.is_empty() || key_spans.contains(&e.span))
        });
        if let Some(fix) = &mut d.fix {
            fix.title = clean(&fix.title);
        }
    }
    outcome
}

/// Replaces a `quoted` part of a message that holds a word of a value, unless it only names
/// keys (`client.uuid`, `eventList[0].itemId`): a suggestion derived from a value is the value.
fn replace_quoted(text: &str, words: &HashSet<&str>, keys: &HashSet<String>) -> String {
    if words.is_empty() || !text.contains('`') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut parts = text.split('`');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    // Odd parts are inside backticks (when the backticks pair up).
    for (i, part) in parts.enumerate() {
        out.push('`');
        let quoted = i % 2 == 0;
        let names_keys = part
            .split(['.', '[', ']', '/'])
            .all(|p| p.is_empty() || keys.contains(p) || p.chars().all(|c| c.is_ascii_digit()));
        let holds_value_word = part
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| words.contains(w));
        if quoted && !names_keys && holds_value_word {
            out.push_str(MARKER);
        } else {
            out.push_str(part);
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    String,
    Number,
    Word,
    Comment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Key,
    Value,
    Comment,
}

#[derive(Debug)]
struct Token {
    /// The whole token (quotes included).
    range: std::ops::Range<usize>,
    /// What is masked (inside the quotes; after `//` or between `/*` and `*/`).
    inner: std::ops::Range<usize>,
    kind: Kind,
    role: Role,
}

/// Strings, numbers, bare words and comments, with whether each is a key.
fn scan(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        let (kind, inner) = match c {
            b'"' | b'\'' => {
                i += 1;
                while i < bytes.len() && bytes[i] != c && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = i.min(bytes.len());
                if i < bytes.len() && bytes[i] == c {
                    i += 1;
                }
                (Kind::String, start + 1..end)
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                (Kind::Comment, start + 2..i)
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..].find("*/").map_or(bytes.len(), |n| i + 2 + n);
                i = (end + 2).min(bytes.len());
                (Kind::Comment, start + 2..end)
            }
            b'-' | b'+' | b'.' | b'0'..=b'9' => {
                while i < bytes.len()
                    && matches!(bytes[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    i += 1;
                }
                (Kind::Number, start..i)
            }
            c if c.is_ascii_alphabetic() || c == b'_' || c == b'$' => {
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'_' | b'$'))
                {
                    i += 1;
                }
                (Kind::Word, start..i)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        // Stay on a character boundary (an escape may end inside a multi-byte character).
        let inner = inner.start..floor_boundary(text, inner.end.min(bytes.len()));
        let end = floor_boundary(text, i.min(bytes.len()));
        let role = match kind {
            Kind::Comment => Role::Comment,
            _ if followed_by_colon(bytes, end) => Role::Key,
            Kind::Word if matches!(&text[start..end], "true" | "false" | "null") => continue,
            _ => Role::Value,
        };
        i = end.max(start + 1);
        tokens.push(Token {
            range: start..end,
            inner,
            kind,
            role,
        });
    }
    tokens
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn followed_by_colon(bytes: &[u8], mut i: usize) -> bool {
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n') {
        i += 1;
    }
    bytes.get(i) == Some(&b':')
}

/// Masks a token's inside in `out` (a copy of `text`), each character by one of its length.
fn mask(text: &str, token: &Token, out: &mut [u8]) {
    for (offset, c) in text[token.inner.clone()].char_indices() {
        let at = token.inner.start + offset;
        if matches!(c, '\n' | '\r') {
            continue;
        }
        let replacement = match (token.kind, c.len_utf8()) {
            (Kind::Number, _) => '#',
            (_, 1) => '*',
            (_, 2) => '¤',
            (_, 3) => '•',
            _ => '🔒',
        };
        replacement.encode_utf8(&mut out[at..at + c.len_utf8()]);
    }
}

/// A key's name as messages show it.
fn unquote(raw: &str) -> String {
    match serde_json::from_str::<String>(raw) {
        Ok(s) => s,
        Err(_) => raw.trim_matches(|c| c == '"' || c == '\'').to_owned(),
    }
}

/// Every form in which a message may quote a value: as written, decoded, JSON-escaped, the head
/// of a long string (`describe` elides after 37 characters, `describe::elide` after
/// [`QUOTE_HEAD`]), a number as `serde_json` prints it.
fn forms(raw: &str, kind: Kind) -> Vec<String> {
    let mut forms = vec![raw.to_owned()];
    match kind {
        Kind::String => {
            let inner = raw
                .strip_prefix(['"', '\''])
                .map_or(raw, |r| r.strip_suffix(['"', '\'']).unwrap_or(r));
            forms.push(inner.to_owned());
            if let Ok(decoded) = serde_json::from_str::<String>(raw) {
                if decoded.chars().count() > 40 {
                    forms.push(decoded.chars().take(37).collect());
                }
                let escaped = serde_json::Value::String(decoded.clone()).to_string();
                let escaped = &escaped[1..escaped.len() - 1];
                // What `describe::elide` keeps of a long quote (after a quotation mark or not).
                for form in [decoded.as_str(), escaped] {
                    if form.chars().count() > QUOTE_LIMIT {
                        forms.push(form.chars().take(QUOTE_HEAD).collect());
                        forms.push(form.chars().take(QUOTE_HEAD - 1).collect());
                    }
                }
                forms.push(escaped.to_owned());
                forms.push(decoded);
            }
        }
        Kind::Number => {
            if let Ok(n) = serde_json::from_str::<serde_json::Number>(raw) {
                forms.push(n.to_string());
            }
            if let Ok(f) = raw.parse::<f64>() {
                forms.push(f.to_string());
            }
        }
        Kind::Word | Kind::Comment => {}
    }
    forms
}

/// Replaces every whole occurrence of a value (not inside a longer word or number) by the marker.
fn replace_values(text: &str, values: &[String]) -> String {
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut hits: Vec<(usize, usize)> = Vec::new();
    for value in values {
        let first_word = is_word(value.chars().next());
        let last_word = is_word(value.chars().next_back());
        for (at, _) in text.match_indices(value.as_str()) {
            let end = at + value.len();
            if (first_word && is_word(text[..at].chars().next_back()))
                || (last_word && is_word(text[end..].chars().next()))
            {
                continue;
            }
            hits.push((at, end));
        }
    }
    if hits.is_empty() {
        return text.to_owned();
    }
    // Leftmost first, longest first; overlapping hits merge into one marker.
    hits.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (start, end) in hits {
        if end <= pos {
            continue;
        }
        if start >= pos {
            out.push_str(&text[pos..start]);
            out.push_str(MARKER);
        }
        pos = end;
    }
    out.push_str(&text[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::check::{CheckOptions, check_document};

    fn outcome(text: &str) -> DocumentOutcome {
        let options = CheckOptions {
            kind: crate::Kind::find("synerise.custom-event"),
            ..CheckOptions::default()
        };
        let report = check_document(text.as_bytes(), &options);
        DocumentOutcome::new("t.json", 1, 0, text.as_bytes(), report)
    }

    #[test]
    fn values_are_masked_keys_and_positions_kept() {
        let text =
            "{\"email\": \"jan@example.com\", \"n\": -12.5e3, \"é\": \"żółw€😀\", \"ok\": true}";
        let redacted = redact(outcome(text));
        assert_eq!(
            redacted.source,
            "{\"email\": \"***************\", \"n\": #######, \"é\": \"¤¤¤*•🔒\", \"ok\": true}"
        );
        assert_eq!(redacted.source.len(), text.len());
        assert_eq!(redacted.source.chars().count(), text.chars().count());
    }

    #[test]
    fn quoted_values_become_the_marker() {
        let text = r#"{"action": "jan@example.com", "label": "x", "client": {"email": "jan@example.com"}, "time": 1767225600}"#;
        let original = outcome(text);
        let redacted = redact(original.clone());
        assert_eq!(original.diagnostics.len(), redacted.diagnostics.len());
        for (o, r) in original.diagnostics.iter().zip(&redacted.diagnostics) {
            assert_eq!((o.rule, &o.pointer, &o.span), (r.rule, &r.pointer, &r.span));
            assert_eq!((o.start, o.end), (r.start, r.end));
            for text in [Some(&r.message), r.help.as_ref(), r.note.as_ref()]
                .into_iter()
                .flatten()
            {
                assert!(!text.contains("jan@example.com"), "{text}");
            }
        }
        assert!(
            redacted
                .diagnostics
                .iter()
                .any(|d| d.message.contains(MARKER)),
            "{:#?}",
            redacted.diagnostics
        );
    }

    #[test]
    fn whole_values_only() {
        let values = vec!["25".to_owned(), "abc".to_owned()];
        assert_eq!(
            replace_values("is 257 long, abcd, `abc`, 25", &values),
            "is 257 long, abcd, `‹redacted›`, ‹redacted›"
        );
    }

    #[test]
    fn broken_documents_are_masked_too() {
        let text = "{'token': 'sk_live_123', // secret\n \"a\": \"unterminated\n}";
        let redacted = redact(outcome(text));
        assert_eq!(
            redacted.source,
            "{'token': '***********', //*******\n \"a\": \"************\n}"
        );
    }
}
