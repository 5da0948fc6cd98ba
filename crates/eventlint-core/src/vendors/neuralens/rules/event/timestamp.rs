use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rule::time::{EpochBand, IsoDateTime, epoch_band, parse_iso8601};

declare_rule! {
    /// ## What it checks
    /// `timestamp`, when present, is a whole number (the generated schema says `type: integer`):
    /// a string (`"1715644800"`, `"2024-05-14T00:00:00Z"`) or a fractional number is reported,
    /// with the integer number of Unix epoch **seconds** to send instead.
    ///
    /// A value in the milliseconds (or micro-, nanoseconds) band is reported by
    /// `common/epoch-unit`, the one rule for unit mix-ups, and a time after now by
    /// `neuralens.event/timestamp-future`; not here.
    ///
    /// A warning: the type and the server's handling of other types are not documented.
    ///
    /// ## Why
    /// The only documentation is the example, `"timestamp": 1715644800`, which is
    /// 2024-05-14T00:00:00Z in seconds (SEED-002; unit inferred, vendor-rules.md §3.2 [I]). A
    /// string or a fraction may not be parsed ([I]).
    ///
    /// ## Example
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE", "timestamp": "1715644800"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"uid": "3845", "items": [{"id": "AV768"}], "page": "PRODUCT_PAGE", "event": "LAND_PRODUCT_PAGE", "timestamp": 1715644800}
    /// ```
    pub(crate) static TIMESTAMP = {
        id: "neuralens.event/timestamp",
        severity: Warning,
        summary: "`timestamp` is not an integer number of Unix seconds",
        structural: true,
        fix: Safe("when `timestamp` is a whole number of seconds in a string, or an ISO 8601 time: the number of seconds is written."),
    };
}

/// Whole epoch seconds for a number of any epoch unit (by its magnitude).
#[allow(clippy::cast_possible_truncation)]
fn to_seconds(n: f64) -> i64 {
    let per_second = match epoch_band(n) {
        EpochBand::Milliseconds => 1e3,
        EpochBand::Microseconds => 1e6,
        EpochBand::Nanoseconds => 1e9,
        EpochBand::Seconds | EpochBand::Unknown => 1.0,
    };
    (n / per_second).floor() as i64
}

/// `timestamp` is not an integer (a schema `type` violation).
pub(crate) fn wrong_type(at: Pointer, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let seconds = match value {
        Some(Value::String(s)) => s
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(to_seconds)
            .or_else(|| parse_iso8601(s.trim()).map(|t| t.to_utc().timestamp())),
        Some(Value::Number(n)) => n.as_f64().map(to_seconds),
        _ => None,
    };
    let message = match value {
        Some(Value::Number(n)) => format!("`timestamp` is `{n}`, not a whole number of seconds"),
        _ => format!("`timestamp` is {what}, not an integer number of Unix seconds"),
    };
    // Certain only for whole seconds in a string, or a time with its offset: another unit is
    // guessed from its magnitude, a time without an offset read as UTC.
    let certain = match value {
        Some(Value::String(s)) => {
            let s = s.trim();
            (!s.contains(['.', 'e', 'E'])
                && s.parse::<f64>()
                    .is_ok_and(|n| matches!(epoch_band(n), EpochBand::Seconds)))
                || matches!(parse_iso8601(s), Some(IsoDateTime::Offset(_)))
        }
        _ => false,
    };
    let finding = Finding::new(&TIMESTAMP, at, message);
    let finding = if certain { finding } else { finding.guessed() };
    match seconds {
        Some(s) => finding
            .help(format!(
                "send `timestamp` as an integer number of Unix seconds: `{s}`"
            ))
            .propose(s.to_string()),
        None => finding.help("send `timestamp` as an integer number of Unix seconds, e.g. `1715644800`, or leave it out"),
    }
}
