use super::properties_reserved::reserved;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::vendors::personalize::shared::properties::Properties;

declare_rule! {
    /// ## What it checks
    /// The keys of the `properties` object are camelCase: a lowercase ASCII letter, then ASCII
    /// letters and digits (`numberOfRatings`, not `NUMBER_OF_RATINGS`, `number_of_ratings` or
    /// `NumberOfRatings`). The diagnostic points at the key inside the string, and the help gives
    /// the camelCase name.
    ///
    /// ## Why
    /// "The keys use camel case names that match the fields in the Item interactions dataset's
    /// schema … `numberOfRatings` would match the '`NUMBER_OF_RATINGS`' field" (SEED-003). A key in
    /// another style does not name a schema field, so its value is not recorded. With the
    /// dataset schema a key naming no field would be an error (rejection inferred); eventlint
    /// does not see the schema, so it only checks the style.
    ///
    /// ## Example
    /// ```json event
    /// {"eventType": "rating", "sentAt": 1672574400, "properties": "{\"NUMBER_OF_RATINGS\": \"12\"}"}
    /// ```
    ///
    /// ## Fix
    /// ```json event
    /// {"eventType": "rating", "sentAt": 1672574400, "properties": "{\"numberOfRatings\": \"12\"}"}
    /// ```
    pub(crate) static PROPERTIES_CAMELCASE = {
        id: "personalize.put-events/properties-camelcase",
        severity: Warning,
        summary: "A `properties` key is not camelCase",
    };
}

/// `numberOfRatings`-style: a lowercase ASCII letter, then ASCII letters and digits.
fn is_camel_case(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

/// The camelCase form of a key: words split at non-alphanumerics; an all-capitals word is
/// lowercased (`NUMBER_OF_RATINGS` → `numberOfRatings`, `NumberOfRatings` → `numberOfRatings`).
pub(crate) fn camel_case(key: &str) -> String {
    let mut out = String::new();
    for word in key
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = if word.chars().any(|c| c.is_ascii_lowercase()) {
            word.to_owned()
        } else {
            word.to_ascii_lowercase()
        };
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            if out.is_empty() {
                out.push(first.to_ascii_lowercase());
            } else {
                out.push(first.to_ascii_uppercase());
            }
            out.extend(chars);
        }
    }
    out
}

pub(crate) fn check(ctx: &mut Ctx<'_>, props: &Properties<'_>, key: &str) {
    if is_camel_case(key) {
        return;
    }
    let camel = camel_case(key);
    let help = if camel.is_empty() || !is_camel_case(&camel) {
        "name the key after its Item interactions schema field, in camelCase (`NUMBER_OF_RATINGS` → `numberOfRatings`)".to_owned()
    } else if let Some((name, place)) = reserved(&camel) {
        format!("remove `{key}`: its camelCase form `{name}` is reserved; send it as {place}")
    } else {
        format!("rename `{key}` to `{camel}`, the camelCase name of its schema field")
    };
    let message = if key.is_empty() {
        format!("`{}` has an empty key", props.name)
    } else {
        format!("`{}` key `{key}` is not camelCase", props.name)
    };
    ctx.report(
        Finding::new(&PROPERTIES_CAMELCASE, props.at.clone(), message)
            .target(props.key(key))
            .help(help),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_cases() {
        assert_eq!(camel_case("NUMBER_OF_RATINGS"), "numberOfRatings");
        assert_eq!(camel_case("number_of_ratings"), "numberOfRatings");
        assert_eq!(camel_case("NumberOfRatings"), "numberOfRatings");
        assert_eq!(camel_case("cabin-type"), "cabinType");
        assert_eq!(camel_case("ID"), "id");
        assert!(is_camel_case("numRatings"));
        assert!(is_camel_case("x1"));
        assert!(!is_camel_case("Discount"));
        assert!(!is_camel_case("num_ratings"));
        assert!(!is_camel_case(""));
    }
}
