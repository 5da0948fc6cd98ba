use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `sessionId` and `userId` are not the strings `"null"`, `"undefined"` or `"None"` (in any
    /// case): a missing value turned into text by string concatenation or formatting.
    ///
    /// ## Why
    /// Such events are accepted (HTTP 200) but reported silently ignored for the dataset
    /// (AWS-I3371, a user report); and every visitor with that "ID" would be the same session or
    /// user (inferred [I]).
    ///
    /// ## Example
    /// ```json
    /// {"trackingId": "tid", "userId": "undefined", "sessionId": "null", "eventList": [{"eventType": "click", "sentAt": 1672574400, "itemId": "i1"}]}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"trackingId": "tid", "sessionId": "3f1c6a2e-5b7d-4c1e-9a7f-0d2b8e4c6a1f", "eventList": [{"eventType": "click", "sentAt": 1672574400, "itemId": "i1"}]}
    /// ```
    pub(crate) static SESSION_NULL_LITERAL = {
        id: "personalize.put-events/session-null-literal",
        severity: Warning,
        summary: "`sessionId` or `userId` is the text of a missing value (`\"null\"`, `\"undefined\"`, `\"None\"`)",
    };
}

const LITERALS: &[&str] = &["null", "undefined", "None"];

pub(crate) fn check(ctx: &mut Ctx<'_>, root: &Pointer, body: &Map<'_>) {
    for member in ["userId", "sessionId"] {
        let Some(Value::String(value)) = body.get(member) else {
            continue;
        };
        if !LITERALS.iter().any(|l| l.eq_ignore_ascii_case(value)) {
            continue;
        }
        let help = if member == "userId" {
            "omit `userId` when the user is unknown, instead of sending the text of a missing value"
        } else {
            "send the real session ID: generate one (e.g. a UUID) when the visit starts"
        };
        ctx.report(
            Finding::new(
                &SESSION_NULL_LITERAL,
                root.key(member),
                format!("`{member}` is the string `\"{value}\"`: the text of a missing value"),
            )
            .help(help)
            .note("such events are accepted but reported ignored for the dataset (aws-sdk-js issue 3371)"),
        );
    }
}
