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
    /// Whether the document is a request body, a response body or an error body.
    pub role: Role,
    /// The endpoints the document belongs to: where a request is sent, or whose answer a
    /// response or error body is. The first is the one shown; requests are routed by them.
    pub routes: &'static [Route],
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

/// What a kind's document is in an exchange with the vendor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A request body, sent to the vendor.
    Request,
    /// A success response body.
    Response,
    /// An error response body.
    Error,
}

/// An HTTP endpoint, as data: what `eventlint kinds`, the docs and the schemas show, and what a
/// request is routed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Route {
    /// The method (`POST`), or `*` for any.
    pub method: &'static str,
    /// The path, with `{name}` for a path parameter (one segment, or the rest of a segment after
    /// a literal prefix); `*` for any path, and a final `/*` for any path below a prefix.
    pub path: &'static str,
    /// For a response or error body: the statuses it comes with (`"200"`, `"401, 403"`).
    #[serde(skip_serializing_if = "str::is_empty")]
    pub status: &'static str,
    /// The vendor documents the path as deprecated.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub deprecated: bool,
}

impl Route {
    /// Whether a request `method` to `path` (no query) is this endpoint; the path parameters it
    /// captures, in order. The literal segments must match exactly.
    ///
    /// ```
    /// use eventlint_core::Kind;
    ///
    /// let glia = Kind::find("glia.engagement-event").expect("a registered kind");
    /// let captured = glia.routes[0].matches("POST", "/engagements/e-42/events");
    /// assert_eq!(captured, Some(vec![("engagement_id", "e-42".to_owned())]));
    /// assert_eq!(glia.routes[0].matches("GET", "/engagements/e-42/events"), None);
    /// ```
    #[must_use]
    pub fn matches(&self, method: &str, path: &str) -> Option<Vec<(&'static str, String)>> {
        if self.method != "*" && !self.method.eq_ignore_ascii_case(method) {
            return None;
        }
        if self.path == "*" {
            return Some(Vec::new());
        }
        if let Some(prefix) = self.path.strip_suffix("/*") {
            return path
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with('/'))
                .then(Vec::new);
        }
        let pattern: Vec<&'static str> = self.path.split('/').collect();
        let actual: Vec<&str> = path.split('/').collect();
        if pattern.len() != actual.len() {
            return None;
        }
        let mut captured = Vec::new();
        for (want, got) in pattern.into_iter().zip(actual) {
            match (want.find('{'), want.strip_suffix('}')) {
                (Some(open), Some(inner)) => {
                    let literal = &want[..open];
                    let value = got.strip_prefix(literal).filter(|v| !v.is_empty())?;
                    captured.push((&inner[open + 1..], value.to_owned()));
                }
                _ if want == got => {}
                _ => return None,
            }
        }
        Some(captured)
    }

    /// How specific the route is: its literal characters (a literal path wins over a pattern
    /// that also matches, e.g. `/v4/events/custom` over `/v4/events/{endpoint}`).
    #[must_use]
    pub fn specificity(&self) -> usize {
        let mut literal = 0;
        let mut inside = false;
        for c in self.path.chars() {
            match c {
                '{' => inside = true,
                '}' => inside = false,
                '*' => {}
                _ if !inside => literal += 1,
                _ => {}
            }
        }
        literal
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path == "*" {
            "(any path)"
        } else {
            self.path
        };
        write!(f, "{} {path}", self.method)?;
        if !self.status.is_empty() {
            write!(f, " → {}", self.status)?;
        }
        if self.deprecated {
            f.write_str(" (deprecated)")?;
        }
        Ok(())
    }
}

impl Kind {
    /// The kind's JSON Schema (2020-12), as generated from its model, with its routes
    /// (`x-eventlint-routes`) and role (`x-eventlint-role`).
    #[must_use]
    pub fn json_schema(&self) -> Value {
        let mut schema = (self.schema)(self.id);
        if let Value::Object(map) = &mut schema {
            map.insert(
                "x-eventlint-role".to_owned(),
                serde_json::to_value(self.role).unwrap_or(Value::Null),
            );
            map.insert(
                "x-eventlint-routes".to_owned(),
                serde_json::to_value(self.routes).unwrap_or(Value::Null),
            );
        }
        schema
    }

