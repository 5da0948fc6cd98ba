use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::vendors::sajari::shared::weight::weight_value;

declare_rule! {
    /// ## What it checks
    /// `weight` is absent, `null` or zero.
    ///
    /// ## Why
    /// Under proto3 an omitted or `null` `weight` is 0, and what the ranking system does with a
    /// zero-weight event is not documented; the documentation says "Generally a sensible weight
    /// is 1" (SEED-000) [I]. Reported as info, since 0 may be intended.
    ///
    /// ## Example
    /// ```json
    /// {"name": "click", "token": "eyJhbGciOi…"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"name": "click", "token": "eyJhbGciOi…", "weight": 1}
    /// ```
    pub(crate) static WEIGHT_MISSING_OR_ZERO = {
        id: "sajari.send-event/weight-missing-or-zero",
        severity: Info,
        summary: "`weight` is absent, `null` or 0 (proto3 default; effect undocumented)",
    };
}

const HELP: &str =
    "send `\"weight\": 1`, the weight the documentation calls sensible, unless 0 is meant";

/// An absent, `null` or zero `weight` (the schema allows `null`: protojson reads it as unset).
pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<'_>) {
    match body.get("weight") {
        None => ctx.report(
            Finding::new(
                &WEIGHT_MISSING_OR_ZERO,
                base.clone(),
                "the event has no `weight`, so proto3 reads it as 0",
            )
            .help(HELP)
            .note("what the ranking system does with a zero-weight event is not documented"),
        ),
        Some(Value::Null) => ctx.report(
            Finding::new(
                &WEIGHT_MISSING_OR_ZERO,
                base.key("weight"),
                "`weight` is `null`, which proto3 reads as unset, i.e. 0",
            )
            .help(HELP),
        ),
        Some(v) if weight_value(v).is_some_and(|w| w.value == 0.0) => ctx.report(
            Finding::new(
                &WEIGHT_MISSING_OR_ZERO,
                base.key("weight"),
                "`weight` is 0, the proto3 default; its effect on ranking is not documented",
            )
            .help(HELP),
        ),
        Some(_) => {}
    }
}
