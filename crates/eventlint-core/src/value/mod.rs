//! The parsed document the rules read: a JSON value that borrows its strings from the text.
//!
//! `serde_json::Value` owns every key and string and keeps objects in a `BTreeMap`, so building
//! it costs an allocation per string and a tree insert per member; on event-sized documents that
//! is most of the parse, and freeing it again costs more. [`Value`] borrows every string that
//! has no escape sequence from the document text and keeps an object's members in a slice in
//! document order. Its arrays, members and decoded strings live in an arena ([`with_arena`]: one
//! per thread, emptied after each document), so building a document allocates nothing from the
//! heap and dropping it frees nothing (see ARCHITECTURE.md, "the parsed value").
//!
//! The API follows `serde_json::Value` (`get`, `as_str`, `as_object`, `pointer`, ...), so rules
//! read the same, and [`Doc`] lets the `jsonschema` crate validate it directly. [`parse`] keeps
//! `serde_json`'s verdict on what is valid JSON and every syntax error.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use bumpalo::Bump;
use bumpalo::collections::Vec as BumpVec;
use jsonschema::json::{Array, Json, Node, NodeIdentity, Object};
use jsonschema::types::JsonType;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

use crate::pointer::tokens;

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

/// Parses a document (`text` must be the whole document); `duplicates` is set when an object
/// repeats a key.
///
/// `sonic-rs` parses first: its SIMD string and whitespace scanning makes the parse about a fifth
/// cheaper than `serde_json`'s. Its numbers are `serde_json`'s (the same `u64`/`i64`/`f64`
/// choice, the same `f64` on every number tried), so on text both accept the value is the same.
/// Whatever `sonic-rs` refuses, and any document nested deeper than [`FAST_NESTING`], is parsed
/// again by `serde_json`, whose verdict and error (with its position and wording) stand:
/// acceptance is exactly `serde_json`'s, its nesting limit (128) included. `fuzzing::spans`
/// asserts both on every fixture and under the fuzzer, and a unit test pins the edge cases.
pub(crate) fn parse<'a>(
    text: &'a str,
    arena: &'a Bump,
    duplicates: &Cell<bool>,
) -> Result<Value<'a>, serde_json::Error> {
    let mut fast = sonic_rs::Deserializer::from_str(text);
    if let Ok(value) = Seed::new(arena, duplicates, FAST_NESTING).deserialize(&mut fast)
        && fast.end().is_ok()
    {
        return Ok(value);
    }
    duplicates.set(false);
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Seed::new(arena, duplicates, u8::MAX).deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// Runs `f` with this thread's arena for a parsed document, emptied afterwards and kept for the
/// next document (a nested call, or one after a panic, gets a new arena). An arena that grew past
/// [`KEPT_ARENA`] for a large document is freed rather than kept.
pub(crate) fn with_arena<R>(f: impl FnOnce(&Bump) -> R) -> R {
    thread_local! {
        static ARENA: Cell<Option<Bump>> = const { Cell::new(None) };
    }
    let mut arena = ARENA.take().unwrap_or_default();
    let result = f(&arena);
    if arena.allocated_bytes() <= KEPT_ARENA {
        arena.reset();
        ARENA.set(Some(arena));
    }
    result
}

/// The largest arena a thread keeps between documents.
const KEPT_ARENA: usize = 1 << 20;

/// Containers the fast parser opens inside one another before it hands the document to
/// `serde_json`. Event payloads are shallow; the bound keeps the fast path's stack small (its
/// frames are large in unoptimised test builds, where 127 levels overflow a 2 MiB thread).
const FAST_NESTING: u8 = 32;

/// Builds a [`Value`] in `arena`: `duplicates` is set when an object repeats a key, `left` is how
/// many more containers may open inside this value.
#[derive(Clone, Copy)]
struct Seed<'d, 'a> {
    arena: &'a Bump,
    duplicates: &'d Cell<bool>,
    left: u8,
}

impl<'d, 'a> Seed<'d, 'a> {
    fn new(arena: &'a Bump, duplicates: &'d Cell<bool>, left: u8) -> Self {
        Seed {
            arena,
            duplicates,
            left,
        }
    }

