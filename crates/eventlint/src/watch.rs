//! `eventlint check --watch`: check, then check again whenever a checked file changes.
//!
//! The paths given (files or directories, recursively) are watched with `notify` (inotify on
//! Linux). A change to a `.json`, `.ndjson` or `.jsonl` file, or to an `eventlint.toml`, starts
//! a new run once the file system has been quiet for a moment (an editor's save is several
//! events); the reports' own `--output` files and eventlint's temporary files never do.
//! Every run is a whole `check` with the same arguments, so its report and exit status are
//! exactly those of a run without `--watch`. Stops on Ctrl-C (or when stdin's reader is gone).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};

use crate::lint::{self, CheckArgs};

/// How long the file system must stay quiet before a new run.
const QUIET: Duration = Duration::from_millis(150);

/// Whether a change to `path` should start a new run.
fn relevant(path: &Path, outputs: &[PathBuf]) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if name.starts_with(".eventlint-") {
        return false;
    }
    if outputs.iter().any(|o| o == path) {
        return false;
    }
    name == eventlint_core::config::FILE_NAME
        || matches!(
            path.extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("json" | "ndjson" | "jsonl")
        )
}

pub(crate) fn run(args: &CheckArgs, format_at: &[usize], output_at: &[usize]) -> ExitCode {
    let paths = args.paths();
    if paths.iter().any(|p| p.as_os_str() == "-") {
        return crate::fail("--watch cannot watch stdin (`-`); name files or directories");
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let outputs: Vec<PathBuf> = args
        .output_paths()
        .iter()
        .map(|o| std::fs::canonicalize(o).unwrap_or_else(|_| cwd.join(o)))
        .collect();
    let (tx, rx) = mpsc::channel();
    let watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    });
    let mut watcher = match watcher {
        Ok(watcher) => watcher,
        Err(err) => return crate::fail(&format!("--watch: cannot watch files: {err}")),
    };
    for path in &paths {
        if let Err(err) = watcher.watch(path, RecursiveMode::Recursive) {
            return crate::fail(&format!(
                "--watch: cannot watch `{}`: {err}",
                path.display()
            ));
        }
    }
    loop {
        let _ = lint::run(args, format_at, output_at);
        eprintln!("eventlint: watching for changes (Ctrl-C to stop)");
        // Wait for a relevant change, then for quiet.
        let mut changed: Option<PathBuf> = None;
        while changed.is_none() {
            let Ok(event) = rx.recv() else {
                return ExitCode::SUCCESS;
            };
            changed = changed_path(event, &outputs);
        }
        while let Ok(event) = rx.recv_timeout(QUIET) {
            let _ = changed_path(event, &outputs);
        }
        if let Some(path) = changed {
            let shown = path.strip_prefix(&cwd).unwrap_or(&path);
            eprintln!("eventlint: `{}` changed; checking again", shown.display());
        }
    }
}

fn changed_path(event: notify::Result<notify::Event>, outputs: &[PathBuf]) -> Option<PathBuf> {
    let event = event.ok()?;
    if matches!(event.kind, EventKind::Access(_)) {
        return None;
    }
    event.paths.into_iter().find(|p| relevant(p, outputs))
}
