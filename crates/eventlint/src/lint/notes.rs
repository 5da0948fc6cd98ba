//! What a run says yielded nothing (warnings that do not fail it): named files that `exclude`
//! removed, walked directories with no payload file, `[[files]]` globs that could have matched a
//! walked directory and did not.

use std::path::Path;

use super::options::Kept;
use crate::input;
use crate::project::Projects;

/// A file named on the command line that `exclude` removes is said so.
pub(super) fn excluded_notes(
    kept: &[Kept],
    projects: &Projects,
    project_of: &[Option<usize>],
) -> Vec<String> {
    kept.iter()
        .zip(project_of)
        .filter_map(|(kept, project)| match (kept, project) {
            (
                Kept::Excluded {
                    display,
                    glob,
                    named: true,
                },
                Some(project),
            ) => Some(format!(
                "`{display}` is not checked: `exclude` glob `{glob}` in `{}` matches it",
                projects.loaded[*project].shown
            )),
            _ => None,
        })
        .collect()
}

/// A directory on the command line that yields no document is said so.
pub(super) fn empty_walks(walked: &[input::Walked], kept: &[Kept]) -> Vec<String> {
    let mut notes = Vec::new();
    for dir in walked {
        if dir.inputs.is_empty() {
            notes.push(format!(
                "`{}` holds no .json, .ndjson or .jsonl file to check",
                dir.display
            ));
        } else if kept[dir.inputs.clone()]
            .iter()
            .all(|k| matches!(k, Kept::Excluded { .. }))
        {
            notes.push(format!(
                "every file under `{}` is excluded by eventlint.toml's `exclude`",
                dir.display
            ));
        }
    }
    notes
}

/// A `[[files]]` glob that matched none of the checked files, where it could have: its fixed
/// beginning (the path segments before the first wildcard) lies in, or holds, a directory the
/// run walked. (Files named one by one, as pre-commit passes them, never make such a note.)
pub(super) fn unmatched_globs(
    projects: &Projects,
    cwd: &Path,
    walked: &[input::Walked],
    matched: &[Vec<bool>],
    checked: usize,
) -> Vec<String> {
    let mut notes = Vec::new();
    for (project, matched) in projects.loaded.iter().zip(matched) {
        let roots: Vec<String> = walked
            .iter()
            .filter_map(|w| project.relative(cwd, &w.display))
            .collect();
        for ((glob, line), hit) in project.config.files_globs().into_iter().zip(matched) {
            if *hit {
                continue;
            }
            let fixed = fixed_prefix(glob);
            let overlaps = roots.iter().any(|root| {
                root.is_empty() || fixed.is_empty() || within(&fixed, root) || within(root, &fixed)
            });
            if overlaps {
                notes.push(format!(
                    "`[[files]]` glob `{glob}` ({}:{line}) matches none of the {checked} checked files",
                    project.shown
                ));
            }
        }
    }
    notes
}

/// The path segments of a glob before its first wildcard or capture, joined with `/`.
fn fixed_prefix(glob: &str) -> String {
    glob.split('/')
        .take_while(|segment| !segment.contains(['*', '?', '[', '{', '<']))
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether `path` is `dir` or lies below it (`/`-separated relative paths).
fn within(path: &str, dir: &str) -> bool {
    path == dir
        || path
            .strip_prefix(dir)
            .is_some_and(|rest| rest.starts_with('/'))
}