    /// The seed for the members of the array or object this seed's value opens.
    fn nested<E: de::Error>(self) -> Result<Self, E> {
        match self.left.checked_sub(1) {
            Some(left) => Ok(Seed { left, ..self }),
            None => Err(E::custom("nested too deep for the fast parser")),
        }
    }
}

impl<'a> DeserializeSeed<'a> for Seed<'_, 'a> {
    type Value = Value<'a>;
    fn deserialize<D: de::Deserializer<'a>>(self, deserializer: D) -> Result<Value<'a>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'a> Visitor<'a> for Seed<'_, 'a> {
    type Value = Value<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value<'a>, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value<'a>, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value<'a>, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value<'a>, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_borrowed_str<E>(self, v: &'a str) -> Result<Value<'a>, E> {
        Ok(Value::String(Str::borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value<'a>, E> {
        Ok(Value::String(Str::decoded(v, self.arena)))
    }
    fn visit_unit<E>(self) -> Result<Value<'a>, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value<'a>, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'a>>(self, mut seq: A) -> Result<Value<'a>, A::Error> {
        let inner = self.nested()?;
        let mut items = BumpVec::new_in(self.arena);
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Value::Array(items.into_bump_slice()))
    }
    fn visit_map<A: MapAccess<'a>>(self, mut map: A) -> Result<Value<'a>, A::Error> {
        let inner = self.nested()?;
        let mut members = BumpVec::with_capacity_in(8, self.arena);
        while let Some(key) = map.next_key_seed(KeySeed(self.arena))? {
            let value = map.next_value_seed(inner)?;
            members.push((key, value));
        }
        let (map, repeated) = Map::from_members(members, self.arena);
        if repeated {
            self.duplicates.set(true);
        }
        Ok(Value::Object(map))
    }
}

/// Builds an object key, decoded into the arena when it has escapes.
struct KeySeed<'a>(&'a Bump);

impl<'a> DeserializeSeed<'a> for KeySeed<'a> {
    type Value = Str<'a>;
    fn deserialize<D: de::Deserializer<'a>>(self, deserializer: D) -> Result<Str<'a>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'a> Visitor<'a> for KeySeed<'a> {
    type Value = Str<'a>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }
    fn visit_borrowed_str<E>(self, v: &'a str) -> Result<Str<'a>, E> {
        Ok(Str::borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Str<'a>, E> {
        Ok(Str::decoded(v, self.0))
    }
}

/// [`Value`] as a `jsonschema` representation, so kinds validate the parsed document directly.
pub(crate) struct Doc;

impl Json for Doc {
    type Node<'a> = &'a Value<'a>;
    type PreparedKey = Box<str>;
    type StringBuffer = ();
    // Members are a vector: one pass over them beats a lookup per required key soon.
    const KEYS_PER_LOOKUP: usize = 2;
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> Box<str> {
        key.into()
    }

    fn with_string_node<T>((): &mut (), string: &str, f: impl FnOnce(Self::Node<'_>) -> T) -> T {
        f(&Value::String(Str::borrowed(string)))
    }
}

impl<'a> Node<'a, Doc> for &'a Value<'a> {
    type Object = &'a Map<'a>;
    type Array = &'a [Value<'a>];
    type Number = &'a Number;

    fn as_object(&self) -> Option<&'a Map<'a>> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<&'a [Value<'a>]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match self {
            Value::String(s) => Some(Cow::Borrowed(s.as_str())),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<&'a Number> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        Value::as_bool(self)
    }

    fn is_null(&self) -> bool {
        Value::is_null(self)
    }

    fn json_type(&self) -> JsonType {
        match self {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::Array,
            Value::Object(_) => JsonType::Object,
        }
    }

    fn to_value(&self) -> Cow<'a, serde_json::Value> {
        Cow::Owned(self.to_json())
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::new(
            std::ptr::from_ref::<Value<'_>>(self) as usize
        ))
    }
}

impl<'a> Object<'a, Doc> for &'a Map<'a> {
    type Node = &'a Value<'a>;
    type MemberName = &'a str;
    type MembersIter = MembersIter<'a>;

    fn len(&self) -> usize {
        Map::len(self)
    }

    fn get(&self, key: &Box<str>) -> Option<&'a Value<'a>> {
        Map::get(self, key)
    }

