//! `eventlint.toml`: project configuration.
//!
//! ```toml
//! now = "2026-01-01T00:00:00Z"        # the clock of time rules (RFC 3339)
//! future-tolerance = "5m"             # or seconds: 300
//! deny-warnings = false
//! exclude = ["target/**"]
//!
//! [rules]                             # severity overrides: error, warning, info, off
//! "common/placeholder" = "error"
//!
//! [[files]]                           # every matching entry applies, later ones win
//! glob = "fixtures/<vendor>/<kind>/**"
//! kind = "<vendor>.<kind>"            # a kind id, a template, or "detect"
//! rules = { "synerise.custom-event/action-format" = "off" }
//!
//! [[files]]
//! glob = "fixtures/**/invalid/<group>/<rule>{--*.*,.*}"
//! expect = "invalid"
//! expect-rules = ["<group>/<rule>"]
//! ```
//!
//! Globs use `globset` syntax (`*` and `?` stay within a path segment, `**` crosses them,
//! `{a,b}` alternates) and are matched against the file's path relative to the directory of
//! `eventlint.toml` (the CLI decides that path). `<name>` in a glob matches part of one path
//! segment, at least one character, as few as possible, and names it for templates in `kind`
//! and `expect-rules`.
//!
//! This module parses and checks the text and answers questions about paths; it does no I/O.
//! Errors carry the byte span in the TOML text they are about.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use chrono::{DateTime, TimeDelta, Utc};
use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::Value;
use toml::Spanned;

use crate::check::CheckOptions;
use crate::diagnostic::{Diagnostic, Position, Severity};
use crate::kind::Kind;
use crate::registry;
use crate::report::DocumentOutcome;
use crate::rules::config::expectation::EXPECTATION;
use crate::rules::config::invalid::INVALID;
use crate::suggest::{did_you_mean, did_you_mean_suffix, one_of};

/// The configuration file's name, looked for from the current directory upward.
pub const FILE_NAME: &str = "eventlint.toml";

/// The `kind` value that asks for detection from the document's shape.
pub(crate) const DETECT: &str = "detect";

// ---------------------------------------------------------------------------------------------
// The file format. These types are the source of `schemas/eventlint.toml.schema.json`.

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
    fn severity(self) -> Option<Severity> {
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
                "Generated by `cargo xtask codegen` from crates/eventlint-core/src/config.rs. Do not edit."
                    .to_owned(),
            ),
        );
        out.append(map);
    }
    let mut text = serde_json::to_string_pretty(&Value::Object(out)).unwrap_or_default();
    text.push('\n');
    text
}

// ---------------------------------------------------------------------------------------------
// Errors.

/// A problem in the configuration file, with the span it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file's name as shown (e.g. `eventlint.toml`, or the `--config` argument).
    pub name: String,
    /// The file's text.
    pub source: String,
    /// The bytes of `source` the error is about.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: Option<String>,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.name, self.message)
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// The problem as a `config/invalid` diagnostic of the configuration file, with its place in
    /// the TOML text (1-based line and column, in Unicode scalar values) and its help. Always an
    /// error: no severity override applies to a configuration that could not be read.
    #[must_use]
    pub fn diagnostic(&self) -> Diagnostic {
        let lines = crate::source::spans::LineIndex::new(&self.source);
        Diagnostic {
            rule: INVALID.id,
            severity: INVALID.severity,
            message: crate::describe::elide(self.message.clone()),
            help: self.help.clone().map(crate::describe::elide),
            note: None,
            pointer: String::new(),
            start: lines.position(self.span.start),
            end: lines.position(self.span.end),
            span: self.span.clone(),
            related: Vec::new(),
        }
    }

    /// The configuration file as a document of the run's reports (the path it is shown as, its
    /// text, and its one [`ConfigError::diagnostic`]), so that every report format carries the
    /// problem as it carries a payload's findings.
    #[must_use]
    pub fn outcome(&self) -> DocumentOutcome {
        DocumentOutcome {
            path: self.name.clone(),
            document: 1,
            line_offset: 0,
            kind: None,
            source: self.source.clone(),
            diagnostics: vec![self.diagnostic()],
        }
    }
}

