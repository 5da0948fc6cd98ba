use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::schema::Keyword;

declare_rule! {
    /// ## What it checks
    /// `impression` holds 1 to 25 item IDs, each 1 to 256 characters.
    ///
    /// ## Why
    /// `Impression` is a list of `ItemId` with `min: 1, max: 25`, and `ItemId` is 1 to 256
    /// characters (AWS-BC; AWS-API "Array Members: Minimum number of 1 item. Maximum number of 25
    /// items."). The service rejects anything else with `InvalidInputException`. An empty array
    /// is rejected too: omit `impression` when nothing was shown.
    ///
    /// ## Example
    /// ```json event
    /// {"eventType": "click", "sentAt": 1672574400, "itemId": "i1", "impression": []}
    /// ```
    ///
    /// ## Fix
    /// ```json event
    /// {"eventType": "click", "sentAt": 1672574400, "itemId": "i1"}
    /// ```
    pub(crate) static IMPRESSION_SIZE = {
        id: "personalize.put-events/impression-size",
        severity: Error,
        summary: "`impression` is empty, has more than 25 item IDs, or has an item ID of a wrong length",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, keyword: &Keyword, value: Option<&Value>) -> Finding {
    let name = field_name(&at);
    let (message, help) = match keyword {
        Keyword::MinItems(_) => (
            format!("`{name}` is empty"),
            "omit `impression` when no items were shown".to_owned(),
        ),
        Keyword::MaxItems(limit) => {
            let count = value.and_then(Value::as_array).map_or(0, <[_]>::len);
            (
                format!("`{name}` has {count} item IDs; at most {limit} are allowed"),
                format!("send only the first {limit} items the user was shown"),
            )
        }
        Keyword::MinLength(_) => (
            format!("`{name}` is an empty item ID"),
            "remove the empty item ID".to_owned(),
        ),
        _ => {
            let len = value
                .and_then(Value::as_str)
                .map_or(0, |s| s.chars().count());
            (
                format!("`{name}` is {len} characters long; an item ID has at most 256"),
                "send the item IDs of your Items dataset (at most 256 characters)".to_owned(),
            )
        }
    };
    Finding::new(&IMPRESSION_SIZE, at, message).help(help)
}
