use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `geo.lat` and `geo.long` are not swapped: `geo.lat` is beyond ±90 degrees while `geo.long`
    /// would be a valid latitude (`|lat| > 90` and `|long| ≤ 90`). Reported at `geo.lat`, instead
    /// of `neuralens.event/geo-range`'s range error.
    ///
    /// ## Why
    /// "lat and long are the user's coordinates" (SEED-002). Swapping the two is a common bug
    /// ([I]); the fix is a swap rather than another value, so this has a rule of its own. A swap
    /// that keeps both in range cannot be told apart from a real position and is not reported.
    /// `geo.lat` is still out of range, so the document fails the schema.
    ///
    /// ## Example
    /// ```json
    /// {"uid": null, "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE", "geo": {"lat": 139.6917, "long": 35.6895}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": null, "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE", "geo": {"lat": 35.6895, "long": 139.6917}}
    /// ```
    pub(crate) static GEO_SWAPPED = {
        id: "neuralens.event/geo-swapped",
        severity: Warning,
        summary: "`geo.lat` and `geo.long` look swapped",
        structural: true,
        fix: Unsafe("`lat` and `long` are swapped back: the author must confirm which is which."),
    };
}

/// `geo.lat` (at `at`) is `lat`, beyond ±90, and `geo.long` is `long`, a valid latitude.
pub(crate) fn finding(at: Pointer, lat: &str, long: &str) -> Finding {
    let long_at = at
        .as_str()
        .strip_suffix("/lat")
        .map(|geo| Pointer::from_escaped(geo).key("long"));
    let finding = Finding::new(
        &GEO_SWAPPED,
        at,
        format!(
            "`geo.lat` is `{lat}`, beyond ±90, and `geo.long` is `{long}`: latitude and longitude look swapped"
        ),
    )
    .help(format!("swap them: `\"lat\": {long}, \"long\": {lat}`"))
    .propose(long);
    match long_at {
        Some(long_at) => finding.propose_at(long_at, lat),
        None => finding,
    }
}
