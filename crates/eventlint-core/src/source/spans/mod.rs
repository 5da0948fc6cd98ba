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

use std::borrow::Cow;
use std::cell::{Cell, OnceCell, RefCell};
use std::ops::Range;

use jsonc_parser::ast::{ObjectPropName, Value as Node};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions};

use crate::diagnostic::Position;
use crate::pointer::{Pointer, tokens};
use crate::value::{Map, Str, Value};

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

/// What [`Scan::resolve`] found: the range to mark, or the string literal whose characters a
/// [`Target::InString`] names ([`Spans::in_string`] finds them).
enum Scanned {
    Range(Range<usize>),
    InString(Range<usize>),
}

/// What [`Scan::member`] found.
enum Member {
    /// The member's key (the cursor is at its value).
    Key(Range<usize>),
    /// No such member.
    Absent,
}

/// A forward-only cursor over JSON text that `serde_json` accepted. Every step is checked: on
/// text it cannot walk it returns `None` (the caller falls back to the tree), never panics.
struct Scan<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str) -> Self {
        Scan {
            text,
            b: text.as_bytes(),
            i: 0,
        }
    }

    /// Resolves `pointer` from the value at the cursor; `parent_at` is set to where the value
    /// of the pointer's parent starts, when the walk reaches it.
    fn resolve(
        &mut self,
        pointer: &str,
        target: &Target,
        parent_at: &mut Option<usize>,
    ) -> Option<Scanned> {
        self.ws();
        let mut key_range = None;
        let mut segs = tokens(pointer).peekable();
        while let Some(seg) = segs.next() {
            let last = segs.peek().is_none();
            let start = self.i;
            if last {
                *parent_at = Some(start);
            }
            match self.peek()? {
                b'{' => {
                    let nth = match target {
                        Target::Occurrence(n) if last => *n,
                        _ => 0,
                    };
                    match self.member(&seg, nth)? {
                        Member::Key(key) => key_range = Some(key),
                        Member::Absent => return Some(Scanned::Range(start..self.i)),
                    }
                }
                b'[' => {
                    let Ok(index) = seg.parse::<usize>() else {
                        return self.value().map(Scanned::Range);
                    };
                    if !self.element(index)? {
                        return Some(Scanned::Range(start..self.i));
                    }
                    key_range = None;
                }
                _ => return self.value().map(Scanned::Range),
            }
        }
        let node = self.value()?;
        Some(match target {
            Target::Key | Target::Occurrence(_) => Scanned::Range(key_range.unwrap_or(node)),
            Target::InString(_) if self.b[node.start] == b'"' => Scanned::InString(node),
            Target::InString(_) | Target::Value | Target::Bytes(_) => Scanned::Range(node),
        })
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.i += 1)
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    /// At an object's `{`: moves to the value of the `nth` member named `name` and returns the
    /// range of its key, or `Absent` (after the `}`) when there is no such member.
    fn member(&mut self, name: &str, mut nth: usize) -> Option<Member> {
        self.eat(b'{')?;
        self.ws();
        if self.eat(b'}').is_some() {
            return Some(Member::Absent);
        }
        loop {
            self.ws();
            let key = self.string()?;
            self.ws();
            self.eat(b':')?;
            self.ws();
            if self.key_is(&key, name)? {
                if nth == 0 {
                    return Some(Member::Key(key));
                }
                nth -= 1;
            }
            if !self.skip_item(b'}')? {
                return Some(Member::Absent);
            }
        }
    }

    /// Skips a member's value or an element, then its `,` (`true`: another follows) or the
    /// container's `close` (`false`, after it).
    fn skip_item(&mut self, close: u8) -> Option<bool> {
        self.value()?;
        self.ws();
        let byte = self.peek()?;
        self.i += 1;
        match byte {
            b',' => Some(true),
            _ if byte == close => Some(false),
            _ => None,
        }
    }

    /// At an array's `[`: moves to element `index`; `Some(false)` (after the `]`) when the array
    /// is shorter.
    fn element(&mut self, index: usize) -> Option<bool> {
        self.eat(b'[')?;
        self.ws();
        if self.eat(b']').is_some() {
            return Some(false);
        }
        for at in 0.. {
            self.ws();
            if at == index {
                return Some(true);
            }
            if !self.skip_item(b']')? {
                return Some(false);
            }
        }
        None
    }

    /// Whether the key literal at `key` (quotes included) decodes to `name`.
    fn key_is(&self, key: &Range<usize>, name: &str) -> Option<bool> {
        let raw = self.text.get(key.start + 1..key.end - 1)?;
        if raw.contains('\\') {
            let decoded: String = serde_json::from_str(self.text.get(key.clone())?).ok()?;
            Some(decoded == name)
        } else {
            Some(raw == name)
        }
    }

    /// Skips a string; its range, quotes included.
    fn string(&mut self) -> Option<Range<usize>> {
        let start = self.i;
        self.eat(b'"')?;
        loop {
            let at = memchr::memchr2(b'"', b'\\', self.b.get(self.i..)?)?;
            self.i += at;
            if self.b[self.i] == b'"' {
                self.i += 1;
                return Some(start..self.i);
            }
            self.i += 2; // the backslash and the escaped character
        }
    }

    /// Skips one value; its range.
    fn value(&mut self) -> Option<Range<usize>> {
        let start = self.i;
        match self.peek()? {
            b'"' => self.string(),
            b'{' | b'[' => {
                let mut depth = 0_usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.checked_sub(1)?;
                            if depth == 0 {
                                self.i += 1;
                                return Some(start..self.i);
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
            }
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => {
                while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = self.peek() {
                    self.i += 1;
                }
                Some(start..self.i)
            }
            _ => None,
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<Range<usize>> {
        let start = self.i;
        self.b.get(start..)?.starts_with(word).then(|| {
            self.i += word.len();
            start..self.i
        })
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

/// Bytes between two checkpoints of a [`CharCount`].
const CHECKPOINT: usize = 4096;

/// Counts the characters of a text between byte offsets, in any order, each count in time
/// bounded by [`CHECKPOINT`]: ASCII text needs no counting (looked at once, on first use);
/// otherwise the characters before every [`CHECKPOINT`]-th byte are counted once, on first use,
/// in one pass (a `Vec` of one `usize` per 4 KiB), and a count is the difference of two prefixes,
/// each a checkpoint plus at most 4 KiB counted on. Counting from a line's start for each
/// position, as before, cost a pass over the line per position going backwards: a 200 MB
/// single-line array spent most of its time there.
#[derive(Debug)]
pub(crate) struct CharCount<'a> {
    text: &'a str,
    ascii: OnceCell<bool>,
    /// `prefix[i]`: the characters in `text[..i * CHECKPOINT]`.
    prefix: OnceCell<Vec<usize>>,
    /// The same in UTF-16 code units (for editors), built on first use.
    prefix_utf16: OnceCell<Vec<usize>>,
}

impl<'a> CharCount<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        CharCount {
            text,
            ascii: OnceCell::new(),
            prefix: OnceCell::new(),
            prefix_utf16: OnceCell::new(),
        }
    }

    /// The characters of `text[from..to]` (`from <= to`, both character boundaries).
    pub(crate) fn between(&self, from: usize, to: usize) -> usize {
        if *self.ascii.get_or_init(|| self.text.is_ascii()) {
            return to - from;
        }
        self.before(to) - self.before(from)
    }

    /// The UTF-16 code units of `text[from..to]` (`from <= to`, both character boundaries).
    pub(crate) fn utf16_between(&self, from: usize, to: usize) -> usize {
        if *self.ascii.get_or_init(|| self.text.is_ascii()) {
            return to - from;
        }
        let units = |bytes: &[u8]| starts(bytes) + astral(bytes);
        before(self.text.as_bytes(), &self.prefix_utf16, units, to)
            - before(self.text.as_bytes(), &self.prefix_utf16, units, from)
    }

    /// The characters in `text[..at]`: every byte that does not continue a UTF-8 sequence
    /// starts a character, so bytes are counted, and a checkpoint need not fall on a boundary.
    fn before(&self, at: usize) -> usize {
        before(self.text.as_bytes(), &self.prefix, starts, at)
    }
}

