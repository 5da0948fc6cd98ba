//! Pointer to span: a span-keeping re-parse (jsonc-parser, strict options) of a document that has
//! findings, so the valid path never pays for positions.

use std::ops::Range;

use jsonc_parser::ast::{ObjectPropName, Value as Node};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions};

use crate::diagnostic::Position;
use crate::pointer::{Pointer, segments};

/// What part of the node a pointer names that a finding should mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The whole value (a missing member marks the object that should hold it).
    Value,
    /// The member's key (unknown keys).
    Key,
    /// The key of the `n`-th occurrence (0-based) of a repeated member.
    Occurrence(usize),
    /// Characters `range` of the decoded string value (e.g. a key inside JSON held in a string).
    InString(Range<usize>),
    /// Raw bytes of the document (syntax and size findings).
    Bytes(Range<usize>),
}

/// The span-keeping tree of one document.
#[derive(Debug)]
pub struct SpanTree<'a> {
    text: &'a str,
    root: Option<Node<'a>>,
}

fn strict() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

impl<'a> SpanTree<'a> {
    /// Parses `text`, which `serde_json` has already accepted.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        let root = jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &strict())
            .ok()
            .and_then(|r| r.value);
        SpanTree { text, root }
    }

    /// The byte range a finding at `pointer` with `target` marks. Falls back to the nearest
    /// existing ancestor when the pointer does not resolve (never panics).
    #[must_use]
    pub fn resolve(&self, pointer: &str, target: &Target) -> Range<usize> {
        if let Target::Bytes(range) = target {
            return snap_to_chars(self.text, range);
        }
        let Some(root) = &self.root else {
            // The first character (the text need not start with ASCII).
            return 0..self.text.chars().next().map_or(0, char::len_utf8);
        };
        let segs = segments(pointer);
        let mut node = root;
        let mut key_range = None;
        for (i, seg) in segs.iter().enumerate() {
            let last = i + 1 == segs.len();
            match node {
                Node::Object(obj) => {
                    let occurrence = match target {
                        Target::Occurrence(n) if last => *n,
                        _ => 0,
                    };
                    let Some(prop) = obj
                        .properties
                        .iter()
                        .filter(|p| p.name.as_str() == seg)
                        .nth(occurrence)
                    else {
                        return r(node.range());
                    };
                    key_range = Some(match &prop.name {
                        ObjectPropName::String(s) => s.range,
                        ObjectPropName::Word(w) => w.range,
                    });
                    node = &prop.value;
                }
                Node::Array(arr) => {
                    let Some(el) = seg.parse::<usize>().ok().and_then(|i| arr.elements.get(i))
                    else {
                        return r(node.range());
                    };
                    key_range = None;
                    node = el;
                }
                _ => return r(node.range()),
            }
        }
        match target {
            Target::Key | Target::Occurrence(_) => r(key_range.unwrap_or_else(|| node.range())),
            Target::InString(chars) => match node {
                Node::StringLit(lit) => string_chars_to_bytes(self.text, r(lit.range), chars),
                _ => r(node.range()),
            },
            Target::Value | Target::Bytes(_) => r(node.range()),
        }
    }

    /// Every repeated key: the pointer of the member and the occurrence index (1 = second).
    #[must_use]
    pub fn duplicate_keys(&self) -> Vec<(Pointer, usize)> {
        let mut out = Vec::new();
        if let Some(root) = &self.root {
            collect_duplicates(root, &Pointer::root(), &mut out);
        }
        out
    }
}

