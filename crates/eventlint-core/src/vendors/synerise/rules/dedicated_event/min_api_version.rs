use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// Notes the events of `application-started` and `push/received`, which exist only from API
    /// version 4.1.2.
    ///
    /// The endpoint is a path parameter, not part of a dedicated event's body, so on
    /// `synerise.dedicated-event` this rule cannot report; it reports on
    /// `synerise.batch-events` elements whose `type` is `application-started` or
    /// `push/received`.
    ///
    /// ## Why
    /// The vendor documents both endpoints as "available from API version 4.1.2" (SYN-PHP).
    /// The `Api-Version` header (4.4 in every example) is outside the body, so this is only a
    /// reminder.
    ///
    /// ## Example
    /// ```json
    /// [{"type": "application-started", "client": {"id": 1}, "label": "start"}]
    /// ```
    ///
    /// ## Fix
    /// Send the request with `Api-Version: 4.4` (at least 4.1.2).
    pub(crate) static MIN_API_VERSION = {
        id: "synerise.dedicated-event/min-api-version",
        severity: Info,
        summary: "The endpoint needs API version 4.1.2 or later",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, endpoint: &str) {
    if matches!(endpoint, "application-started" | "push/received") {
        ctx.report(
            Finding::new(
                &MIN_API_VERSION,
                at.clone(),
                format!("`{endpoint}` is available from API version 4.1.2"),
            )
            .help("send the request with the header `Api-Version: 4.4`"),
        );
    }
}