/// `count(&bytes[..at])`, from `prefix`'s checkpoints (made on first use) and at most
/// [`CHECKPOINT`] bytes counted on; `count` must add up over any split of the bytes.
fn before(
    bytes: &[u8],
    prefix: &OnceCell<Vec<usize>>,
    count: impl Fn(&[u8]) -> usize,
    at: usize,
) -> usize {
    let prefix = prefix.get_or_init(|| {
        let mut prefix = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
        let mut total = 0;
        prefix.push(0);
        for block in bytes.chunks_exact(CHECKPOINT) {
            total += count(block);
            prefix.push(total);
        }
        prefix
    });
    let at = at.min(bytes.len());
    let block = at / CHECKPOINT;
    prefix[block] + count(&bytes[block * CHECKPOINT..at])
}

/// The bytes of `bytes` that start a UTF-8 sequence (not `0b10xx_xxxx`).
fn starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// The bytes that start a four-byte sequence: a character outside the Basic Multilingual
/// Plane, two UTF-16 code units.
fn astral(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b >= 0xF0).count()
}

/// Line starts of one document, for byte offset to line and column.
#[derive(Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Columns: characters from the start of the line.
    chars: CharCount<'a>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            text,
            starts,
            chars: CharCount::new(text),
        }
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
            column: self.chars.between(start, offset) + 1,
        }
    }

    /// 1-based line and column in UTF-16 code units (as the Language Server Protocol and
    /// most editors count) of a byte offset.
    #[must_use]
    pub fn position_utf16(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        Position {
            line,
            column: self.chars.utf16_between(start, offset) + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_across_checkpoints_in_any_order() {
        // Multi-byte characters straddling many checkpoints, on one line and on several.
        let unit = "aé日🦀\"x\\";
        let long: String = unit.repeat(3 * CHECKPOINT / unit.len() + 7);
        let text = format!("[\"{long}\",\n\"{long}\"]");
        let lines = LineIndex::new(&text);
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .step_by(97)
            .collect();
        for &offset in offsets.iter().rev().chain(offsets.iter()) {
            let before = &text[..offset];
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let naive = Position {
                line: before.matches('\n').count() + 1,
                column: text[start..offset].chars().count() + 1,
            };
            assert_eq!(lines.position(offset), naive, "offset {offset}");
            let utf16 = Position {
                column: text[start..offset].encode_utf16().count() + 1,
                ..naive
            };
            assert_eq!(lines.position_utf16(offset), utf16, "offset {offset}");
        }
    }

    #[test]
    fn positions_count_characters_in_any_order() {
        let text = "{\"é\": \"ünï\",\n \"k\": [\"日本\", 1],\n\"z\": \"🦀x\"}";
        let naive = |offset: usize| {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            Position {
                line,
                column: text[start..offset].chars().count() + 1,
            }
        };
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let lines = LineIndex::new(text);
        // Forwards, backwards and jumping about: the memo must never change an answer.
        let order = offsets
            .iter()
            .chain(offsets.iter().rev())
            .chain(offsets.iter().step_by(3))
            .chain(offsets.iter().rev().step_by(2));
        for &offset in order {
            assert_eq!(lines.position(offset), naive(offset), "offset {offset}");
        }
        let ascii = "{\n  \"a\": 1\n}";
        let lines = LineIndex::new(ascii);
        assert_eq!(lines.position(8), Position { line: 2, column: 7 });
    }

    #[test]
    fn resolves_values_keys_and_duplicates() {
        let text = "{\n  \"a\": {\"b\": [1, \"x\"]},\n  \"a\": 2\n}";
        let tree = Spans::new(text);
        assert_eq!(&text[tree.resolve("/a/b/1", &Target::Value)], "\"x\"");
        assert_eq!(&text[tree.resolve("/a", &Target::Key)], "\"a\"");
        let second = tree.resolve("/a", &Target::Occurrence(1));
        assert_eq!(
            tree.duplicate_keys(),
            vec![Duplicate {
                pointer: Pointer::root().key("a"),
                occurrence: 1,
                key: second.clone(),
                first: 4..7,
            }]
        );
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

    /// Each repeat is marked at its own key, also under the second occurrence of a repeated
    /// key (a pointer names only the first) and in an object of many keys.
    #[test]
    fn repeated_keys_are_found_with_their_bytes() {
        let many: Vec<String> = (0..40).map(|i| format!("\"k{}\": {i}", i % 20)).collect();
        let text = format!(
            "{{\"a\": {{\"b\": 1, \"b\": 2}}, \"a\": {{\"c\": [{{\"d\": 1, \"d\": 2}}]}}, \"m\": {{{}}}}}",
            many.join(", ")
        );
        let found = Spans::new(&text).duplicate_keys();
        let named: Vec<(&str, usize, &str)> = found
            .iter()
            .map(|d| (d.pointer.as_str(), d.occurrence, &text[d.key.clone()]))
            .collect();
        assert_eq!(
            named[..3],
            [
                ("/a/b", 1, "\"b\""),
                ("/a", 1, "\"a\""),
                ("/a/c/0/d", 1, "\"d\"")
            ]
        );
        assert_eq!(found[2].key.start, text.rfind("\"d\"").unwrap_or_default());
        assert_eq!(named.len(), 3 + 20);
        assert_eq!(named[22], ("/m/k19", 1, "\"k19\""));
        assert_eq!(
            found[22].key.start,
            text.rfind("\"k19\"").unwrap_or_default()
        );
    }

    /// Every pointer and target the scanner resolves as the tree does, on escaped keys,
    /// whitespace everywhere, nesting, missing members and out-of-range indexes.
    #[test]
    fn the_scanner_agrees_with_the_tree() {
        let text = " {\"a\\u0062\" : 1 ,\r\n\t\"a~b\":{\"c/d\":[ 1 , {\"x\" : \"y\\\"}\"} , [ ] , { } ,-1.5e+3,true,null]},\"s\":\"\\u00e9x\",\"ab\":2} ";
        let tree = Spans::new(text);
        let pointers = [
            "",
            "/ab",
            "/a~0b",
            "/a~0b/c~1d",
            "/a~0b/c~1d/0",
            "/a~0b/c~1d/1/x",
            "/a~0b/c~1d/2",
            "/a~0b/c~1d/3",
            "/a~0b/c~1d/4",
            "/a~0b/c~1d/5",
            "/a~0b/c~1d/6",
            "/a~0b/c~1d/7",
            "/a~0b/c~1d/+1",
            "/a~0b/c~1d/x",
            "/s",
            "/zz",
            "/ab/deeper",
            "/a~0b/c~1d/2/0",
        ];
        let targets = [
            Target::Value,
            Target::Key,
            Target::Occurrence(0),
            Target::Occurrence(1),
            Target::InString(1..2),
        ];
        for pointer in pointers {
            for target in &targets {
                assert_eq!(
                    tree.resolve_by_scan(pointer, target),
                    Some(tree.resolve_in_tree(pointer, target)),
                    "{pointer:?} {target:?}"
                );
            }
        }
        assert_eq!(&text[tree.resolve("/ab", &Target::Occurrence(1))], "\"ab\"");
        assert_eq!(
            &text[tree.resolve("/a~0b/c~1d/1/x", &Target::Value)],
            "\"y\\\"}\""
        );
        assert_eq!(
            &text[tree.resolve("/s", &Target::InString(0..1))],
            "\\u00e9"
        );
    }

    /// Past its scan budget, a document's pointers are resolved with the tree, built once.
    #[test]
    fn many_findings_switch_to_the_tree() {
        let members: Vec<String> = (0..2000).map(|i| format!("\"k{i}\": [{i}]")).collect();
        let text = format!("{{{}}}", members.join(", "));
        let tree = Spans::new(&text);
        for i in (0..2000).rev() {
            let pointer = format!("/k{i}/0");
            let span = tree.resolve(&pointer, &Target::Value);
            assert_eq!(&text[span], i.to_string());
        }
        assert!(tree.tree.get().is_some(), "the tree was built");
        assert!(tree.scanned.get() <= 5 * text.len() + (64 << 10) + text.len());
    }

    #[test]
    fn in_string_ranges_skip_escapes() {
        let text = r#"{"p": "{\"userId\": \"\u00e9\"}"}"#;
        let tree = Spans::new(text);
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
        let tree = Spans::new(text);
        assert_eq!(tree.resolve("", &Target::Bytes(3..4)), 2..4);
        #[allow(clippy::reversed_empty_ranges)] // the point of the case
        let inverted = 7..3;
        assert_eq!(tree.resolve("", &Target::Bytes(inverted)), 7..7);
        assert_eq!(tree.resolve("", &Target::Bytes(3..99)), 2..text.len());
        assert_eq!(Spans::new("é").resolve("", &Target::Value), 0..2);
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