    /// The endpoint shown for the kind: its first route, e.g. `POST /v4/events/custom`.
    #[must_use]
    pub fn endpoint(&self) -> String {
        self.routes
            .first()
            .map(ToString::to_string)
            .unwrap_or_default()
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
    /// Exactly one kind fits (or one fits clearly better than the others).
    One(&'static Kind),
    /// No kind fits; the closest kind and why it does not fit, when one is close.
    None(Option<Closest>),
    /// Several kinds fit, none clearly better.
    Many(Vec<&'static Kind>),
    /// An empty object: no request has that shape.
    Empty,
    /// A top-level array whose elements are each a document of another kind than a batch's.
    Documents {
        /// The elements' kinds, each once, in order of first appearance.
        kinds: Vec<&'static Kind>,
        /// How many elements.
        count: usize,
    },
}

/// The kind a document that fits none comes closest to, and what differs.
#[derive(Debug)]
pub(crate) struct Closest {
    pub kind: &'static Kind,
    /// E.g. "with `snake_case` keys (`tracking_id` for `trackingId`)".
    pub why: String,
}

/// The kind of Synerise batches, whose elements are events of other kinds.
const BATCH: &str = "synerise.batch-events";

/// Whether a kind is a request body (not a response or an error body): request kinds win over
/// the others when a shape fits both, as a document to lint is far more often a request.
fn is_request(kind: &Kind) -> bool {
    kind.role == Role::Request
}

/// Decides a document's kind from its shape: when exactly one kind fits, or one fits clearly
/// better than the others (a request kind over response and error kinds; then the kind the
/// document's members are closest to).
#[must_use]
pub(crate) fn detect(value: &value::Value<'_>) -> Detection {
    match value {
        value::Value::Array(items) => detect_array(value, items),
        value::Value::Object(map) if map.is_empty() => Detection::Empty,
        _ => detect_single(value),
    }
}

/// The kinds, other than the batch, whose shape `value` has; the best when several do.
fn detect_single(value: &value::Value<'_>) -> Detection {
    let fits: Vec<&'static Kind> = registry::kinds()
        .iter()
        .copied()
        .filter(|k| k.id != BATCH && (k.detect)(value))
        .collect();
    match fits.len() {
        0 => Detection::None(closest(value)),
        1 => Detection::One(fits[0]),
        _ => best(value, fits),
    }
}

/// A top-level array is a Synerise batch when it looks like one (it is empty, or an element is a
/// Synerise event); an array of documents of other kinds (a dump of Neuralens events or of
/// `PutEvents` requests) is said to be one, so that it is not taken for a bad batch.
fn detect_array(value: &value::Value<'_>, items: &[value::Value<'_>]) -> Detection {
    let Some(batch) = registry::kinds().iter().copied().find(|k| k.id == BATCH) else {
        return Detection::None(None);
    };
    if items.is_empty() {
        return Detection::One(batch);
    }
    let mut kinds: Vec<&'static Kind> = Vec::new();
    let mut all_documents = true;
    let mut synerise_event = false;
    for item in items {
        if let Some(o) = item.as_object()
            && (o.contains_key("action") || o.contains_key("type"))
        {
            synerise_event = true;
        }
        match detect_single(item) {
            Detection::One(kind) if !kind.id.starts_with("synerise.") => {
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
            _ => all_documents = false,
        }
    }
    if all_documents {
        Detection::Documents {
            kinds,
            count: items.len(),
        }
    } else if synerise_event && (batch.detect)(value) {
        Detection::One(batch)
    } else {
        Detection::None(None)
    }
}

/// What a kind's schema says of a document's top level: the members it knows and requires.
#[derive(Debug)]
struct Shape {
    kind: &'static Kind,
    properties: Vec<String>,
    required: Vec<String>,
}

/// Every object kind's shape, from its generated schema (made on first use: only documents
/// whose kind is in doubt need them).
fn shapes() -> &'static [Shape] {
    static SHAPES: std::sync::OnceLock<Vec<Shape>> = std::sync::OnceLock::new();
    SHAPES.get_or_init(|| {
        registry::kinds()
            .iter()
            .filter_map(|&kind| {
                let schema = kind.json_schema();
                let names = |member: &str| -> Vec<String> {
                    match schema.get(member) {
                        Some(Value::Object(map)) => map.keys().cloned().collect(),
                        Some(Value::Array(items)) => items
                            .iter()
                            .filter_map(|v| v.as_str().map(str::to_owned))
                            .collect(),
                        _ => Vec::new(),
                    }
                };
                let properties = names("properties");
                (!properties.is_empty()).then(|| Shape {
                    kind,
                    properties,
                    required: names("required"),
                })
            })
            .collect()
    })
}

/// How far an object is from a shape: members the shape does not know, plus required members
/// it lacks.
fn distance(map: &value::Map<'_>, shape: &Shape) -> usize {
    let unknown = map
        .keys()
        .filter(|k| !shape.properties.iter().any(|p| p == k.as_str()))
        .count();
    let missing = shape
        .required
        .iter()
        .filter(|r| !map.contains_key(r))
        .count();
    unknown + missing
}

/// Several kinds fit: request kinds win over response and error kinds; then a kind whose shape
/// is clearly the nearest (by at least two members, or the only one with none amiss).
fn best(value: &value::Value<'_>, mut fits: Vec<&'static Kind>) -> Detection {
    if fits.iter().any(|k| is_request(k)) {
        fits.retain(|k| is_request(k));
    }
    if fits.len() == 1 {
        return Detection::One(fits[0]);
    }
    let Some(map) = value.as_object() else {
        return Detection::Many(fits);
    };
    let mut scored: Vec<(usize, &'static Kind)> = fits
        .iter()
        .map(|&kind| {
            let d = shapes()
                .iter()
                .find(|s| s.kind == kind)
                .map_or(usize::MAX, |shape| distance(map, shape));
            (d, kind)
        })
        .collect();
    scored.sort_by_key(|(d, _)| *d);
    let (best, kind) = scored[0];
    let second = scored[1].0;
    if second >= best.saturating_add(2) || (best == 0 && second > 0) {
        Detection::One(kind)
    } else {
        Detection::Many(fits)
    }
}

/// A key reduced to what survives a change of naming style: `tracking_id`, `TrackingId` and
/// `trackingId` are all `trackingid`.
fn folded(key: &str) -> String {
    key.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The kind an object that fits no kind comes closest to: the one sharing the most members
/// (counted after folding naming styles), when at least half of the object's members and at
/// least one are shared; `None` for anything else.
fn closest(value: &value::Value<'_>) -> Option<Closest> {
    let map = value.as_object()?;
    let keys: Vec<&str> = map.keys().map(value::Str::as_str).collect();
    let mut best: Option<(usize, &Shape)> = None;
    for shape in shapes() {
        let shared = keys
            .iter()
            .filter(|k| shape.properties.iter().any(|p| folded(p) == folded(k)))
            .count();
        if shared > best.map_or(0, |(n, _)| n) {
            best = Some((shared, shape));
        }
    }
    let (shared, shape) = best?;
    if shared * 2 < keys.len() {
        return None;
    }
    // Members spelt in another style: `tracking_id` for `trackingId`.
    let respelt: Vec<(&str, &str)> = keys
        .iter()
        .filter(|k| !shape.properties.iter().any(|p| p == *k))
        .filter_map(|k| {
            shape
                .properties
                .iter()
                .find(|p| folded(p) == folded(k))
                .map(|p| (*k, p.as_str()))
        })
        .collect();
    let why = if respelt.is_empty() {
        let missing: Vec<String> = shape
            .required
            .iter()
            .filter(|r| !map.contains_key(r))
            .map(|r| format!("`{r}`"))
            .collect();
        if missing.is_empty() {
            "but not enough of its members to be sure".to_owned()
        } else {
            format!("but without {}", missing.join(", "))
        }
    } else {
        let style = if respelt.iter().all(|(k, _)| k.contains('_')) {
            "snake_case keys"
        } else {
            "keys spelt in another case"
        };
        let examples: Vec<String> = respelt
            .iter()
            .take(3)
            .map(|(k, p)| format!("`{k}` for `{p}`"))
            .collect();
        format!("with {style} ({})", examples.join(", "))
    };
    Some(Closest {
        kind: shape.kind,
        why,
    })
}
