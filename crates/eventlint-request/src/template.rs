//! `{{variable}}` templates, shared by the `.http` and Hurl readers: resolving a name (file
//! variables, then the environment, then the dynamic variables each format knows) and building a
//! decoded text with the [`OffsetMap`] back to the file as it goes.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::{OffsetMap, Problem};

/// What `{{$uuid}}` (`.http`) and `{{newUuid}}` (Hurl) become: a fixed, valid-looking random
/// UUID v4. Fixed rather than random so that two runs over the same file give the same report.
pub(crate) const FIXED_UUID: &str = "3f2c5b8e-9a4d-4c1e-b7a2-6d8e0f1a2b3c";

/// What `{{$randomInt}}` becomes: fixed, like [`FIXED_UUID`], so reports are reproducible.
pub(crate) const FIXED_RANDOM_INT: &str = "42";

/// Which format's templates: they differ in their dynamic variables and in the help given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// `.http`/`.rest`: `{{$uuid}}`, `{{$timestamp}}`, …, and `@name = value` file variables.
    Http,
    /// Hurl: the functions `{{newUuid}}` and `{{newDate}}`, and `variable:` options.
    Hurl,
}

/// A variable the file defines (`@name = value` in `.http`, `variable: name=value` in Hurl's
/// `[Options]`), its value already expanded.
#[derive(Clone, Debug, Default)]
pub(crate) struct FileVar {
    /// The value, with the variables it uses resolved where they could be.
    pub value: String,
    /// The `{{…}}` its value uses that could not be resolved (they stay literal in `value`).
    pub missing: Vec<String>,
}

/// Everything a `{{name}}` may resolve from.
#[derive(Debug)]
pub(crate) struct Vars<'a> {
    /// Which dynamic variables exist, and how problems are worded.
    pub dialect: Dialect,
    /// Variables defined in the file so far (they win over the environment).
    pub file: &'a BTreeMap<String, FileVar>,
    /// The environment's variables.
    pub env: &'a BTreeMap<String, String>,
    /// The clock for the time variables, Unix milliseconds.
    pub now_unix_ms: Option<i64>,
    /// Names the file sets only at run time, from a response (Hurl's `[Captures]`, a `JetBrains`
    /// handler's `client.global.set("name", …)`).
    pub runtime: &'a BTreeSet<String>,
}

/// Why a `{{…}}` stays as written.
enum Unresolved {
    /// No variable of that name.
    Undefined,
    /// A time variable, and the reader has no clock.
    NoClock,
    /// `{{$name}}` that is not a dynamic variable this reader knows.
    UnknownDynamic,
    /// Set from a response at run time.
    Runtime,
}

