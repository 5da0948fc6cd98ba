use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `action` is at least 2 characters long.
    ///
    /// ## Why
    /// The API accepts a 1-character action, but event definitions in the Synerise UI require 2 to
    /// 32 characters (SYN-EVDEF), so such an event cannot be described or used comfortably.
    ///
    /// ## Example
    /// ```json
    /// {"action": "x", "client": {"id": 1}, "label": "x"}
    /// ```
    ///
    /// ## Fix
    /// Use a descriptive `<domain>.<occurrence>` name such as `dog.bark`.
    pub(crate) static ACTION_MIN2 = {
        id: "synerise.custom-event/action-min2",
        severity: Warning,
        summary: "`action` has a single character",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, action: &str) {
    if action.chars().count() == 1 {
        ctx.report(
            Finding::new(&ACTION_MIN2, at.clone(), format!("`action` `{action}` has a single character"))
                .help("give `action` at least 2 characters, e.g. `<domain>.<occurrence>` such as `dog.bark`"),
        );
    }
}
