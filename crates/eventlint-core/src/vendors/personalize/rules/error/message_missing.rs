use crate::document::value::Map;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// The error body has a `message` (or `Message`). Info only.
    ///
    /// ## Why
    /// The documented body of `InvalidInputException` is `{"message": string}` (AWS-BC;
    /// vendor-rules.md §4.4), e.g. "Provide a valid value for the field or parameter.". botocore
    /// accepts a body without it and raises the exception with an empty message: the caller
    /// learns the code but not what was wrong. Worth knowing for a mocked error in a test suite.
    ///
    /// ## Example
    /// ```json
    /// {"__type": "InvalidInputException"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"__type": "InvalidInputException", "message": "Provide a valid value for the field or parameter."}
    /// ```
    pub(crate) static MESSAGE_MISSING = {
        id: "personalize.error/message-missing",
        severity: Info,
        summary: "The error body has no `message`",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, body: &Map<'_>) {
    if body.contains_key("message") || body.contains_key("Message") {
        return;
    }
    ctx.report(
        Finding::new(
            &MESSAGE_MISSING,
            Pointer::root(),
            "the error body has no `message`: the exception's message will be empty",
        )
        .help("add `\"message\"` with what was wrong, e.g. `\"Provide a valid value for the field or parameter.\"`"),
    );
}
