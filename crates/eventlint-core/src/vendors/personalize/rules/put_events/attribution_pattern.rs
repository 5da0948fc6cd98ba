use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::locate::spans::Target;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::schema::Keyword;

declare_rule! {
    /// ## What it checks
    /// `metricAttribution.eventAttributionSource` matches `^[\x20-\x7E]*[\x21-\x7E]+[\x20-\x7E]*$`
    /// — printable ASCII only, with at least one non-space character — and is at most 1024
    /// characters long.
    ///
    /// ## Why
    /// That is the `EventAttributionSource` shape of the service model (AWS-BC: `max: 1024`,
    /// the pattern above). Accented letters, emoji, tabs and newlines are outside the range; an
    /// empty or all-space source has no visible character. The service rejects them with
    /// `InvalidInputException`.
    ///
    /// ## Example
    /// ```json event
    /// {"metricAttribution": {"eventAttributionSource": "Société Générale"}}
    /// ```
    ///
    /// ## Fix
    /// ```json event
    /// {"metricAttribution": {"eventAttributionSource": "Societe Generale"}}
    /// ```
    pub(crate) static ATTRIBUTION_PATTERN = {
        id: "personalize.put-events/attribution-pattern",
        severity: Error,
        summary: "`eventAttributionSource` is not 1-1024 printable ASCII characters",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, keyword: &Keyword, value: Option<&Value>) -> Finding {
    let name = field_name(&at);
    let text = value.and_then(Value::as_str).unwrap_or_default();
    if let Keyword::MaxLength(limit) = keyword {
        return Finding::new(
            &ATTRIBUTION_PATTERN,
            at,
            format!(
                "`{name}` is {} characters long; the limit is {limit}",
                text.chars().count()
            ),
        )
        .help(format!("shorten `{name}` to at most {limit} characters"));
    }
    let outside = text.chars().enumerate().find(|(_, c)| !printable(*c));
    match outside {
        Some((i, c)) => Finding::new(
            &ATTRIBUTION_PATTERN,
            at,
            format!(
                "`{name}` contains {} (U+{:04X}), which is not printable ASCII",
                if c.is_control() {
                    "a control character".to_owned()
                } else {
                    format!("`{c}`")
                },
                u32::from(c)
            ),
        )
        .target(Target::InString(i..i + 1))
        .help("use only printable ASCII characters (space to `~`): transliterate or remove the others"),
        None => Finding::new(
            &ATTRIBUTION_PATTERN,
            at,
            format!("`{name}` has no visible character"),
        )
        .help("name the source of the event, e.g. `\"thirdPartyServiceXYZ\"`, or remove `metricAttribution`"),
    }
}

/// A character the schema's pattern (`^[\x20-\x7E]*[\x21-\x7E]+[\x20-\x7E]*$`) takes: printable
/// ASCII, space included (held to the model's pattern by a test).
fn printable(c: char) -> bool {
    (' '..='~').contains(&c)
}

#[cfg(test)]
mod tests {
    /// The class the message names is the one the model's pattern declares, character by
    /// character.
    #[test]
    fn printable_is_the_model_pattern() {
        use crate::vendors::personalize::model::PutEvents;
        let schema = crate::schema::generate::<PutEvents>("put-events").to_string();
        let start = schema
            .find("\"pattern\":\"^[\\\\x20")
            .expect("the attribution pattern in the schema");
        let rest = &schema[start + "\"pattern\":\"".len()..];
        let pattern = rest[..rest.find('"').expect("its end")].replace("\\\\", "\\");
        let re = regex::Regex::new(&pattern).expect("a regex");
        for c in (0..0x250).filter_map(char::from_u32) {
            assert_eq!(
                re.is_match(&format!("a{c}a")),
                super::printable(c),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }
}
