use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::rule::time::{IsoDateTime, parse_iso8601, unix_to_rfc3339};

declare_rule! {
    /// ## What it checks
    /// `time` is an ISO 8601 date-time in extended format: `YYYY-MM-DDThh:mm[:ss[.fff]]` with `Z`
    /// or an offset, e.g. `2022-05-23T13:00:00Z`, `2022-05-23T09:00:00-04:00`,
    /// `2022-05-23T13:00:00.176Z`; the date must exist.
    ///
    /// ## Why
    /// "`time` … formatted according to ISO 8601" (SEED-001); an unparseable time is rejected
    /// (inferred; the official PHP SDK refuses it client-side). Note that the API reference's own
    /// examples `2022-10-14T15:00:000+01:00` have three-digit seconds and are invalid.
    ///
    /// ## Example
    /// ```json
    /// {"time": "2022-11-28 12:18:27"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"time": "2022-11-28T12:18:27Z"}
    /// ```
    pub(crate) static TIME_ISO8601 = {
        id: "synerise.event/time-iso8601",
        severity: Error,
        summary: "`time` is not an ISO 8601 date-time",
        fix: Safe("when the date and time are separated by a space: a `T` is written instead. Adding a `Z` to a time without an offset, or converting an epoch number, is a guess (unsafe)."),
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, event: &Map<'_>) {
    let Some(Value::String(time)) = event.get("time") else {
        return;
    };
    if parse_iso8601(time).is_some() {
        return;
    }
    let finding = Finding::new(
        &TIME_ISO8601,
        base.key("time"),
        format!("`time` `{time}` is not an ISO 8601 date-time"),
    );
    let with_t = time.replacen(' ', "T", 1);
    let finding = match parse_iso8601(&with_t) {
        // A space for the `T`, with a zone: the `T` is all that is missing.
        Some(IsoDateTime::Offset(_)) if time.as_bytes().get(10) == Some(&b' ') => finding
            .help(format!("separate date and time with `T`: `{with_t}`"))
            .propose_string(&with_t),
        // Without a zone, the `T` alone gives a time `time-no-offset` warns about.
        Some(IsoDateTime::Local(_)) if time.as_bytes().get(10) == Some(&b' ') => finding
            .help(format!(
                "separate date and time with `T` and give the zone: `{with_t}Z` if the time is UTC, or its offset, e.g. `{with_t}+02:00`"
            ))
            .propose_string(&format!("{with_t}Z"))
            .guessed(),
        _ if time.bytes().all(|b| b.is_ascii_digit()) && !time.is_empty() => {
            match unix_to_rfc3339(time) {
                Some(iso) => finding
                    .help(format!(
                        "`time` holds a Unix timestamp; send it as an ISO 8601 string: `{iso}`"
                    ))
                    .propose_string(&iso)
                    .guessed(),
                None => finding.help(
                    "`time` holds a Unix timestamp; send an ISO 8601 string such as `2022-11-28T12:18:27Z`",
                ),
            }
        }
        _ => finding.help(
            "write `time` as `YYYY-MM-DDThh:mm:ssZ` or with an offset, e.g. `2022-05-23T09:00:00-04:00`",
        ),
    };
    ctx.report(finding);
}
