//! Where reports go: pairing `--format` with `--output`, opening each destination, and
//! publishing a report file whole or not at all.
//!
//! The pairing rule: each `--output FILE` belongs to the nearest `--format` before it on the
//! command line; a `--format` with no `--output` of its own prints to stdout, and at most one
//! may. Without any `--format`, the one `--output` (if any) receives the human report.
//! `--output -` is stdout. Anything else is ambiguous and exits 2, and so are two outputs that
//! are one file under two names (`r.json` and `./r.json`).
//!
//! What each destination gets ([`open`]):
//!
//! - a new path, or an existing regular file: the report goes to a temporary file beside it
//!   (`.eventlint-*.tmp`), renamed over it once the report is complete ([`Temporary`]). A
//!   report whose writing failed is never renamed: its temporary file is removed and the
//!   destination is left as it was. A new report gets `0666` less the umask; a replaced one
//!   keeps the permission bits of the file it replaces (the owner is whoever runs eventlint).
//! - a symbolic link to a regular file: that file is replaced the same way and the link stays,
//!   provided the file can be opened for writing through the link (so a link that the kernel's
//!   `fs.protected_symlinks` would not follow is refused here too).
//! - anything else that exists, never replaced: a device (`/dev/null`), a FIFO, and whatever is
//!   reached through `/proc` (`/dev/stdout`, `/dev/fd/N`, so `--output >(cmd)`) is written in
//!   place, as stdout is (a file reached so is appended to, as after a shell's `>` or `>>`).
//! - a folder or a dangling link: refused, naming it.
//!
//! A signal that ends the run (SIGINT, SIGTERM, SIGHUP, SIGQUIT) removes the temporary files
//! first ([`remove_temporaries_on_signals`]).

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::Format;

/// Where one report goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Destination {
    Stdout,
    File(PathBuf),
}

/// One report to produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Report {
    pub format: Format,
    pub destination: Destination,
}

/// Pairs formats with outputs by their command-line positions (see the module docs).
pub(crate) fn plan(
    formats: &[(usize, Format)],
    outputs: &[(usize, &Path)],
) -> Result<Vec<Report>, String> {
    let formats: Vec<(usize, Format)> = if formats.is_empty() {
        vec![(0, Format::Human)]
    } else {
        formats.to_vec()
    };
    let mut reports: Vec<(Format, Option<&Path>)> =
        formats.iter().map(|(_, f)| (*f, None)).collect();
    for (at, path) in outputs {
        let owner = formats.iter().rposition(|(f_at, _)| f_at < at);
        let Some(owner) = owner else {
            return Err(format!(
                "`--output {}` comes before any --format; each --output belongs to the --format just before it",
                path.display()
            ));
        };
        if let Some(previous) = reports[owner].1 {
            return Err(format!(
                "two outputs for --format {}: `{}` and `{}`; give each --output its own --format",
                name(reports[owner].0),
                previous.display(),
                path.display()
            ));
        }
        reports[owner].1 = Some(path);
    }
    let reports: Vec<Report> = reports
        .into_iter()
        .map(|(format, path)| Report {
            format,
            destination: match path {
                Some(p) if p != Path::new("-") => Destination::File(p.to_path_buf()),
                _ => Destination::Stdout,
            },
        })
        .collect();
    let to_stdout: Vec<&str> = reports
        .iter()
        .filter(|r| r.destination == Destination::Stdout)
        .map(|r| name(r.format))
        .collect();
    if to_stdout.len() > 1 {
        return Err(format!(
            "{} reports would all print to stdout (--format {}); put `--output FILE` after all but one of them",
            to_stdout.len(),
            to_stdout.join(", --format ")
        ));
    }
    for (i, r) in reports.iter().enumerate() {
        if let Destination::File(path) = &r.destination
            && reports[..i]
                .iter()
                .any(|other| other.destination == r.destination)
        {
            return Err(format!("`{}` is given as --output twice", path.display()));
        }
    }
    Ok(reports)
}

