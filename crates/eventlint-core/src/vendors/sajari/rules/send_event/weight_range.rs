use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `weight` is within the 32-bit signed integer range, −2147483648 to 2147483647 (also when
    /// it is written as a string).
    ///
    /// ## Why
    /// `weight` is `format: int32` (SJ-GO-OAS); protojson refuses an int32 value out of range,
    /// so the request is rejected with 400.
    ///
    /// ## Example
    /// ```json
    /// {"name": "purchase", "token": "eyJhbGciOi…", "weight": 1700000000000}
    /// ```
    ///
    /// ## Fix
    /// Send a smaller weight (generally `1`); a timestamp or an amount belongs in `metadata`:
    /// ```json
    /// {"name": "purchase", "token": "eyJhbGciOi…", "weight": 1, "metadata": {"at": 1700000000000}}
    /// ```
    pub(crate) static WEIGHT_RANGE = {
        id: "sajari.send-event/weight-range",
        severity: Error,
        summary: "`weight` is outside the int32 range",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, shown: &str) -> Finding {
    Finding::new(
        &WEIGHT_RANGE,
        at,
        format!("`weight` is `{shown}`, outside the int32 range -2147483648..=2147483647"),
    )
    .help("send a `weight` within the int32 range (generally `1`); put large quantities in `metadata`")
}
