//! The file format of `eventlint.toml`: the serde types (also the source of
//! `schemas/eventlint.toml.schema.json`) and the `future-tolerance` value.

use std::collections::BTreeMap;

use chrono::TimeDelta;
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::Value;
use toml::Spanned;

use crate::message::diagnostic::Severity;

/// eventlint's project configuration, `eventlint.toml`. Found from the current directory upward
/// (the nearest wins) or given with `--config FILE`. Command-line flags win over it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "eventlint.toml")]
pub(crate) struct ConfigFile {
    /// The clock that time rules compare against: an RFC 3339 date-time, as a string or a TOML
    /// date-time (`--now` wins). Default: the system clock.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub now: Option<Spanned<toml::Value>>,
    /// How far past `now` a time may be before it counts as in the future: seconds (`300`) or a
    /// duration such as `"90s"`, `"5m"`, `"1h30m"`, `"2d"`. Default: 0.
    #[serde(default)]
    #[schemars(with = "Option<ToleranceSchema>")]
    pub future_tolerance: Option<Spanned<toml::Value>>,
    /// Warnings also fail the run (as `--deny-warnings`).
    #[serde(default)]
    pub deny_warnings: Option<bool>,
    /// Globs of files not to check, even when named on the command line.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub exclude: Vec<Spanned<String>>,
    /// Severity overrides by rule id, for every file: `error`, `warning`, `info` or `off`.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Level>")]
    pub rules: BTreeMap<Spanned<String>, Spanned<Level>>,
    /// Settings for the files a glob matches. Every matching entry applies, in order; for the
    /// same setting a later entry wins.
    #[serde(default)]
    pub files: Vec<FilesEntry>,
}

/// One `[[files]]` entry.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct FilesEntry {
    /// A glob over paths relative to the directory of `eventlint.toml`, `/` separators. `<name>`
    /// matches part of one path segment and names it for `kind` and `expect-rules`.
    #[schemars(with = "String")]
    pub glob: Spanned<String>,
    /// The kind of every document in these files (`eventlint kinds`), a template such as
    /// `"<vendor>.<kind>"`, or `"detect"` to decide from each document's shape (`--kind` wins).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub kind: Option<Spanned<String>>,
    /// Severity overrides by rule id for these files; they win over the top-level `[rules]`.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Level>")]
    pub rules: BTreeMap<Spanned<String>, Spanned<Level>>,
    /// What these files must be: `valid` (no error or warning) or `invalid` (the rules in
    /// `expect-rules`, or any error or warning). A file that behaves otherwise fails the run with
    /// `config/expectation`; an invalid file that behaves as declared passes.
    #[serde(default)]
    #[schemars(with = "Option<Expect>")]
    pub expect: Option<Spanned<Expect>>,
    /// The rules an `invalid` file must show; templates such as `"<group>/<rule>"` take them
    /// from the path.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub expect_rules: Vec<Spanned<String>>,
    /// Check each element of a top-level JSON array as a document of its own (as
    /// `--split-arrays`), e.g. for a file that collects many single events in one array.
    #[serde(default)]
    pub split_arrays: Option<bool>,
}

/// A rule's severity in `eventlint.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Level {
    /// Fails the run.
    Error,
    /// Fails the run only with `--deny-warnings`.
    Warning,
    /// Never fails the run.
    Info,
    /// Not reported.
    Off,
}

impl Level {
    pub(super) fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }
}

/// What a file must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    /// No error or warning.
    Valid,
    /// The declared rules, or at least one error or warning.
    Invalid,
}

/// `future-tolerance`: seconds or a duration string (schema only).
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // only its schema is used
enum ToleranceSchema {
    Seconds(u32),
    Duration(String),
}

/// The text of `schemas/eventlint.toml.schema.json` (JSON Schema 2020-12; TOML editors such as
/// Taplo and Even Better TOML read it).
#[must_use]
pub(crate) fn schema_file() -> String {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let mut value = generator.into_root_schema_for::<ConfigFile>().to_value();
    // TOML has no null: an absent key is the only "none".
    crate::schema::strip_null(&mut value);
    let mut out = serde_json::Map::new();
    if let Value::Object(map) = &mut value {
        for key in ["$schema", "title"] {
            if let Some(v) = map.remove(key) {
                out.insert(key.to_owned(), v);
            }
        }
        out.insert(
            "$comment".to_owned(),
            Value::String(
                "Generated by `cargo xtask codegen` from crates/eventlint-core/src/config/file.rs. Do not edit."
                    .to_owned(),
            ),
        );
        out.append(map);
    }
    let mut text = serde_json::to_string_pretty(&Value::Object(out)).unwrap_or_default();
    text.push('\n');
    text
}

/// `300`, `"300"`, `"90s"`, `"5m"`, `"1h30m"`, `"2d"`.
/// The longest future tolerance: a hundred years (36,500 days). Any longer is no tolerance but a
/// mistake, and `now` plus it could leave the calendar.
const MAX_TOLERANCE_SECONDS: i64 = 36_500 * 86_400;

pub(super) fn parse_tolerance(value: &toml::Value) -> Result<TimeDelta, String> {
    match value {
        toml::Value::Integer(n) if *n > MAX_TOLERANCE_SECONDS => Err(format!(
            "`{n}` is too long (at most {MAX_TOLERANCE_SECONDS} seconds, 36500 days)"
        )),
        toml::Value::Integer(n) if *n >= 0 => Ok(TimeDelta::seconds(*n)),
        toml::Value::Integer(n) => Err(format!("is negative ({n})")),
        toml::Value::String(s) => {
            let text = s.trim();
            if let Ok(n) = text.parse::<i64>() {
                return parse_tolerance(&toml::Value::Integer(n));
            }
            let mut total: i64 = 0;
            let mut digits = String::new();
            for c in text.chars() {
                if c.is_ascii_digit() {
                    digits.push(c);
                    continue;
                }
                let unit = match c {
                    's' => 1,
                    'm' => 60,
                    'h' => 3600,
                    'd' => 86_400,
                    _ => return Err(format!("`{s}` is not a duration (at `{c}`)")),
                };
                let n: i64 = digits
                    .parse()
                    .map_err(|_| format!("`{s}` needs a number before `{c}`"))?;
                total = n
                    .checked_mul(unit)
                    .and_then(|v| total.checked_add(v))
                    .ok_or_else(|| format!("`{s}` is too long"))?;
                digits.clear();
            }
            if !digits.is_empty() || text.is_empty() {
                return Err(format!(
                    "`{s}` needs a unit (s, m, h or d) after each number"
                ));
            }
            if total > MAX_TOLERANCE_SECONDS {
                return Err(format!("`{s}` is too long (at most 36500 days)"));
            }
            TimeDelta::try_seconds(total).ok_or_else(|| format!("`{s}` is too long"))
        }
        other => Err(format!("is a {}, not a duration", other.type_str())),
    }
}