    fn members(&self) -> MembersIter<'a> {
        MembersIter(self.members.iter())
    }
}

/// The members of a [`Map`] for `jsonschema`.
pub(crate) struct MembersIter<'a>(std::slice::Iter<'a, (Str<'a>, Value<'a>)>);

impl<'a> Iterator for MembersIter<'a> {
    type Item = (&'a str, &'a Value<'a>);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(name, value)| (name.as_str(), value))
    }
}

impl<'a> Array<'a, Doc> for &'a [Value<'a>] {
    type Node = &'a Value<'a>;
    type ElementsIter = std::slice::Iter<'a, Value<'a>>;

    fn len(&self) -> usize {
        <[Value<'a>]>::len(self)
    }

    fn elements(&self) -> std::slice::Iter<'a, Value<'a>> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (Value<'_>, bool) {
        let duplicates = Cell::new(false);
        let value = parse(text, Box::leak(Box::default()), &duplicates).expect("valid JSON");
        (value, duplicates.get())
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let (value, _) = parsed(r#"{"a": "plain", "b\n": "esc\"aped"}"#);
        let Value::Object(map) = &value else {
            panic!("an object")
        };
        let (key, a) = map.iter().next().expect("a member");
        assert!(key.is_borrowed() && key.as_str() == "a");
        assert!(matches!(a, Value::String(s) if s.is_borrowed() && s.as_str() == "plain"));
        assert!(
            matches!(map.get("b\n"), Some(Value::String(s)) if !s.is_borrowed() && s.as_str() == "esc\"aped")
        );
    }

    #[test]
    fn a_repeated_key_keeps_its_first_place_and_last_value_as_serde_json_does() {
        for n in [3, 40] {
            let members = (0..n)
                .map(|i| format!("\"m{i}\": {i}"))
                .collect::<Vec<_>>()
                .join(", ");
            let text = format!("{{\"k\": 1, {members}, \"k\": 2}}");
            let (value, repeated) = parsed(&text);
            assert!(repeated);
            let serde: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
            assert_eq!(value.to_json(), serde);
            let map = value.as_object().expect("an object");
            assert_eq!(map.len(), n + 1);
            assert_eq!(map.keys().next().map(Str::as_str), Some("k"));
            assert_eq!(map.get("k").and_then(Value::as_u64), Some(2));
        }
        assert!(!parsed(r#"{"a": {"a": 1}, "b": [{"a": 1, "b": 2}]}"#).1);
    }

    fn members<'a>(keys: &[&'a str]) -> Vec<(Str<'a>, Value<'a>)> {
        keys.iter()
            .map(|k| (Str::borrowed(k), Value::Null))
            .collect()
    }

    #[test]
    fn repeated_keys_are_found_whatever_their_prints() {
        // Keys that share a print but differ (same length, same first and last eight bytes),
        // keys of every length up to 20, and one repeat anywhere, among few and many members.
        let twins = ["abcdefgh_X_12345678", "abcdefgh_Y_12345678"];
        assert_eq!(key_print(twins[0]), key_print(twins[1]));
        let mut keys: Vec<String> = twins.iter().map(|k| (*k).to_owned()).collect();
        keys.extend((0..=20).map(|n| "k".repeat(n)));
        keys.extend((0..=20).map(|n| format!("{}\u{e9}", "a".repeat(n))));
        for n in [2, 5, 16, 17, keys.len()] {
            let some = &keys[..n];
            let naive = |k: &[&str]| (0..k.len()).any(|i| k[..i].contains(&k[i]));
            let distinct: Vec<&str> = some.iter().map(String::as_str).collect();
            assert!(!naive(&distinct));
            assert!(!any_repeated(&members(&distinct)), "{n} distinct keys");
            for at in 0..n {
                for again in 0..=n {
                    let mut with: Vec<&str> = distinct.clone();
                    with.insert(again, distinct[at]);
                    assert!(
                        any_repeated(&members(&with)),
                        "{n} keys, {at} again at {again}"
                    );
                }
            }
        }
    }

    #[test]
    fn converts_to_and_from_serde_json_and_prints_the_same() {
        let text = r#"{"z": [1, -2, 3.5, true, null, "s\u00e9"], "a": {"x~/y": {}}, "e": []}"#;
        let serde: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
        let (value, _) = parsed(text);
        assert_eq!(value.to_json(), serde);
        assert_eq!(Value::from_json(&serde, &Bump::new()).to_json(), serde);
        assert_eq!(value.to_string(), serde.to_string());
        for pointer in [
            "",
            "/z",
            "/z/0",
            "/z/5",
            "/a/x~0~1y",
            "/e",
            "/z/6",
            "/z/01",
            "/q",
            "z",
        ] {
            assert_eq!(
                value.pointer(pointer).map(Value::to_json),
                serde.pointer(pointer).cloned(),
                "{pointer}"
            );
            if pointer.starts_with('/') || pointer.is_empty() {
                let tokens: Vec<_> = tokens(pointer).collect();
                let path: Vec<&str> = tokens.iter().map(AsRef::as_ref).collect();
                assert_eq!(
                    value.at(&path).map(Value::to_json),
                    serde.pointer(pointer).cloned(),
                    "{pointer}"
                );
            }
        }
    }

    /// `sonic-rs` parses first; on every edge case where the two parsers could part, the result
    /// is `serde_json`'s: the same acceptance and the same value.
    #[test]
    fn the_fast_parser_agrees_with_serde_json() {
        let mut cases: Vec<String> = [
            r#""\ud800""#,
            r#""\udc00""#,
            r#""\ud800\u0041""#,
            r#""\ud83d\ude00""#,
            r#""\x""#,
            r#""\u12""#,
            "\"\u{1}\"",
            "\"\t\"",
            "\"\u{7f}\"",
            "\"\u{feff}\"",
            "\u{feff}1",
            "1e400",
            "-1e400",
            "1e-400",
            "-0",
            "-0.0",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "2.2250738585072011e-308",
            "4.9e-324",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "9007199254740993",
            "1e23",
            "0.30000000000000004",
            "1.",
            ".5",
            "01",
            "+1",
            "-",
            "1e",
            "1e+",
            "NaN",
            "Infinity",
            "[1,]",
            r#"{"a":1,}"#,
            "'a'",
            "/**/1",
            "{} x",
            "{}{}",
            "\u{c}1",
            "\u{b}1",
            " 1\n",
            "tru",
            "truee",
            "nul",
            "[1 2]",
            r#"{"a" 1}"#,
            "{1:2}",
            r#"{"\u0041":1,"A":2}"#,
            r#"{"a":1,"a":2}"#,
            "[[]]",
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        for depth in [126, 127, 128, 129, 300] {
            cases.push(format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
            cases.push(format!(
                "{}1{}",
                r#"{"a":"#.repeat(depth),
                "}".repeat(depth)
            ));
        }
        // Numbers with long mantissas, exponents up to ±350 (past `f64`'s range), negative
        // integers past 64 bits: the value must be `serde_json`'s.
        let mut x: u64 = 0x1234_5678_9abc_def1;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let exponent = i64::try_from(x % 700).unwrap_or(0) - 350;
            cases.push(format!("{}.{}{}e{exponent}", x % 10, x, x >> 5));
            cases.push(format!("{}", f64::from_bits(x)));
            cases.push(format!("[0.{x}, -{x}{x}, {}]", x >> 1));
        }
        for case in &cases {
            let mut fast = sonic_rs::Deserializer::from_str(case);
            let duplicates = Cell::new(false);
            let arena = Bump::new();
            let fast = Seed::new(&arena, &duplicates, FAST_NESTING)
                .deserialize(&mut fast)
                .and_then(|v| fast.end().map(|()| v));
            let reference = serde_json::from_str::<serde_json::Value>(case);
            if let Ok(value) = fast {
                let reference = reference.unwrap_or_else(|e| {
                    panic!("sonic-rs accepts {case:?}, serde_json does not: {e}")
                });
                assert_eq!(value.to_json(), reference, "{case:?}");
            }
            assert_eq!(
                parse(case, &Bump::new(), &duplicates)
                    .map(|v| v.to_json())
                    .ok(),
                serde_json::from_str::<serde_json::Value>(case).ok(),
                "{case:?}"
            );
        }
    }
}
