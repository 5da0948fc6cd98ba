//! Pointer to span, only for a document that has findings, so the valid path never pays for
//! positions.
//!
//! A pointer is resolved by *scanning* the text: the document has already been accepted by
//! `serde_json`, so finding a member or an element only needs to skip over strings and balanced
//! brackets up to the target, with no tree and no allocation. The span-keeping parse of
//! `jsonc-parser` (strict options) remains the reference: it is built, once, for duplicate keys,
//! for text the scanner cannot walk (never the case for text `serde_json` accepted), and when a
//! document has so many findings that repeated scans would cost more than the tree (the scan
//! budget). `fuzzing::spans` checks that both agree on every node of every document it sees.

pub(crate) mod lines;
mod scan;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::cell::{Cell, OnceCell, RefCell};
use std::ops::Range;

use jsonc_parser::ast::{ObjectPropName, Value as Node};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions};

use crate::document::value::{Map, Str, Value};
use crate::locate::pointer::{Pointer, tokens};

pub(crate) use lines::CharCount;
pub use lines::LineIndex;
use scan::{Scan, Scanned};

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
    /// Raw bytes of the document (syntax and size findings, a repeated key found with its
    /// bytes).
    Bytes(Range<usize>),
}

/// Where the nodes of one document are: scanned per pointer, or looked up in the span-keeping
/// tree once that exists.
#[derive(Debug)]
pub struct Spans<'a> {
    text: &'a str,
    /// The span-keeping parse, built on first need.
    tree: OnceCell<Option<Node<'a>>>,
    /// Bytes scanned so far; past the budget, the tree is cheaper.
    scanned: Cell<usize>,
    /// The parent pointer of the last scan and where its value starts.
    parent: RefCell<Option<(String, usize)>>,
    /// The document's parsed value, when it has no repeated key: its strings and keys are
    /// borrowed from `text`, so where they are is known without scanning.
    value: Option<&'a Value<'a>>,
    /// The last string literal [`Spans::in_string`] looked into, and its characters' offsets.
    strings: RefCell<Option<(Range<usize>, Vec<usize>)>>,
    /// The last large object a member was looked up in (by address).
    searched: Cell<usize>,
    /// The last large object indexed (by address), and its members by name.
    members: RefCell<Option<(usize, foldhash::HashMap<&'a str, usize>)>>,
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

impl<'a> Spans<'a> {
    /// Prepares to resolve pointers in `text`, which `serde_json` has already accepted. Costs
    /// nothing until a pointer is resolved.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        Spans {
            text,
            tree: OnceCell::new(),
            scanned: Cell::new(0),
            parent: RefCell::new(None),
            value: None,
            strings: RefCell::new(None),
            searched: Cell::new(0),
            members: RefCell::new(None),
        }
    }

    /// Like [`Spans::new`], with `value`, the document `text` parsed (without repeated keys):
    /// a pointer that ends at a string value or at a member is then resolved from where the
    /// value's borrowed strings lie in `text`, scanning at most the member's value.
    #[must_use]
    pub(crate) fn with_value(text: &'a str, value: &'a Value<'a>) -> Self {
        Spans {
            value: Some(value),
            ..Spans::new(text)
        }
    }

    /// The byte range a finding at `pointer` with `target` marks. Falls back to the nearest
    /// existing ancestor when the pointer does not resolve (never panics).
    #[must_use]
    pub fn resolve(&self, pointer: &str, target: &Target) -> Range<usize> {
        if let Target::Bytes(range) = target {
            return snap_to_chars(self.text, range);
        }
        if let Some(range) = self.resolve_by_value(pointer, target) {
            return range;
        }
        // Scanning re-reads the document's prefix for each finding: with many findings in a
        // large document, building the tree once is cheaper.
        if self.tree.get().is_none() && self.within_budget() {
            // Findings often share a parent (`/params/a`, `/params/b`): start from the parent
            // the previous scan reached when it is the same.
            let (parent, rest) = pointer
                .rfind('/')
                .map_or(("", pointer), |k| pointer.split_at(k));
            let mut memo = self.parent.borrow_mut();
            let mut scan = Scan::new(self.text);
            let mut parent_at = None;
            let found = match &*memo {
                Some((text, at)) if !parent.is_empty() && text == parent => {
                    scan.i = *at;
                    let found = scan.resolve(rest, target, &mut None);
                    self.scanned.set(self.scanned.get() + (scan.i - at));
                    found
                }
                _ => {
                    let found = scan.resolve(pointer, target, &mut parent_at);
                    self.scanned.set(self.scanned.get() + scan.i);
                    found
                }
            };
            if let Some(at) = parent_at.filter(|_| !parent.is_empty()) {
                let (text, start) = memo.get_or_insert_with(|| (String::new(), 0));
                text.clear();
                text.push_str(parent);
                *start = at;
            }
            if let Some(found) = found {
                // Scanned ranges start and end at ASCII bytes; snapping only guards the
                // never-taken case of text that is not JSON.
                return snap_to_chars(self.text, &self.scanned_range(found, target));
            }
        }
        self.resolve_in_tree(pointer, target)
    }

    /// Whether scanning is still cheaper than building the tree: scans have read less than 4×
    /// the document (and 64 KiB).
    fn within_budget(&self) -> bool {
        self.scanned.get() <= 4 * self.text.len() + (64 << 10)
    }

    fn tree(&self) -> Option<&Node<'a>> {
        self.tree
            .get_or_init(|| {
                jsonc_parser::parse_to_ast(self.text, &CollectOptions::default(), &strict())
                    .ok()
                    .and_then(|r| r.value)
            })
            .as_ref()
    }

    /// [`Spans::resolve`] with the span-keeping tree: the reference the scanner must agree
    /// with (see `fuzzing::spans`).
    #[must_use]
    pub(crate) fn resolve_in_tree(&self, pointer: &str, target: &Target) -> Range<usize> {
        if let Target::Bytes(range) = target {
            return snap_to_chars(self.text, range);
        }
        let Some(root) = self.tree() else {
            // The first character (the text need not start with ASCII).
            return 0..self.text.chars().next().map_or(0, char::len_utf8);
        };
        let segs: Vec<Cow<'_, str>> = tokens(pointer).collect();
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
                Node::StringLit(lit) => self.in_string(r(lit.range), chars),
                _ => r(node.range()),
            },
            Target::Value | Target::Bytes(_) => r(node.range()),
        }
    }

    /// [`Spans::resolve`] by scanning only, `None` where the scanner cannot walk the text:
    /// for `fuzzing::spans`, which checks it against [`Spans::resolve_in_tree`].
    #[must_use]
    pub(crate) fn resolve_by_scan(&self, pointer: &str, target: &Target) -> Option<Range<usize>> {
        if let Target::Bytes(range) = target {
            return Some(snap_to_chars(self.text, range));
        }
        let found = Scan::new(self.text).resolve(pointer, target, &mut None)?;
        Some(snap_to_chars(self.text, &self.scanned_range(found, target)))
    }

    /// [`Spans::resolve`] from the parsed value: `None` unless the pointer resolves in it and
    /// ends at a string borrowed from the text or at a member whose key is (for a member, its
    /// value is scanned from the key on). For `fuzzing::spans` too, which checks it against
    /// [`Spans::resolve_in_tree`].
    #[must_use]
    pub(crate) fn resolve_by_value(&self, pointer: &str, target: &Target) -> Option<Range<usize>> {
        let mut node = self.value?;
        if matches!(target, Target::Occurrence(_) | Target::Bytes(_)) {
            return None;
        }
        let mut key = None;
        for seg in tokens(pointer) {
            match node {
                Value::Object(map) => {
                    let (k, v) = self.member(map, &seg)?;
                    key = Some(k);
                    node = v;
                }
                Value::Array(items) => {
                    key = None;
                    node = items.get(seg.parse::<usize>().ok()?)?;
                }
                _ => return None,
            }
        }
        // A key with escapes is not in the text as it reads: the scanner finds it.
        let key = match key {
            Some(k) => Some(self.literal(k)?),
            None => None,
        };
        let value = || {
            let string = match node {
                Value::String(s) => self.literal(s),
                _ => None,
            };
            string.or_else(|| self.value_after(key.clone()?))
        };
        match target {
            Target::Key => key.clone().or_else(value),
            Target::InString(chars) => {
                let range = value()?;
                Some(if self.text.as_bytes().get(range.start) == Some(&b'"') {
                    self.in_string(range, chars)
                } else {
                    range
                })
            }
            _ => value(),
        }
    }

    /// The value of the member whose key is at `key`: after it come blanks, `:`, blanks, then
    /// the value. Scanned within the scan budget, so that many findings in one large value use
    /// the tree.
    fn value_after(&self, key: Range<usize>) -> Option<Range<usize>> {
        if !self.within_budget() {
            return None;
        }
        let mut scan = Scan::new(self.text);
        scan.i = key.end;
        scan.ws();
        scan.eat(b':')?;
        scan.ws();
        let found = scan.value();
        self.scanned.set(self.scanned.get() + (scan.i - key.end));
        found
    }

    /// Member `name` of `map`. A large object is indexed by name when a second member of it is
    /// looked up (the last such object), so that many findings in it (every key unknown) do not
    /// each search it, while one finding in it costs one search and no index.
    fn member(&self, map: &'a Map<'a>, name: &str) -> Option<(&'a Str<'a>, &'a Value<'a>)> {
        let address = std::ptr::from_ref(map) as usize;
        if map.len() <= 32 || self.searched.replace(address) != address {
            return map.iter().find(|(k, _)| k.as_str() == name);
        }
        let mut memo = self.members.borrow_mut();
        let (_, index) = match memo.take() {
            Some((at, index)) if at == address => memo.insert((at, index)),
            _ => {
                let mut index = foldhash::HashMap::with_capacity_and_hasher(
                    map.len(),
                    foldhash::fast::RandomState::default(),
                );
                for (i, (k, _)) in map.iter().enumerate() {
                    index.entry(k.as_str()).or_insert(i);
                }
                memo.insert((address, index))
            }
        };
        map.get_index(*index.get(name)?)
    }

    /// The range of what [`Scan::resolve`] found.
    fn scanned_range(&self, found: Scanned, target: &Target) -> Range<usize> {
        match (found, target) {
            (Scanned::InString(literal), Target::InString(chars)) => self.in_string(literal, chars),
            (Scanned::Range(range) | Scanned::InString(range), _) => range,
        }
    }

    /// The bytes of characters `chars` of the decoded string `literal` (quotes included). The
    /// character offsets of the last literal are kept: findings inside one long string (every
    /// key of JSON held in a string) then cost one pass over it in all, not one each.
    fn in_string(&self, literal: Range<usize>, chars: &Range<usize>) -> Range<usize> {
        let mut memo = self.strings.borrow_mut();
        let (_, offsets) = match memo.take() {
            Some((at, offsets)) if at == literal => memo.insert((at, offsets)),
            _ => memo.insert((literal.clone(), string_char_offsets(self.text, &literal))),
        };
        let base = literal.start + 1;
        let end_of_string = offsets.last().copied().unwrap_or(base);
        let start = offsets.get(chars.start).copied().unwrap_or(base);
        let end = offsets.get(chars.end).copied().unwrap_or(end_of_string);
        start..end.max(start)
    }

    /// The range of a string literal (quotes included) whose content `s` is borrowed from the
    /// text; `None` for a string that had escapes (decoded, so not in the text).
    fn literal(&self, s: &Str<'_>) -> Option<Range<usize>> {
        let start = (s.as_ptr() as usize).checked_sub(self.text.as_ptr() as usize)?;
        let end = start.checked_add(s.len())?;
        let bytes = self.text.as_bytes();
        (s.is_borrowed()
            && start >= 1
            && bytes.get(start - 1) == Some(&b'"')
            && bytes.get(end) == Some(&b'"'))
        .then(|| start - 1..end + 1)
    }

    /// Every repeated key, in document order: the member's pointer, which occurrence it is
    /// (1 = the second) and its key's bytes (what [`Target::Occurrence`] resolves to).
    #[must_use]
    pub fn duplicate_keys(&self) -> Vec<Duplicate> {
        let mut out = Vec::new();
        if let Some(root) = self.tree() {
            collect_duplicates(root, &Pointer::root(), &mut out);
        }
        out
    }
}