struct Errors<'a> {
    name: &'a str,
    source: &'a str,
}

impl Errors<'_> {
    fn at(
        &self,
        span: Range<usize>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> ConfigError {
        let end = span.end.min(self.source.len());
        ConfigError {
            name: self.name.to_owned(),
            source: self.source.to_owned(),
            span: span.start.min(end)..end,
            message: message.into(),
            help,
        }
    }

    /// Turns a TOML or serde error into a config error; serde's "unknown field" and "unknown
    /// variant" messages gain a "did you mean".
    fn toml(&self, err: &toml::de::Error) -> ConfigError {
        let span = err.span().unwrap_or(0..0);
        let message = err.message().trim_end().to_owned();
        for (prefix, what, list) in [
            ("unknown field `", "key", "known keys"),
            ("unknown variant `", "value", "accepted values"),
        ] {
            let Some(rest) = message.strip_prefix(prefix) else {
                continue;
            };
            let Some((name, expected)) = rest.split_once('`') else {
                continue;
            };
            let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
            let near = did_you_mean(name, &known);
            let message = match near {
                Some(near) => format!("unknown {what} `{name}`{}", did_you_mean_suffix(near)),
                None => format!("unknown {what} `{name}`"),
            };
            let help = if known.is_empty() {
                None
            } else {
                Some(format!("{list}: {}", one_of(&known, 12)))
            };
            return self.at(span, message, help);
        }
        // serde's type errors do not name the key: take it from the line, `key = value`.
        let message = match key_before(self.source, span.start) {
            Some(key) if message.starts_with("invalid type") => format!("`{key}`: {message}"),
            _ => message,
        };
        self.at(span, message, None)
    }
}

/// The key of a `key = value` line, when `offset` is in its value.
fn key_before(source: &str, offset: usize) -> Option<String> {
    let before = source.get(..offset)?;
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty()).then(|| key.to_owned())
}

// ---------------------------------------------------------------------------------------------
// The checked configuration.

/// A checked configuration, ready to answer questions about paths.
#[derive(Debug)]
pub struct Config {
    /// The clock of time rules.
    pub now: Option<DateTime<Utc>>,
    /// The future tolerance of time rules.
    pub future_tolerance: Option<TimeDelta>,
    /// Whether warnings fail the run.
    pub deny_warnings: Option<bool>,
    rules: HashMap<String, Option<Severity>>,
    exclude: GlobSet,
    /// The `exclude` globs, in the order of `exclude`'s matches.
    exclude_globs: Vec<String>,
    entries: Vec<Entry>,
    /// Every plain `[[files]]` glob in one set, and each one's entry: a path is matched against
    /// all of them in one pass (thousands of entries times thousands of files stay fast).
    plain: GlobSet,
    plain_entries: Vec<usize>,
    /// Every glob with `<name>` captures, as one regex set, and each one's entry.
    captured: regex::bytes::RegexSet,
    captured_entries: Vec<usize>,
}

#[derive(Debug)]
struct Entry {
    glob: String,
    /// The 1-based line of the entry's `glob` in the file.
    line: usize,
    split_arrays: Option<bool>,
    matcher: Matcher,
    kind: Option<Template>,
    rules: HashMap<String, Option<Severity>>,
    expect: Option<Expect>,
    expect_rules: Vec<Template>,
}

#[derive(Debug)]
enum Matcher {
    /// A plain glob (matched through `Config::plain`).
    Glob(Glob),
    /// A glob with `<name>` captures, as a regex built from globset's translation.
    Captures(regex::bytes::Regex, Vec<String>),
}

/// A `kind` or `expect-rules` value: literal text with `<name>` placeholders.
#[derive(Debug, Clone)]
struct Template(String);

impl Template {
    fn fill(&self, captures: &HashMap<&str, &str>) -> String {
        let mut out = self.0.clone();
        for (name, value) in captures {
            out = out.replace(&format!("<{name}>"), value);
        }
        out
    }
    fn is_literal(&self) -> bool {
        !self.0.contains('<')
    }
}

