//! Text to [`Value`]: `sonic-rs` first, `serde_json` for whatever it refuses, into the
//! document's arena.

use std::cell::Cell;
use std::fmt;

use bumpalo::Bump;
use bumpalo::collections::Vec as BumpVec;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

use super::{Map, Str, Value};

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
pub(super) const FAST_NESTING: u8 = 32;

/// Builds a [`Value`] in `arena`: `duplicates` is set when an object repeats a key, `left` is how
/// many more containers may open inside this value.
#[derive(Clone, Copy)]
pub(super) struct Seed<'d, 'a> {
    arena: &'a Bump,
    duplicates: &'d Cell<bool>,
    left: u8,
}

impl<'d, 'a> Seed<'d, 'a> {
    pub(super) fn new(arena: &'a Bump, duplicates: &'d Cell<bool>, left: u8) -> Self {
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
