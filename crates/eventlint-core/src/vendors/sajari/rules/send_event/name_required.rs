use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `name` is present and not empty. `""` and `null` count as missing: under proto3 JSON
    /// (protojson) both mean "unset".
    ///
    /// ## Why
    /// The spec lists `name` as required (SJ-GO-OAS `SendEventRequest.required: [name, token]`;
    /// SJ-RB `list_invalid_properties`), and the official Go SDK refuses an empty name client-side
    /// ("name cannot be empty", SJ-GO-EVT). The server answers 400 `name: required`, the way its
    /// documented example does for `token`. That `""` is unset follows from proto3 [I].
    ///
    /// ## Example
    /// ```json
    /// {"name": "", "token": "eyJhbGciOi…"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"name": "click", "token": "eyJhbGciOi…"}
    /// ```
    pub(crate) static NAME_REQUIRED = {
        id: "sajari.send-event/name-required",
        severity: Error,
        summary: "`name` is missing, empty or `null`",
        structural: true,
    };
}

const HELP: &str = "set `name` to the event's name, e.g. `\"click\"` or `\"purchase\"`";

pub(crate) fn missing(object: Pointer) -> Finding {
    Finding::new(&NAME_REQUIRED, object, "the event has no `name`").help(HELP)
}

pub(crate) fn empty(at: Pointer) -> Finding {
    Finding::new(
        &NAME_REQUIRED,
        at,
        "`name` is empty, which proto3 reads as unset",
    )
    .help(HELP)
}

pub(crate) fn null(at: Pointer) -> Finding {
    Finding::new(
        &NAME_REQUIRED,
        at,
        "`name` is `null`, which proto3 reads as unset",
    )
    .help(HELP)
}
