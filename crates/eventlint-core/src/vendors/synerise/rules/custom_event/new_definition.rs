use std::cell::RefCell;
use std::sync::LazyLock;

use crate::locate::pointer::Pointer;
use crate::message::suggest::did_you_mean;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::vendors::synerise::shared::actions::system_actions;

declare_rule! {
    /// ## What it checks
    /// `action` is not a near-miss of a system action, e.g. `product.addToCard` for
    /// `product.addToCart` or `page.vist` for `page.visit`.
    ///
    /// ## Why
    /// "When you use this endpoint to send an event whose definition doesn't exist in the system, a
    /// definition is created automatically" (SEED-001): a typo silently creates a junk event
    /// definition instead of failing. eventlint cannot see your workspace's definitions, so it
    /// reports only actions that are one or two edits away from a known system action.
    ///
    /// ## Example
    /// ```json
    /// {"action": "page.vist", "client": {"id": 1}, "label": "home"}
    /// ```
    ///
    /// ## Fix
    /// `"action": "page.visit"`
    pub(crate) static NEW_DEFINITION = {
        id: "synerise.custom-event/new-definition",
        severity: Info,
        summary: "`action` looks like a misspelt system action and would create a new definition",
        fix: Unsafe("the nearest system action is written: the author may have meant a new action."),
    };
}

/// The system action `action` looks like a misspelling of, if any. Streams repeat a handful of
/// actions millions of times, so each thread remembers its last verdicts (bounded).
fn near_miss(action: &str) -> Option<&'static str> {
    thread_local! {
        static SEEN: RefCell<foldhash::HashMap<String, Option<&'static str>>> =
            RefCell::new(foldhash::HashMap::default());
    }
    static KNOWN: LazyLock<Vec<&'static str>> = LazyLock::new(|| system_actions().collect());
    if KNOWN.contains(&action) {
        return None;
    }
    SEEN.with_borrow_mut(|seen| {
        if let Some(verdict) = seen.get(action) {
            return *verdict;
        }
        let verdict = did_you_mean(action, &KNOWN);
        if seen.len() >= 4096 {
            seen.clear();
        }
        seen.insert(action.to_owned(), verdict);
        verdict
    })
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, action: &str) {
    if let Some(near) = near_miss(action) {
        ctx.report(
            Finding::new(
                &NEW_DEFINITION,
                at.clone(),
                format!(
                    "`action` `{action}` is not a system action{}",
                    crate::message::suggest::did_you_mean_suffix(near)
                ),
            )
            .help(format!(
                "use `{near}`, or keep `{action}` if you mean a new custom event"
            ))
            .propose_string(near)
            .note("an unknown action silently creates a new event definition"),
        );
    }
}
