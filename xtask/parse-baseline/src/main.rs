//! Parse-only baseline for `cargo xtask bench`: reads the same inputs as `eventlint check`
//! (`.json` = one document, `.ndjson`/`.jsonl` = one per line that is not blank, by the core's
//! reader `eventlint_core::source::documents`, directories walked) and parses each document into
//! `serde_json::Value` on one core. It prints the document count.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::ExitCode;

use eventlint_core::source::documents::Documents;

fn parse_file(path: &Path, count: &mut (u64, u64)) -> std::io::Result<()> {
    let ndjson = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("ndjson" | "jsonl")
    );
    if ndjson {
        let mut reader = BufReader::with_capacity(1 << 16, std::fs::File::open(path)?);
        let mut line = Vec::new();
        while reader.read_until(b'\n', &mut line)? > 0 {
            // One line: at most one document, as `eventlint check` reads it.
            for document in Documents::new(&line) {
                let ok = serde_json::from_slice::<serde_json::Value>(document.bytes).is_ok();
                count.0 += 1;
                count.1 += u64::from(!ok);
            }
            line.clear();
        }
    } else {
        let bytes = std::fs::read(path)?;
        let ok = serde_json::from_slice::<serde_json::Value>(&bytes).is_ok();
        count.0 += 1;
        count.1 += u64::from(!ok);
    }
    Ok(())
}

fn walk(path: &Path, count: &mut (u64, u64)) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)?
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for entry in entries {
            walk(&entry, count)?;
        }
        Ok(())
    } else if matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("json" | "ndjson" | "jsonl")
    ) {
        parse_file(path, count)
    } else {
        Ok(())
    }
}

fn main() -> ExitCode {
    let mut count = (0, 0);
    for arg in std::env::args().skip(1) {
        if let Err(err) = walk(Path::new(&arg), &mut count) {
            eprintln!("parse-baseline: {arg}: {err}");
            return ExitCode::from(2);
        }
    }
    println!("{} documents, {} unparsable", count.0, count.1);
    ExitCode::SUCCESS
}
