use crate::document::value::Map;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// The custom event has `params`.
    ///
    /// ## Why
    /// `params` is optional in SEED-001 and the newer API reference, but the older generated spec
    /// (SYN-M2, API 4.4) marks it required and the official PHP SDK's `CustomValidator` demands
    /// it (vendor-rules.md §8.4). Info only: the API accepts the event.
    ///
    /// ## Example
    /// ```json
    /// {"action": "dog.bark", "client": {"id": 1}, "label": "bark"}
    /// ```
    ///
    /// ## Fix
    /// Add the event's parameters, e.g. `"params": {"loudness": 3}`, or ignore this note.
    pub(crate) static PARAMS_MISSING = {
        id: "synerise.custom-event/params-missing",
        severity: Info,
        summary: "The custom event has no `params`",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, body: &Map<'_>) {
    if !body.contains_key("params") {
        ctx.report(
            Finding::new(&PARAMS_MISSING, at.clone(), "the custom event has no `params`")
                .help("add `params` with the event's details if you use the official PHP SDK or the older API spec, which require it"),
        );
    }
}
