//! `eventlint check`: read inputs, check documents on every core, render, exit.
//!
//! [`run`] plans a run: the reports (`output::plan`), each input's options from the flags
//! (`args`) and its configuration (`options`), what yielded nothing (`notes`), the sinks and
//! the thread pool. The pipeline (`pipeline`) then checks the inputs, files read whole
//! (`check`) or NDJSON streamed in blocks (`ndjson`), while the emitter (`emit`) writes every
//! report in order and gives the exit status.

mod args;
pub(crate) mod check;
mod emit;
mod fix;
mod ndjson;
mod notes;
pub(crate) mod options;
mod pipeline;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use eventlint_core::Severity;
use eventlint_core::render::human;
use eventlint_core::report::{FileRecord, Summary};

pub(crate) use self::args::CheckArgs;
use self::emit::Emitter;
use self::notes::{empty_walks, excluded_notes, unmatched_globs};
use self::options::{Job, Planned, flag_options, plan_jobs};
use self::pipeline::{check_all, streams};
use crate::Format;
use crate::input::{self, Input};
use crate::output::{self, Destination};
use crate::project::{LoadError, Projects};
use crate::sink::{self, Render, Renderers, Sink};

/// What `--jobs` may ask for. Idle rayon workers look for work in each other's queues, so a
/// pool's overhead grows with the square of its threads (`-j 1024` on one small file took 4 s,
/// `-j 10000` over a minute), and each thread that checks compiles validators of its own.
const MAX_JOBS: usize = 256;

pub(crate) fn run(args: &CheckArgs, format_at: &[usize], output_at: &[usize]) -> ExitCode {
    let formats: Vec<(usize, Format)> = format_at
        .iter()
        .copied()
        .zip(args.format.iter().copied())
        .collect();
    let outputs: Vec<(usize, &Path)> = output_at
        .iter()
        .copied()
        .zip(args.output.iter().map(PathBuf::as_path))
        .collect();
    let reports = match output::plan(&formats, &outputs).and_then(|reports| {
        output::distinct(&reports)?;
        Ok(reports)
    }) {
        Ok(reports) => reports,
        Err(message) => return crate::fail(&message),
    };
    if args.unsafe_fixes && !(args.fix || args.diff) {
        return crate::fail("--unsafe-fixes goes with --fix or --diff");
    }
    let flags = match flag_options(args) {
        Ok(options) => options,
        Err(message) => return crate::fail(&message),
    };

    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    // `--config FILE` is loaded now; a bad one is reported once no output is known to be an
    // input (its report is written as any report is).
    let projects = if args.no_config {
        Ok(None)
    } else {
        Projects::new(args.config.as_deref(), &cwd).map(Some)
    };

    if let Some(jobs) = args.jobs
        && jobs.get() > MAX_JOBS
    {
        return crate::fail(&format!(
            "--jobs {jobs}: at most {MAX_JOBS} threads (more threads than cores only slow a run down)"
        ));
    }
    let (inputs, mut problems, walked) = input::collect(
        &args.paths(),
        args.stdin_filename.as_deref(),
        args.input_format,
    );
    if let Some(message) = overwritten_input(&reports, &inputs) {
        return crate::fail(&message);
    }
    let mut projects = match projects {
        Ok(projects) => projects,
        Err(err) => return load_failed(args, &reports, err),
    };
    if let Some(projects) = &mut projects {
        for dir in &walked {
            if let Err(err) = projects.for_dir(&dir.display) {
                return load_failed(args, &reports, err);
            }
        }
    }
    let mut notes = Vec::new();
    let planned = match plan_jobs(args, &flags, &cwd, projects.as_mut(), inputs) {
        Ok(planned) => planned,
        Err(err) => return load_failed(args, &reports, err),
    };
    let Planned {
        mut jobs,
        kept,
        project_of,
        matched,
    } = planned;
    problems.extend(jobs.iter().filter_map(|j| j.settings_problem.clone()));
    let mut jobs: Vec<Job> = jobs.drain(..).filter_map(|j| j.job).collect();
    if let Some(projects) = &projects {
        notes.extend(excluded_notes(&kept, projects, &project_of));
        notes.extend(unmatched_globs(
            projects,
            &cwd,
            &walked,
            &matched,
            jobs.len(),
        ));
        for project in &projects.loaded {
            if !project.is_in(&cwd) && !args.quiet {
                eprintln!("eventlint: using the configuration `{}`", project.shown);
            }
        }
    }
    notes.extend(empty_walks(&walked, &kept));
    let deny_warnings = args.deny_warnings
        || projects.as_ref().is_some_and(|p| {
            p.loaded
                .iter()
                .any(|project| project.config.deny_warnings == Some(true))
        });

    // Report order is path order, then document order: sort once, keep it while checking.
    jobs.sort_by(|a, b| a.input.display().cmp(b.input.display()));

    let (sinks, renders, destinations) = create_sinks(args, &reports, deny_warnings, &mut problems);
    let min_severity = args.min_severity.as_deref().and_then(Severity::parse);
    let shown = if args.quiet {
        Some(if deny_warnings {
            Severity::Warning
        } else {
            Severity::Error
        })
    } else {
        None
    };
    let renderers = Renderers::new(renders, args.redact, min_severity, shown);
    let mut emitter = Emitter {
        sinks: sinks.into_iter().map(Some).collect(),
        destinations,
        summary: Summary::default(),
        internal_errors: 0,
        problems,
        notes,
        stream: None,
        failed: Vec::new(),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads(args.jobs, &jobs))
        .build();
    let pool = match pool {
        Ok(pool) => pool,
        Err(err) => return crate::fail(&format!("cannot start worker threads: {err}")),
    };
    if args.fix || args.diff {
        let options = eventlint_core::fix::FixOptions {
            unsafe_fixes: args.unsafe_fixes,
        };
        let diff = args.diff;
        let run = pool.install(|| fix::fix_jobs(&jobs, options, diff, &mut std::io::stdout()));
        if !args.quiet {
            for note in &run.notes {
                eprintln!("eventlint: warning: {note}");
            }
            eprintln!("eventlint: {}", run.summary(args.diff));
        }
        if args.diff {
            // `--diff` writes nothing and reports nothing but the diff.
            for problem in &run.problems {
                eprintln!("eventlint: {problem}");
            }
            return if !run.problems.is_empty() {
                ExitCode::from(crate::EXIT_FAILURE)
            } else if run.files > 0 {
                ExitCode::from(crate::EXIT_FINDINGS)
            } else {
                ExitCode::SUCCESS
            };
        }
        emitter.problems.extend(run.problems);
    }
    pool.install(|| check_all(&jobs, &renderers, &mut emitter));
    emitter.finish(args, deny_warnings, false)
}

