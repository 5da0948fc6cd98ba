use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `token` is present and not empty. `""` and `null` count as missing: under proto3 JSON
    /// (protojson) both mean "unset".
    ///
    /// ## Why
    /// The spec lists `token` as required (SJ-GO-OAS `required: [name, token]`), and its
    /// documented 400 answer is exactly this case: `{"code": 6, "message": "token: required", …}`.
    /// The official Go SDK also refuses an empty token (SJ-GO-EVT).
    ///
    /// ## Example
    /// ```json
    /// {"name": "click"}
    /// ```
    ///
    /// ## Fix
    /// Send the token of the result the user interacted with, from a query whose
    /// `tracking.type` is `CLICK` or `POS_NEG`:
    /// ```json
    /// {"name": "click", "token": "eyJhbGciOi…"}
    /// ```
    pub(crate) static TOKEN_REQUIRED = {
        id: "sajari.send-event/token-required",
        severity: Error,
        summary: "`token` is missing, empty or `null`",
        structural: true,
    };
}

const HELP: &str = "set `token` to the result's token from the query response (`token.click.token`, or `token.pos_neg.pos`/`.neg`)";

pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(&TOKEN_REQUIRED, object, "the event has no `token`")
        .help(HELP)
        .note("tokens are generated only for queries whose `tracking.type` is `CLICK` or `POS_NEG`")
}

pub(crate) fn empty(at: Pointer) -> Finding {
    Finding::new(
        &TOKEN_REQUIRED,
        at,
        "`token` is empty, which proto3 reads as unset",
    )
    .help(HELP)
}

pub(crate) fn null(at: Pointer) -> Finding {
    Finding::new(
        &TOKEN_REQUIRED,
        at,
        "`token` is `null`, which proto3 reads as unset",
    )
    .help(HELP)
}
