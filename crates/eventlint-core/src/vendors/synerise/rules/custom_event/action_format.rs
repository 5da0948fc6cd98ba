use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `action` follows the `<domain>.<occurrence>` convention (it contains a dot).
    ///
    /// ## Why
    /// Synerise's event definitions and the official PHP SDK suggest `<string>.<string>`, e.g.
    /// `dog.bark`, `page.visit` (SYN-EVDEF, SYN-PHP). Style only.
    ///
    /// ## Example
    /// ```json
    /// {"action": "bark", "client": {"id": 1}, "label": "bark"}
    /// ```
    ///
    /// ## Fix
    /// `"action": "dog.bark"`
    pub(crate) static ACTION_FORMAT = {
        id: "synerise.custom-event/action-format",
        severity: Info,
        summary: "`action` does not follow `<domain>.<occurrence>`",
        fix: Unsafe("a name of the documented shape is proposed: the author must confirm it."),
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, action: &str) {
    let well_formed = !action.is_empty()
        && action
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
    if well_formed && !action.contains('.') {
        let finding = Finding::new(
            &ACTION_FORMAT,
            at.clone(),
            format!("`action` `{action}` has no `.` separating domain and occurrence"),
        );
        let example = format!("app.{action}");
        // The example must fit the 32 characters `action-length` allows.
        ctx.report(if example.len() <= 32 {
            finding
                .help(format!(
                    "name `action` as `<domain>.<occurrence>`, e.g. `{example}`"
                ))
                .propose_string(&example)
        } else {
            finding.help(
                "name `action` as `<domain>.<occurrence>` in at most 32 characters, e.g. `page.visit`",
            )
        });
    }
}
