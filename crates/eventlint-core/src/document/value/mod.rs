//! The parsed document the rules read: a JSON value that borrows its strings from the text.
//!
//! `serde_json::Value` owns every key and string and keeps objects in a `BTreeMap`, so building
//! it costs an allocation per string and a tree insert per member; on event-sized documents that
//! is most of the parse, and freeing it again costs more. [`Value`] borrows every string that
//! has no escape sequence from the document text and keeps an object's members in a slice in
//! document order. Its arrays, members and decoded strings live in an arena ([`with_arena`]: one
//! per thread, emptied after each document), so building a document allocates nothing from the
//! heap and dropping it frees nothing (see docs/performance.md, "the parsed document").
//!
//! The API follows `serde_json::Value` (`get`, `as_str`, `as_object`, `pointer`, ...), so rules
//! read the same, and [`Doc`] lets the `jsonschema` crate validate it directly. [`parse`] keeps
//! `serde_json`'s verdict on what is valid JSON and every syntax error.

mod parse;
mod schema_adapter;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use bumpalo::Bump;
use bumpalo::collections::Vec as BumpVec;
use serde_json::Number;

use crate::locate::pointer::tokens;

pub(crate) use parse::{parse, with_arena};
pub(crate) use schema_adapter::Doc;

/// A string of the document: borrowed from its text unless it had escape sequences (then it is
/// decoded into the document's arena).
#[derive(Clone, Copy)]
pub(crate) struct Str<'a> {
    text: &'a str,
    borrowed: bool,
}

impl<'a> Str<'a> {
    /// A string borrowed from `s`.
    #[must_use]
    pub(crate) fn borrowed(s: &'a str) -> Self {
        Str {
            text: s,
            borrowed: true,
        }
    }

    /// A decoded string, kept in `arena`.
    fn decoded(s: &str, arena: &'a Bump) -> Self {
        Str {
            text: arena.alloc_str(s),
            borrowed: false,
        }
    }

    /// The string.
    #[must_use]
    pub(crate) fn as_str(&self) -> &'a str {
        self.text
    }

    /// Whether the string is borrowed from the document text (it had no escape sequence).
    #[must_use]
    pub(crate) fn is_borrowed(&self) -> bool {
        self.borrowed
    }
}

impl PartialEq for Str<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Str<'_> {}

impl Hash for Str<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl Deref for Str<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.text
    }
}

impl fmt::Debug for Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.text, f)
    }
}

impl fmt::Display for Str<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text)
    }
}

impl PartialEq<str> for Str<'_> {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<Str<'_>> for str {
    fn eq(&self, other: &Str<'_>) -> bool {
        self == other.text
    }
}

impl PartialEq<Str<'_>> for &str {
    fn eq(&self, other: &Str<'_>) -> bool {
        *self == other.text
    }
}

/// A JSON value of a parsed document (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as `serde_json` reads it.
    Number(Number),
    /// A string.
    String(Str<'a>),
    /// An array.
    Array(&'a [Value<'a>]),
    /// An object.
    Object(Map<'a>),
}

/// An object's members in document order. A key given twice keeps its first place and its last
/// value, so lookups agree with `serde_json` (the `json/duplicate-key` rule reports the repeat).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Map<'a> {
    members: &'a [(Str<'a>, Value<'a>)],
}

impl<'a> Map<'a> {
    /// The value of member `key`.
    #[must_use]
    pub(crate) fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.members
            .iter()
            .find(|(name, _)| name.text == key)
            .map(|(_, value)| value)
    }

    /// Whether the object has member `key`.
    #[must_use]
    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The number of members.
    #[must_use]
    pub(crate) fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether the object has no member.
    #[must_use]
    pub(crate) fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The members, in document order.
    pub(crate) fn iter(&self) -> impl ExactSizeIterator<Item = (&Str<'a>, &Value<'a>)> + '_ {
        self.members.iter().map(|(name, value)| (name, value))
    }

    /// Member `i`, in document order.
    #[must_use]
    pub(crate) fn get_index(&self, i: usize) -> Option<(&Str<'a>, &Value<'a>)> {
        self.members.get(i).map(|(name, value)| (name, value))
    }

    /// The keys, in document order.
    pub(crate) fn keys(&self) -> impl ExactSizeIterator<Item = &Str<'a>> + '_ {
        self.members.iter().map(|(name, _)| name)
    }

    /// The members as a `serde_json` map (a copy, keys sorted): for cold paths.
    #[must_use]
    pub(crate) fn to_json(&self) -> serde_json::Map<String, serde_json::Value> {
        self.iter()
            .map(|(k, v)| (k.as_str().to_owned(), v.to_json()))
            .collect()
    }

    /// Builds a map from members, keeping the first place and last value of a repeated key;
    /// returns whether a key was repeated.
    fn from_members(members: BumpVec<'a, (Str<'a>, Value<'a>)>, arena: &'a Bump) -> (Self, bool) {
        if !any_repeated(&members) {
            let members = members.into_bump_slice();
            return (Map { members }, false);
        }
        let mut first: HashMap<Str<'a>, usize> = HashMap::new();
        let mut kept: BumpVec<'a, (Str<'a>, Value<'a>)> =
            BumpVec::with_capacity_in(members.len(), arena);
        for (key, value) in members {
            if let Some(&at) = first.get(&key) {
                kept[at].1 = value;
            } else {
                first.insert(key, kept.len());
                kept.push((key, value));
            }
        }
        let members = kept.into_bump_slice();
        (Map { members }, true)
    }
}

