//! Finding inputs: files, directories (walked with the `ignore` crate, honouring .gitignore),
//! and stdin. Files are only ever opened for reading.

use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

/// How a file's bytes split into documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The whole file is one document.
    Json,
    /// One document per non-blank line.
    Ndjson,
}

impl Mode {
    pub(crate) fn of(name: &str) -> Mode {
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
                std::fs::File::open(path)?,
            ))),
            Input::Stdin { .. } => {
                let mut buf = Vec::new();
                io::stdin().lock().read_to_end(&mut buf)?;
                Ok(Box::new(io::Cursor::new(buf)))
            }
        }
    }
}

fn is_lintable(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("json" | "ndjson" | "jsonl")
    )
}

/// The display form of a path: as given, `/` separators.
fn display(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map_or(text.clone(), str::to_owned)
}

/// Expands the command-line paths. Returns the inputs and the problems (unreadable paths).
pub(crate) fn collect(paths: &[String], stdin_name: Option<&str>) -> (Vec<Input>, Vec<String>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    let default = [".".to_owned()];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    for arg in paths {
        if arg == "-" {
            let display = stdin_name.unwrap_or("<stdin>").to_owned();
            let mode = Mode::of(&display);
            inputs.push(Input::Stdin { display, mode });
            continue;
        }
        let path = Path::new(arg);
        match std::fs::metadata(path) {
            Err(err) => problems.push(format!("cannot read `{arg}`: {err}")),
            Ok(meta) if meta.is_dir() => walk(path, &mut inputs, &mut problems),
            Ok(_) => inputs.push(Input::File {
                path: path.to_path_buf(),
                display: display(path),
                mode: Mode::of(arg),
            }),
        }
    }
    (inputs, problems)
}

fn walk(root: &Path, inputs: &mut Vec<Input>, problems: &mut Vec<String>) {
    let walker = ignore::WalkBuilder::new(root)
        .require_git(false)
        .follow_links(true)
        .sort_by_file_name(std::cmp::Ord::cmp)
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                if entry.file_type().is_some_and(|t| t.is_file()) && is_lintable(path) {
                    inputs.push(Input::File {
                        path: path.to_path_buf(),
                        display: display(path),
                        mode: Mode::of(&path.to_string_lossy()),
                    });
                }
            }
            Err(err) => problems.push(format!("while walking `{}`: {err}", display(root))),
        }
    }
}
