//! Nothing lost: every command over a copy of `fixtures/` leaves every input byte-identical with
//! the same modification time, and creates nothing among them; `--output` reports are written
//! atomically (a rename: another link to the old report keeps its content) and never over an
//! input, however the path is spelled.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use eventlint_tests::cli::{NOW, code, run_with_deadline, stderr};
use eventlint_tests::root;

const DEADLINE: Duration = Duration::from_secs(300);

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir`: its bytes and modification time.
fn state(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, (Vec<u8>, SystemTime)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                walk(&path, out);
            } else {
                out.insert(
                    path.clone(),
                    (std::fs::read(&path).unwrap(), meta.modified().unwrap()),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, &mut out);
    out
}

#[test]
fn no_command_writes_to_an_input() {
    let work = tempfile::tempdir().unwrap();
    let reports = tempfile::tempdir().unwrap();
    let d = work.path();
    copy_tree(&root().join("fixtures"), &d.join("fixtures"));
    std::fs::copy(root().join("eventlint.toml"), d.join("eventlint.toml")).unwrap();
    // Modification times in the past, so that a rewrite in the same second would show.
    let past = SystemTime::now() - Duration::from_secs(86_400);
    for path in state(d).keys() {
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(past)
            .unwrap();
    }
    let before = state(d);
    assert!(before.len() > 300, "{} files", before.len());
    let out = |name: &str| reports.path().join(name).to_string_lossy().into_owned();
    let (json, sarif, junit, human) = (out("r.json"), out("r.sarif"), out("r.xml"), out("r.txt"));
    let dog = "fixtures/synerise/custom-event/valid/vendor-dog-bark.json";
    let commands: Vec<Vec<&str>> = vec![
        vec!["check", "fixtures", NOW],
        vec!["check", "fixtures", NOW, "--format", "json"],
        vec!["check", "fixtures", NOW, "--format", "sarif"],
        vec!["check", "fixtures", NOW, "--format", "github"],
        vec!["check", "fixtures", NOW, "--format", "junit"],
        vec!["check", "fixtures", NOW, "--no-config", "--redact"],
        vec![
            "check", "fixtures", NOW, "--format", "json", "--output", &json, "--format", "sarif",
            "--output", &sarif, "--format", "junit", "--output", &junit, "--format", "human",
            "--output", &human,
        ],
        // Refused: the output is an input.
        vec!["check", dog, NOW, "--format", "json", "--output", dog],
        vec!["kinds"],
        vec!["rules"],
        vec!["explain", "json/syntax"],
        vec!["schema", "synerise.custom-event"],
        vec!["completions", "bash"],
    ];
    for args in &commands {
        let o = run_with_deadline(d, args, DEADLINE);
        assert!(code(&o) <= 2, "{args:?}");
        let after = state(d);
        assert_eq!(
            before.keys().collect::<Vec<_>>(),
            after.keys().collect::<Vec<_>>(),
            "{args:?} added or removed files"
        );
        for (path, (bytes, mtime)) in &before {
            let (bytes_after, mtime_after) = &after[path];
            assert!(bytes == bytes_after, "{args:?} changed {}", path.display());
            assert_eq!(mtime, mtime_after, "{args:?} touched {}", path.display());
        }
    }
    // The reports were written where asked.
    for report in [&json, &sarif, &junit, &human] {
        assert!(std::fs::metadata(report).unwrap().len() > 0, "{report}");
    }
}

#[cfg(unix)]
#[test]
fn an_output_that_is_an_input_is_refused_however_it_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("in")).unwrap();
    let text = "{\"action\": 1,}";
    std::fs::write(d.join("in/a.json"), text).unwrap();
    std::os::unix::fs::symlink("in/a.json", d.join("link.json")).unwrap();
    for output in ["in/../in/a.json", "./in/a.json", "link.json"] {
        let o = run_with_deadline(
            d,
            &["check", "in", NOW, "--format", "json", "--output", output],
            DEADLINE,
        );
        assert_eq!(code(&o), 2, "{output}");
        assert!(
            stderr(&o).contains("is one of the files being checked; refusing to overwrite it"),
            "{output}: {}",
            stderr(&o)
        );
        assert_eq!(std::fs::read_to_string(d.join("in/a.json")).unwrap(), text);
    }
}

#[cfg(unix)]
#[test]
fn reports_are_replaced_by_a_rename_not_written_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.json"), "[1,]").unwrap();
    std::fs::write(d.join("old.json"), "old report").unwrap();
    // report.json and old.json are one file (a hard link): writing into report.json would
    // change old.json too; replacing it by a rename leaves old.json alone.
    std::fs::hard_link(d.join("old.json"), d.join("report.json")).unwrap();
    let o = run_with_deadline(
        d,
        &[
            "check",
            "a.json",
            NOW,
            "--format",
            "json",
            "--output",
            "report.json",
        ],
        DEADLINE,
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(d.join("old.json")).unwrap(),
        "old report"
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("report.json")).unwrap()).unwrap();
    assert_eq!(report["summary"]["errors"], 1);
    // No temporary file is left behind.
    let mut names: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["a.json", "old.json", "report.json"]);
}