pub(crate) fn name(format: Format) -> &'static str {
    match format {
        Format::Human => "human",
        Format::Json => "json",
        Format::Sarif => "sarif",
        Format::Github => "github",
        Format::Junit => "junit",
    }
}

/// Refuses two reports that would go to the same file under different names (`r.json` and
/// `./r.json`, a link and its target, two hard links), and a file report into the file stdout
/// already goes to while another report prints there. Character devices (`/dev/null`, a
/// terminal) may take several reports: nothing is kept there to be corrupted.
pub(crate) fn distinct(reports: &[Report]) -> Result<(), String> {
    let mut seen: Vec<(Identity, &Path)> = Vec::new();
    let on_stdout = reports
        .iter()
        .find(|r| r.destination == Destination::Stdout)
        .map(|r| r.format);
    let stdout = on_stdout.and_then(|_| stdout_identity());
    for report in reports {
        let Destination::File(path) = &report.destination else {
            continue;
        };
        let Some((identity, device)) = identity(path) else {
            continue;
        };
        if device {
            continue;
        }
        if let Some((_, other)) = seen.iter().find(|(i, _)| *i == identity) {
            return Err(format!(
                "`{}` and `{}` are the same file; give each report a file of its own",
                other.display(),
                path.display()
            ));
        }
        if let (Some(format), Some(stdout)) = (on_stdout, &stdout)
            && *stdout == identity
        {
            return Err(format!(
                "`{}` is where stdout goes, and the {} report already prints there; give it a file of its own",
                path.display(),
                name(format)
            ));
        }
        seen.push((identity, path));
    }
    Ok(())
}

/// What makes two destinations one file.
#[derive(Debug, PartialEq, Eq)]
enum Identity {
    /// An existing file (links followed): its device and inode.
    Inode(u64, u64),
    /// A path that does not exist yet: its folder's real path and its name.
    New(PathBuf),
}

/// The identity of `path`, and whether it is a character device.
fn identity(path: &Path) -> Option<(Identity, bool)> {
    #[cfg(unix)]
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    match fs::metadata(path) {
        #[cfg(unix)]
        Ok(meta) => Some((
            Identity::Inode(meta.dev(), meta.ino()),
            meta.file_type().is_char_device(),
        )),
        #[cfg(not(unix))]
        Ok(_) => fs::canonicalize(path)
            .ok()
            .map(|p| (Identity::New(p), false)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            let folder = fs::canonicalize(folder_of(path)).ok()?;
            Some((Identity::New(folder.join(path.file_name()?)), false))
        }
        Err(_) => None,
    }
}

/// The identity of the file stdout writes to.
fn stdout_identity() -> Option<Identity> {
    #[cfg(unix)]
    {
        let stat = rustix::fs::fstat(io::stdout()).ok()?;
        let kind = rustix::fs::FileType::from_raw_mode(stat.st_mode);
        (kind != rustix::fs::FileType::CharacterDevice)
            .then_some(Identity::Inode(stat.st_dev, stat.st_ino))
    }
    #[cfg(not(unix))]
    None
}

/// The folder a path is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Why a report could not be written while it was being written or published, naming its
/// destination (and, for a missing folder, the folder), never a temporary file's name.
pub(crate) fn cannot_write(destination: &Destination, err: &io::Error) -> String {
    let Destination::File(path) = destination else {
        return format!("cannot write the report to stdout: {err}");
    };
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(parent) = parent
        && !parent.is_dir()
    {
        return format!(
            "cannot write `{}`: the folder `{}` does not exist",
            path.display(),
            parent.display()
        );
    }
    format!("cannot write `{}`: {}", path.display(), cause(err))
}

/// An error's text without the temporary file's name that `tempfile` adds to it.
fn cause(err: &io::Error) -> String {
    let why = err.to_string();
    why.split_once(" at path ")
        .map_or(why.as_str(), |(cause, _)| cause)
        .to_owned()
}

