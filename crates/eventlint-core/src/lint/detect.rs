//! Shape detection: which kind a document is, from the registry's kinds (`--kind` aside).
//! Pipeline level: it reads the registry, which lists the kinds.

use serde_json::Value;

use crate::catalog::kind::{Closest, Kind, Role};
use crate::catalog::registry;
use crate::document::value;

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
