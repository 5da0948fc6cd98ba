use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::vendors::personalize::shared::properties::Properties;

declare_rule! {
    /// ## What it checks
    /// No key of the `properties` object is, ignoring case, `userId`, `sessionId`, `eventType`,
    /// `timestamp`, `recommendationId` or `impression`. The diagnostic points at the key inside
    /// the string.
    ///
    /// ## Why
    /// "The following can't be included as a keyword for properties (case insensitive)" (SEED-003;
    /// AWS-BC `Event.properties`). The service rejects the request with `InvalidInputException`;
    /// AWS Amplify removed `timestamp` from its properties because it "raises an exception when
    /// provided by the client" (AWS-PR10933, issue #6906). Each has its own member.
    ///
    /// ## Example
    /// ```json event
    /// {"eventType": "click", "sentAt": 1672574400, "properties": "{\"timestamp\": \"1672574400\", \"discount\": \"yes\"}"}
    /// ```
    ///
    /// ## Fix
    /// ```json event
    /// {"eventType": "click", "sentAt": 1672574400, "properties": "{\"discount\": \"yes\"}"}
    /// ```
    pub(crate) static PROPERTIES_RESERVED = {
        id: "personalize.put-events/properties-reserved",
        severity: Error,
        summary: "A `properties` key is a reserved name",
    };
}

/// The reserved names and where their data belongs instead.
pub(crate) const RESERVED: &[(&str, &str)] = &[
    ("userId", "the request's top-level `userId`"),
    ("sessionId", "the request's top-level `sessionId`"),
    ("eventType", "the event's `eventType`"),
    ("timestamp", "the event's `sentAt`"),
    ("recommendationId", "the event's `recommendationId`"),
    ("impression", "the event's `impression`"),
];

/// The reserved name `key` matches, ignoring case.
pub(crate) fn reserved(key: &str) -> Option<(&'static str, &'static str)> {
    RESERVED
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(key))
        .copied()
}

/// Reports `key` if reserved; returns whether it did.
pub(crate) fn check(ctx: &mut Ctx<'_>, props: &Properties<'_>, key: &str) -> bool {
    let Some((name, place)) = reserved(key) else {
        return false;
    };
    let what = if key == name {
        format!("the reserved key `{name}`")
    } else {
        format!("`{key}`, the reserved key `{name}` (names are compared ignoring case)")
    };
    ctx.report(
        Finding::new(
            &PROPERTIES_RESERVED,
            props.at.clone(),
            format!("`{}` uses {what}", props.name),
        )
        .target(props.key(key))
        .help(format!(
            "remove `{key}` from `properties`; send it as {place}"
        ))
        .note("the service rejects reserved properties keys with `InvalidInputException`"),
    );
    true
}
