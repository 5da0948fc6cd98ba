use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `token` is a JSON string (a `null` token is reported by `sajari.send-event/token-required`).
    ///
    /// ## Why
    /// `token` is `type: string` (SJ-GO-OAS). A token is an opaque string copied from the query
    /// response; an object here usually means the whole `token` member of a result was sent
    /// (`{"click": {"token": "…"}}`) instead of the string inside it.
    ///
    /// ## Example
    /// ```json
    /// {"name": "click", "token": {"click": {"token": "eyJhbGciOi…"}}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"name": "click", "token": "eyJhbGciOi…"}
    /// ```
    pub(crate) static TOKEN_TYPE = {
        id: "sajari.send-event/token-type",
        severity: Error,
        summary: "`token` is not a string",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, value: &Value) -> Finding {
    let help = match value {
        Value::Object(o) if o.contains_key("click") || o.contains_key("pos_neg") => {
            "send the string inside the result's token: `token.click.token`, or `token.pos_neg.pos` / `token.pos_neg.neg`"
        }
        _ => "write `token` as the string from the query result",
    };
    Finding::new(
        &TOKEN_TYPE,
        at,
        format!("`token` is {}, not a string", describe(value)),
    )
    .help(help)
}
