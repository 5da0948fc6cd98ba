use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::schema::Keyword;

declare_rule! {
    /// ## What it checks
    /// String lengths are within the service model's limits, counted in characters (Unicode
    /// scalar values, as JSON Schema `minLength`/`maxLength` count): `trackingId`, `userId`,
    /// `sessionId`, `eventId`, `eventType` and `itemId` 1 to 256; `properties` 1 to 1024 (the
    /// length of the string as sent, i.e. the encoded JSON object). `recommendationId`,
    /// `impression` item IDs and `eventAttributionSource` have their own rules.
    ///
    /// ## Why
    /// "Length Constraints: Minimum length of 1. Maximum length of 256." (AWS-API; AWS-BC
    /// `StringType`, `UserId`, `ItemId`, `EventPropertiesJSON`). botocore checks only the minimum
    /// client-side; the service rejects both with `InvalidInputException`. An empty optional
    /// string is no value: omit the member instead.
    ///
    /// ## Example
    /// ```json
    /// {"trackingId": "tid", "userId": "", "sessionId": "s1", "eventList": [{"eventType": "click", "sentAt": 1672574400}]}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"trackingId": "tid", "sessionId": "s1", "eventList": [{"eventType": "click", "sentAt": 1672574400}]}
    /// ```
    pub(crate) static LENGTH = {
        id: "personalize.put-events/length",
        severity: Error,
        summary: "A string is shorter or longer than the service model allows",
        structural: true,
    };
}

const OPTIONAL: &[&str] = &["userId", "eventId", "itemId", "properties"];

pub(crate) fn finding(at: Pointer, keyword: &Keyword, value: Option<&Value>) -> Finding {
    let name = field_name(&at);
    let member = at.segments().pop().unwrap_or_default();
    let len = value
        .and_then(Value::as_str)
        .map_or(0, |s| s.chars().count());
    let (message, help) = match keyword {
        Keyword::MaxLength(limit) if member == "properties" => (
            format!("`{name}` is {len} characters long; the limit is {limit}"),
            "send fewer or shorter properties: the limit counts the characters of the encoded JSON object"
                .to_owned(),
        ),
        Keyword::MaxLength(limit) => (
            format!("`{name}` is {len} characters long; the limit is {limit}"),
            format!("shorten `{name}` to at most {limit} characters"),
        ),
        _ if OPTIONAL.contains(&member.as_str()) => (
            format!("`{name}` is empty"),
            format!("omit `{name}` instead of sending an empty string"),
        ),
        _ => (
            format!("`{name}` is empty"),
            format!("give `{name}` a value (1 to 256 characters)"),
        ),
    };
    Finding::new(&LENGTH, at, message).help(help)
}
