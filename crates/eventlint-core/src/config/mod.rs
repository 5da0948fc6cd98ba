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

mod entries;
mod error;
mod expectation;
mod file;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use globset::{GlobSet, GlobSetBuilder};

use crate::catalog::kind::Kind;
use crate::catalog::registry;
use crate::lint::check::CheckOptions;
use crate::message::diagnostic::Severity;
use crate::message::suggest::did_you_mean;

use entries::{Entry, Matcher, build_glob, compile_entry, severity_map};
pub use error::ConfigError;
use error::Errors;
pub use expectation::apply_expectation;
pub use file::Expect;
pub(crate) use file::schema_file;
use file::{ConfigFile, parse_tolerance};

/// The configuration file's name, looked for from the current directory upward.
pub const FILE_NAME: &str = "eventlint.toml";

/// The `kind` value that asks for detection from the document's shape.
pub(crate) const DETECT: &str = "detect";

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
                        .map(crate::message::suggest::did_you_mean_suffix)
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
                            .map(crate::message::suggest::did_you_mean_suffix)
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
