//! Time formats: ISO 8601 date-times and epoch numbers with their units.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

/// A parsed ISO 8601 date-time (extended format, `T` separator).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IsoDateTime {
    /// With `Z` or a `±hh:mm` offset: an instant.
    Offset(DateTime<FixedOffset>),
    /// Without a designator: the zone is ambiguous.
    Local(NaiveDateTime),
}

impl IsoDateTime {
    /// The instant, reading a local time as UTC.
    pub(crate) fn to_utc(self) -> DateTime<Utc> {
        match self {
            IsoDateTime::Offset(t) => t.with_timezone(&Utc),
            IsoDateTime::Local(t) => Utc.from_utc_datetime(&t),
        }
    }
}

/// Parses `YYYY-MM-DDThh:mm[:ss[.f]][Z|±hh:mm|±hhmm|±hh]`, checking the calendar.
pub(crate) fn parse_iso8601(s: &str) -> Option<IsoDateTime> {
    // Several rules read the same `time` of a document: remember the last answer per thread.
    thread_local! {
        static LAST: std::cell::RefCell<(String, Option<IsoDateTime>)> =
            const { std::cell::RefCell::new((String::new(), None)) };
    }
    // Most strings a rule asks about are not dates (`params` values): turn them away before the
    // memo, whose check copies the string.
    if !has_date_time_shape(s.as_bytes()) {
        return None;
    }
    LAST.with_borrow_mut(|(text, parsed)| {
        if text != s {
            *parsed = parse_iso8601_uncached(s);
            text.clear();
            text.push_str(s);
        }
        *parsed
    })
}

/// `YYYY-MM-DDThh:mm`'s separators are where they belong.
fn has_date_time_shape(b: &[u8]) -> bool {
    b.len() >= 16 && b[4] == b'-' && b[7] == b'-' && b[10] == b'T' && b[13] == b':'
}

#[allow(clippy::many_single_char_names)] // h, m, s, b: the notation of the format itself
fn parse_iso8601_uncached(s: &str) -> Option<IsoDateTime> {
    let b = s.as_bytes();
    // At most four ASCII digits: no overflow, no UTF-8 check needed.
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if !has_date_time_shape(b) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(digits(0..4)?).ok()?,
        digits(5..7)?,
        digits(8..10)?,
    )?;
    let (hour, minute) = (digits(11..13)?, digits(14..16)?);
    let mut i = 16;
    let mut second = 0;
    let mut nanos = 0;
    if b.get(i) == Some(&b':') {
        second = digits(i + 1..i + 3)?;
        i += 3;
        if matches!(b.get(i), Some(b'.' | b',')) {
            let start = i + 1;
            let mut end = start;
            while b.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            if end == start {
                return None;
            }
            let frac = &s[start..end.min(start + 9)];
            nanos = frac.parse::<u32>().ok()? * 10u32.pow(9 - frac.len() as u32);
            i = end;
        }
    }
    // A leap second (`23:59:60`, e.g. 2016-12-31T23:59:60Z) is a real time: chrono writes it as
    // second 59 with a nanosecond count past one second.
    let time = if second == 60 {
        NaiveTime::from_hms_nano_opt(hour, minute, 59, nanos.checked_add(1_000_000_000)?)?
    } else {
        NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?
    };
    let local = NaiveDateTime::new(date, time);
    let rest = &s[i..];
    if rest.is_empty() {
        return Some(IsoDateTime::Local(local));
    }
    let offset_secs = if rest == "Z" {
        0
    } else {
        let sign = match rest.as_bytes()[0] {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let r = &rest[1..];
        let (h, m) = match r.len() {
            2 => (r.parse::<i32>().ok()?, 0),
            4 => (r[..2].parse::<i32>().ok()?, r[2..].parse::<i32>().ok()?),
            5 if r.as_bytes()[2] == b':' => {
                (r[..2].parse::<i32>().ok()?, r[3..].parse::<i32>().ok()?)
            }
            _ => return None,
        };
        if !r.bytes().all(|c| c.is_ascii_digit() || c == b':') || h > 23 || m > 59 {
            return None;
        }
        sign * (h * 3600 + m * 60)
    };
    let offset = FixedOffset::east_opt(offset_secs)?;
    offset
        .from_local_datetime(&local)
        .single()
        .map(IsoDateTime::Offset)
}

