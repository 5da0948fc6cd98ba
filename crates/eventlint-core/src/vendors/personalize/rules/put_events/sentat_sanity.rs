use chrono::{SecondsFormat, TimeDelta};

use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::rule::time::epoch_to_rfc3339;

declare_rule! {
    /// ## What it checks
    /// `sentAt` is a plausible time of a real event: not negative, not before 2001
    /// (`1000000000`), and not more than one day after now (`--now`, or the system clock; the
    /// configured future tolerance is added to the day). A value whose magnitude is that of
    /// milliseconds, microseconds or nanoseconds is reported by `common/epoch-unit` instead.
    ///
    /// ## Why
    /// `sentAt` is "the timestamp (in Unix time) on the client side when the event occurred"
    /// (SEED-003). A time before 2001 is a zero, a relative time or a unit slip; a time in the
    /// future is a wrong client clock or an arithmetic error. The service accepts both, and the
    /// interaction is trained on at the wrong time (inferred [I]).
    ///
    /// ## Example
    /// With `--now 2026-01-01T00:00:00Z`:
    /// ```json event
    /// {"eventType": "click", "sentAt": 1893456000}
    /// ```
    ///
    /// ## Fix
    /// Send when the event occurred, in epoch seconds: `{"eventType": "click", "sentAt": 1767225600}`.
    pub(crate) static SENTAT_SANITY = {
        id: "personalize.put-events/sentat-sanity",
        severity: Warning,
        summary: "`sentAt` is negative, before 2001, or more than a day in the future",
    };
}

/// A `sentAt` of `seconds` at `at`, not in another unit's band.
pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, seconds: f64) {
    let name = field_name(at);
    let date = epoch_to_rfc3339(seconds).unwrap_or_else(|| "a date out of range".to_owned());
    let limit = ctx.clock.future_limit(TimeDelta::days(1));
    #[allow(clippy::cast_precision_loss)] // epoch seconds of real dates are far below 2^52
    let future = seconds > limit.timestamp() as f64;
    let message = if seconds < 0.0 {
        format!("`{name}` is negative ({seconds}, {date})")
    } else if seconds < 1e9 {
        format!("`{name}` `{seconds}` is {date}, before 2001: not the time of a real event")
    } else if future {
        let now = ctx.clock.now.to_rfc3339_opts(SecondsFormat::Secs, true);
        format!("`{name}` `{seconds}` is {date}, more than a day after now ({now})")
    } else {
        return;
    };
    ctx.report(
        Finding::new(&SENTAT_SANITY, at.clone(), message)
            .help(format!(
                "send when the event occurred, in Unix epoch seconds (e.g. `{}` is now); check the client's clock and the arithmetic",
                ctx.clock.now.timestamp()
            )),
    );
}
