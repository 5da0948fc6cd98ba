use crate::document::value::{Map, Value};

use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::vendors::personalize::shared::properties::Properties;

declare_rule! {
    /// ## What it checks
    /// The `properties` object does not carry `itemId` or `eventValue` (in any case or
    /// separator style, e.g. `item_id`). The diagnostic points at the key inside the string.
    ///
    /// ## Why
    /// Before 2020 the API had no `itemId` and `eventValue` members and the documentation put them
    /// inside `properties` (old CLI docs, awscli 2.0.33 `put-events`; the 2019 developer guide
    /// examples). Today both are members of the event (AWS-BC `Event`): the item of the
    /// interaction belongs in `itemId`, the value in `eventValue` as a number (inferred [I]:
    /// properties keys map only to extra interactions fields).
    ///
    /// ## Example
    /// ```json event
    /// {"eventType": "rating", "sentAt": 1553631782, "properties": "{\"itemId\": \"movie_ten\", \"eventValue\": \"4\"}"}
    /// ```
    ///
    /// ## Fix
    /// ```json event
    /// {"eventType": "rating", "sentAt": 1553631782, "itemId": "movie_ten", "eventValue": 4}
    /// ```
    pub(crate) static PROPERTIES_LEGACY_KEYS = {
        id: "personalize.put-events/properties-legacy-keys",
        severity: Warning,
        summary: "`properties` carries `itemId` or `eventValue`, which are event members now",
    };
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Reports `key` if it is a legacy member; returns the member it stands for.
pub(crate) fn check(
    ctx: &mut Ctx<'_>,
    props: &Properties<'_>,
    key: &str,
    value: &Value,
    event: &Map<'_>,
) -> Option<&'static str> {
    let member = ["itemId", "eventValue"]
        .into_iter()
        .find(|m| squash(m) == squash(key))?;
    let moved = match (member, value) {
        ("itemId", Value::String(s)) => format!("`\"itemId\": {}`", Value::String(*s)),
        ("itemId", Value::Number(n)) => format!("`\"itemId\": \"{n}\"`"),
        ("eventValue", Value::Number(n)) => format!("`\"eventValue\": {n}`"),
        ("eventValue", Value::String(s)) if s.trim().parse::<f64>().is_ok_and(f64::is_finite) => {
            format!("`\"eventValue\": {}`", s.trim())
        }
        ("eventValue", _) => "`eventValue` as a JSON number".to_owned(),
        _ => format!("`{member}`"),
    };
    let message = if event.contains_key(member) {
        format!(
            "`{}` carries `{key}`, which repeats the event's own `{member}`",
            props.name
        )
    } else {
        format!(
            "`{}` carries `{key}`: the pre-2020 place of what is now the event's `{member}`",
            props.name
        )
    };
    let help = if event.contains_key(member) {
        format!("remove `{key}` from `properties`")
    } else {
        format!("move it out of `properties` into the event: {moved}")
    };
    ctx.report(
        Finding::new(&PROPERTIES_LEGACY_KEYS, props.at.clone(), message)
            .target(props.key(key))
            .help(help),
    );
    Some(member)
}
