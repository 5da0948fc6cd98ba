//! Short descriptions of JSON values for messages.

use std::fmt::Write as _;

use crate::document::value::Value;

/// "a number (`12.5`)", "an array", "`null`" …; long values are elided.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "`null`".to_owned(),
        Value::Bool(b) => format!("a boolean (`{b}`)"),
        Value::Number(n) => format!("a number (`{n}`)"),
        Value::String(s) if s.chars().count() > 40 => {
            let head: String = s.chars().take(37).collect();
            format!("a string (`\"{head}...\"`)")
        }
        Value::String(s) => format!("a string (`{}`)", Value::String(*s)),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// A quoted part of a message (between backticks) longer than this, in characters, is elided:
/// room for a help's example (a cart event's `params` is 108 characters).
pub(crate) const QUOTE_LIMIT: usize = 160;
/// What an elided quoted part keeps: its first characters.
pub(crate) const QUOTE_HEAD: usize = 64;
/// A message, help or note longer than this, in characters, is cut (after eliding quotes).
const TEXT_LIMIT: usize = 2048;

/// `text` with every quoted part (between backticks) of more than [`QUOTE_LIMIT`] characters
/// cut to its first [`QUOTE_HEAD`] and `…`, followed by its size (`` `zzz…` (104857600
/// characters) ``), and then the whole cut at [`TEXT_LIMIT`] characters: a finding never quotes
/// a value whole, whatever its rule wrote (a 100 MB `uuid` made a 100 MB message in every
/// report). Text within the limits is returned as it was.
pub(crate) fn elide(text: String) -> String {
    // Every finding's message, help and note comes through here, and almost none has a long
    // quote: a text too short to hold one is returned at once, and pairs of backticks are
    // found with `memchr`.
    if text.len() <= QUOTE_LIMIT + 2 {
        return text;
    }
    let mut ticks = memchr::memchr_iter(b'`', text.as_bytes());
    let long_quote = loop {
        match (ticks.next(), ticks.next()) {
            (Some(open), Some(close)) => {
                let part = &text[open + 1..close];
                if part.len() > QUOTE_LIMIT && part.chars().count() > QUOTE_LIMIT {
                    break true;
                }
            }
            _ => break false,
        }
    };
    let text = if long_quote {
        elide_quotes(&text)
    } else {
        text
    };
    if text.len() <= TEXT_LIMIT {
        return text;
    }
    let chars = text.chars().count();
    if chars <= TEXT_LIMIT {
        return text;
    }
    let head: String = text.chars().take(TEXT_LIMIT).collect();
    format!("{head}… ({chars} characters in all)")
}

fn elide_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * TEXT_LIMIT));
    let mut parts = text.split('`');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    let mut parts = parts.peekable();
    let mut inside = true;
    while let Some(part) = parts.next() {
        out.push('`');
        // An unpaired last backtick: what follows it is not a quote.
        let quoted = inside && parts.peek().is_some();
        let chars = if quoted && part.len() > QUOTE_LIMIT {
            part.chars().count()
        } else {
            0
        };
        if chars > QUOTE_LIMIT {
            out.extend(part.chars().take(QUOTE_HEAD));
            out.push('…');
            out.push('`');
            // Writing to a `String` cannot fail.
            let _ = write!(out, " ({chars} characters)");
            // The closing backtick is written: skip the one the next part would add.
            if let Some(next) = parts.next() {
                out.push_str(next);
            }
            inside = true;
            continue;
        }
        out.push_str(part);
        inside = !inside;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quotes_are_elided_with_their_size() {
        let long = "ü".repeat(300);
        let text = format!("`client.uuid` `{long}` is not a UUID; see `{long}x`");
        let elided = elide(text);
        assert_eq!(
            elided,
            format!(
                "`client.uuid` `{}…` (300 characters) is not a UUID; see `{}…` (301 characters)",
                "ü".repeat(QUOTE_HEAD),
                "ü".repeat(QUOTE_HEAD)
            )
        );
        // Within the limits, or unpaired: unchanged.
        let short = format!("`{}` and `a", "x".repeat(QUOTE_LIMIT));
        assert_eq!(elide(short.clone()), short);
        let unpaired = format!("see `{}", "x".repeat(300));
        assert_eq!(elide(unpaired.clone()), unpaired);
    }

    #[test]
    fn long_text_is_cut_with_its_size() {
        let text = "word ".repeat(1000);
        let elided = elide(text);
        assert!(elided.ends_with("… (5000 characters in all)"), "{elided}");
        assert_eq!(
            elided.chars().count(),
            TEXT_LIMIT + "… (5000 characters in all)".chars().count()
        );
    }
}
