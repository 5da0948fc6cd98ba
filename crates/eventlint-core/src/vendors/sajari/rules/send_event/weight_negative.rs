use crate::document::value::Map;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::vendors::sajari::shared::weight::weight_value;

declare_rule! {
    /// ## What it checks
    /// `weight` is a negative integer (within the int32 range; values below it are reported by
    /// `sajari.send-event/weight-range`).
    ///
    /// ## Why
    /// The documentation describes positive weights only ("Generally a sensible weight is 1",
    /// SEED-000); a negative weight is not documented as meaningful and is most likely a sign
    /// error or a difference computed the wrong way round [I]. Negative feedback has its own
    /// mechanism: `POS_NEG` tracking returns a separate `neg` token per result.
    ///
    /// ## Example
    /// ```json
    /// {"name": "return", "token": "eyJhbGciOi…", "weight": -1}
    /// ```
    ///
    /// ## Fix
    /// Send a positive weight; for negative feedback use the result's `token.pos_neg.neg` token:
    /// ```json
    /// {"name": "return", "token": "eyJuZWciOi…", "weight": 1}
    /// ```
    pub(crate) static WEIGHT_NEGATIVE = {
        id: "sajari.send-event/weight-negative",
        severity: Warning,
        summary: "`weight` is negative",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<'_>) {
    let Some(w) = body.get("weight").and_then(weight_value) else {
        return;
    };
    if w.integral() && w.in_int32() && w.value < 0.0 {
        ctx.report(
            Finding::new(
                &WEIGHT_NEGATIVE,
                base.key("weight"),
                format!("`weight` is negative (`{}`); negative weights are not documented", w.text),
            )
            .help("send a positive weight such as `1`; for negative feedback send the result's `token.pos_neg.neg` token instead"),
        );
    }
}