/// The size of the thread pool (0: rayon's default, one per core): `--jobs`, but no more threads
/// than can help. Files read whole are checked one per thread, so a run of only those needs no
/// more threads than files; an NDJSON stream has work for every thread.
fn threads(requested: Option<std::num::NonZeroUsize>, jobs: &[Job]) -> usize {
    let requested = requested.map_or(0, std::num::NonZeroUsize::get);
    if jobs.iter().any(streams) {
        return requested;
    }
    let useful = jobs.len().max(1);
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    match requested {
        0 if useful < cores => useful,
        0 => 0,
        n => n.min(useful),
    }
}

/// A configuration that cannot be read or is not valid: exit 2, nothing checked. One that is
/// not valid is the run's one document with diagnostics: its `config/invalid` diagnostic goes
/// to every report (human, JSON, SARIF, GitHub, `JUnit`; stdout or `--output`) as a payload's
/// findings do, at its place in the TOML. The reports are complete and valid; their summaries
/// count one error and no payload file or document. Severity overrides, `--redact` (the file
/// holds no payload), `--min-severity` and `--quiet` leave it as it is.
fn load_failed(args: &CheckArgs, reports: &[output::Report], err: LoadError) -> ExitCode {
    let err = match err {
        LoadError::Io(message) => return crate::fail(&message),
        LoadError::Config(err) => err,
    };
    let mut problems = Vec::new();
    let (sinks, renders, destinations) = create_sinks(args, reports, false, &mut problems);
    // `JUnit` lists a case per document of each file record: the configuration file gets one.
    let junit: Vec<bool> = renders
        .iter()
        .map(|render| matches!(render, Render::Junit(_)))
        .collect();
    let renderers = Renderers::new(renders, false, None, None);
    let mut emitter = Emitter {
        sinks: sinks.into_iter().map(Some).collect(),
        destinations,
        summary: Summary::default(),
        internal_errors: 0,
        problems,
        notes: Vec::new(),
        stream: None,
        failed: Vec::new(),
    };
    emitter.outcome(renderers.prepare(err.outcome()));
    let mut record = FileRecord::new(&err.name, false);
    record.push(None);
    emitter.each_sink(|i, sink| if junit[i] { sink.file(&record) } else { Ok(()) });
    emitter.problems.push(format!(
        "`{}` is not a valid configuration (rule `{}`); no payload was checked",
        err.name,
        err.diagnostic().rule
    ));
    emitter.finish(args, false, true)
}

