//! The fuzz targets without the fuzzer: every input in `fuzz/regressions/` (crashes the fuzzer
//! found, kept after the fix) and a few hundred deterministic pseudo-random mutations of the
//! fixtures go through the same entry points as `fuzz/fuzz_targets/*` (see `fuzz/README.md`).

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use eventlint_core::render::human;
use eventlint_core::report::{DocumentOutcome, Summary};
use eventlint_core::source::documents::Documents;
use eventlint_core::{CheckOptions, Kind, check_document, fuzzing};
use eventlint_tests::{NOW, root};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"));
    out.sort();
    out
}

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let inputs = files(&root().join("fuzz/regressions").join(target));
    for path in &inputs {
        let bytes = fs::read(path).unwrap();
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        assert!(outcome.is_ok(), "{} panics again", path.display());
    }
    inputs.len()
}

#[test]
fn regressions_replay() {
    // `check` has found none yet; the bug `spans` found reaches `check` only with a 1 MB input,
    // which a test below builds.
    let n = replay("check", fuzzing::check) + replay("spans", fuzzing::spans);
    assert!(n > 0, "fuzz/regressions/ holds the inputs to replay");
}

/// xorshift64*: deterministic, no dependency, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tokens that reach the parser's and the span resolver's corners.
const TOKENS: &[&str] = &[
    "\"",
    "\\",
    "\\u00e9",
    "\\ud83d\\ude00",
    "\\ud800",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "null",
    "-0",
    "1e999",
    "-1.5e-7",
    "18446744073709551616",
    "\u{feff}",
    "é",
    "😀",
    "\r\n",
    "\t",
    "\"\":1",
    ",\"a\":1",
    "\u{0}",
    "/*",
    "~1",
    "true",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(3) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 => {
                let end = (at + rng.below(16)).min(out.len());
                out.drain(at..end);
            }
            2 => {
                let end = (at + rng.below(32)).min(out.len());
                let chunk = out[at..end].to_vec();
                out.splice(at..at, chunk);
            }
            3 => out.truncate(at),
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
        }
    }
    out
}

fn small_fixtures() -> Vec<Vec<u8>> {
    let mut paths = Vec::new();
    let mut stack = vec![root().join("fixtures")];
    while let Some(dir) = stack.pop() {
        for path in files(&dir) {
            if path.extension().is_some_and(|e| e == "json") {
                paths.push(path);
            }
        }
        if let Ok(rd) = fs::read_dir(&dir) {
            stack.extend(
                rd.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_dir()),
            );
        }
    }
    paths.sort();
    let all: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| fs::read(p).unwrap())
        .filter(|b| b.len() < 4096)
        .collect();
    assert!(all.len() > 100, "the fixtures are there");
    all
}

#[test]
fn mutated_fixtures_through_the_check_pipeline() {
    let seeds = small_fixtures();
    let mut rng = Rng(0x005E_ED0F_E7E9_7117);
    for i in 0..64 {
        let seed = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, seed);
        let outcome = std::panic::catch_unwind(|| fuzzing::check(&input));
        assert!(
            outcome.is_ok(),
            "mutation {i} panics; keep it in fuzz/regressions/check: {:?}",
            String::from_utf8_lossy(&input)
        );
    }
}

#[test]
fn mutated_fixtures_through_the_span_resolver() {
    let seeds = small_fixtures();
    let mut rng = Rng(0x0005_BA25_1234_5678);
    for i in 0..400 {
        let mut input: Vec<u8> = (0..3).map(|_| rng.below(40) as u8).collect();
        let seed = &seeds[rng.below(seeds.len())];
        input.extend(mutate(&mut rng, seed));
        let outcome = std::panic::catch_unwind(|| fuzzing::spans(&input));
        assert!(
            outcome.is_ok(),
            "mutation {i} panics; keep it in fuzz/regressions/spans: {:?}",
            String::from_utf8_lossy(&input)
        );
    }
}

/// Found by the `spans` target: byte ranges were clamped but not kept on character boundaries.
/// The one byte range a rule makes from a size, the batch limit, can fall inside a character;
/// the human report then sliced the text there. (A 1 MB input, so it is built here rather than
/// kept in `fuzz/regressions/`.)
#[test]
fn batch_size_limit_inside_a_character() {
    let mut text = String::from("[\n");
    let event = r#"{"type":"custom","action":"page.visit","client":{"id":1},"label":"#;
    // Few events with long labels: the test stays fast in a debug build.
    let label = "l".repeat(99_000);
    while text.len() + 100_000 < 999_000 {
        text.push_str(event);
        text.push('"');
        text.push_str(&label);
        text.push_str("\"},\n");
    }
    text.push_str(event);
    text.push('"');
    while text.len() < 999_999 {
        text.push('x');
    }
    text.push('é'); // bytes 999 999 and 1 000 000
    text.push_str("\"}\n]\n");
    let mut options = CheckOptions::at(NOW.parse().unwrap());
    options.kind = Kind::find("synerise.batch-events");
    let report = check_document(text.as_bytes(), &options);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "synerise.batch-events/max-size")
        .unwrap();
    assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    assert_eq!(
        d.span.start, 999_999,
        "the span starts at the character holding the limit"
    );
    let outcome = DocumentOutcome::new("big.json", 1, 0, text.as_bytes(), report);
    let rendered = human::render(&[outcome], &Summary::default(), human::Style::plain());
    assert!(rendered.contains("synerise.batch-events/max-size"));
}

/// Every fixture document (each `.json` file, each NDJSON line) through the span resolver:
/// `fuzzing::spans` asserts that the scanner resolves every node's pointer, for every target,
/// to exactly what the span-keeping tree gives.
#[test]
fn every_fixture_through_the_span_resolver() {
    let mut documents = 0;
    let mut stack = vec![root().join("fixtures")];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = fs::read_dir(&dir) else { continue };
        for path in rd.filter_map(Result::ok).map(|e| e.path()) {
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let bytes = fs::read(&path).unwrap();
            if bytes.len() > 64 << 10 {
                continue; // the batch size and count limits: slow in a debug build, no new shape
            }
            let docs: Vec<&[u8]> = match path.extension().and_then(|e| e.to_str()) {
                Some("json") => vec![&bytes],
                // The lines that are documents, as every front end reads them.
                Some("ndjson" | "jsonl") => Documents::new(&bytes).map(|d| d.bytes).collect(),
                _ => continue,
            };
            for (i, doc) in docs.into_iter().enumerate() {
                let mut input = vec![1, 3, 7];
                input.extend_from_slice(doc);
                let outcome = std::panic::catch_unwind(|| fuzzing::spans(&input));
                assert!(outcome.is_ok(), "{} document {}", path.display(), i + 1);
                documents += 1;
            }
        }
    }
    assert!(documents > 300, "the fixtures are there ({documents})");
}
