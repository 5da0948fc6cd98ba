use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `query`, when present, is a JSON string.
    ///
    /// ## Why
    /// `query` is "the search query text" (SEED-002, [D]); the example sends
    /// `"query": "solid wood chair"`. A number, array or `null` is inferred to be rejected.
    /// Leave `query` out when there was no search.
    ///
    /// ## Example
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "query": ["solid", "wood", "chair"], "page": "SEARCH_RESULT_PAGE", "event": "CLICK_PRODUCT", "index": 3}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "query": "solid wood chair", "page": "SEARCH_RESULT_PAGE", "event": "CLICK_PRODUCT", "index": 3}
    /// ```
    pub(crate) static QUERY_TYPE = {
        id: "neuralens.event/query-type",
        severity: Error,
        summary: "`query` is not a string",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let help = match value {
        Some(Value::Null) => {
            "leave `query` out when there was no search, or send the query text as a string"
                .to_owned()
        }
        Some(Value::Number(n)) => format!("send the query text as a string: `\"{n}\"`"),
        Some(Value::Array(words)) if words.iter().all(Value::is_string) => format!(
            "send the query text as one string: `{}`",
            serde_json::Value::String(
                words
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        ),
        _ => "send the text the user searched for as a string".to_owned(),
    };
    Finding::new(&QUERY_TYPE, at, format!("`query` is {what}, not a string")).help(help)
}