/// What the configuration says about one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSettings {
    /// `Some(None)`: detect from the shape; `Some(Some(kind))`: that kind; `None`: not said.
    pub kind: Option<Option<&'static Kind>>,
    /// Severity overrides: the top-level `[rules]`, then each matching entry's.
    pub severity_overrides: HashMap<String, Option<Severity>>,
    /// The file's declared expectation.
    pub expectation: Option<Expectation>,
    /// Whether each element of a top-level array is a document of its own (`split-arrays`).
    pub split_arrays: Option<bool>,
    /// The `[[files]]` entries that match the file, by their index in [`Config::files_globs`].
    pub matched: Vec<usize>,
}

/// A file's declared expectation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    /// Valid or invalid.
    pub expect: Expect,
    /// The rules an invalid file must show (empty: any error or warning).
    pub rules: Vec<&'static str>,
    /// The glob that declared it, for messages.
    pub glob: String,
}

impl Config {
    /// Parses and checks `eventlint.toml` text. `name` is how the file is shown in errors.
    pub fn parse(text: &str, name: &str) -> Result<Config, ConfigError> {
        let errors = Errors { name, source: text };
        let file: ConfigFile = toml::from_str(text).map_err(|e| errors.toml(&e))?;
        let now = match &file.now {
            None => None,
            Some(value) => {
                let text = match value.get_ref() {
                    toml::Value::String(s) => s.clone(),
                    toml::Value::Datetime(d) => d.to_string(),
                    other => {
                        return Err(errors.at(
                            value.span(),
                            format!("`now` is a {}, not a date-time", other.type_str()),
                            Some(
                                "write an RFC 3339 date-time, e.g. now = \"2026-01-01T00:00:00Z\""
                                    .to_owned(),
                            ),
                        ));
                    }
                };
                match DateTime::parse_from_rfc3339(&text) {
                    Ok(t) => Some(t.with_timezone(&Utc)),
                    Err(err) => {
                        return Err(errors.at(
                            value.span(),
                            format!("`now` = `{text}` is not an RFC 3339 date-time ({err})"),
                            Some("write a date-time with an offset, e.g. now = \"2026-01-01T00:00:00Z\"".to_owned()),
                        ));
                    }
                }
            }
        };
        let future_tolerance = match &file.future_tolerance {
            None => None,
            Some(value) => Some(parse_tolerance(value.get_ref()).map_err(|why| {
                errors.at(
                    value.span(),
                    format!("`future-tolerance` {why}"),
                    Some("write seconds (300) or a duration such as \"90s\", \"5m\", \"1h30m\", \"2d\"".to_owned()),
                )
            })?),
        };
        let rules = severity_map(&file.rules, &errors)?;
        let mut exclude = GlobSetBuilder::new();
        for glob in &file.exclude {
            exclude.add(build_glob(glob.get_ref()).map_err(|e| {
                errors.at(
                    glob.span(),
                    format!("bad glob `{}`: {e}", glob.get_ref()),
                    None,
                )
            })?);
        }
        let exclude_globs = file.exclude.iter().map(|g| g.get_ref().clone()).collect();
        let exclude = exclude
            .build()
            .map_err(|e| errors.at(0..0, format!("bad exclude globs: {e}"), None))?;
        let mut entries = Vec::new();
        for entry in &file.files {
            entries.push(compile_entry(entry, &errors)?);
        }
        // Each glob's offset into its line, counting on from the previous entry's (entries are
        // in file order): one pass over the text, whatever the number of entries.
        let (mut line, mut counted) = (1, 0);
        for entry in &mut entries {
            let offset = entry.line.clamp(counted, text.len());
            line += memchr::memchr_iter(b'\n', &text.as_bytes()[counted..offset]).count();
            counted = offset;
            entry.line = line;
        }
        let mut plain = GlobSetBuilder::new();
        let mut plain_entries = Vec::new();
        let mut captured = Vec::new();
        let mut captured_entries = Vec::new();
        for (index, entry) in entries.iter().enumerate() {
            match &entry.matcher {
                Matcher::Glob(glob) => {
                    plain.add(glob.clone());
                    plain_entries.push(index);
                }
                Matcher::Captures(re, _) => {
                    captured.push(re.as_str().to_owned());
                    captured_entries.push(index);
                }
            }
        }
        let plain = plain
            .build()
            .map_err(|e| errors.at(0..0, format!("bad [[files]] globs: {e}"), None))?;
        let captured = regex::bytes::RegexSet::new(&captured)
            .map_err(|e| errors.at(0..0, format!("bad [[files]] globs: {e}"), None))?;
        Ok(Config {
            now,
            future_tolerance,
            deny_warnings: file.deny_warnings,
            rules,
            exclude,
            exclude_globs,
            entries,
            plain,
            plain_entries,
            captured,
            captured_entries,
        })
    }

