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

/// A vendor's folder tells kinds from helpers by place: every file beside `mod.rs` and
/// `model.rs` defines a kind (a `Kind` static), and nothing in `shared/` does.
#[test]
fn vendor_folders_tell_kinds_from_helpers() {
    let vendors = eventlint_tests::root().join("crates/eventlint-core/src/vendors");
    let defines_kind = |path: &Path| {
        std::fs::read_to_string(path)
            .expect("a readable source file")
            .contains(": Kind = Kind {")
    };
    let mut wrong = Vec::new();
    let mut kinds = 0;
    for vendor in std::fs::read_dir(&vendors).expect("vendors/") {
        let vendor = vendor.expect("an entry").path();
        if !vendor.is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(&vendor).expect("a vendor's folder") {
            let path = entry.expect("an entry").path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            if path.is_file() && !matches!(name, "mod.rs" | "model.rs") {
                if defines_kind(&path) {
                    kinds += 1;
                } else {
                    wrong.push(format!(
                        "{}: beside the kinds but defines none",
                        path.display()
                    ));
                }
            }
        }
        let shared = vendor.join("shared");
        if shared.is_dir() {
            let mut files = Vec::new();
            rust_files(&shared, &mut files);
            for path in files.iter().filter(|p| defines_kind(p)) {
                wrong.push(format!("{}: a kind among the helpers", path.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(kinds, eventlint_core::registry::kinds().len());
}