/// A repeated key, from [`Spans::duplicate_keys`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The member's pointer.
    pub pointer: Pointer,
    /// Which occurrence of the key this is (1 = the second).
    pub occurrence: usize,
    /// The key's bytes, quotes included.
    pub key: Range<usize>,
    /// The first occurrence's key bytes, quotes included.
    pub first: Range<usize>,
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

/// The repeated keys under `node` (at `at`): each object's members are counted by name in one
/// pass (by a hash map when there are many), and each repeat's key range comes from the tree, so
/// that many repeats of one key cost one pass, not a search each.
fn collect_duplicates(node: &Node<'_>, at: &Pointer, out: &mut Vec<Duplicate>) {
    match node {
        Node::Object(obj) => {
            // Each name: how often seen so far, and its first key's bytes.
            let mut few: Vec<(&str, usize, Range<usize>)> = Vec::new();
            let mut many: foldhash::HashMap<&str, (usize, Range<usize>)> =
                foldhash::HashMap::default();
            let is_many = obj.properties.len() > 16;
            for prop in &obj.properties {
                let name = prop.name.as_str();
                let key = match &prop.name {
                    ObjectPropName::String(s) => r(s.range),
                    ObjectPropName::Word(w) => r(w.range),
                };
                let (seen, first) = if is_many {
                    let entry = many.entry(name).or_insert((0, key.clone()));
                    (&mut entry.0, entry.1.clone())
                } else {
                    let i = few
                        .iter()
                        .position(|(n, ..)| *n == name)
                        .unwrap_or_else(|| {
                            few.push((name, 0, key.clone()));
                            few.len() - 1
                        });
                    let (_, seen, first) = &mut few[i];
                    (seen, first.clone())
                };
                let occurrence = *seen;
                *seen += 1;
                let container = matches!(prop.value, Node::Object(_) | Node::Array(_));
                if occurrence == 0 && !container {
                    continue;
                }
                let child = at.key(name);
                if occurrence > 0 {
                    out.push(Duplicate {
                        pointer: child.clone(),
                        occurrence,
                        key,
                        first,
                    });
                }
                collect_duplicates(&prop.value, &child, out);
            }
        }
        Node::Array(arr) => {
            for (i, el) in arr.elements.iter().enumerate() {
                if matches!(el, Node::Object(_) | Node::Array(_)) {
                    collect_duplicates(el, &at.index(i), out);
                }
            }
        }
        _ => {}
    }
}

/// The byte offset of each decoded character of the string literal `literal` (quotes included),
/// then of its closing quote, walking escapes so `\"` and `\u00e9` count as one character each.
fn string_char_offsets(text: &str, literal: &Range<usize>) -> Vec<usize> {
    let raw = text
        .get(literal.start + 1..literal.end.saturating_sub(1).max(literal.start + 1))
        .unwrap_or_default();
    let base = literal.start + 1;
    let mut offsets = Vec::new();
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
    offsets
}
