//! Checking an open document's text as `eventlint check` would check the file: its mode from
//! its name (`input::Mode::of`), its kind and settings from its `eventlint.toml`
//! (`lint::options::plan_jobs`, the code `check` runs), then the core's checks of a JSON file,
//! of NDJSON lines or of a file of requests; and the findings as protocol diagnostics.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Args, FromArgMatches};
use eventlint_core::report::DocumentOutcome;
use eventlint_core::{CheckOptions, Kind, Severity};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Url,
};
use rayon::prelude::*;

use super::text::{Encoding, Positions};
use crate::input::{Input, Mode};
use crate::lint::CheckArgs;
use crate::lint::check::{check_elements, check_isolated};
use crate::lint::options::{Kept, flag_options, plan_jobs};
use crate::project::{LoadError, Projects};

/// What a document is checked with.
pub(super) struct Settings {
    pub(super) options: CheckOptions,
    pub(super) split_arrays: bool,
    /// Excluded by its configuration: `check` does not check it, the server reports nothing.
    pub(super) excluded: bool,
}

/// The settings of the file at `path` (`None`: a buffer without a file, checked with the
/// defaults), exactly as `eventlint check PATH` plans them. `Err`: why its configuration
/// could not be used (shown as a diagnostic at the top of the document).
pub(super) fn settings(path: Option<&Path>, mode: Mode) -> Result<Settings, String> {
    let args = default_args()?;
    let flags = flag_options(&args)?;
    let Some(path) = path else {
        return Ok(Settings {
            options: flags,
            split_arrays: false,
            excluded: false,
        });
    };
    let cwd = path
        .parent()
        .map_or_else(|| PathBuf::from("/"), Path::to_path_buf);
    let mut projects = Projects::new(None, &cwd).map_err(|e| load_error(&e))?;
    let input = Input::File {
        path: path.to_path_buf(),
        display: path.to_string_lossy().into_owned(),
        mode,
        named: true,
    };
    let planned = plan_jobs(&args, &flags, &cwd, Some(&mut projects), vec![input])
        .map_err(|e| load_error(&e))?;
    if matches!(planned.kept.first(), Some(Kept::Excluded { .. })) {
        return Ok(Settings {
            options: flags,
            split_arrays: false,
            excluded: true,
        });
    }
    let Some(planning) = planned.jobs.into_iter().next() else {
        return Err("eventlint.toml left nothing to check".to_owned());
    };
    match planning.job {
        Some(job) => Ok(Settings {
            options: job.options,
            split_arrays: job.split_arrays,
            excluded: false,
        }),
        None => Err(planning
            .settings_problem
            .unwrap_or_else(|| "eventlint.toml has no settings for this file".to_owned())),
    }
}

/// `eventlint check` with no flag: what the server's checks start from before the configuration.
fn default_args() -> Result<CheckArgs, String> {
    let command = CheckArgs::augment_args(clap::Command::new("check"));
    let matches = command
        .try_get_matches_from(["check"])
        .map_err(|e| e.to_string())?;
    CheckArgs::from_arg_matches(&matches).map_err(|e| e.to_string())
}

fn load_error(err: &LoadError) -> String {
    match err {
        LoadError::Io(message) => message.clone(),
        LoadError::Config(err) => err.to_string(),
    }
}

