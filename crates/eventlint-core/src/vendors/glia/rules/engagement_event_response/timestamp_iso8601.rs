use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::rule::time::{IsoDateTime, epoch_to_rfc3339, parse_iso8601};

declare_rule! {
    /// ## What it checks
    /// `timestamp` is an ISO 8601 date-time in extended format, `YYYY-MM-DDThh:mm[:ss[.fff]]`
    /// with a zone designator, and the date exists. (Whether it is in UTC is
    /// `glia.engagement-event.response/timestamp-utc`.)
    ///
    /// ## Why
    /// The documented response has `"timestamp": "2019-08-28T13:55:24Z"`, ISO 8601 in UTC
    /// (SEED-004). A client parsing it as an ISO 8601 date-time fails on anything else.
    ///
    /// ## Example
    /// ```json
    /// {"timestamp": "2019-08-28 13:55:24"}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"timestamp": "2019-08-28T13:55:24Z"}
    /// ```
    pub(crate) static TIMESTAMP_ISO8601 = {
        id: "glia.engagement-event.response/timestamp-iso8601",
        severity: Error,
        summary: "`timestamp` is not an ISO 8601 date-time",
        fix: Safe("when the time is written another way (a space for the `T`): the ISO 8601 form is written."),
    };
}

const FORM: &str = "write `timestamp` as `YYYY-MM-DDThh:mm:ssZ`, e.g. `\"2019-08-28T13:55:24Z\"`";

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, body: &Map<'_>) {
    let Some(Value::String(ts)) = body.get("timestamp") else {
        return;
    };
    if parse_iso8601(ts).is_some() {
        return;
    }
    // The help, and the value it proposes.
    let (help, fixed) = if ts.len() > 10 && ts.as_bytes().get(10) == Some(&b' ') {
        let fixed = ts.replacen(' ', "T", 1);
        match parse_iso8601(&fixed) {
            Some(IsoDateTime::Local(_)) => (
                format!("separate date and time with `T`, and mark UTC with `Z`: `\"{fixed}Z\"`"),
                Some(format!("{fixed}Z")),
            ),
            Some(IsoDateTime::Offset(_)) => (
                format!("separate date and time with `T`: `\"{fixed}\"`"),
                Some(fixed),
            ),
            None => (FORM.to_owned(), None),
        }
    } else if !ts.is_empty() && ts.bytes().all(|b| b.is_ascii_digit()) {
        let seconds = ts.parse::<f64>().unwrap_or_default();
        let seconds = if seconds > 1e11 {
            seconds / 1000.0
        } else {
            seconds
        };
        match epoch_to_rfc3339(seconds) {
            Some(iso) => (
                format!(
                    "`timestamp` holds a Unix time; write it as an ISO 8601 UTC string: `\"{iso}\"`"
                ),
                Some(iso),
            ),
            None => (FORM.to_owned(), None),
        }
    } else {
        (FORM.to_owned(), None)
    };
    let finding = Finding::new(
        &TIMESTAMP_ISO8601,
        base.key("timestamp"),
        format!("`timestamp` `{ts}` is not an ISO 8601 date-time"),
    )
    .help(help);
    ctx.report(match fixed {
        Some(fixed) => finding.propose_string(&fixed),
        None => finding,
    });
}
