//! `eventList[].properties`: a JSON string holding a JSON object. The string is parsed once; a
//! finding about a key or value inside it points at that key's or value's escaped bytes in the
//! file (`Target::InString`), found by resolving the member in the decoded text (`Spans`).

use std::ops::Range;

use crate::document::value::{Map, Value};

use crate::document::{self, ParseError};
use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::locate::spans::{CharCount, Spans, Target};
use crate::rule::finding::Ctx;
use crate::vendors::personalize::rules::put_events as r;

/// One decoded `properties` string and where its members are.
pub(crate) struct Properties<'a> {
    /// The pointer of the `properties` string in the document.
    pub at: &'a Pointer,
    /// Its field name, e.g. `eventList[0].properties`.
    pub name: String,
    /// The decoded text.
    pub text: &'a str,
    /// Where its members are (resolved only for a finding inside the string).
    tree: Spans<'a>,
    /// Byte offsets to characters (one finding per member of a large object counts on).
    chars: CharCount<'a>,
}

impl<'a> Properties<'a> {
    /// The decoded `text` of the string at `at`; `value` is `text` parsed, when it parsed
    /// without repeated keys (members are then found from it, without scanning).
    fn new(at: &'a Pointer, text: &'a str, value: Option<&'a Value<'a>>) -> Self {
        Properties {
            at,
            name: field_name(at),
            text,
            tree: value.map_or_else(|| Spans::new(text), |value| Spans::with_value(text, value)),
            chars: CharCount::new(text),
        }
    }

    /// Characters `bytes` of the decoded text, as a target inside the string.
    pub fn chars(&self, bytes: Range<usize>) -> Target {
        let count = |end: usize| {
            let mut end = end.min(self.text.len());
            while !self.text.is_char_boundary(end) {
                end -= 1;
            }
            self.chars.between(0, end)
        };
        Target::InString(count(bytes.start)..count(bytes.end))
    }

    /// The key of member `key` (quotes included).
    pub fn key(&self, key: &str) -> Target {
        let pointer = Pointer::root().key(key);
        self.chars(self.tree.resolve(pointer.as_str(), &Target::Key))
    }

    /// The value of member `key`.
    pub fn value(&self, key: &str) -> Target {
        let pointer = Pointer::root().key(key);
        self.chars(self.tree.resolve(pointer.as_str(), &Target::Value))
    }

    /// The whole decoded text.
    pub fn whole(&self) -> Target {
        Target::InString(0..self.text.chars().count())
    }
}

/// What the other event rules need to know of the properties.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    /// The properties carry the pre-2020 `itemId` member.
    pub legacy_item_id: bool,
}

/// The `properties-*` rules for the `properties` string `text` at `at`.
pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, text: &str, event: &Map<'_>) -> Summary {
    let mut summary = Summary::default();
    // An empty string is a `length` finding (the schema's minLength).
    if text.is_empty() {
        return summary;
    }
    let arena = bumpalo::Bump::new();
    let parsed = match document::parse(text, &arena) {
        Ok(parsed) => parsed,
        Err(ParseError::Syntax { span, message, .. }) => {
            let props = Properties::new(at, text, None);
            r::properties_parse::syntax(ctx, &props, span, &message);
            return summary;
        }
        // `text` is already a `str`: it cannot be badly encoded.
        Err(ParseError::Encoding { .. }) => return summary,
    };
    let value = &parsed.value;
    let props = Properties::new(at, text, (!parsed.has_duplicate_keys).then_some(value));
    let Value::Object(members) = value else {
        r::properties_parse::not_object(ctx, &props, value);
        return summary;
    };
    if members.is_empty() {
        r::properties_empty::report(ctx, &props);
        return summary;
    }
    for (key, value) in members {
        if r::properties_reserved::check(ctx, &props, key) {
            continue;
        }
        if let Some(legacy) = r::properties_legacy_keys::check(ctx, &props, key, value, event) {
            summary.legacy_item_id |= legacy == "itemId";
            continue;
        }
        r::properties_camelcase::check(ctx, &props, key);
        r::properties_values::check(ctx, &props, key, value);
    }
    summary
}
