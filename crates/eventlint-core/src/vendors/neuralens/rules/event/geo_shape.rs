use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::message::suggest::unknown_key_meant;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::vendors::neuralens::model::GEO_KEYS;
use crate::vendors::neuralens::shared::names::meant_key;

declare_rule! {
    /// ## What it checks
    /// `geo`, when present, is an object `{"lat": number, "long": number, "region": string}`:
    ///
    /// - the coordinate keys are `lat` and `long`: `lng`, `lon`, `latitude`, `longitude` (and
    ///   other keys) are reported with the right key suggested;
    /// - `lat` and `long` come together (one without the other is no position);
    /// - `lat` and `long` are JSON numbers (not strings), `region` is a string.
    ///
    /// All are warnings: an unknown key is inferred to be ignored, so the position is silently
    /// lost.
    ///
    /// ## Why
    /// "`geo` Location details of the user at the time of event. lat and long are the user's
    /// coordinates. *region* is the name of the region…"; the example sends
    /// `{"lat": 31.34956697190882, "long": 78.44615274878441, "region": "MG Road"}` (SEED-002,
    /// [D]). `lng` and `lon` are the usual spellings in other APIs ([I]).
    ///
    /// ## Example
    /// ```json
    /// {"uid": null, "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE", "geo": {"lat": 31.35, "lng": 78.45}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": null, "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE", "geo": {"lat": 31.35, "long": 78.45}}
    /// ```
    pub(crate) static GEO_SHAPE = {
        id: "neuralens.event/geo-shape",
        severity: Warning,
        summary: "`geo` is not an object of `lat`, `long` and `region`",
        structural: true,
        fix: Safe("when a coordinate is a number in a string, or a key is a misspelt `lat`, `long` or `region`: the number is written, the key renamed."),
    };
}

/// Common spellings of the `geo` keys.
pub(crate) const GEO_ALIASES: &[(&str, &str)] = &[
    ("lng", "long"),
    ("lon", "long"),
    ("longitude", "long"),
    ("latitude", "lat"),
    ("city", "region"),
    ("locality", "region"),
    ("area", "region"),
];

/// `geo` is not an object.
pub(crate) fn not_object(at: Pointer, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let help = match value {
        Some(Value::Null) => "leave `geo` out when the location is unknown".to_owned(),
        _ => "send `geo` as an object, e.g. `{\"lat\": 31.35, \"long\": 78.45, \"region\": \"MG Road\"}`".to_owned(),
    };
    Finding::new(&GEO_SHAPE, at, format!("`geo` is {what}, not an object")).help(help)
}

/// An unknown key in `geo` (at `geo`).
pub(crate) fn unknown(geo: &Pointer, key: &str) -> Finding {
    unknown_key_meant(
        &GEO_SHAPE,
        geo,
        key,
        "`geo`",
        meant_key(key, GEO_KEYS, GEO_ALIASES),
        || {
            format!(
                "remove `{key}`; `geo` takes `lat`, `long` and `region` (a place name goes in `region`)"
            )
        },
    )
}

/// `geo` has one coordinate without the other.
pub(crate) fn missing_pair(geo: Pointer, missing: &str) -> Finding {
    let present = if missing == "lat" { "long" } else { "lat" };
    Finding::new(
        &GEO_SHAPE,
        geo,
        format!("`geo` has `{present}` but no `{missing}`"),
    )
    .help("send both coordinates, `lat` and `long`, or neither")
}

/// `geo.lat`, `geo.long` or `geo.region` has the wrong type.
pub(crate) fn field_type(at: Pointer, field: &str, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    if field == "region" {
        return Finding::new(
            &GEO_SHAPE,
            at,
            format!("`geo.region` is {what}, not a string"),
        )
        .help("send the region's name as a string, e.g. `\"MG Road\"`");
    }
    let finding = Finding::new(
        &GEO_SHAPE,
        at,
        format!("`geo.{field}` is {what}, not a number"),
    );
    // A number as JSON writes it (`serde_json` reads it back): `"1e2"` is fine, `"0x10"` is not.
    match value.and_then(Value::as_str).map(str::trim) {
        Some(s) if serde_json::from_str::<serde_json::Number>(s).is_ok() => finding
            .help(format!("send `geo.{field}` as a number: `{s}`"))
            .propose(s),
        _ => finding.help(format!(
            "send `geo.{field}` as a number of degrees, or leave both coordinates out"
        )),
    }
}