/// Each report's sink and renderer. A report that cannot be started (its folder is missing, its
/// destination is a folder, the temporary folder is missing) is a problem of the run; the others
/// are still written.
fn create_sinks(
    args: &CheckArgs,
    reports: &[output::Report],
    deny_warnings: bool,
    problems: &mut Vec<String>,
) -> (Vec<Box<dyn Sink>>, Vec<Render>, Vec<Destination>) {
    let mut sinks = Vec::with_capacity(reports.len());
    let mut renders = Vec::with_capacity(reports.len());
    let mut destinations = Vec::with_capacity(reports.len());
    for report in reports {
        let style = if report.destination == Destination::Stdout {
            crate::term::stdout_style(args.color)
        } else {
            human::Style::plain()
        };
        let options = sink::Options {
            deny_warnings,
            show_kinds: args.show_kinds,
            statistics: args.statistics,
        };
        match sink::create(report.format, &report.destination, style, options) {
            Ok((sink, render)) => {
                sinks.push(sink);
                renders.push(render);
                destinations.push(report.destination.clone());
            }
            Err(message) => problems.push(message),
        }
    }
    (sinks, renders, destinations)
}

/// An output file that is also an input: refuse before linting.
fn overwritten_input(reports: &[output::Report], inputs: &[Input]) -> Option<String> {
    let outputs: Vec<(PathBuf, &Path)> = reports
        .iter()
        .filter_map(|r| match &r.destination {
            Destination::File(path) => std::fs::canonicalize(path)
                .ok()
                .map(|c| (c, path.as_path())),
            Destination::Stdout => None,
        })
        .collect();
    if outputs.is_empty() {
        return None;
    }
    let inputs: HashSet<PathBuf> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File { path, .. } => std::fs::canonicalize(path).ok(),
            Input::Stdin { .. } => None,
        })
        .collect();
    outputs
        .iter()
        .find(|(c, _)| inputs.contains(c))
        .map(|(_, path)| {
            format!(
                "--output `{}` is one of the files being checked; refusing to overwrite it",
                path.display()
            )
        })
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroUsize;

    use eventlint_core::CheckOptions;
    use eventlint_core::config::FileSettings;

    use super::*;
    use crate::input::Mode;

    fn job(name: &str) -> Job {
        Job {
            input: Input::File {
                path: PathBuf::from(name),
                display: name.to_owned(),
                mode: Mode::of(name),
                named: true,
            },
            options: CheckOptions::default(),
            settings: FileSettings::default(),
            split_arrays: false,
            env: None,
        }
    }

    #[test]
    fn no_more_threads_than_can_help() {
        let one = [job("a.json")];
        let jobs = NonZeroUsize::new;
        // Files read whole: one thread per file at most, whatever is asked.
        assert_eq!(threads(jobs(256), &one), 1);
        // (0 is rayon's default, one per core: on one core.)
        assert!(threads(None, &one) <= 1);
        let three = [job("a.json"), job("b.json"), job("c.json")];
        assert_eq!(threads(jobs(2), &three), 2);
        assert_eq!(threads(jobs(8), &three), 3);
        // A stream has work for every thread asked for (0: rayon's default).
        let stream = [job("a.json"), job("e.ndjson")];
        assert_eq!(threads(jobs(8), &stream), 8);
        assert_eq!(threads(None, &stream), 0);
    }
}
