//! `check --fix`, `--unsafe-fixes` and `--diff`: the files named or walked, fixed before they
//! are checked.
//!
//! Each file is read whole and fixed by the core (`eventlint_core::fix::fix_text`: passes
//! until nothing is left to fix, each fix kept only if every document still reads), as `check`
//! reads it: its mode, `--split-arrays`, its kind and rules from the flags and `eventlint.toml`,
//! `--env` for `.http` variables. `--fix` writes a changed file atomically (a temporary file
//! beside it, renamed over it, its permission bits kept); `--diff` prints the unified diff and
//! writes nothing. Only the bytes of the edits change: formatting, key order, line endings and
//! the rest of a request file stay as they were. Never fixed: stdin, a file that is not UTF-8,
//! and a fixture whose configuration expects it invalid (`expect = "invalid"`), whose findings
//! are the point.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::Path;

use eventlint_core::fix::{FixOptions, Fixed, Layout, fix_text};
use eventlint_core::request::read::{ReadContext, http};
use rayon::prelude::*;

use super::options::Job;
use crate::input::{Input, Mode};

/// What fixing the files did.
#[derive(Debug, Default)]
pub(super) struct FixRun {
    /// Fixes applied (or, with `--diff`, that would be), by rule.
    pub(super) applied: BTreeMap<&'static str, usize>,
    /// Files changed (or, with `--diff`, that would be).
    pub(super) files: usize,
    /// What kept a file from being fixed (cannot read it, cannot write it, a refused fix).
    pub(super) problems: Vec<String>,
    /// Why a file was left as it is, for stderr.
    pub(super) notes: Vec<String>,
}

impl FixRun {
    fn count(&self) -> usize {
        self.applied.values().sum()
    }

    /// One line for stderr: what was (or would be) fixed, by rule.
    pub(super) fn summary(&self, diff: bool) -> String {
        let n = self.count();
        let verb = if diff { "would fix" } else { "fixed" };
        let findings = if n == 1 { "finding" } else { "findings" };
        let file_word = if self.files == 1 { "file" } else { "files" };
        let mut line = format!("{verb} {n} {findings} in {} {file_word}", self.files);
        if n > 0 {
            let by_rule: Vec<String> = self
                .applied
                .iter()
                .map(|(rule, n)| format!("{rule} ×{n}"))
                .collect();
            line.push_str(" (");
            line.push_str(&by_rule.join(", "));
            line.push(')');
        }
        line
    }
}

/// The outcome of one file.
enum Outcome {
    /// Nothing to change.
    Same,
    /// Left as it is, and why.
    Skipped(String),
    /// Could not be read.
    Problem(String),
    /// Fixed in memory: the old and new text.
    Fixed {
        old: String,
        fixed: Fixed,
        bom: &'static str,
    },
}

/// Fixes every job's file (in parallel, on the current pool), then writes each changed file
/// (`--fix`) or prints its diff to `out` (`--diff`), in path order.
pub(super) fn fix_jobs(
    jobs: &[Job],
    options: FixOptions,
    diff: bool,
    out: &mut dyn std::io::Write,
) -> FixRun {
    let outcomes: Vec<Outcome> = jobs.par_iter().map(|job| fix_job(job, options)).collect();
    let mut run = FixRun::default();
    for (job, outcome) in jobs.iter().zip(outcomes) {
        let name = job.input.display();
        match outcome {
            Outcome::Same => {}
            Outcome::Skipped(why) => run.notes.push(format!("`{name}` not fixed: {why}")),
            Outcome::Problem(problem) => run.problems.push(problem),
            Outcome::Fixed { old, fixed, bom } => {
                for refused in &fixed.refused {
                    run.problems.push(format!(
                        "internal error: the fix of `{}` at {name}:{} ({}) would leave the file unreadable; it was not applied (a bug in eventlint: please report it)",
                        refused.rule, refused.line, refused.title
                    ));
                }
                if !fixed.settled {
                    run.notes.push(format!(
                        "`{name}`: fixes were still offered after {} passes; run again to apply the rest",
                        fixed.passes
                    ));
                }
                if fixed.count() == 0 {
                    continue;
                }
                let new = format!("{bom}{}", fixed.text);
                let written = if diff {
                    print_diff(out, name, &old, &new)
                } else {
                    match &job.input {
                        Input::File { path, .. } => write_atomically(path, &new),
                        Input::Stdin { .. } => Ok(()),
                    }
                };
                match written {
                    Ok(()) => {
                        run.files += 1;
                        for (rule, n) in &fixed.applied {
                            *run.applied.entry(rule).or_default() += n;
                        }
                    }
                    Err(problem) => run.problems.push(problem),
                }
            }
        }
    }
    run
}

