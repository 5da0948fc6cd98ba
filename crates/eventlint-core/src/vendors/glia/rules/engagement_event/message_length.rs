use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::locate::spans::Target;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

/// Above this many characters a message is suspicious.
pub(crate) const LIMIT: usize = 10_000;

declare_rule! {
    /// ## What it checks
    /// `message` is longer than 10 000 characters.
    ///
    /// ## Why
    /// The maximum length is not documented (SEED-004), but `message` is a short utterance shown
    /// to the operator, e.g. "Visitor navigated to insurance page". A message this long is most
    /// likely a page dump or serialized data sent by mistake, and may be truncated or rejected
    /// [I]. Reported as info.
    ///
    /// ## Example
    /// ```json illustrative
    /// {"message": "<html>…10 000 more characters…</html>"}
    /// ```
    ///
    /// ## Fix
    /// Send a one-line description of the action:
    /// ```json
    /// {"message": "Visitor opened the pricing page"}
    /// ```
    pub(crate) static MESSAGE_LENGTH = {
        id: "glia.engagement-event/message-length",
        severity: Info,
        summary: "`message` is longer than 10 000 characters",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<'_>) {
    let Some(Value::String(message)) = body.get("message") else {
        return;
    };
    let len = message.chars().count();
    if len <= LIMIT {
        return;
    }
    ctx.report(
        Finding::new(
            &MESSAGE_LENGTH,
            base.key("message"),
            format!("`message` is {len} characters long; a visitor event is usually one short sentence"),
        )
        // Mark what runs past the limit, as a line-length check would.
        .target(Target::InString(LIMIT..len))
        .help(format!(
            "shorten `message` to a short description of the visitor's action (at most {LIMIT} characters)"
        )),
    );
}
