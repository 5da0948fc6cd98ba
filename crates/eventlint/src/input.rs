//! Finding inputs: files, directories (walked with the `ignore` crate, honouring .gitignore),
//! and stdin. Files are only ever opened for reading.
//!
//! Hostile trees and paths:
//! - a FIFO named on the command line is read (so `eventlint check <(cmd)` works) but opened
//!   non-blocking, so that nobody writing means an empty document, not a hang;
//! - devices and sockets named on the command line are refused (`/dev/zero` never ends);
//!   FIFOs, devices and sockets met while walking a directory are skipped;
//! - a directory symlink loop is reported on stderr as a warning and does not change the exit
//!   status: every file of the tree is still reached once;
//! - a path that cannot be read (a dangling symlink, a file deleted between the walk and the
//!   read) is reported and the other inputs are still linted; the run exits 2;
//! - so is a directory the walk cannot enter (listed but not searchable, or deeper than
//!   `PATH_MAX`): its subtree is skipped, never in silence;
//! - stdin is read as files are, block by block for NDJSON (not whole before the first check);
//! - a file name that is not UTF-8 is linted and shown lossily (U+FFFD for the bad bytes).

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};

/// How a file's bytes split into documents (`--input-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Mode {
    /// The whole file is one document.
    Json,
    /// One document per non-blank line.
    Ndjson,
    /// HTTP requests (`.http`, `.rest`: `JetBrains` and VS Code REST clients).
    Http,
    /// curl command lines (`.curl`).
    Curl,
    /// Hurl files (`.hurl`).
    Hurl,
    /// HAR captures (`.har`).
    Har,
    /// eventlint's request log (`*.requests.ndjson`).
    Requests,
}

impl Mode {
    /// The request format of this mode, if it reads requests.
    pub(crate) fn requests(self) -> Option<eventlint_core::request::read::Format> {
        use eventlint_core::request::read::Format;
        Some(match self {
            Mode::Json | Mode::Ndjson => return None,
            Mode::Http => Format::Http,
            Mode::Curl => Format::Curl,
            Mode::Hurl => Format::Hurl,
            Mode::Har => Format::Har,
            Mode::Requests => Format::Requests,
        })
    }

    pub(crate) fn of(name: &str) -> Mode {
        use eventlint_core::request::read::Format;
        match Format::from_name(name) {
            Some(Format::Http) => return Mode::Http,
            Some(Format::Curl) => return Mode::Curl,
            Some(Format::Hurl) => return Mode::Hurl,
            Some(Format::Har) => return Mode::Har,
            Some(Format::Requests) => return Mode::Requests,
            None => {}
        }
        let ext = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if ext.eq_ignore_ascii_case("ndjson") || ext.eq_ignore_ascii_case("jsonl") {
            Mode::Ndjson
        } else {
            Mode::Json
        }
    }
}

/// One input to lint.
#[derive(Debug, Clone)]
pub(crate) enum Input {
    /// A file on disk, with its display path.
    File {
        path: PathBuf,
        display: String,
        mode: Mode,
        /// Named on the command line (not found by walking a directory).
        named: bool,
    },
    /// Standard input.
    Stdin { display: String, mode: Mode },
}

impl Input {
    pub(crate) fn display(&self) -> &str {
        match self {
            Input::File { display, .. } | Input::Stdin { display, .. } => display,
        }
    }
    pub(crate) fn mode(&self) -> Mode {
        match self {
            Input::File { mode, .. } | Input::Stdin { mode, .. } => *mode,
        }
    }
    /// Opens the input for reading.
    pub(crate) fn open(&self) -> io::Result<Box<dyn BufRead + Send>> {
        match self {
            Input::File { path, .. } => Ok(Box::new(io::BufReader::with_capacity(
                1 << 16,
                open_for_reading(path)?,
            ))),
            // Read as it comes, like a FIFO: NDJSON block by block, not whole first.
            Input::Stdin { .. } => Ok(Box::new(io::BufReader::with_capacity(1 << 16, io::stdin()))),
        }
    }
}

/// Opens a file read-only. A FIFO is opened non-blocking (an `open` for reading would wait for a
/// writer forever), then read blocking: with no writer that is an immediate end of file.
/// Anything but a regular file or a FIFO is refused. A file gone since the walk says so. The
/// configuration is opened so too (`project.rs`).
pub(crate) fn open_for_reading(path: &Path) -> io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits().cast_signed());
    }
    let file = options.open(path).map_err(|err| {
        if err.kind() == io::ErrorKind::NotFound && std::fs::symlink_metadata(path).is_err() {
            io::Error::new(
                io::ErrorKind::NotFound,
                "it no longer exists (deleted after eventlint found it?)",
            )
        } else {
            err
        }
    })?;
    let kind = file.metadata()?.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            let flags = rustix::fs::fcntl_getfl(&file)?;
            rustix::fs::fcntl_setfl(&file, flags - rustix::fs::OFlags::NONBLOCK)?;
            return Ok(file);
        }
    }
    if kind.is_dir() {
        return Err(io::Error::other("it is a directory"));
    }
    if !kind.is_file() {
        return Err(io::Error::other(
            "it is not a regular file or a FIFO (a device or a socket); use `-` for stdin",
        ));
    }
    Ok(file)
}

