use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::schema::Keyword;

declare_rule! {
    /// ## What it checks
    /// `recommendationId` is 1 to 40 characters long.
    ///
    /// ## Why
    /// `RecommendationId` has `min: 1, max: 40` in the service model (AWS-BC, AWS-API): much
    /// shorter than the 256 of other IDs. A longer value is not an ID that `GetRecommendations`
    /// returned (e.g. a concatenation of item IDs or a request ID), and the service rejects it
    /// with `InvalidInputException`.
    ///
    /// ## Example
    /// ```json event
    /// {"eventType": "click", "sentAt": 1672574400, "itemId": "i1", "recommendationId": "arn:aws:personalize:us-east-1:123456789012:campaign/movies"}
    /// ```
    ///
    /// ## Fix
    /// Send the `recommendationId` exactly as `GetRecommendations` returned it, e.g.
    /// `"RID-12345678-1234-1234-1234-abcdefghijkl"`.
    pub(crate) static RECOMMENDATIONID_LENGTH = {
        id: "personalize.put-events/recommendationid-length",
        severity: Error,
        summary: "`recommendationId` is empty or longer than 40 characters",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, keyword: &Keyword, value: Option<&Value>) -> Finding {
    let name = field_name(&at);
    match keyword {
        Keyword::MaxLength(limit) => {
            let len = value
                .and_then(Value::as_str)
                .map_or(0, |s| s.chars().count());
            Finding::new(
                &RECOMMENDATIONID_LENGTH,
                at,
                format!("`{name}` is {len} characters long; the limit is {limit}"),
            )
            .help("send the `recommendationId` exactly as `GetRecommendations` returned it")
        }
        _ => Finding::new(&RECOMMENDATIONID_LENGTH, at, format!("`{name}` is empty"))
            .help(format!("omit `{name}` when the item was not recommended")),
    }
}