/// Fixes one job's file in memory.
fn fix_job(job: &Job, options: FixOptions) -> Outcome {
    let Input::File { path, .. } = &job.input else {
        return Outcome::Skipped("stdin is checked, never fixed".to_owned());
    };
    let name = job.input.display();
    if job.settings.expectation.is_some() {
        return Outcome::Skipped(
            "its configuration expects it invalid (`expect`): its findings are the point"
                .to_owned(),
        );
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => return Outcome::Problem(format!("cannot read `{name}`: {err}")),
    };
    let Ok(old) = String::from_utf8(bytes) else {
        return Outcome::Skipped("it is not UTF-8 text".to_owned());
    };
    let mode = job.input.mode();
    let (fixed, bom) = if let Some(format) = mode.requests() {
        // Request readers read the text after a byte order mark; it is put back.
        let (bom, text) = match old.strip_prefix('\u{feff}') {
            Some(text) => ("\u{feff}", text),
            None => ("", old.as_str()),
        };
        let ctx = match read_context(path, &job.options, job.env.as_deref()) {
            Ok(ctx) => ctx,
            Err(problem) => return Outcome::Problem(format!("{problem} for `{name}`")),
        };
        let layout = Layout::Requests { format, ctx: &ctx };
        (fix_text(text, layout, &job.options, options), bom)
    } else {
        let layout = match mode {
            Mode::Ndjson => Layout::Ndjson,
            _ => Layout::Json {
                split_arrays: job.split_arrays,
            },
        };
        (fix_text(&old, layout, &job.options, options), "")
    };
    if fixed.count() == 0 && fixed.refused.is_empty() && fixed.settled {
        return Outcome::Same;
    }
    Outcome::Fixed { old, fixed, bom }
}

/// What a request file's reader needs: its folder, and the `--env` variables of `.http` files.
fn read_context(
    path: &Path,
    options: &eventlint_core::CheckOptions,
    env: Option<&str>,
) -> Result<ReadContext, String> {
    let base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let variables = match env {
        Some(env) => http::load_env(&base_dir, env)
            .map_err(|e| format!("cannot read the environment `{env}`: {e}"))?,
        None => BTreeMap::new(),
    };
    Ok(ReadContext {
        base_dir,
        variables,
        now_unix_ms: Some(options.now.timestamp_millis()),
    })
}

/// Replaces the file at `path` by `text`, whole or not at all.
fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    let shown = path.display();
    let mut temporary = crate::output::replacement(path)?;
    temporary
        .write_all(text.as_bytes())
        .map_err(|err| format!("cannot write `{shown}`: {err}"))?;
    temporary
        .publish()
        .map_err(|err| format!("cannot write `{shown}`: {err}"))
}

/// Prints the unified diff from `old` to `new` of the file `name` (`a/NAME`, `b/NAME`).
fn print_diff(
    out: &mut dyn std::io::Write,
    name: &str,
    old: &str,
    new: &str,
) -> Result<(), String> {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string();
    out.write_all(text.as_bytes())
        .map_err(|err| format!("cannot write the diff of `{name}`: {err}"))
}