fn is_lintable(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("json" | "ndjson" | "jsonl" | "http" | "rest" | "curl" | "hurl" | "har")
    )
}

/// The display form of a path: as given, `/` separators.
pub(crate) fn display(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map_or(text.clone(), str::to_owned)
}

/// A directory named on the command line, and the inputs its walk found.
#[derive(Debug)]
pub(crate) struct Walked {
    /// As given, `/` separators.
    pub display: String,
    /// Its inputs in `collect`'s list.
    pub inputs: std::ops::Range<usize>,
}

/// Expands the command-line paths. Returns the inputs, the problems (unreadable paths) and the
/// directories walked. Warnings that do not fail the run (a symlink loop) are printed to stderr
/// here. `format` (`--input-format`) says how every input is read; without it, its extension
/// does (stdin: that of `stdin_name`).
pub(crate) fn collect(
    paths: &[PathBuf],
    stdin_name: Option<&str>,
    format: Option<Mode>,
) -> (Vec<Input>, Vec<String>, Vec<Walked>) {
    let mode_of = |name: &str| format.unwrap_or_else(|| Mode::of(name));
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    let mut walked = Vec::new();
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    for path in paths {
        let arg = path.to_string_lossy();
        if path.as_os_str() == OsStr::new("-") {
            let display = stdin_name.unwrap_or("<stdin>").to_owned();
            let mode = mode_of(&display);
            inputs.push(Input::Stdin { display, mode });
            continue;
        }
        match std::fs::metadata(path) {
            Err(err) if std::fs::symlink_metadata(path).is_ok() => problems.push(format!(
                "cannot read `{arg}`: it is a symbolic link to a missing file ({err})"
            )),
            Err(err) => problems.push(format!("cannot read `{arg}`: {err}")),
            Ok(meta) if meta.is_dir() => {
                let first = inputs.len();
                walk(path, &mode_of, &mut inputs, &mut problems);
                walked.push(Walked {
                    display: display(path),
                    inputs: first..inputs.len(),
                });
            }
            Ok(_) => inputs.push(Input::File {
                path: path.clone(),
                display: display(path),
                mode: mode_of(&arg),
                named: true,
            }),
        }
    }
    if paths.len() > 1 {
        once_each(&mut inputs, &mut walked);
    }
    (inputs, problems, walked)
}

