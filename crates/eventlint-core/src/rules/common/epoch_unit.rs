use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::rule::time::{EpochBand, epoch_band, epoch_to_rfc3339};

declare_rule! {
    /// ## What it checks
    /// An epoch number's magnitude matches the unit its field documents. Magnitudes are
    /// classified as seconds `[1e9, 1e10)` (2001–2286), milliseconds `[1e12, 1e13)`, microseconds
    /// `[1e15, 1e16)` and nanoseconds `[1e18, 1e19)`; a value in another unit's band is reported,
    /// with the date it would mean under each reading.
    ///
    /// It is the one rule for unit mix-ups on every epoch field, and implements the unit part of
    /// `personalize.put-events/sentat-unit` (seconds), `synerise.ai-event/timestamp-seconds`
    /// (milliseconds) and `neuralens.event/timestamp` (seconds) of vendor-rules.md.
    ///
    /// ## Why
    /// A millisecond value sent where seconds are documented is read as a date tens of thousands
    /// of years ahead, and the reverse as a date in January 1970; either is silently accepted or
    /// clamped (vendor-rules.md §0.4 `common/epoch-unit`).
    ///
    /// ## Example
    /// AWS Personalize documents `sentAt` in seconds:
    /// ```json event
    /// {"sentAt": 1719511760000}
    /// ```
    ///
    /// ## Fix
    /// ```json event
    /// {"sentAt": 1719511760}
    /// ```
    pub(crate) static EPOCH_UNIT = {
        id: "common/epoch-unit",
        severity: Warning,
        summary: "An epoch number's magnitude does not match its documented unit",
        fix: Unsafe("the number is converted to the documented unit: the unit it was written in is a guess from its magnitude."),
    };
}

impl EpochBand {
    fn name(self) -> &'static str {
        match self {
            EpochBand::Seconds => "seconds",
            EpochBand::Milliseconds => "milliseconds",
            EpochBand::Microseconds => "microseconds",
            EpochBand::Nanoseconds => "nanoseconds",
            EpochBand::Unknown => "an unknown unit",
        }
    }
    fn per_second(self) -> f64 {
        match self {
            EpochBand::Seconds | EpochBand::Unknown => 1.0,
            EpochBand::Milliseconds => 1e3,
            EpochBand::Microseconds => 1e6,
            EpochBand::Nanoseconds => 1e9,
        }
    }
}

/// Reports `value` at `at` (field `field`, documented in `documented` units) when its magnitude
/// is in another unit's band. Returns whether it reported.
pub(crate) fn check(
    ctx: &mut Ctx<'_>,
    at: &Pointer,
    field: &str,
    value: f64,
    documented: EpochBand,
) -> bool {
    let band = epoch_band(value);
    if band == EpochBand::Unknown || band == documented {
        return false;
    }
    let meant = epoch_to_rfc3339(value / band.per_second()).unwrap_or_default();
    let read = epoch_to_rfc3339(value / documented.per_second())
        .unwrap_or_else(|| "a date out of range".to_owned());
    #[allow(clippy::cast_possible_truncation)]
    let converted = (value / band.per_second() * documented.per_second()).round() as i64;
    ctx.report(
        Finding::new(
            &EPOCH_UNIT,
            at.clone(),
            format!(
                "`{field}` looks like {} ({meant}), but it is documented in {}: it will be read as {read}",
                band.name(),
                documented.name()
            ),
        )
        .help(format!("send `{field}` in {}: `{converted}`", documented.name()))
        .propose(converted.to_string()),
    );
    true
}
