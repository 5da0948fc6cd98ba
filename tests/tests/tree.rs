//! The tree stays readable (ARCHITECTURE.md, "Layers"): no Rust source file under `crates/` is
//! longer than 700 lines, so a file is one seam of its stage, not several.

use std::path::{Path, PathBuf};

/// The most lines a source file under `crates/` may have.
const MAX_LINES: usize = 700;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_source_file_is_over_700_lines() {
    let root = eventlint_tests::root();
    let mut files = Vec::new();
    rust_files(&root.join("crates"), &mut files);
    files.sort();
    assert!(
        files.len() > 200,
        "the sources were not found under {}",
        root.join("crates").display()
    );
    let mut long = Vec::new();
    for file in &files {
        let rel = file
            .strip_prefix(&root)
            .expect("under the root")
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(file).expect("a readable source file");
        let lines = text.lines().count();
        if lines > MAX_LINES {
            long.push(format!("{rel}: {lines} lines"));
        }
    }
    assert!(
        long.is_empty(),
        "source files over {MAX_LINES} lines (split them along their seams):\n{}",
        long.join("\n")
    );
}
