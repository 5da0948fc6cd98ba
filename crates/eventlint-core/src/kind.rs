//! Payload kinds: one per documented request, response or error body.

use std::fmt;

use serde_json::Value;

use crate::check::Ctx;
use crate::registry;
use crate::rule::Rule;
use crate::schema::Violation;
use crate::value;

/// A payload kind, e.g. `synerise.custom-event` (`POST /v4/events/custom` body).
pub struct Kind {
    /// Stable id (vendor-rules.md §0.1).
    pub id: &'static str,
    /// The vendor's name.
    pub vendor: &'static str,
    /// The HTTP endpoint and status the payload belongs to.
    pub endpoint: &'static str,
    /// One line for `eventlint kinds`.
    pub description: &'static str,
    /// Every rule that can report on this kind (besides the `json/*` and `common/*` rules).
    pub rules: &'static [&'static Rule],
    /// Generates the kind's JSON Schema from its Rust model (`schema::generate::<Model>`, given
    /// the kind's id).
    pub(crate) schema: fn(&str) -> Value,
    /// Deserializes a document into the kind's model type and serializes it back.
    pub(crate) round_trip: fn(&Value) -> Result<Value, serde_json::Error>,
    /// Whether a document has this kind's shape (used only without `--kind`).
    pub(crate) detect: fn(&value::Value<'_>) -> bool,
    /// Turns a schema violation into findings of this kind's structural rules; returns whether
    /// a rule claimed it (an unclaimed one is reported as `schema/violation`).
    pub(crate) map_violation: fn(&mut Ctx<'_>, &Violation, &value::Value<'_>) -> bool,
    /// The semantic rules.
    pub(crate) check: fn(&mut Ctx<'_>, &value::Value<'_>),
    /// The compiled schema's validators not in use by a thread.
    pub(crate) validators: crate::schema::Validators,
}

impl fmt::Debug for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Kind")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Kind {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}
impl Eq for Kind {}

impl Kind {
    /// The kind's JSON Schema (2020-12), as generated from its model.
    #[must_use]
    pub fn json_schema(&self) -> Value {
        (self.schema)(self.id)
    }

    /// Deserializes `value` into this kind's model type (see [`crate::model`]) and serializes
    /// it back: the JSON a service would send after building the same payload with the model.
    /// For every valid document the result equals `value` (the models are the wire format).
    ///
    /// ```
    /// use eventlint_core::Kind;
    ///
    /// let kind = Kind::find("glia.engagement-event").expect("a registered kind");
    /// let body = serde_json::json!({"message": "Visitor navigated to insurance page"});
    /// assert_eq!(kind.round_trip(&body).expect("fits the model"), body);
    /// ```
    ///
    /// # Errors
    /// When `value` does not deserialize into the model type (a missing or mistyped member,
    /// an unknown key).
    pub fn round_trip(&self, value: &Value) -> Result<Value, serde_json::Error> {
        (self.round_trip)(value)
    }

    /// Looks a kind up by id, e.g. `Kind::find("synerise.custom-event")`.
    #[must_use]
    pub fn find(id: &str) -> Option<&'static Kind> {
        registry::kinds().iter().copied().find(|k| k.id == id)
    }
}

/// The outcome of shape detection.
#[derive(Debug)]
pub(crate) enum Detection {
    /// Exactly one kind fits.
    One(&'static Kind),
    /// No kind fits.
    None,
    /// Several kinds fit.
    Many(Vec<&'static Kind>),
}

/// Decides a document's kind from its shape: only when exactly one kind fits.
#[must_use]
pub(crate) fn detect(value: &value::Value<'_>) -> Detection {
    let fits: Vec<&'static Kind> = registry::kinds()
        .iter()
        .copied()
        .filter(|k| (k.detect)(value))
        .collect();
    match fits.len() {
        0 => Detection::None,
        1 => Detection::One(fits[0]),
        _ => Detection::Many(fits),
    }
}