/// A report's destination, opened before the run.
#[derive(Debug)]
pub(crate) enum Opened {
    /// Written in place, as stdout is: a device (`/dev/null`), a FIFO, or a file reached through
    /// `/proc` (`/dev/stdout`, `/dev/fd/N`, `--output >(cmd)`). It is never replaced.
    Stream(File),
    /// A new path or a regular file: replaced whole by a rename once the report is complete.
    Replace(Temporary),
}

/// Opens where a report goes (see the module docs for what each kind of destination gets).
/// The error names the destination.
pub(crate) fn open(path: &Path) -> Result<Opened, String> {
    let shown = path.display();
    match fs::symlink_metadata(path) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => replace(path, path, None),
        Err(err) => Err(format!("cannot write `{shown}`: {err}")),
        Ok(meta) if meta.is_file() => replace(path, path, Some(&meta)),
        Ok(meta) if meta.is_dir() => Err(format!("cannot write `{shown}`: it is a folder")),
        Ok(meta) if meta.file_type().is_symlink() => through_link(path),
        Ok(_) => stream(path, false),
    }
}

/// A symbolic link: what it reaches decides. A regular file is replaced (the link stays) if it
/// can be opened for writing through the link, so that a link the kernel would not follow for
/// writing (`fs.protected_symlinks`: someone else's link in a sticky folder such as /tmp) is
/// not followed here either; a file reached through `/proc` is an open file (`/dev/stdout`),
/// written in place, appending as a shell's `>>` would (the shell's `>` has emptied it).
fn through_link(path: &Path) -> Result<Opened, String> {
    let shown = path.display();
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            let target = fs::read_link(path).map_or_else(
                |_| "a missing file".to_owned(),
                |t| format!("`{}`, which does not exist", t.display()),
            );
            return Err(format!(
                "cannot write `{shown}`: it is a symbolic link to {target}"
            ));
        }
        Err(err) => return Err(format!("cannot write `{shown}`: {err}")),
    };
    if meta.is_dir() {
        return Err(format!(
            "cannot write `{shown}`: it is a symbolic link to a folder"
        ));
    }
    let proc = through_proc(path);
    if !meta.is_file() || proc {
        return stream(path, proc && meta.is_file());
    }
    if let Err(err) = write_options(false).open(path) {
        return Err(format!("cannot write `{shown}`: {err}"));
    }
    let real = fs::canonicalize(path).map_err(|err| format!("cannot write `{shown}`: {err}"))?;
    replace(path, &real, Some(&meta))
}

/// Whether following the link `path` goes through `/proc`, where links name open files
/// (`/dev/stdout` is `/proc/self/fd/1`, `/dev/fd` is `/proc/self/fd`).
fn through_proc(path: &Path) -> bool {
    let mut hop = path.to_path_buf();
    // The kernel follows at most 40 links.
    for _ in 0..40 {
        let Ok(folder) = fs::canonicalize(folder_of(&hop)) else {
            return false;
        };
        if folder.starts_with("/proc") {
            return true;
        }
        match fs::read_link(&hop) {
            Ok(next) => hop = folder.join(next),
            Err(_) => return false,
        }
    }
    false
}

fn write_options(append: bool) -> fs::OpenOptions {
    let mut options = fs::OpenOptions::new();
    options.write(true).append(append);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A terminal named as --output does not become the controlling terminal.
        options.custom_flags(rustix::fs::OFlags::NOCTTY.bits().cast_signed());
    }
    options
}

/// Opens an existing destination that is not replaced, to write into it. A FIFO's `open` waits
/// for a reader, as a shell's redirection does.
fn stream(path: &Path, append: bool) -> Result<Opened, String> {
    write_options(append)
        .open(path)
        .map(Opened::Stream)
        .map_err(|err| format!("cannot write `{}`: {err}", path.display()))
}