impl Vars<'_> {
    /// The value of `{{name}}` (`name` trimmed of the spaces inside the braces), or why not.
    fn resolve(&self, name: &str) -> Result<(Cow<'_, str>, &[String]), Unresolved> {
        if self.dialect == Dialect::Hurl {
            match name {
                "newUuid" => return Ok((Cow::Borrowed(FIXED_UUID), &[])),
                "newDate" => {
                    let now = self.now_unix_ms.ok_or(Unresolved::NoClock)?;
                    return Ok((Cow::Owned(iso_timestamp(now)), &[]));
                }
                _ => {}
            }
        }
        if let Some(var) = self.file.get(name) {
            return Ok((Cow::Borrowed(&var.value), &var.missing));
        }
        if let Some(value) = self.env.get(name) {
            return Ok((Cow::Borrowed(value), &[]));
        }
        if self.dialect == Dialect::Http
            && let Some(dynamic) = name.strip_prefix('$')
        {
            return self.dynamic(dynamic).map(|v| (v, &[][..]));
        }
        if self.runtime.contains(name) || name.contains(".response.") || name.contains(".request.")
        {
            return Err(Unresolved::Runtime);
        }
        Err(Unresolved::Undefined)
    }

    /// A `.http` dynamic variable (`$` removed): those of `JetBrains` and of VS Code's REST Client.
    fn dynamic(&self, name: &str) -> Result<Cow<'static, str>, Unresolved> {
        let mut words = name.split_whitespace();
        let head = words.next().unwrap_or_default();
        let args: Vec<&str> = words.collect();
        match (head, args.as_slice()) {
            ("uuid" | "random.uuid" | "guid", []) => Ok(Cow::Borrowed(FIXED_UUID)),
            ("randomInt", []) => Ok(Cow::Borrowed(FIXED_RANDOM_INT)),
            // VS Code's `{{$randomInt min max}}`: the smallest value, fixed like the others.
            ("randomInt", [min, max]) => match (min.parse::<i64>(), max.parse::<i64>()) {
                (Ok(min), Ok(max)) if min < max => Ok(Cow::Owned(min.to_string())),
                _ => Err(Unresolved::UnknownDynamic),
            },
            ("timestamp", []) => {
                let now = self.now_unix_ms.ok_or(Unresolved::NoClock)?;
                Ok(Cow::Owned(now.div_euclid(1000).to_string()))
            }
            ("isoTimestamp", []) | ("datetime", ["iso8601"]) => {
                let now = self.now_unix_ms.ok_or(Unresolved::NoClock)?;
                Ok(Cow::Owned(iso_timestamp(now)))
            }
            _ => Err(Unresolved::UnknownDynamic),
        }
    }

    /// The problem of a `{{…}}` left as written.
    fn problem(&self, written: &str, why: &Unresolved, span: std::ops::Range<usize>) -> Problem {
        let name = written
            .trim_start_matches("{{")
            .trim_end_matches("}}")
            .trim();
        let (message, help) = match why {
            Unresolved::Undefined => match self.dialect {
                Dialect::Http => (
                    format!(
                        "`{written}` is not defined in the environment or by an `@{name} = …` \
                         line above it, so it is read as written"
                    ),
                    format!(
                        "define `{name}` in http-client.env.json (or http-client.private.env.json) \
                         and pass `--env NAME`"
                    ),
                ),
                Dialect::Hurl => (
                    format!(
                        "`{written}` is not defined in the environment or by a `variable:` option, \
                         so it is read as written"
                    ),
                    format!(
                        "define `{name}` in http-client.env.json and pass `--env NAME`, or add \
                         `variable: {name}=…` to the entry's [Options]"
                    ),
                ),
            },
            Unresolved::NoClock => (
                format!(
                    "`{written}` needs the current time, which this run does not give, so it is read as written"
                ),
                "give the reader a clock (ReadContext::now_unix_ms), or write the time out"
                    .to_owned(),
            ),
            Unresolved::UnknownDynamic => (
                format!(
                    "`{written}` is not a dynamic variable eventlint knows, so it is read as written"
                ),
                match self.dialect {
                    Dialect::Http => "known: `{{$uuid}}`, `{{$random.uuid}}`, `{{$guid}}`, \
                                      `{{$timestamp}}`, `{{$isoTimestamp}}`, \
                                      `{{$datetime iso8601}}`, `{{$randomInt}}`, \
                                      `{{$randomInt MIN MAX}}`; write the value out otherwise"
                        .to_owned(),
                    Dialect::Hurl => "known: `{{newUuid}}`, `{{newDate}}`".to_owned(),
                },
            ),
            Unresolved::Runtime => (
                format!("`{written}` is set from a response at run time, so it is read as written"),
                "lint the request as it was sent (eventlint's request log or a HAR capture) to \
                 check its value"
                    .to_owned(),
            ),
        };
        Problem {
            message,
            help,
            span,
            fatal: false,
        }
    }
}

/// A decoded text being built, with the map from its bytes to the file's.
#[derive(Debug, Default)]
pub(crate) struct Decoded {
    /// The text so far.
    pub text: String,
    /// The map so far (not finished).
    pub map: OffsetMap,
}

impl Decoded {
    /// Appends `s`, written as is at file byte `file`.
    pub fn literal(&mut self, s: &str, file: usize) {
        if s.is_empty() {
            return;
        }
        self.map.push(self.text.len(), file);
        self.text.push_str(s);
    }

