use crate::document::value::Map;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// The request has a `userId`. Info only: the member is optional.
    ///
    /// ## Why
    /// Events of an anonymous session are allowed: Amazon Personalize uses the `sessionId` to
    /// associate them with the user once a later request carries both `sessionId` and `userId`
    /// (SEED-003; AWS-EX). Until then they do not personalize anyone's recommendations; a missing
    /// `userId` after login is a bug worth seeing.
    ///
    /// ## Example
    /// ```json
    /// {"trackingId": "tid", "sessionId": "s1", "eventList": [{"eventType": "click", "sentAt": 1672574400, "itemId": "i1"}]}
    /// ```
    ///
    /// ## Fix
    /// Nothing for an anonymous visitor; once the user is known:
    /// ```json
    /// {"trackingId": "tid", "userId": "u1", "sessionId": "s1", "eventList": [{"eventType": "click", "sentAt": 1672574400, "itemId": "i1"}]}
    /// ```
    pub(crate) static USERID_MISSING = {
        id: "personalize.put-events/userid-missing",
        severity: Info,
        summary: "The request has no `userId` (an anonymous session)",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, root: &Pointer, body: &Map<'_>) {
    if body.contains_key("userId") {
        return;
    }
    ctx.report(
        Finding::new(
            &USERID_MISSING,
            root.clone(),
            "the request has no `userId`: its events stay anonymous until the session is associated with a user",
        )
        .help("add `userId` once the user is known; a later request with the same `sessionId` and a `userId` associates these events"),
    );
}