/// A temporary file to be renamed over the existing file `path` (an input `--fix` rewrites): it
/// keeps the file's permission bits, and a link is followed to the file it names (the link
/// stays a link).
pub(crate) fn replacement(path: &Path) -> Result<Temporary, String> {
    let shown = path.display();
    let meta = fs::metadata(path).map_err(|err| format!("cannot write `{shown}`: {err}"))?;
    let real = fs::canonicalize(path).map_err(|err| format!("cannot write `{shown}`: {err}"))?;
    match replace(path, &real, Some(&meta))? {
        Opened::Replace(temporary) => Ok(temporary),
        Opened::Stream(_) => Err(format!("cannot write `{shown}`: not a regular file")),
    }
}

/// A temporary file beside `target`, to be renamed over it: with `0666` less the umask for a
/// new file, the permission bits of the file it replaces otherwise.
fn replace(shown: &Path, target: &Path, old: Option<&fs::Metadata>) -> Result<Opened, String> {
    let folder = folder_of(target);
    if !folder.is_dir() {
        return Err(format!(
            "cannot write `{}`: the folder `{}` does not exist",
            shown.display(),
            folder.display()
        ));
    }
    #[cfg(unix)]
    let mode = old.map(|meta| {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o777
    });
    #[cfg(not(unix))]
    let mode: Option<u32> = old.map(|_| 0);
    Temporary::create(folder, target, shown, mode)
        .map(Opened::Replace)
        .map_err(|err| format!("cannot write `{}`: {}", shown.display(), cause(&err)))
}

/// The temporary files that exist now, removed by a signal that ends the run (see
/// [`remove_temporaries_on_signals`]). A temporary file is created, renamed and removed with
/// this lock held, so none is left behind whatever the moment of the signal.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn temporaries() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARIES.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A report being written beside its destination (`.eventlint-*.tmp`). Dropped before
/// [`Temporary::publish`], it is removed, and the destination is left as it was.
#[derive(Debug)]
pub(crate) struct Temporary {
    file: Option<tempfile::NamedTempFile>,
    /// The path it is renamed over: the destination, or the file a link to it points at.
    target: PathBuf,
    /// The destination as given, when it is a link to `target`.
    link: Option<PathBuf>,
}

impl Temporary {
    fn create(
        folder: &Path,
        target: &Path,
        shown: &Path,
        mode: Option<u32>,
    ) -> io::Result<Temporary> {
        let mut registered = temporaries();
        let mut builder = tempfile::Builder::new();
        builder.prefix(".eventlint-").suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // A new report: 0666 less the umask, as any new file.
            builder.permissions(fs::Permissions::from_mode(mode.unwrap_or(0o666)));
        }
        let file = builder.tempfile_in(folder)?;
        #[cfg(unix)]
        if let Some(mode) = mode {
            use std::os::unix::fs::PermissionsExt;
            // A replaced report keeps its mode exactly, whatever the umask.
            file.as_file()
                .set_permissions(fs::Permissions::from_mode(mode))?;
        }
        registered.push(file.path().to_path_buf());
        Ok(Temporary {
            file: Some(file),
            target: target.to_path_buf(),
            link: (target != shown).then(|| shown.to_path_buf()),
        })
    }

    /// The open temporary file.
    pub(crate) fn file_mut(&mut self) -> io::Result<&mut File> {
        self.file
            .as_mut()
            .map(tempfile::NamedTempFile::as_file_mut)
            .ok_or_else(|| io::Error::other("the report was already published"))
    }

    /// Makes the complete report durable and renames it over its destination. The error says
    /// which step failed, naming the file renamed over when it is not the destination itself.
    pub(crate) fn publish(mut self) -> io::Result<()> {
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        file.as_file().sync_all()?;
        let mut registered = temporaries();
        let temp = file.path().to_path_buf();
        let result = file.persist(&self.target);
        registered.retain(|p| *p != temp);
        result.map(drop).map_err(|err| {
            let over = match &self.link {
                Some(_) => format!(" over `{}`, the file it links to", self.target.display()),
                None => String::new(),
            };
            // `err.file` is dropped here, which removes the temporary file.
            io::Error::new(
                err.error.kind(),
                format!(
                    "cannot rename the complete report{over}: {}",
                    cause(&err.error)
                ),
            )
        })
    }
}

