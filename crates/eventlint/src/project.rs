//! Finding and reading `eventlint.toml`, and the paths its globs are matched against.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use eventlint_core::config::{Config, ConfigError, FILE_NAME};

/// A configuration larger than this is refused unread (`--config /dev/zero`-like mistakes; a
/// configuration with 10,000 `[[files]]` entries is about 1 MiB).
const CONFIG_LIMIT: u64 = 16 << 20;

/// A loaded configuration and the directory its globs are relative to.
#[derive(Debug)]
pub(crate) struct Project {
    pub config: Config,
    /// Absolute, lexically normalised.
    pub dir: PathBuf,
    /// The file as shown in messages (relative to the current directory where it can be).
    pub shown: String,
}

/// Why no configuration could be loaded.
#[derive(Debug)]
pub(crate) enum LoadError {
    /// The file could not be read.
    Io(String),
    /// The file is not a valid configuration.
    Config(Box<ConfigError>),
}

/// The configurations of a run: `--config FILE` for every input, or for each input the nearest
/// `eventlint.toml` from its directory upward (as ruff finds its configuration), each file
/// loaded once.
#[derive(Debug)]
pub(crate) struct Projects {
    cwd: PathBuf,
    /// Every configuration loaded, in the order first used.
    pub loaded: Vec<Project>,
    /// `--config FILE`: the index of the one configuration.
    explicit: Option<usize>,
    /// The nearest configuration of each directory looked at (`None`: there is none).
    by_dir: HashMap<PathBuf, Option<usize>>,
}

impl Projects {
    /// Loads `--config FILE` now; otherwise configurations are found per input.
    pub(crate) fn new(explicit: Option<&Path>, cwd: &Path) -> Result<Self, LoadError> {
        let mut projects = Projects {
            cwd: cwd.to_path_buf(),
            loaded: Vec::new(),
            explicit: None,
            by_dir: HashMap::new(),
        };
        if let Some(path) = explicit {
            let shown = path.to_string_lossy().replace('\\', "/");
            projects.explicit = Some(projects.load(&cwd.join(path), shown)?);
        }
        Ok(projects)
    }

    /// The configuration of a file shown as `display` (`None`: stdin, whose configuration is
    /// that of the current directory): its index in [`Projects::loaded`], if any.
    pub(crate) fn for_path(&mut self, display: Option<&str>) -> Result<Option<usize>, LoadError> {
        if self.explicit.is_some() {
            return Ok(self.explicit);
        }
        let dir = match display {
            Some(display) => {
                let absolute = normalize(&self.cwd.join(display));
                absolute
                    .parent()
                    .map_or_else(|| self.cwd.clone(), Path::to_path_buf)
            }
            None => normalize(&self.cwd),
        };
        self.nearest(&dir)
    }

    /// The configuration of a directory named on the command line (loaded even when the
    /// directory holds nothing to check, so that a broken one is reported).
    pub(crate) fn for_dir(&mut self, display: &str) -> Result<Option<usize>, LoadError> {
        if self.explicit.is_some() {
            return Ok(self.explicit);
        }
        let dir = normalize(&self.cwd.join(display));
        self.nearest(&dir)
    }

    /// The nearest configuration from `dir` upward. Any entry named `eventlint.toml` counts,
    /// so a broken link or a directory of that name is reported rather than skipped in favour
    /// of a parent's configuration.
    fn nearest(&mut self, dir: &Path) -> Result<Option<usize>, LoadError> {
        let mut visited = Vec::new();
        let mut found = None;
        for ancestor in dir.ancestors() {
            if let Some(&cached) = self.by_dir.get(ancestor) {
                found = cached;
                break;
            }
            visited.push(ancestor.to_path_buf());
            let candidate = ancestor.join(FILE_NAME);
            if std::fs::symlink_metadata(&candidate).is_ok() {
                let shown = shown(&candidate, &self.cwd);
                found = Some(self.load(&candidate, shown)?);
                break;
            }
        }
        for dir in visited {
            self.by_dir.insert(dir, found);
        }
        Ok(found)
    }

    fn load(&mut self, path: &Path, shown: String) -> Result<usize, LoadError> {
        let text = read(path).map_err(|why| {
            LoadError::Io(format!("cannot read the configuration `{shown}`: {why}"))
        })?;
        let config = Config::parse(&text, &shown).map_err(|e| LoadError::Config(Box::new(e)))?;
        let dir = normalize(path.parent().unwrap_or(&self.cwd));
        self.loaded.push(Project { config, dir, shown });
        Ok(self.loaded.len() - 1)
    }
}

/// Reads a configuration as inputs are read (`input::open_for_reading`: a FIFO opened without
/// waiting for a writer, devices and directories refused), at most [`CONFIG_LIMIT`] bytes of it.
/// The error says why in words: a symbolic link to nothing or in a loop, a directory, too large.
fn read(path: &Path) -> Result<String, String> {
    use std::io::Read as _;
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
        && !is_fifo(&meta)
    {
        return Err("it is a device or a socket, not a file".to_owned());
    }
    let file = crate::input::open_for_reading(path).map_err(|err| {
        let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink());
        #[cfg(unix)]
        let looped = err.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error());
        #[cfg(not(unix))]
        let looped = false;
        if link && looped {
            format!("it is a symbolic link in a loop ({err})")
        } else if link && err.kind() == std::io::ErrorKind::NotFound {
            format!("it is a symbolic link to a missing file ({err})")
        } else {
            err.to_string()
        }
    })?;
    let mut bytes = Vec::new();
    file.take(CONFIG_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| err.to_string())?;
    if bytes.len() as u64 > CONFIG_LIMIT {
        return Err(format!(
            "it is larger than {} MiB, far more than a configuration holds; is it the right file?",
            CONFIG_LIMIT >> 20
        ));
    }
    String::from_utf8(bytes).map_err(|err| {
        format!(
            "it is not UTF-8 text (invalid UTF-8 at byte {})",
            err.utf8_error().valid_up_to()
        )
    })
}

fn is_fifo(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        meta.file_type().is_fifo()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// How a configuration file is shown: relative to the current directory when inside it.
fn shown(path: &Path, cwd: &Path) -> String {
    let cwd = normalize(cwd);
    let path = normalize(path);
    if let Ok(inside) = path.strip_prefix(&cwd) {
        return inside.to_string_lossy().replace('\\', "/");
    }
    // A parent's: `../eventlint.toml`, `../../eventlint.toml`.
    for (up, ancestor) in cwd.ancestors().enumerate().skip(1) {
        if let Ok(inside) = path.strip_prefix(ancestor) {
            return format!("{}{}", "../".repeat(up), inside.to_string_lossy()).replace('\\', "/");
        }
    }
    path.to_string_lossy().replace('\\', "/")
}

impl Project {
    /// Whether this configuration lies in the current directory (`cwd`), where users look first.
    pub(crate) fn is_in(&self, cwd: &Path) -> bool {
        self.dir == normalize(cwd)
    }

    /// `display` relative to the configuration's directory (`/` separators, `""` for the
    /// directory itself), or `None` when it lies outside it.
    pub(crate) fn relative(&self, cwd: &Path, display: &str) -> Option<String> {
        let absolute = normalize(&cwd.join(display));
        absolute.strip_prefix(&self.dir).ok().map(|rel| {
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        })
    }

    /// The path a file's globs are matched against: relative to the configuration's directory,
    /// `/` separators; the display path when the file lies outside that directory.
    pub(crate) fn match_path(&self, cwd: &Path, display: &str) -> String {
        self.relative(cwd, display)
            .unwrap_or_else(|| display.to_owned())
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
