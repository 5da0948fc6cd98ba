use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `index`, when present, is a whole number ≥ 0: a 0-based position. A negative or
    /// fractional number, a string (`"3"`) or `null` is reported.
    ///
    /// ## Why
    /// `index` is "the index of the product/suggestion that is viewed, clicked, favorited or added
    /// to cart. Index values start at 0" (SEED-002, [D]). Rejection of other values is inferred
    /// ([I]).
    ///
    /// ## Example
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "SEARCH_RESULT_PAGE", "event": "CLICK_PRODUCT", "query": "chair", "index": -1}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "SEARCH_RESULT_PAGE", "event": "CLICK_PRODUCT", "query": "chair", "index": 0}
    /// ```
    pub(crate) static INDEX_TYPE = {
        id: "neuralens.event/index-type",
        severity: Error,
        summary: "`index` is not an integer ≥ 0",
        structural: true,
        fix: Safe("when `index` is a whole number in a string: the number is written."),
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    match value {
        Some(Value::Number(n)) if n.as_f64().is_some_and(|f| f < 0.0) => Finding::new(
            &INDEX_TYPE,
            at,
            format!("`index` is `{n}`, but indexes start at 0"),
        )
        .help(
            "send the 0-based position of the product in the list the user saw (the first is `0`)",
        ),
        Some(Value::Number(n)) => Finding::new(
            &INDEX_TYPE,
            at,
            format!("`index` is `{n}`, not a whole number"),
        )
        .help("send the 0-based position as an integer, e.g. `3`"),
        Some(Value::String(s)) if s.trim().parse::<u64>().is_ok() => Finding::new(
            &INDEX_TYPE,
            at,
            format!("`index` is the string `\"{s}\"`, not a number"),
        )
        .help(format!("send `index` as a number: `{}`", s.trim()))
        .propose(s.trim()),
        other => Finding::new(
            &INDEX_TYPE,
            at,
            format!(
                "`index` is {}, not an integer",
                other.map_or_else(|| "missing".to_owned(), describe)
            ),
        )
        .help("send the 0-based position as an integer, e.g. `3`, or leave `index` out"),
    }
}