impl Write for Temporary {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file_mut()?.write(buf)
    }
    fn write_vectored(&mut self, bufs: &[io::IoSlice<'_>]) -> io::Result<usize> {
        self.file_mut()?.write_vectored(bufs)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file_mut()?.flush()
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut registered = temporaries();
            let temp = file.path().to_path_buf();
            drop(file);
            registered.retain(|p| *p != temp);
        }
    }
}

/// From now on, SIGINT, SIGTERM, SIGHUP and SIGQUIT remove the temporary files of the reports
/// being written, then end the process as the signal would have (its status says which). SIGXFSZ
/// (a file past `ulimit -f`) no longer ends it: the write that crossed the limit fails with
/// `EFBIG`, and that report alone is not published. Once per process.
pub(crate) fn remove_temporaries_on_signals() {
    #[cfg(unix)]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGXFSZ};
            let Ok(mut signals) =
                signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGXFSZ])
            else {
                return;
            };
            let spawned = std::thread::Builder::new()
                .name("signals".to_owned())
                .spawn(move || {
                    for signal in signals.forever() {
                        if signal == SIGXFSZ {
                            continue;
                        }
                        // Held until the process ends: no temporary file is created or renamed
                        // after these are removed.
                        let registered = temporaries();
                        for path in registered.iter() {
                            let _ = fs::remove_file(path);
                        }
                        let _ = signal_hook::low_level::emulate_default_handler(signal);
                        std::process::exit(128 + signal);
                    }
                });
            drop(spawned);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(path: &str) -> Destination {
        Destination::File(PathBuf::from(path))
    }

    #[test]
    fn pairing() {
        let sarif = Path::new("r.sarif");
        // --format human --format sarif --output r.sarif
        let plan1 = plan(&[(1, Format::Human), (3, Format::Sarif)], &[(5, sarif)]).unwrap();
        assert_eq!(plan1[0].destination, Destination::Stdout);
        assert_eq!(plan1[1].destination, f("r.sarif"));
        // --format sarif --output r.sarif --format human
        let plan2 = plan(&[(1, Format::Sarif), (5, Format::Human)], &[(3, sarif)]).unwrap();
        assert_eq!(plan2[0].destination, f("r.sarif"));
        assert_eq!(plan2[1].destination, Destination::Stdout);
        // --output r.txt alone: the human report
        let plan3 = plan(&[], &[(1, Path::new("r.txt"))]).unwrap();
        assert_eq!(plan3[0].format, Format::Human);
        assert_eq!(plan3[0].destination, f("r.txt"));
        // --output - is stdout
        let plan4 = plan(&[(1, Format::Json)], &[(3, Path::new("-"))]).unwrap();
        assert_eq!(plan4[0].destination, Destination::Stdout);
    }

    #[test]
    fn ambiguity_is_rejected() {
        let a = Path::new("a");
        let b = Path::new("b");
        assert!(plan(&[(1, Format::Human), (3, Format::Json)], &[]).is_err());
        assert!(plan(&[(3, Format::Json)], &[(1, a)]).is_err());
        assert!(plan(&[(1, Format::Json)], &[(3, a), (5, b)]).is_err());
        assert!(plan(&[(1, Format::Json), (5, Format::Sarif)], &[(3, a), (7, a)]).is_err());
        assert!(plan(&[], &[(1, a), (3, b)]).is_err());
    }
}
