//! Which options each input is checked with: the command-line flags first (`--now`, `--kind`,
//! `--select`, `--ignore`, `--severity`, `--split-arrays`), then its configuration
//! (`eventlint.toml`) under them; and the jobs of a run, with what its configuration left out.

use std::path::Path;

use chrono::{DateTime, Utc};
use eventlint_core::config::{self, FileSettings};
use eventlint_core::{CheckOptions, Kind};

use super::args::CheckArgs;
use crate::input::Input;
use crate::project::{LoadError, Projects};
use crate::select;

/// One input to check, with its options and what its configuration says of it.
pub(crate) struct Job {
    pub(crate) input: Input,
    pub(crate) options: CheckOptions,
    pub(crate) settings: FileSettings,
    pub(crate) split_arrays: bool,
    /// `--env`: the environment of `.http` variables.
    pub(crate) env: Option<String>,
}

/// The options the command line gives every document: the clock, the kind and the rule
/// selection. A configuration's settings apply under them.
pub(crate) fn flag_options(args: &CheckArgs) -> Result<CheckOptions, String> {
    let mut options = CheckOptions::default();
    if let Some(now) = &args.now {
        match DateTime::parse_from_rfc3339(now) {
            Ok(t) => options.now = t.with_timezone(&Utc),
            Err(err) => {
                return Err(format!(
                    "--now `{now}` is not an RFC 3339 date-time ({err}); e.g. --now 2026-01-01T00:00:00Z"
                ));
            }
        }
    }
    if let Some(kind) = &args.kind {
        match Kind::find(kind) {
            Some(k) => options.kind = Some(k),
            None => return Err(crate::unknown_kind(kind)),
        }
    }
    options.severity_overrides = select::overrides(&args.select, &args.ignore, &args.severity)?;
    Ok(options)
}

/// The options of the files a configuration governs: the flags', then the configuration's.
fn project_options(
    args: &CheckArgs,
    flags: &CheckOptions,
    config: &config::Config,
) -> CheckOptions {
    let mut options = flags.clone();
    if args.now.is_none()
        && let Some(now) = config.now
    {
        options.now = now;
    }
    if let Some(tolerance) = config.future_tolerance {
        options.future_tolerance = tolerance;
    }
    options
}

/// An input on its way to becoming a job.
pub(crate) struct Planning {
    pub(crate) job: Option<Job>,
    /// The configuration's settings could not be made for it (an unknown templated kind).
    pub(crate) settings_problem: Option<String>,
}

/// The jobs of a run, and what is needed to say what was left out.
pub(crate) struct Planned {
    pub(crate) jobs: Vec<Planning>,
    /// For each input: checked, or the `exclude` glob that removed it and whether it was named.
    pub(crate) kept: Vec<Kept>,
    /// For each input, the index of its configuration in `Projects::loaded`.
    pub(crate) project_of: Vec<Option<usize>>,
    /// For each configuration, which of its `[[files]]` entries matched a checked file.
    pub(crate) matched: Vec<Vec<bool>>,
}

/// What became of one input.
pub(crate) enum Kept {
    Checked,
    Excluded {
        display: String,
        glob: String,
        named: bool,
    },
}

pub(crate) fn plan_jobs(
    args: &CheckArgs,
    flags: &CheckOptions,
    cwd: &Path,
    mut projects: Option<&mut Projects>,
    inputs: Vec<Input>,
) -> Result<Planned, LoadError> {
    let mut planned = Planned {
        jobs: Vec::with_capacity(inputs.len()),
        kept: Vec::with_capacity(inputs.len()),
        project_of: Vec::with_capacity(inputs.len()),
        matched: Vec::new(),
    };
    // Each configuration's options, made once.
    let mut bases: Vec<CheckOptions> = Vec::new();
    for input in inputs {
        let project = match projects.as_deref_mut() {
            None => None,
            Some(projects) => {
                let path = match &input {
                    Input::File { display, .. } => Some(display.as_str()),
                    Input::Stdin { .. } => None,
                };
                let index = projects.for_path(path)?;
                for project in &projects.loaded[bases.len()..] {
                    bases.push(project_options(args, flags, &project.config));
                    planned
                        .matched
                        .push(vec![false; project.config.files_globs().len()]);
                }
                index.map(|i| (i, &projects.loaded[i]))
            }
        };
        planned.project_of.push(project.map(|(i, _)| i));
        let Some((index, project)) = project else {
            planned.kept.push(Kept::Checked);
            planned.jobs.push(Planning {
                job: Some(Job {
                    input,
                    options: flags.clone(),
                    settings: FileSettings::default(),
                    split_arrays: args.split_arrays,
                    env: args.env.clone(),
                }),
                settings_problem: None,
            });
            continue;
        };
        let path = project.match_path(cwd, input.display());
        if let Some(glob) = project.config.excluded_by(&path) {
            planned.kept.push(Kept::Excluded {
                display: input.display().to_owned(),
                glob: glob.to_owned(),
                named: matches!(input, Input::File { named: true, .. }),
            });
            continue;
        }
        planned.kept.push(Kept::Checked);
        match project.config.settings(&path) {
            Ok(settings) => {
                for &entry in &settings.matched {
                    planned.matched[index][entry] = true;
                }
                let options = project
                    .config
                    .options(&settings, &bases[index], args.kind.is_some());
                let split_arrays = args.split_arrays || settings.split_arrays == Some(true);
                planned.jobs.push(Planning {
                    job: Some(Job {
                        input,
                        options,
                        settings,
                        split_arrays,
                        env: args.env.clone(),
                    }),
                    settings_problem: None,
                });
            }
            Err(problem) => planned.jobs.push(Planning {
                job: None,
                settings_problem: Some(problem),
            }),
        }
    }
    Ok(planned)
}