    /// Whether `path` (relative to the configuration's directory, `/` separators) is excluded.
    #[must_use]
    pub fn is_excluded(&self, path: &str) -> bool {
        self.exclude.is_match(path)
    }

    /// The first `exclude` glob that matches `path`, if any (for telling the user why a file
    /// named on the command line was not checked).
    #[must_use]
    pub fn excluded_by(&self, path: &str) -> Option<&str> {
        self.exclude
            .matches(path)
            .first()
            .and_then(|&i| self.exclude_globs.get(i))
            .map(String::as_str)
    }

    /// Each `[[files]]` entry's glob and the 1-based line it stands on, in file order (the
    /// indices of [`FileSettings::matched`]).
    #[must_use]
    pub fn files_globs(&self) -> Vec<(&str, usize)> {
        self.entries
            .iter()
            .map(|e| (e.glob.as_str(), e.line))
            .collect()
    }

    /// The settings for `path` (relative to the configuration's directory, `/` separators).
    /// Fails when a template makes an unknown kind or rule id of the path.
    pub fn settings(&self, path: &str) -> Result<FileSettings, String> {
        let mut settings = FileSettings {
            severity_overrides: self.rules.clone(),
            ..FileSettings::default()
        };
        let mut kind: Option<(String, &Entry)> = None;
        let mut expect: Option<(Expect, Vec<String>, &Entry)> = None;
        // The matching entries, in file order, found in two passes over all of them.
        let mut hits: Vec<usize> = self
            .plain
            .matches(path)
            .into_iter()
            .map(|i| self.plain_entries[i])
            .chain(
                self.captured
                    .matches(path.as_bytes())
                    .into_iter()
                    .map(|i| self.captured_entries[i]),
            )
            .collect();
        hits.sort_unstable();
        for index in hits {
            let entry = &self.entries[index];
            let captures: HashMap<&str, &str> = match &entry.matcher {
                Matcher::Glob(_) => HashMap::new(),
                Matcher::Captures(re, names) => {
                    let Some(caps) = re.captures(path.as_bytes()) else {
                        continue;
                    };
                    names
                        .iter()
                        .enumerate()
                        .filter_map(|(i, name)| {
                            let m = caps.name(&format!("c{i}"))?;
                            Some((name.as_str(), path.get(m.start()..m.end())?))
                        })
                        .collect()
                }
            };
            settings.matched.push(index);
            if let Some(template) = &entry.kind {
                kind = Some((template.fill(&captures), entry));
            }
            if let Some(split) = entry.split_arrays {
                settings.split_arrays = Some(split);
            }
            for (rule, severity) in &entry.rules {
                settings.severity_overrides.insert(rule.clone(), *severity);
            }
            if let Some(e) = entry.expect {
                let rules = entry
                    .expect_rules
                    .iter()
                    .map(|t| t.fill(&captures))
                    .collect();
                expect = Some((e, rules, entry));
            }
        }
        if let Some((id, entry)) = kind {
            settings.kind = Some(if id == DETECT {
                None
            } else {
                Some(Kind::find(&id).ok_or_else(|| {
                    let known: Vec<&str> = registry::kinds().iter().map(|k| k.id).collect();
                    let near = did_you_mean(&id, &known)
                        .map(crate::suggest::did_you_mean_suffix)
                        .unwrap_or_default();
                    format!(
                        "`{path}`: {FILE_NAME} gives it the kind `{id}` (from `{}`), which is not a kind{near} (`eventlint kinds` lists them)",
                        entry.glob
                    )
                })?)
            });
        }
        if let Some((expect, rules, entry)) = expect {
            let rules = rules
                .iter()
                .map(|id| {
                    registry::rule(id).map(|r| r.id).ok_or_else(|| {
                        let known: Vec<&str> = registry::rules().iter().map(|r| r.id).collect();
                        let near = did_you_mean(id, &known)
                            .map(crate::suggest::did_you_mean_suffix)
                            .unwrap_or_default();
                        format!(
                            "`{path}`: {FILE_NAME} expects it to show `{id}` (from `{}`), which is not a rule{near} (`eventlint rules` lists them)",
                            entry.glob
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            settings.expectation = Some(Expectation {
                expect,
                rules,
                glob: entry.glob.clone(),
            });
        }
        Ok(settings)
    }

    /// Check options for a file: flags first (`flag_*`), then this configuration, then the
    /// defaults of [`CheckOptions`].
    #[must_use]
    pub fn options(
        &self,
        settings: &FileSettings,
        base: &CheckOptions,
        flag_kind: bool,
    ) -> CheckOptions {
        let mut options = base.clone();
        if let (false, Some(kind)) = (flag_kind, settings.kind) {
            options.kind = kind;
        }
        for (rule, severity) in &settings.severity_overrides {
            options
                .severity_overrides
                .entry(rule.clone())
                .or_insert(*severity);
        }
        options
    }
}

fn build_glob(text: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(text).literal_separator(true).build()
}

fn severity_map(
    map: &BTreeMap<Spanned<String>, Spanned<Level>>,
    errors: &Errors<'_>,
) -> Result<HashMap<String, Option<Severity>>, ConfigError> {
    let mut out = HashMap::new();
    for (rule, level) in map {
        let id = rule.get_ref();
        if registry::rule(id).is_none() {
            return Err(unknown_rule(id, rule.span(), errors));
        }
        out.insert(id.clone(), level.get_ref().severity());
    }
    Ok(out)
}

fn unknown_rule(id: &str, span: Range<usize>, errors: &Errors<'_>) -> ConfigError {
    let known: Vec<&str> = registry::rules().iter().map(|r| r.id).collect();
    let message = match did_you_mean(id, &known) {
        Some(near) => format!("unknown rule `{id}`{}", did_you_mean_suffix(near)),
        None => format!("unknown rule `{id}`"),
    };
    errors.at(
        span,
        message,
        Some("`eventlint rules` lists them".to_owned()),
    )
}

fn compile_entry(entry: &FilesEntry, errors: &Errors<'_>) -> Result<Entry, ConfigError> {
    let glob = entry.glob.get_ref();
    let bad_glob = |e: &dyn std::fmt::Display| {
        errors.at(entry.glob.span(), format!("bad glob `{glob}`: {e}"), None)
    };
    // `<name>` captures: globset translates the glob with a placeholder in each capture's place;
    // the placeholder in its regex then becomes a named group.
    let capture = regex::Regex::new(r"<([A-Za-z][A-Za-z0-9_-]*)>").map_err(|e| bad_glob(&e))?;
    let mut names: Vec<String> = Vec::new();
    let replaced = capture.replace_all(glob, |c: &regex::Captures<'_>| {
        let i = names.len();
        names.push(c[1].to_owned());
        format!("eventlintcapture{i}x")
    });
    let compiled = build_glob(&replaced).map_err(|e| bad_glob(&e))?;
    let matcher = if names.is_empty() {
        Matcher::Glob(compiled)
    } else {
        let mut re = compiled.regex().to_owned();
        for i in 0..names.len() {
            let placeholder = format!("eventlintcapture{i}x");
            if !re.contains(&placeholder) {
                return Err(bad_glob(
                    &"a `<name>` capture cannot stand inside `{…}` or `[…]`",
                ));
            }
            re = re.replacen(&placeholder, &format!("(?P<c{i}>[^/]+?)"), 1);
        }
        let re = regex::bytes::Regex::new(&re).map_err(|e| bad_glob(&e))?;
        Matcher::Captures(re, names.clone())
    };
    let check_template = |value: &Spanned<String>, what: &str| -> Result<Template, ConfigError> {
        let text = value.get_ref();
        for c in capture.captures_iter(text) {
            if !names.iter().any(|n| *n == c[1]) {
                let help = if names.is_empty() {
                    format!(
                        "the glob `{glob}` names no part of the path; write e.g. `fixtures/<vendor>/<kind>/**`"
                    )
                } else {
                    format!(
                        "the glob `{glob}` names {}",
                        names
                            .iter()
                            .map(|n| format!("`<{n}>`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                return Err(errors.at(
                    value.span(),
                    format!(
                        "`{what}` uses `<{}>`, which the glob does not capture",
                        &c[1]
                    ),
                    Some(help),
                ));
            }
        }
        Ok(Template(text.clone()))
    };
    let kind = match &entry.kind {
        None => None,
        Some(value) => {
            let template = check_template(value, "kind")?;
            let id = value.get_ref();
            if template.is_literal() && id != DETECT && Kind::find(id).is_none() {
                let mut known: Vec<&str> = registry::kinds().iter().map(|k| k.id).collect();
                known.push(DETECT);
                let message = match did_you_mean(id, &known) {
                    Some(near) => format!("unknown kind `{id}`{}", did_you_mean_suffix(near)),
                    None => format!("unknown kind `{id}`"),
                };
                return Err(errors.at(
                    value.span(),
                    message,
                    Some(
                        "`eventlint kinds` lists them; `detect` decides from each document's shape"
                            .to_owned(),
                    ),
                ));
            }
            Some(template)
        }
    };
    let mut expect_rules = Vec::new();
    for value in &entry.expect_rules {
        let template = check_template(value, "expect-rules")?;
        if template.is_literal() && registry::rule(value.get_ref()).is_none() {
            return Err(unknown_rule(value.get_ref(), value.span(), errors));
        }
        expect_rules.push(template);
    }
    let expect = entry.expect.as_ref().map(|e| *e.get_ref());
    if !entry.expect_rules.is_empty() && expect != Some(Expect::Invalid) {
        let span = entry
            .expect
            .as_ref()
            .map_or_else(|| entry.expect_rules[0].span(), Spanned::span);
        return Err(errors.at(
            span,
            "`expect-rules` needs `expect = \"invalid\"`",
            Some(
                "a valid file shows no rule; set expect = \"invalid\" or remove `expect-rules`"
                    .to_owned(),
            ),
        ));
    }
    Ok(Entry {
        glob: glob.clone(),
        // The glob's byte offset for now; `Config::parse` turns it into a line.
        line: entry.glob.span().start,
        split_arrays: entry.split_arrays,
        matcher,
        kind,
        rules: severity_map(&entry.rules, errors)?,
        expect,
        expect_rules,
    })
}

/// `300`, `"300"`, `"90s"`, `"5m"`, `"1h30m"`, `"2d"`.
/// The longest future tolerance: a hundred years (36,500 days). Any longer is no tolerance but a
/// mistake, and `now` plus it could leave the calendar.
const MAX_TOLERANCE_SECONDS: i64 = 36_500 * 86_400;

fn parse_tolerance(value: &toml::Value) -> Result<TimeDelta, String> {
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

// ---------------------------------------------------------------------------------------------
// Expectations.

/// Applies a file's expectation to the outcomes of that file (its documents with diagnostics).
///
/// - met, for an invalid file: the outcomes are removed (the file passes) and the number of
///   diagnostics removed is returned;
/// - met, for a valid file: nothing changes (it may still carry infos);
/// - unmet: a `config/expectation` diagnostic is added at the start of the first document
///   (an outcome without text is created when that document had no diagnostics).
///
/// `overrides` are the file's severity overrides (the rule may be turned off or down).
pub fn apply_expectation<S: std::hash::BuildHasher>(
    expectation: &Expectation,
    path: &str,
    first_kind: Option<&'static Kind>,
    outcomes: &mut Vec<DocumentOutcome>,
    overrides: &HashMap<String, Option<Severity>, S>,
) -> usize {
    let diagnostics = || outcomes.iter().flat_map(|o| &o.diagnostics);
    let failing = diagnostics()
        .filter(|d| d.severity >= Severity::Warning)
        .count();
    let shown: Vec<&'static str> = {
        let mut v: Vec<&'static str> = diagnostics().map(|d| d.rule).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let declared = format!("declared by `{}` in {FILE_NAME}", expectation.glob);
    let (message, help) = match expectation.expect {
        Expect::Valid => {
            if failing == 0 {
                return 0;
            }
            (
                format!(
                    "expected to be valid, but it has {}",
                    severity_counts(diagnostics())
                ),
                "fix what is reported, or move the file where invalid files live".to_owned(),
            )
        }
        Expect::Invalid => {
            let missing: Vec<&str> = expectation
                .rules
                .iter()
                .copied()
                .filter(|r| !shown.contains(r))
                .collect();
            let met = if expectation.rules.is_empty() {
                failing > 0
            } else {
                missing.is_empty()
            };
            if met {
                let n = diagnostics().count();
                outcomes.clear();
                return n;
            }
            let wanted = if expectation.rules.is_empty() {
                "an error or warning".to_owned()
            } else {
                quoted(&missing)
            };
            let found = if shown.is_empty() {
                "no finding".to_owned()
            } else {
                quoted(&shown)
            };
            (
                format!("expected to show {wanted}, but it shows {found}"),
                "restore the problem this file demonstrates, or rename or move it after what it shows now".to_owned(),
            )
        }
    };
    let severity = match overrides.get(EXPECTATION.id) {
        Some(None) => return 0,
        Some(Some(severity)) => *severity,
        None => EXPECTATION.severity,
    };
    let diagnostic = Diagnostic {
        rule: EXPECTATION.id,
        severity,
        message,
        help: Some(help),
        note: Some(declared),
        pointer: String::new(),
        span: 0..0,
        start: Position { line: 1, column: 1 },
        end: Position { line: 1, column: 1 },
        related: Vec::new(),
    };
    match outcomes.iter_mut().find(|o| o.document == 1) {
        Some(first) => first.diagnostics.insert(0, diagnostic),
        None => outcomes.insert(
            0,
            DocumentOutcome {
                path: path.to_owned(),
                document: 1,
                line_offset: 0,
                kind: first_kind,
                source: String::new(),
                diagnostics: vec![diagnostic],
            },
        ),
    }
    0
}

fn quoted(ids: &[&str]) -> String {
    ids.iter()
        .map(|r| format!("`{r}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn severity_counts<'a>(diagnostics: impl Iterator<Item = &'a Diagnostic>) -> String {
    let (mut e, mut w) = (0, 0);
    for d in diagnostics {
        match d.severity {
            Severity::Error => e += 1,
            Severity::Warning => w += 1,
            Severity::Info => {}
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (e, w) {
        (0, w) => plural(w, "warning"),
        (e, 0) => plural(e, "error"),
        (e, w) => format!("{} and {}", plural(e, "error"), plural(w, "warning")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, "eventlint.toml")
    }

    /// A configuration error is a `config/invalid` diagnostic of the file, at its bytes, its
    /// column counted in characters (the `é` before it is one), with its message and help.
    #[test]
    fn an_error_is_a_config_invalid_diagnostic_of_the_file() {
        let text = "# café\n[rules]\n\"json/syntax\" = \"warnign\"\n";
        let err = Config::parse(text, "conf/lint.toml").expect_err("a bad severity");
        let d = err.diagnostic();
        assert_eq!(d.rule, "config/invalid");
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(&text[d.span.clone()], "\"warnign\"");
        assert_eq!(
            d.start,
            Position {
                line: 3,
                column: 17
            }
        );
        assert_eq!(
            d.end,
            Position {
                line: 3,
                column: 26
            }
        );
        assert_eq!(d.message, err.message);
        assert_eq!(d.help, err.help);
        assert!(d.pointer.is_empty());
        let outcome = err.outcome();
        assert_eq!(outcome.path, "conf/lint.toml");
        assert_eq!(outcome.document, 1);
        assert_eq!(outcome.source, text);
        assert_eq!(outcome.diagnostics, vec![d]);
        // A problem on the first line after a multi-byte character: columns in characters.
        let err = Config::parse("# é\nnw = 1\n", "eventlint.toml").expect_err("unknown key");
        assert_eq!(err.diagnostic().start, Position { line: 2, column: 1 });
        let err = Config::parse("exclude = [\"é/{b\"]\n", "eventlint.toml").expect_err("glob");
        assert_eq!(
            err.diagnostic().start,
            Position {
                line: 1,
                column: 12
            }
        );
        assert_eq!(
            err.diagnostic().end,
            Position {
                line: 1,
                column: 18
            }
        );
    }

    #[test]
    fn tolerances() {
        let s = |t: &str| parse_tolerance(&toml::Value::String(t.to_owned()));
        assert_eq!(s("90s"), Ok(TimeDelta::seconds(90)));
        assert_eq!(s("5m"), Ok(TimeDelta::seconds(300)));
        assert_eq!(s("1h30m"), Ok(TimeDelta::seconds(5400)));
        assert_eq!(s("2d"), Ok(TimeDelta::seconds(172_800)));
        assert_eq!(s("300"), Ok(TimeDelta::seconds(300)));
        assert_eq!(
            parse_tolerance(&toml::Value::Integer(7)),
            Ok(TimeDelta::seconds(7))
        );
        assert!(s("5 minutes").is_err());
        assert!(s("5").is_ok());
        assert!(s("m").is_err());
        assert!(s("").is_err());
        assert!(parse_tolerance(&toml::Value::Integer(-1)).is_err());
    }

    #[test]
    fn captures_fill_templates() {
        let config = parse(
            r#"
[[files]]
glob = "fixtures/<vendor>/<kind>/**"
kind = "<vendor>.<kind>"

[[files]]
glob = "fixtures/detect/**"
kind = "detect"

[[files]]
glob = "fixtures/**/invalid/<group>/<rule>{--*.*,.*}"
expect = "invalid"
expect-rules = ["<group>/<rule>"]
"#,
        )
        .expect("valid config");
        let s = config
            .settings("fixtures/synerise/custom-event/invalid/synerise.event/client-identifier--stream.ndjson")
            .expect("settings");
        assert_eq!(
            s.kind.flatten().map(|k| k.id),
            Some("synerise.custom-event")
        );
        let e = s.expectation.expect("expectation");
        assert_eq!(e.rules, vec!["synerise.event/client-identifier"]);
        let s = config
            .settings("fixtures/synerise/custom-event/invalid/json/syntax.json")
            .expect("settings");
        assert_eq!(s.expectation.map(|e| e.rules), Some(vec!["json/syntax"]));
        let s = config
            .settings("fixtures/detect/invalid/kind/undetermined.json")
            .expect("settings");
        assert_eq!(s.kind, Some(None));
        assert_eq!(
            s.expectation.map(|e| e.rules),
            Some(vec!["kind/undetermined"])
        );
        let err = config
            .settings("fixtures/synerise/custom-evnt/valid/a.json")
            .expect_err("unknown kind");
        assert!(
            err.contains("did you mean `synerise.custom-event`?"),
            "{err}"
        );
        assert_eq!(
            config.settings("elsewhere/a.json"),
            Ok(FileSettings::default())
        );
    }

    #[test]
    fn errors_point_into_the_toml() {
        let text = "[[files]]\nglob = \"a/**\"\nkidn = \"x\"\n";
        let err = parse(text).expect_err("unknown key");
        assert_eq!(err.message, "unknown key `kidn`; did you mean `kind`?");
        assert_eq!(&text[err.span.clone()], "kidn");
        let text = "[rules]\n\"json/sintax\" = \"warnig\"\n";
        let err = parse(text).expect_err("bad severity");
        assert_eq!(
            err.message,
            "unknown value `warnig`; did you mean `warning`?"
        );
        let text = "[rules]\n\"json/sintax\" = \"off\"\n";
        let err = parse(text).expect_err("unknown rule");
        assert_eq!(
            err.message,
            "unknown rule `json/sintax`; did you mean `json/syntax`?"
        );
        assert_eq!(&text[err.span.clone()], "\"json/sintax\"");
        let text = "[[files]]\nglob = \"a/**\"\nkind = \"<vendor>.x\"\n";
        let err = parse(text).expect_err("uncaptured");
        assert!(err.message.contains("`<vendor>`"), "{}", err.message);
    }
}
