//! Payload kinds: one per documented request, response or error body.

use std::fmt;

use serde_json::Value;

use crate::document::value;
use crate::rule::Rule;
use crate::rule::finding::Ctx;
use crate::rule::request::RequestView;
use crate::schema::Violation;

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
    /// The transport rules: what the request around a body of this kind must carry (headers,
    /// path parameters, query), for a request routed to one of [`Kind::routes`].
    pub(crate) transport: fn(&mut Ctx<'_>, &RequestView<'_>),
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
        // Everything before the first `{` is literal: most routes fail there, at once. A route
        // is matched against every request of a capture (HAR, log), so a mismatch must cost
        // no allocation and little time.
        let literal = self.path.find('{').map_or(self.path, |at| &self.path[..at]);
        if literal.len() == self.path.len() {
            return (path == self.path).then(Vec::new);
        }
        if !path.starts_with(literal) {
            return None;
        }
        // Then segment by segment, without collecting either side.
        let (mut pattern, mut actual) = (self.path.split('/'), path.split('/'));
        let mut captured = Vec::new();
        loop {
            let (want, got) = match (pattern.next(), actual.next()) {
                (None, None) => return Some(captured),
                (Some(want), Some(got)) => (want, got),
                _ => return None,
            };
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
}

/// The kind a document that fits none comes closest to, and what differs.
#[derive(Debug)]
pub(crate) struct Closest {
    pub kind: &'static Kind,
    /// E.g. "with `snake_case` keys (`tracking_id` for `trackingId`)".
    pub why: String,
}

/// A kind's `round_trip`: `value` deserialized into the kind's model type `T` and serialized
/// back.
///
/// # Errors
/// When the document does not deserialize into `T`.
pub(crate) fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(
    value: &Value,
) -> Result<Value, serde_json::Error> {
    let typed = T::deserialize(value)?;
    serde_json::to_value(&typed)
}

#[cfg(test)]
mod tests {
    use super::Route;

    fn route(path: &'static str) -> Route {
        Route {
            method: "POST",
            path,
            status: "",
            deprecated: false,
        }
    }

    /// The literal-prefix shortcut of `matches` decides as the segment walk does.
    #[test]
    fn routes_match_by_literal_prefix_and_segments() {
        let literal = route("/v4/events/custom");
        assert_eq!(literal.matches("POST", "/v4/events/custom"), Some(vec![]));
        assert_eq!(literal.matches("post", "/v4/events/custom"), Some(vec![]));
        assert_eq!(literal.matches("POST", "/v4/events/custom/"), None);
        assert_eq!(literal.matches("POST", "/v4/events/customs"), None);
        assert_eq!(literal.matches("GET", "/v4/events/custom"), None);

        let param = route("/v4/events/{endpoint}");
        assert_eq!(
            param.matches("POST", "/v4/events/hit-timer"),
            Some(vec![("endpoint", "hit-timer".to_owned())])
        );
        assert_eq!(param.matches("POST", "/v4/events/"), None, "an empty value");
        assert_eq!(param.matches("POST", "/v4/events/a/b"), None, "one segment");
        assert_eq!(param.matches("POST", "/v4/event/a"), None);

        let inner = route("/engagements/{engagement_id}/events");
        assert_eq!(
            inner.matches("POST", "/engagements/e-1/events"),
            Some(vec![("engagement_id", "e-1".to_owned())])
        );
        assert_eq!(inner.matches("POST", "/engagements/e-1/event"), None);
        assert_eq!(inner.matches("POST", "/engagements/e-1"), None);

        // A literal before the parameter in the same segment.
        let prefixed = route("/v1/items/id-{id}");
        assert_eq!(
            prefixed.matches("POST", "/v1/items/id-7"),
            Some(vec![("id", "7".to_owned())])
        );
        assert_eq!(prefixed.matches("POST", "/v1/items/id-"), None);
        assert_eq!(prefixed.matches("POST", "/v1/items/x-7"), None);

        let below = route("/v1/*");
        assert_eq!(below.matches("POST", "/v1/anything/here"), Some(vec![]));
        assert_eq!(below.matches("POST", "/v10"), None);
    }
}