/// The same file named twice (`a.json ./a.json`, or a file and a directory that holds it) is
/// checked once, where it first appears; stdin is read once. Only when several paths were given
/// (one walk already reads each file once).
fn once_each(inputs: &mut Vec<Input>, walked: &mut [Walked]) {
    let mut seen = std::collections::HashSet::new();
    let mut stdin = false;
    let mut keep = Vec::with_capacity(inputs.len());
    for input in inputs.iter() {
        let first = match input {
            Input::Stdin { .. } => !std::mem::replace(&mut stdin, true),
            Input::File { path, .. } => identity(path).is_none_or(|id| seen.insert(id)),
        };
        keep.push(first);
    }
    // Each walked directory's range, in the kept list.
    let kept_before = |i: usize| keep[..i].iter().filter(|k| **k).count();
    for dir in walked.iter_mut() {
        dir.inputs = kept_before(dir.inputs.start)..kept_before(dir.inputs.end);
    }
    let mut i = 0;
    inputs.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// What makes two paths one file: its device and inode (`None` where that cannot be read).
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

/// How to tell a walked file's real path, to find files reached twice.
enum Real {
    /// No symbolic link involved: the root's real path joined with the path inside the root.
    Inside,
    /// Resolved with `canonicalize` (a symbolic link is involved).
    Resolved(PathBuf),
    /// It could not be resolved: never taken for a duplicate.
    Unknown,
}

/// Walks a directory. A file reached twice (through a symbolic link to a directory, or a loop)
/// is linted once, under its shortest path (the first one met when several are as short).
///
/// Duplicates are found by real path. Only an entry that is a symbolic link, or that lies below a
/// directory the walk entered through one, needs `canonicalize` (a `readlink` per component);
/// any other file's real path is the root's real path (resolved once) joined with its path
/// inside the root, so it is nobody else's unless a link leads there too: when no link is met,
/// there is nothing to compare.
fn walk(
    root: &Path,
    mode_of: &dyn Fn(&str) -> Mode,
    inputs: &mut Vec<Input>,
    problems: &mut Vec<String>,
) {
    let walker = ignore::WalkBuilder::new(root)
        .require_git(false)
        .follow_links(true)
        // Siblings share their parent's path, so comparing whole paths byte by byte orders them
        // by file name, as `sort_by_file_name` would, without parsing paths into components.
        .sort_by_file_path(|a, b| a.as_os_str().cmp(b.as_os_str()))
        .build();
    let real_root = std::fs::canonicalize(root).ok();
    let mut found: Vec<(Input, Real)> = Vec::new();
    // The walk is depth-first: `linked[d]` says whether the directory entered last at depth `d`
    // was reached through a symbolic link (itself or one above it). The root is resolved whole.
    let mut linked: Vec<bool> = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let depth = entry.depth();
                linked.truncate(depth);
                let through_link = depth > 0
                    && (entry.path_is_symlink() || linked.get(depth - 1).copied().unwrap_or(true));
                let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                if is_dir {
                    // Its entries follow it, before the next entry at its depth.
                    linked.resize(depth, true);
                    linked.push(through_link);
                    continue;
                }
                let path = entry.path();
                if !(entry.file_type().is_some_and(|t| t.is_file()) && is_lintable(path)) {
                    continue;
                }
                let input = Input::File {
                    path: path.to_path_buf(),
                    display: display(path),
                    mode: mode_of(&path.to_string_lossy()),
                    named: false,
                };
                let real = if !through_link && real_root.is_some() && path.starts_with(root) {
                    Real::Inside
                } else {
                    std::fs::canonicalize(path).map_or(Real::Unknown, Real::Resolved)
                };
                found.push((input, real));
            }
            Err(err) => walk_error(root, &err, problems),
        }
    }
    if !found
        .iter()
        .any(|(_, real)| matches!(real, Real::Resolved(_)))
    {
        inputs.extend(found.into_iter().map(|(input, _)| input));
        return;
    }
    let mut seen: HashMap<PathBuf, usize> = HashMap::new();
    for (input, real) in found {
        let real = match (real, &input) {
            (Real::Resolved(real), _) => Some(real),
            (Real::Inside, Input::File { path, .. }) => real_root
                .as_ref()
                .zip(path.strip_prefix(root).ok())
                .map(|(real_root, inside)| real_root.join(inside)),
            _ => None,
        };
        let Some(real) = real else {
            inputs.push(input);
            continue;
        };
        if let Some(&i) = seen.get(&real) {
            if components(&input) < components(&inputs[i]) {
                inputs[i] = input;
            }
        } else {
            seen.insert(real, inputs.len());
            inputs.push(input);
        }
    }
}

fn components(input: &Input) -> usize {
    match input {
        Input::File { path, .. } => path.components().count(),
        Input::Stdin { .. } => 0,
    }
}

/// A loop is a warning (printed now); a dangling link or unreadable entry that would have been
/// linted is a problem, and so is a directory that cannot be entered (listed but not searchable,
/// or deeper than `PATH_MAX`), or anything that cannot even be looked at: its subtree may hold
/// payloads. A file eventlint would not lint (an unreadable `notes.txt`, a dangling `notes.txt`
/// link) is no concern of eventlint.
fn walk_error(root: &Path, err: &ignore::Error, problems: &mut Vec<String>) {
    let mut inner = err;
    let mut path = None;
    loop {
        match inner {
            ignore::Error::WithPath { path: p, err } => {
                path = Some(p.as_path());
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner = err;
            }
            _ => break,
        }
    }
    if let ignore::Error::Loop { ancestor, child } = inner {
        eprintln!(
            "eventlint: warning: not following `{}`: a symbolic link loop back to `{}`",
            display(child),
            display(ancestor)
        );
        return;
    }
    let Some(path) = path else {
        problems.push(format!("while walking `{}`: {err}", display(root)));
        return;
    };
    let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink());
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_dir() && !is_lintable(path) => {}
        Err(_) if link && !is_lintable(path) => {}
        Err(_) if link => problems.push(format!(
            "cannot read `{}`: it is a symbolic link to a missing file",
            display(path)
        )),
        // A directory, or (when it cannot even be looked at) most likely one.
        Ok(meta) if meta.is_dir() => problems.push(cannot_enter(path, inner)),
        Err(_) if !is_lintable(path) => problems.push(cannot_enter(path, inner)),
        _ => problems.push(format!("cannot read `{}`: {}", display(path), why(inner))),
    }
}

fn cannot_enter(path: &Path, err: &ignore::Error) -> String {
    format!(
        "cannot enter `{}`, so nothing below it is checked: {}",
        display(path),
        why(err)
    )
}

/// The operating system's words for an error, without the path `walkdir` puts in them (the
/// message names it already).
fn why(err: &ignore::Error) -> String {
    let mut source: Option<&(dyn std::error::Error + 'static)> = match err.io_error() {
        Some(io) => Some(io),
        None => Some(err),
    };
    while let Some(error) = source {
        if let Some(code) = error
            .downcast_ref::<io::Error>()
            .and_then(io::Error::raw_os_error)
        {
            return io::Error::from_raw_os_error(code).to_string();
        }
        source = error.source();
    }
    err.to_string()
}