/// Whether two members have the same key. Keys are compared by their [`key_print`] first, and
/// whole only when their prints are equal: most objects have no repeated key, and most pairs of
/// keys differ in length or in their first or last bytes.
fn any_repeated(members: &[(Str<'_>, Value<'_>)]) -> bool {
    const SMALL: usize = 16;
    if members.len() <= SMALL {
        let mut prints = [0u64; SMALL];
        for (i, (key, _)) in members.iter().enumerate() {
            let print = key_print(key);
            let seen = prints[..i]
                .iter()
                .zip(members)
                .any(|(&p, (k, _))| p == print && k == key);
            if seen {
                return true;
            }
            prints[i] = print;
        }
        false
    } else {
        // Sorting the prints alone is cheap; keys are sorted only when two prints are equal.
        let mut prints: Vec<u64> = members.iter().map(|(k, _)| key_print(k)).collect();
        prints.sort_unstable();
        if prints.windows(2).all(|w| w[0] != w[1]) {
            return false;
        }
        let mut keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort_unstable();
        keys.windows(2).any(|w| w[0] == w[1])
    }
}

/// A fingerprint of a key: its length with its first and last eight bytes (every byte of a key
/// of up to eight). Equal keys have equal prints.
fn key_print(key: &str) -> u64 {
    let b = key.as_bytes();
    let word = if let (Some(first), Some(last)) = (b.first_chunk::<8>(), b.last_chunk::<8>()) {
        u64::from_le_bytes(*first) ^ u64::from_le_bytes(*last).rotate_left(29)
    } else if let (Some(first), Some(last)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        u64::from(u32::from_le_bytes(*first)) | (u64::from(u32::from_le_bytes(*last)) << 32)
    } else {
        b.iter()
            .fold(0, |word, &byte| (word << 8) | u64::from(byte))
    };
    word ^ (b.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl<'m, 'a> IntoIterator for &'m Map<'a> {
    type Item = (&'m Str<'a>, &'m Value<'a>);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'m, (Str<'a>, Value<'a>)>,
        fn(&'m (Str<'a>, Value<'a>)) -> (&'m Str<'a>, &'m Value<'a>),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.members.iter().map(|(name, value)| (name, value))
    }
}

/// What [`Value::get`] takes, as in `serde_json`: a member name or an array index.
pub(crate) trait Index {
    /// The member or element of `value` this names.
    fn index_into<'v, 'a>(&self, value: &'v Value<'a>) -> Option<&'v Value<'a>>;
}

impl Index for str {
    fn index_into<'v, 'a>(&self, value: &'v Value<'a>) -> Option<&'v Value<'a>> {
        match value {
            Value::Object(map) => map.get(self),
            _ => None,
        }
    }
}

impl Index for String {
    fn index_into<'v, 'a>(&self, value: &'v Value<'a>) -> Option<&'v Value<'a>> {
        self.as_str().index_into(value)
    }
}

impl Index for usize {
    fn index_into<'v, 'a>(&self, value: &'v Value<'a>) -> Option<&'v Value<'a>> {
        match value {
            Value::Array(items) => items.get(*self),
            _ => None,
        }
    }
}

impl<T: Index + ?Sized> Index for &T {
    fn index_into<'v, 'a>(&self, value: &'v Value<'a>) -> Option<&'v Value<'a>> {
        (**self).index_into(value)
    }
}

static NULL: Value<'static> = Value::Null;

/// `value["key"]` and `value[0]`, `null` when absent, as in `serde_json`.
impl<'a, I: Index> std::ops::Index<I> for Value<'a> {
    type Output = Value<'a>;
    fn index(&self, index: I) -> &Value<'a> {
        index.index_into(self).unwrap_or(&NULL)
    }
}

impl<'a> Value<'a> {
    /// The member `key` of an object or the element `index` of an array (`None` for anything
    /// else).
    #[must_use]
    pub(crate) fn get<I: Index>(&self, index: I) -> Option<&Value<'a>> {
        index.index_into(self)
    }

    /// The string, if this is one.
    #[must_use]
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The members, if this is an object.
    #[must_use]
    pub(crate) fn as_object(&self) -> Option<&Map<'a>> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    #[must_use]
    pub(crate) fn as_array(&self) -> Option<&'a [Value<'a>]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    #[must_use]
    pub(crate) fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number as `f64`, if this is a number.
    #[must_use]
    pub(crate) fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    /// The number as `u64`, if this is a non-negative integer that fits.
    #[must_use]
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    /// The number as `i64`, if this is an integer that fits.
    #[must_use]
    pub(crate) fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    /// Whether this is `null`.
    #[must_use]
    pub(crate) fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Whether this is a string.
    #[must_use]
    pub(crate) fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    /// Whether this is a number.
    #[must_use]
    pub(crate) fn is_number(&self) -> bool {
        matches!(self, Value::Number(_))
    }

    /// Whether this is an array.
    #[must_use]
    pub(crate) fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    /// Whether this is an object.
    #[must_use]
    pub(crate) fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    /// The value at a JSON Pointer (RFC 6901), e.g. `/eventList/0/properties`.
    #[must_use]
    pub(crate) fn pointer(&self, pointer: &str) -> Option<&Value<'a>> {
        if pointer.is_empty() {
            return Some(self);
        }
        if !pointer.starts_with('/') {
            return None;
        }
        tokens(pointer).try_fold(self, |target, token| match target {
            Value::Object(map) => map.get(&token),
            Value::Array(items) => parse_index(&token).and_then(|i| items.get(i)),
            _ => None,
        })
    }

    /// The value at `path`, a pointer's unescaped reference tokens (what [`Value::pointer`]
    /// finds for their pointer, without writing and splitting its text).
    #[must_use]
    pub(crate) fn at(&self, path: &[&str]) -> Option<&Value<'a>> {
        path.iter().try_fold(self, |target, token| match target {
            Value::Object(map) => map.get(token),
            Value::Array(items) => parse_index(token).and_then(|i| items.get(i)),
            _ => None,
        })
    }

    /// The value as a `serde_json::Value` (a copy): for error messages and other cold paths.
    #[must_use]
    pub(crate) fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::Value::Number(n.clone()),
            Value::String(s) => serde_json::Value::String(s.as_str().to_owned()),
            Value::Array(items) => {
                serde_json::Value::Array(items.iter().map(Value::to_json).collect())
            }
            Value::Object(map) => serde_json::Value::Object(map.to_json()),
        }
    }

    /// Borrows a `serde_json::Value` as a document value (containers in `arena`).
    #[cfg(test)]
    pub(crate) fn from_json(value: &'a serde_json::Value, arena: &'a Bump) -> Self {
        match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.clone()),
            serde_json::Value::String(s) => Value::String(Str::borrowed(s)),
            serde_json::Value::Array(items) => Value::Array(
                arena.alloc_slice_fill_iter(items.iter().map(|v| Value::from_json(v, arena))),
            ),
            serde_json::Value::Object(map) => Value::Object(Map {
                members: arena.alloc_slice_fill_iter(
                    map.iter()
                        .map(|(k, v)| (Str::borrowed(k), Value::from_json(v, arena))),
                ),
            }),
        }
    }
}

/// An array index as RFC 6901 writes it: digits, no leading zero.
fn parse_index(token: &str) -> Option<usize> {
    if token.is_empty() || (token.len() > 1 && token.starts_with('0')) || token.starts_with('+') {
        return None;
    }
    token.parse().ok()
}

impl PartialEq<str> for Value<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

/// Compact JSON exactly as `serde_json::Value` displays it (keys sorted), so messages that show
/// a value read the same whichever representation held it.
impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.to_json(), f)
    }
}
