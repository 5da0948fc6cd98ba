//! A configuration error with the span in the TOML text it is about, and its place in the run's
//! reports (`config/invalid`).

use std::ops::Range;

use crate::message::diagnostic::Diagnostic;
use crate::message::suggest::{did_you_mean, did_you_mean_suffix, one_of};
use crate::output::report::DocumentOutcome;
use crate::rules::config::invalid::INVALID;

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
        let lines = crate::locate::spans::LineIndex::new(&self.source);
        Diagnostic {
            rule: INVALID.id,
            severity: INVALID.severity,
            message: crate::message::describe::elide(self.message.clone()),
            help: self.help.clone().map(crate::message::describe::elide),
            note: None,
            pointer: String::new(),
            start: lines.position(self.span.start),
            end: lines.position(self.span.end),
            span: self.span.clone(),
            related: Vec::new(),
            request: None,
            fix: None,
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
            placement: crate::output::report::OffsetMap::IDENTITY,
            kind: None,
            source: self.source.clone(),
            diagnostics: vec![self.diagnostic()],
        }
    }
}

pub(super) struct Errors<'a> {
    pub(super) name: &'a str,
    pub(super) source: &'a str,
}

impl Errors<'_> {
    pub(super) fn at(
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
    pub(super) fn toml(&self, err: &toml::de::Error) -> ConfigError {
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