/// Clamps a byte range to `text` and widens it to whole characters, so that slicing the text
/// with it cannot panic: the start moves back and the end forward to a character boundary, and
/// an inverted range becomes empty at its start.
#[must_use]
pub fn snap_to_chars(text: &str, range: &Range<usize>) -> Range<usize> {
    let mut start = range.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

fn r(range: jsonc_parser::common::Range) -> Range<usize> {
    range.start..range.end
}

fn collect_duplicates(node: &Node<'_>, at: &Pointer, out: &mut Vec<(Pointer, usize)>) {
    match node {
        Node::Object(obj) => {
            let mut seen: Vec<(&str, usize)> = Vec::new();
            for prop in &obj.properties {
                let name = prop.name.as_str();
                let child = at.key(name);
                if let Some(entry) = seen.iter_mut().find(|(n, _)| *n == name) {
                    out.push((child.clone(), entry.1));
                    entry.1 += 1;
                } else {
                    seen.push((name, 1));
                }
                collect_duplicates(&prop.value, &child, out);
            }
        }
        Node::Array(arr) => {
            for (i, el) in arr.elements.iter().enumerate() {
                collect_duplicates(el, &at.index(i), out);
            }
        }
        _ => {}
    }
}

/// Maps a char range of a decoded string to the bytes of its literal (quotes included in
/// `literal`), walking escapes so `\"` and `\u00e9` count as one character each.
fn string_chars_to_bytes(text: &str, literal: Range<usize>, chars: &Range<usize>) -> Range<usize> {
    let raw = &text[literal.start + 1..literal.end.saturating_sub(1).max(literal.start + 1)];
    let base = literal.start + 1;
    let mut offsets = Vec::new(); // byte offset of each decoded char
    let mut iter = raw.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        offsets.push(base + i);
        if c == '\\'
            && let Some((_, 'u')) = iter.next()
        {
            let hex: String = (0..4).filter_map(|_| iter.next().map(|(_, h)| h)).collect();
            // A surrogate pair is one character.
            if u16::from_str_radix(&hex, 16).is_ok_and(|u| (0xD800..0xDC00).contains(&u))
                && iter.peek().is_some_and(|(_, c)| *c == '\\')
            {
                for _ in 0..6 {
                    iter.next();
                }
            }
        }
    }
    offsets.push(base + raw.len());
    let start = offsets.get(chars.start).copied().unwrap_or(base);
    let end = offsets.get(chars.end).copied().unwrap_or(base + raw.len());
    start..end.max(start)
}

/// Line starts of one document, for byte offset to line and column.
#[derive(Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// 1-based line and column (in Unicode scalar values) of a byte offset.
    #[must_use]
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        Position {
            line,
            column: self.text[start..offset].chars().count() + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_values_keys_and_duplicates() {
        let text = "{\n  \"a\": {\"b\": [1, \"x\"]},\n  \"a\": 2\n}";
        let tree = SpanTree::new(text);
        assert_eq!(&text[tree.resolve("/a/b/1", &Target::Value)], "\"x\"");
        assert_eq!(&text[tree.resolve("/a", &Target::Key)], "\"a\"");
        assert_eq!(tree.duplicate_keys(), vec![(Pointer::root().key("a"), 1)]);
        let second = tree.resolve("/a", &Target::Occurrence(1));
        assert_eq!(
            LineIndex::new(text).position(second.start),
            Position { line: 3, column: 3 }
        );
        // A pointer that does not resolve falls back to the nearest ancestor.
        assert_eq!(
            &text[tree.resolve("/a/zz", &Target::Value)],
            "{\"b\": [1, \"x\"]}"
        );
    }

    #[test]
    fn in_string_ranges_skip_escapes() {
        let text = r#"{"p": "{\"userId\": \"\u00e9\"}"}"#;
        let tree = SpanTree::new(text);
        // decoded: {"userId": "é"}  chars 1..9 are "userId"
        assert_eq!(
            &text[tree.resolve("/p", &Target::InString(1..9))],
            r#"\"userId\""#
        );
        assert_eq!(
            &text[tree.resolve("/p", &Target::InString(12..13))],
            r"\u00e9"
        );
    }

    #[test]
    fn byte_ranges_snap_to_characters() {
        // Found by fuzzing: a byte range inside `é` (the batch size limit can fall there), an
        // inverted range, and the fallback span of text that does not parse.
        let text = "{\"é\": 1}";
        let tree = SpanTree::new(text);
        assert_eq!(tree.resolve("", &Target::Bytes(3..4)), 2..4);
        #[allow(clippy::reversed_empty_ranges)] // the point of the case
        let inverted = 7..3;
        assert_eq!(tree.resolve("", &Target::Bytes(inverted)), 7..7);
        assert_eq!(tree.resolve("", &Target::Bytes(3..99)), 2..text.len());
        assert_eq!(SpanTree::new("é").resolve("", &Target::Value), 0..2);
    }

    #[test]
    fn columns_count_scalar_values() {
        let text = "{\"é\": \"😀\", \"x\": 1}";
        let index = LineIndex::new(text);
        let x = text.find("\"x\"").unwrap();
        assert_eq!(
            index.position(x),
            Position {
                line: 1,
                column: 12
            }
        );
    }
}