/// The unit an epoch number's magnitude suggests (vendor-rules.md §0.4 `common/epoch-unit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EpochBand {
    Seconds,
    Milliseconds,
    Microseconds,
    Nanoseconds,
    Unknown,
}

pub(crate) fn epoch_band(value: f64) -> EpochBand {
    let v = value.abs();
    if (1e9..1e10).contains(&v) {
        EpochBand::Seconds
    } else if (1e12..1e13).contains(&v) {
        EpochBand::Milliseconds
    } else if (1e15..1e16).contains(&v) {
        EpochBand::Microseconds
    } else if (1e18..1e19).contains(&v) {
        EpochBand::Nanoseconds
    } else {
        EpochBand::Unknown
    }
}

/// Epoch seconds (fraction allowed) as an RFC 3339 UTC string; `None` when out of range.
pub(crate) fn epoch_to_rfc3339(seconds: f64) -> Option<String> {
    if !seconds.is_finite() || seconds.abs() > 8.0e12 {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)]
    millis_to_rfc3339((seconds * 1000.0).round() as i64)
}

/// A Unix time written in digits, in seconds or milliseconds (told by magnitude), as an RFC 3339
/// UTC string; `None` when it is in neither band.
pub(crate) fn unix_to_rfc3339(digits: &str) -> Option<String> {
    let n: i64 = digits.parse().ok()?;
    #[allow(clippy::cast_precision_loss)] // the band of a 64-bit integer, no more
    match epoch_band(n as f64) {
        EpochBand::Seconds => millis_to_rfc3339(n.checked_mul(1000)?),
        EpochBand::Milliseconds => millis_to_rfc3339(n),
        _ => None,
    }
}

/// An epoch value in milliseconds as an RFC 3339 UTC string.
pub(crate) fn millis_to_rfc3339(ms: i64) -> Option<String> {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso8601_forms() {
        for ok in [
            "2022-05-23T13:00:00Z",
            "2022-05-23T09:00:00-04:00",
            "2022-05-23T13:00:00.176Z",
            "2022-05-23T13:00Z",
            "2022-05-23T13:00:00+0200",
            "2022-05-23T13:00:00+02",
            // A real leap second.
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60.5Z",
        ] {
            assert!(
                matches!(parse_iso8601(ok), Some(IsoDateTime::Offset(_))),
                "{ok}"
            );
        }
        assert!(matches!(
            parse_iso8601("2022-05-23T13:00:00"),
            Some(IsoDateTime::Local(_))
        ));
        for bad in [
            "2022-05-23 13:00:00Z",
            "2022-02-30T13:00:00Z",
            "2022-10-14T15:00:000+01:00",
            "1669637907000",
            "2022-05-23T25:00:00Z",
            "2022-05-23T13:00:00.Z",
            "",
        ] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
        // Second 60 is a leap second, not any second past 59.
        assert_eq!(parse_iso8601("2016-12-31T23:59:61Z"), None);
        let t = parse_iso8601("2022-05-23T09:00:00-04:00").unwrap().to_utc();
        assert_eq!(t.to_rfc3339(), "2022-05-23T13:00:00+00:00");
    }

    #[test]
    fn bands() {
        assert_eq!(epoch_band(1_715_644_800.0), EpochBand::Seconds);
        assert_eq!(epoch_band(1_715_644_800_000.0), EpochBand::Milliseconds);
        assert_eq!(epoch_band(42.0), EpochBand::Unknown);
        assert_eq!(
            millis_to_rfc3339(1_669_637_907_000).as_deref(),
            Some("2022-11-28T12:18:27Z")
        );
    }
}
