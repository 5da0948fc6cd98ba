//! Finding and reading `eventlint.toml`, and the paths its globs are matched against.

use std::path::{Component, Path, PathBuf};

use eventlint_core::config::{Config, ConfigError, FILE_NAME};

/// A loaded configuration and the directory its globs are relative to.
#[derive(Debug)]
pub(crate) struct Project {
    pub config: Config,
    /// Absolute, lexically normalised.
    pub dir: PathBuf,
}

/// Why no configuration could be loaded.
#[derive(Debug)]
pub(crate) enum LoadError {
    /// The file could not be read.
    Io(String),
    /// The file is not a valid configuration.
    Config(Box<ConfigError>),
}

/// The nearest `eventlint.toml` from `start` upward.
pub(crate) fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Loads `--config FILE`, or the discovered file; `Ok(None)` when there is none.
pub(crate) fn load(explicit: Option<&Path>, cwd: &Path) -> Result<Option<Project>, LoadError> {
    let (path, shown) = match explicit {
        Some(path) => (cwd.join(path), path.to_string_lossy().replace('\\', "/")),
        None => match discover(cwd) {
            Some(path) => {
                let shown = path
                    .strip_prefix(cwd)
                    .map_or_else(
                        |_| path.to_string_lossy().into_owned(),
                        |p| p.to_string_lossy().into_owned(),
                    )
                    .replace('\\', "/");
                (path, shown)
            }
            None => return Ok(None),
        },
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| LoadError::Io(format!("cannot read the configuration `{shown}`: {e}")))?;
    let config = Config::parse(&text, &shown).map_err(|e| LoadError::Config(Box::new(e)))?;
    let dir = normalize(path.parent().unwrap_or(cwd));
    Ok(Some(Project { config, dir }))
}

impl Project {
    /// The path a file's globs are matched against: relative to the configuration's directory,
    /// `/` separators; the display path when the file lies outside that directory.
    pub(crate) fn match_path(&self, cwd: &Path, display: &str) -> String {
        let absolute = normalize(&cwd.join(display));
        match absolute.strip_prefix(&self.dir) {
            Ok(rel) => rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
            Err(_) => display.to_owned(),
        }
    }
}

/// Removes `.` and resolves `..` without touching the file system (symlinks stay as written).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes() {
        assert_eq!(normalize(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
    }
}