/// The outcome of one check of a document's text.
#[derive(Debug, Default)]
pub(super) struct Checked {
    /// The findings, each with its place in the file.
    pub(super) found: Vec<Found>,
    /// Each checked document's byte range in the file and the kind it was checked as.
    pub(super) documents: Vec<(std::ops::Range<usize>, Option<&'static Kind>)>,
}

/// One finding: the core's diagnostic and where its document starts in the file (its spans,
/// and its fix's, are the document's).
#[derive(Debug)]
pub(super) struct Found {
    pub(super) diagnostic: eventlint_core::Diagnostic,
    /// The byte offset in the file of the document's first byte.
    pub(super) start: usize,
}

impl Found {
    /// The finding's bytes in the file.
    pub(super) fn span(&self) -> std::ops::Range<usize> {
        self.start + self.diagnostic.span.start..self.start + self.diagnostic.span.end
    }
}

/// Checks `text`, the file `name` read as `mode`.
pub(super) fn check(
    name: &str,
    text: &str,
    mode: Mode,
    base_dir: &Path,
    settings: &Settings,
) -> Checked {
    let mut checked = Checked::default();
    if settings.excluded {
        return checked;
    }
    let options = &settings.options;
    let positions = Positions::new(text, Encoding::Utf32);
    let add = |outcome: DocumentOutcome, checked: &mut Checked| {
        let p = outcome.placement;
        let mut start = positions.byte_of(p.lines + 1, p.columns + 1);
        if text.get(start..).is_some_and(|t| t.starts_with('\u{feff}')) {
            start += '\u{feff}'.len_utf8();
        }
        checked.found.extend(
            outcome
                .diagnostics
                .into_iter()
                .map(|diagnostic| Found { diagnostic, start }),
        );
    };
    match mode.requests() {
        Some(format) => {
            use eventlint_core::request::read::ReadContext;
            let ctx = ReadContext {
                base_dir: base_dir.to_path_buf(),
                variables: std::collections::BTreeMap::new(),
                now_unix_ms: Some(options.now.timestamp_millis()),
            };
            let (bom, body) = eventlint_core::source::strip_bom(text.as_bytes());
            let body = std::str::from_utf8(body).unwrap_or_default();
            let file = eventlint_core::request::check_file(name, body, format, &ctx, options);
            for (kind, outcome) in file.documents {
                checked.documents.push((0..0, kind));
                if let Some(mut outcome) = outcome {
                    if bom > 0 && outcome.placement.lines == 0 {
                        outcome.placement.columns += 1;
                    }
                    add(outcome, &mut checked);
                }
            }
        }
        None if mode == Mode::Ndjson => {
            let documents: Vec<_> =
                eventlint_core::source::documents::Documents::new(text.as_bytes()).collect();
            let outcomes: Vec<_> = documents
                .par_iter()
                .enumerate()
                .map(|(i, document)| {
                    let report = check_isolated(document.bytes, options);
                    let kind = report.kind;
                    let outcome = (!report.diagnostics.is_empty()).then(|| {
                        DocumentOutcome::new(name, i + 1, document.line, document.bytes, report)
                    });
                    (document.range(), kind, outcome)
                })
                .collect();
            for (range, kind, outcome) in outcomes {
                checked.documents.push((range, kind));
                if let Some(outcome) = outcome {
                    add(outcome, &mut checked);
                }
            }
        }
        None => {
            let bytes = text.as_bytes();
            let elements = if settings.split_arrays {
                eventlint_core::source::array_elements(bytes)
            } else {
                None
            };
            if let Some(elements) = elements {
                let file = check_elements(name, bytes, &elements, options);
                let kinds: Vec<_> = file.record.iter().map(|(_, kind)| kind).collect();
                for (range, kind) in elements.into_iter().zip(kinds) {
                    checked.documents.push((range, kind));
                }
                for outcome in file.outcomes {
                    add(outcome, &mut checked);
                }
            } else {
                let report = check_isolated(bytes, options);
                checked.documents.push((0..bytes.len(), report.kind));
                if !report.diagnostics.is_empty() {
                    add(
                        DocumentOutcome::new(name, 1, 0, bytes, report),
                        &mut checked,
                    );
                }
            }
        }
    }
    checked
}

/// The address of a rule's documentation: its section of `docs/rules.md`, with the anchor the
/// generated rule table links to (`cargo xtask codegen`: the id without `/` and `.`). eventlint
/// has no public address yet (the SARIF report gives no `informationUri` for that reason), so
/// the page is the one in the source tree this binary was built from, unless the client gives a
/// base address (`initializationOptions.rulesUrl`, e.g. a published `docs/rules.md`).
pub(super) fn rule_href(base: Option<&str>, rule: &str) -> Option<Url> {
    let anchor = rule.replace(['/', '.'], "");
    let base = match base {
        Some(base) => Url::parse(base).ok()?,
        None => {
            Url::from_file_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md")).ok()?
        }
    };
    let mut url = base;
    url.set_fragment(Some(&anchor));
    Some(url)
}

/// The protocol diagnostic of a finding.
pub(super) fn to_lsp(
    found: &Found,
    positions: &Positions<'_>,
    uri: &Url,
    rules_url: Option<&str>,
) -> Diagnostic {
    let d = &found.diagnostic;
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related: Vec<_> = d
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location::new(
                uri.clone(),
                positions.range(&(found.start + r.span.start..found.start + r.span.end)),
            ),
            message: r.message.clone(),
        })
        .collect();
    Diagnostic {
        range: positions.range(&found.span()),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.to_owned())),
        code_description: rule_href(rules_url, d.rule).map(|href| CodeDescription { href }),
        source: Some("eventlint".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// A problem with the configuration, shown at the top of the document.
pub(super) fn config_problem(problem: &str) -> Diagnostic {
    Diagnostic {
        range: lsp_types::Range::default(),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String("config/invalid".to_owned())),
        source: Some("eventlint".to_owned()),
        message: problem.to_owned(),
        ..Diagnostic::default()
    }
}

/// What the worker checks: one version of one document.
#[derive(Debug, Clone)]
pub(super) struct Job {
    pub(super) uri: Url,
    pub(super) version: i32,
    pub(super) text: Arc<str>,
    pub(super) mode: Mode,
    pub(super) path: Option<PathBuf>,
}
