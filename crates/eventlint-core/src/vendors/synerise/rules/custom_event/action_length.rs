use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `action` is at most 32 characters long.
    ///
    /// ## Why
    /// The API reference limits `action` to 32 characters (SYN-M2 `CustomeventRequest`, SYN-PHP).
    /// Rejection of longer values is inferred from the documented constraint.
    ///
    /// ## Example
    /// ```json
    /// {"action": "newsletter.subscription.confirmed.by.email", "client": {"id": 1}, "label": "x"}
    /// ```
    ///
    /// ## Fix
    /// Shorten the action, e.g. `newsletter.confirmed`.
    pub(crate) static ACTION_LENGTH = {
        id: "synerise.custom-event/action-length",
        severity: Error,
        summary: "`action` is longer than 32 characters",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>, limit: u64) -> Finding {
    let len = value
        .and_then(Value::as_str)
        .map_or(0, |s| s.chars().count());
    Finding::new(
        &ACTION_LENGTH,
        at,
        format!("`action` is {len} characters long; the limit is {limit}"),
    )
    .help(format!("shorten `action` to at most {limit} characters"))
}

#[cfg(test)]
mod tests {
    use crate::vendors::synerise::model::ACTION_MAX_LENGTH;

    /// The summary and the manual say the schema's limit (the message reads it from the keyword).
    #[test]
    fn says_the_schema_limit() {
        let limit = ACTION_MAX_LENGTH.to_string();
        assert!(super::ACTION_LENGTH.summary.contains(&limit));
        assert!(super::ACTION_LENGTH.doc.contains(&limit));
    }

    /// The model's field documentation (the schemas' `description`) says the same limit.
    #[test]
    fn the_schema_describes_the_limit() {
        use crate::vendors::synerise::model::{BatchEvents, CustomEvent};
        let said = format!("at most {ACTION_MAX_LENGTH}");
        for schema in [
            crate::schema::generate::<CustomEvent>("custom"),
            crate::schema::generate::<BatchEvents>("batch"),
        ] {
            let text = schema.to_string();
            let descriptions: Vec<&str> = text
                .split("\"description\":")
                .skip(1)
                .filter(|d| d.contains("action") || d.contains("characters from"))
                .collect();
            assert!(
                descriptions.iter().any(|d| d.contains(&said)),
                "no description says {said}: {descriptions:?}"
            );
            assert!(
                !descriptions.iter().any(|d| d.contains("at most")
                    && d.contains("characters from")
                    && !d.contains(&said)),
                "a description gives another limit than {said}"
            );
        }
    }
}