    /// Appends `s`, which the bytes at file byte `file` produced (a variable, an escape): each
    /// of its bytes maps to `file`.
    pub fn produced(&mut self, s: &str, file: usize) {
        for i in 0..s.len() {
            self.map.push(self.text.len() + i, file);
        }
        self.text.push_str(s);
    }

    /// The text and its map, which ends at file byte `file_end`.
    pub fn finish(mut self, file_end: usize) -> (String, OffsetMap) {
        if self.text.is_empty() {
            return (self.text, OffsetMap::shifted(file_end, 0));
        }
        self.map.finish(self.text.len(), file_end);
        (self.text, self.map)
    }
}

/// Appends `raw`, written at file byte `file_start`, to `out` with its `{{…}}` resolved; an
/// unresolved one stays as written and is reported in `problems`. `{{` without `}}` on the same
/// line is text.
pub(crate) fn expand(
    raw: &str,
    file_start: usize,
    vars: &Vars<'_>,
    out: &mut Decoded,
    problems: &mut Vec<Problem>,
) {
    let mut rest = 0;
    let mut from = 0;
    while let Some(open) = raw[from..].find("{{").map(|i| from + i) {
        let line_end = raw[open..].find('\n').map_or(raw.len(), |i| open + i);
        let Some(close) = raw[open + 2..line_end].find("}}").map(|i| open + 2 + i) else {
            from = open + 2;
            continue;
        };
        let end = close + 2;
        let written = &raw[open..end];
        let name = raw[open + 2..close].trim();
        out.literal(&raw[rest..open], file_start + rest);
        let span = file_start + open..file_start + end;
        match vars.resolve(name) {
            Ok((value, missing)) => {
                out.produced(&value, file_start + open);
                for inner in missing {
                    problems.push(Problem {
                        message: format!(
                            "`{written}` uses `{{{{{inner}}}}}`, which is not defined, so that part \
                             is read as written"
                        ),
                        help: format!(
                            "define `{inner}` in http-client.env.json and pass `--env NAME`"
                        ),
                        span: span.clone(),
                        fatal: false,
                    });
                }
            }
            Err(why) => {
                out.literal(written, file_start + open);
                problems.push(vars.problem(written, &why, span));
            }
        }
        rest = end;
        from = end;
    }
    out.literal(&raw[rest..], file_start + rest);
}

/// Expands the value of a variable's definition, keeping the names left unresolved: they are
/// reported where the variable is used.
pub(crate) fn expand_definition(raw: &str, vars: &Vars<'_>) -> FileVar {
    let mut out = Decoded::default();
    let mut problems = Vec::new();
    expand(raw, 0, vars, &mut out, &mut problems);
    let mut missing: Vec<String> = Vec::new();
    for p in &problems {
        let name = raw
            .get(p.span.clone())
            .unwrap_or_default()
            .trim_start_matches("{{")
            .trim_end_matches("}}")
            .trim();
        let names = match vars.file.get(name) {
            // A variable defined with missing parts of its own: those are the missing ones.
            Some(var) => var.missing.clone(),
            None => vec![name.to_owned()],
        };
        for name in names {
            if !name.is_empty() && !missing.contains(&name) {
                missing.push(name);
            }
        }
    }
    FileVar {
        value: out.text,
        missing,
    }
}

/// `2026-01-01T00:00:00Z`: the UTC time of Unix milliseconds `ms`, to the second.
pub(crate) fn iso_timestamp(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let time = secs.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        time / 3600,
        time % 3600 / 60,
        time % 60
    )
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_timestamps_are_utc_seconds() {
        assert_eq!(iso_timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_timestamp(1_767_225_600_000), "2026-01-01T00:00:00Z");
        assert_eq!(iso_timestamp(951_782_400_999), "2000-02-29T00:00:00Z");
        assert_eq!(iso_timestamp(-1000), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn the_fixed_uuid_is_a_v4() {
        let parts: Vec<&str> = FIXED_UUID.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('4'));
        assert!(matches!(parts[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b'));
    }
}
