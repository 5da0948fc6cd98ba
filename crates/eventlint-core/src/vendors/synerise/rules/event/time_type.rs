use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::rule::time::millis_to_rfc3339;

declare_rule! {
    /// ## What it checks
    /// `time` is a JSON string.
    ///
    /// ## Why
    /// `time` is `type: string`, "formatted according to ISO 8601" (SEED-001, SYN-PHP). A Unix
    /// timestamp number, common in other APIs, is rejected.
    ///
    /// ## Example
    /// ```json
    /// {"time": 1669637907000}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"time": "2022-11-28T12:18:27Z"}
    /// ```
    pub(crate) static TIME_TYPE = {
        id: "synerise.event/time-type",
        severity: Error,
        summary: "`time` is not a string",
        structural: true,
        fix: Unsafe("when `time` is an epoch number: it is written as an ISO 8601 string, its unit guessed from its magnitude."),
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    let what = value.map_or_else(|| "missing".to_owned(), describe);
    let converted = value.and_then(Value::as_f64).and_then(|n| {
        // Seconds or milliseconds, by magnitude.
        let ms = if n.abs() < 1e11 { n * 1000.0 } else { n };
        #[allow(clippy::cast_possible_truncation)]
        millis_to_rfc3339(ms as i64)
    });
    let finding = Finding::new(
        &TIME_TYPE,
        at,
        format!("`time` is {what}, not an ISO 8601 string"),
    );
    match converted {
        Some(iso) => finding
            .help(format!("send `time` as an ISO 8601 string: `\"{iso}\"`"))
            .propose_string(&iso),
        None => finding.help("send `time` as an ISO 8601 string, e.g. `\"2022-11-28T12:18:27Z\"`"),
    }
}
