use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `geo.lat` is within −90…90 and `geo.long` within −180…180 degrees.
    ///
    /// When `lat` is out of range but `long` would be a valid latitude (`|lat| > 90` and
    /// `|long| ≤ 90`), the two were most likely swapped: `neuralens.event/geo-swapped` reports
    /// that (a warning suggesting the swap) instead.
    ///
    /// ## Why
    /// "lat and long are the user's coordinates" (SEED-002); the ranges are those of any
    /// latitude and longitude, and a value outside them is inferred to be rejected or discarded
    /// ([I]).
    ///
    /// ## Example
    /// ```json
    /// {"uid": null, "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE", "geo": {"lat": 12.97, "long": 277.59}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": null, "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE", "geo": {"lat": 12.97, "long": 77.59}}
    /// ```
    pub(crate) static GEO_RANGE = {
        id: "neuralens.event/geo-range",
        severity: Error,
        summary: "`geo.lat` or `geo.long` is out of range",
        structural: true,
    };
}

/// `geo.<field>` (at `at`) is out of range; `geo` is the whole object, to detect a swap
/// (`neuralens.event/geo-swapped`).
pub(crate) fn finding(at: Pointer, field: &str, geo: Option<&Value>) -> Finding {
    let number = |key: &str| geo.and_then(|g| g.get(key)).and_then(Value::as_f64);
    let raw = |key: &str| {
        geo.and_then(|g| g.get(key))
            .map_or_else(String::new, ToString::to_string)
    };
    let (lat, long) = (number("lat"), number("long"));
    if field == "lat"
        && let (Some(lat), Some(long)) = (lat, long)
        && lat.abs() > 90.0
        && long.abs() <= 90.0
    {
        return super::geo_swapped::finding(at, &raw("lat"), &raw("long"));
    }
    let limit = if field == "lat" { 90 } else { 180 };
    let what = if field == "lat" {
        "latitude"
    } else {
        "longitude"
    };
    Finding::new(
        &GEO_RANGE,
        at,
        format!(
            "`geo.{field}` is `{}`, outside −{limit}…{limit}",
            raw(field)
        ),
    )
    .help(format!(
        "send the {what} in decimal degrees, from −{limit} to {limit}"
    ))
}
