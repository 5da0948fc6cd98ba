//! Where reports go: pairing `--format` with `--output`, and writing files atomically.
//!
//! The pairing rule: each `--output FILE` belongs to the nearest `--format` before it on the
//! command line; a `--format` with no `--output` of its own prints to stdout, and at most one
//! may. Without any `--format`, the one `--output` (if any) receives the human report.
//! `--output -` is stdout. Anything else is ambiguous and exits 2.

use std::path::{Path, PathBuf};

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

/// Why a report could not be written, naming its destination (and, for a missing folder, the
/// folder), never a temporary file's name.
pub(crate) fn cannot_write(destination: &Destination, err: &std::io::Error) -> String {
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
    let why = err.to_string();
    // tempfile names the temporary file in its errors: keep only the cause.
    let why = why
        .split_once(" at path ")
        .map_or(why.as_str(), |(cause, _)| cause);
    format!("cannot write `{}`: {why}", path.display())
}

/// A temporary file beside `path` (same directory, so the final rename is atomic).
pub(crate) fn temp_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    tempfile::Builder::new()
        .prefix(".eventlint-")
        .suffix(".tmp")
        .tempfile_in(dir)
}

/// Makes a complete temporary file durable and renames it over `path`.
pub(crate) fn persist(file: tempfile::NamedTempFile, path: &Path) -> std::io::Result<()> {
    file.as_file().sync_all()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Temporary files are private (0600); a report is an ordinary file.
        std::fs::set_permissions(file.path(), std::fs::Permissions::from_mode(0o644))?;
    }
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
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
