use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::message::suggest::{
    did_you_mean, did_you_mean_in_suffix, one_of, remove_key_help, unknown_key_at,
    unknown_key_meant,
};
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::personalize::model::{ATTRIBUTION_KEYS, EVENT_KEYS, REQUEST_KEYS};

declare_rule! {
    /// ## What it checks
    /// Every object has only the members the service model defines: `trackingId`, `userId`,
    /// `sessionId`, `eventList` in the request; `eventId`, `eventType`, `eventValue`, `itemId`,
    /// `properties`, `sentAt`, `recommendationId`, `impression`, `metricAttribution` in an event;
    /// `eventAttributionSource` in `metricAttribution`. A misspelt or misnamed key gets a "did you
    /// mean" (`timestamp` → `sentAt`, `event_type` → `eventType`), and a key of another level
    /// (`userId` inside an event) is pointed to its place.
    ///
    /// ## Why
    /// Unknown members are ignored (inferred [I]; the rest-json deserializer skips them), so the
    /// data is lost; a misnamed required member also makes the request fail (`timestamp` instead
    /// of `sentAt` is reported here and by `personalize.put-events/required`). Custom event data
    /// belongs in `properties`.
    ///
    /// ## Example
    /// ```json
    /// {"trackingId": "tid", "sessionId": "s1", "eventList": [{"eventType": "click", "sentAt": 1672574400, "userId": "u1", "rating": "5"}]}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"trackingId": "tid", "sessionId": "s1", "userId": "u1", "eventList": [{"eventType": "click", "sentAt": 1672574400, "properties": "{\"rating\": \"5\"}"}]}
    /// ```
    pub(crate) static UNKNOWN_KEY = {
        id: "personalize.put-events/unknown-key",
        severity: Warning,
        summary: "An object has a member the service model does not define",
        structural: true,
        fix: Safe("when the key is a documented one misspelt (one nearest name): it is renamed."),
    };
}

/// Names people use for a member, by level: (alias, member).
const ALIASES: &[(&str, &str)] = &[
    ("timestamp", "sentAt"),
    ("time", "sentAt"),
    ("eventTime", "sentAt"),
    ("eventTimestamp", "sentAt"),
    ("sentTime", "sentAt"),
    ("createdAt", "sentAt"),
    ("type", "eventType"),
    ("eventName", "eventType"),
    ("value", "eventValue"),
    ("item", "itemId"),
    ("events", "eventList"),
    ("trackerId", "trackingId"),
    ("eventTrackerId", "trackingId"),
    ("session", "sessionId"),
    ("user", "userId"),
];

/// The member a known alias stands for (`timestamp` → `sentAt`).
pub(crate) fn alias_for(key: &str) -> Option<&'static str> {
    ALIASES
        .iter()
        .find(|(alias, _)| alias.eq_ignore_ascii_case(key))
        .map(|(_, member)| *member)
}

enum Level {
    Request,
    Event,
    Attribution,
}

/// An unknown `key` in the object at `parent`.
pub(crate) fn finding(parent: &Pointer, key: &str) -> Finding {
    let segments = parent.segments();
    let level = match segments.len() {
        0 => Level::Request,
        2 => Level::Event,
        _ => Level::Attribution,
    };
    let (known, container) = match level {
        Level::Request => (REQUEST_KEYS, "the request".to_owned()),
        Level::Event => (EVENT_KEYS, format!("`{}`", field_name(parent))),
        Level::Attribution => (ATTRIBUTION_KEYS, format!("`{}`", field_name(parent))),
    };
    let base = || unknown_key_at(&UNKNOWN_KEY, parent, key, &container);
    // A key of another level, e.g. `userId` inside an event.
    let other_level = match level {
        Level::Event => REQUEST_KEYS
            .iter()
            .find(|k| k.eq_ignore_ascii_case(key))
            .map(|k| {
                (
                    *k,
                    "the request's top level (one user and session per request)",
                )
            }),
        Level::Request => EVENT_KEYS
            .iter()
            .find(|k| k.eq_ignore_ascii_case(key))
            .or_else(|| EVENT_KEYS.iter().find(|k| alias_for(key) == Some(**k)))
            .map(|k| (*k, "each event of `eventList`")),
        Level::Attribution => None,
    };
    if let Some((member, place)) = other_level {
        return if member == key {
            base()
                .message_suffix(&format!("; `{member}` belongs in {place}"))
                .help(format!("move `{key}` to {place}"))
        } else {
            base()
                .message_suffix(&did_you_mean_in_suffix(member, place))
                .help(format!("send it as `{member}` in {place}"))
        };
    }
    let alias = alias_for(key).filter(|m| known.contains(m));
    let near = alias.or_else(|| did_you_mean(key, known));
    unknown_key_meant(
        &UNKNOWN_KEY,
        parent,
        key,
        &container,
        near,
        || match level {
            Level::Event => format!(
                "remove `{key}`, or send it inside `properties` (a JSON string), e.g. `\"properties\": \"{{\\\"{key}\\\": \\\"…\\\"}}\"`; an event takes {}",
                one_of(EVENT_KEYS, 9)
            ),
            _ => remove_key_help(key, &container, known),
        },
    )
}
