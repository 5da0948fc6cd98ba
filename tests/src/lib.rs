//! Shared helpers of eventlint's test suites: the fixture layout and how fixtures are checked.

use std::path::{Path, PathBuf};

use eventlint_core::render::{human, json};
use eventlint_core::report::{DocumentOutcome, Summary};
use eventlint_core::source::documents::Documents;
use eventlint_core::{CheckOptions, Kind, check_document_isolated};

/// The fixed clock of every fixture test.
pub const NOW: &str = "2026-01-01T00:00:00Z";

/// The repository root.
#[must_use]
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// What a fixture's path says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixture {
    /// Path relative to the repository root, `/` separators.
    pub rel: String,
    /// `fixtures/<vendor>/<kind>/…` names the kind `<vendor>.<kind>`; `fixtures/detect/…` is
    /// checked without a kind, so that detection decides.
    pub kind: Option<&'static Kind>,
    /// `None` for `valid/`; the rule id for `invalid/<group>/<name>[--variant].json`.
    pub expect_rule: Option<String>,
}

/// Reads a fixture's expectation from its path; a misplaced or misnamed fixture is an error.
pub fn parse_fixture_path(path: &Path) -> Result<Fixture, String> {
    let text = path.to_string_lossy().replace('\\', "/");
    // Relative to the repository root, whether the path came absolute or as `../fixtures/…`.
    let rel = match text.find("fixtures/") {
        Some(i) if i == 0 || text[..i].ends_with('/') => text[i..].to_owned(),
        _ => text.clone(),
    };
    let parts: Vec<&str> = rel.split('/').collect();
    let bad = |why: &str| Err(format!("misplaced fixture `{rel}`: {why}"));
    if parts.first() != Some(&"fixtures") {
        return bad("fixtures live under fixtures/");
    }
    let (kind, rest) = if parts.get(1) == Some(&"detect") {
        (None, &parts[2..])
    } else if parts.len() >= 4 {
        let kind_id = format!("{}.{}", parts[1], parts[2]);
        let Some(kind) = Kind::find(&kind_id) else {
            return bad(&format!("`{kind_id}` is not a registered kind"));
        };
        (Some(kind), &parts[3..])
    } else {
        return bad(
            "expected fixtures/<vendor>/<kind>/valid/NAME or fixtures/<vendor>/<kind>/invalid/<group>/<rule>[--variant].json",
        );
    };
    match (rest[0], rest.len()) {
        // `valid/NAME`, or `valid/requests/NAME` for request files.
        ("valid", 2 | 3) if rest.len() == 2 || rest[1] == "requests" => Ok(Fixture {
            rel,
            kind,
            expect_rule: None,
        }),
        ("invalid", 3) => {
            let stem = rest[2].rsplit_once('.').map_or(rest[2], |(s, _)| s);
            let name = stem.split_once("--").map_or(stem, |(n, _)| n);
            let rule = format!("{}/{name}", rest[1]);
            if eventlint_core::registry::rule(&rule).is_none() {
                return bad(&format!(
                    "it names `{rule}`, which is not a registered rule"
                ));
            }
            Ok(Fixture {
                rel,
                kind,
                expect_rule: Some(rule),
            })
        }
        _ => bad("after the kind comes `valid/NAME` or `invalid/<group>/<rule>[--variant].EXT`"),
    }
}

/// Options of every fixture test: the fixed clock and the fixture's kind.
#[must_use]
pub fn options(kind: Option<&'static Kind>) -> CheckOptions {
    let now = chrono::DateTime::parse_from_rfc3339(NOW)
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_default();
    let mut options = CheckOptions::at(now);
    options.kind = kind;
    options
}

/// A fixture's documents with the 0-based line each starts on: the whole file for `.json`;
/// for `.ndjson` and `.jsonl`, each line that is not blank, as the CLI reads them (the core's
/// one reader, `eventlint_core::source::documents`).
#[must_use]
pub fn split_documents<'a>(rel: &str, bytes: &'a [u8]) -> Vec<(usize, &'a [u8])> {
    let ext = Path::new(rel)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    if ext != "ndjson" && ext != "jsonl" {
        return vec![(0, bytes)];
    }
    Documents::new(bytes).map(|d| (d.line, d.bytes)).collect()
}

/// The bodies of a request fixture (`None` for a payload file): what a round trip through the
/// model, or a payload-level test, reads of it.
#[must_use]
pub fn request_bodies(rel: &str, bytes: &[u8]) -> Option<Vec<String>> {
    let format = eventlint_request::Format::from_name(rel)?;
    let text = String::from_utf8_lossy(bytes);
    let ctx = eventlint_request::ReadContext {
        base_dir: root()
            .join(rel)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
        ..eventlint_request::ReadContext::default()
    };
    let items = eventlint_request::read(format, &text, &ctx);
    Some(
        items
            .into_iter()
            .filter_map(|item| match item {
                eventlint_request::Item::Request(r) => r.body.map(|b| b.text),
                eventlint_request::Item::Problem(_) => None,
            })
            .collect(),
    )
}

/// Checks a fixture file and returns the outcomes with diagnostics and the number of documents.
/// A panic while checking a document is its `internal/error` diagnostic, as in the CLI.
#[must_use]
pub fn check_file(
    rel: &str,
    bytes: &[u8],
    options: &CheckOptions,
) -> (Vec<DocumentOutcome>, usize) {
    if let Some(format) = eventlint_request::Format::from_name(rel) {
        // A file of requests: the core's request reader and checker, as the CLI calls them.
        let text = String::from_utf8_lossy(bytes);
        let ctx = eventlint_request::ReadContext {
            base_dir: root()
                .join(rel)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            variables: std::collections::BTreeMap::new(),
            now_unix_ms: Some(options.now.timestamp_millis()),
        };
        let checked = eventlint_core::request::check_file(rel, &text, format, &ctx, options);
        let documents = checked.documents.len();
        let outcomes = checked
            .documents
            .into_iter()
            .filter_map(|(_, o)| o)
            .collect();
        return (outcomes, documents);
    }
    let documents = split_documents(rel, bytes);
    let outcomes = documents
        .iter()
        .enumerate()
        .filter_map(|(n, (line, doc))| {
            let report = check_document_isolated(doc, options);
            (!report.diagnostics.is_empty())
                .then(|| DocumentOutcome::new(rel, n + 1, *line, doc, report))
        })
        .collect();
    (outcomes, documents.len())
}

/// The snapshot text of a fixture: the plain human report, then the JSON report.
#[must_use]
pub fn snapshot_text(outcomes: &[DocumentOutcome], documents: usize) -> String {
    let mut summary = Summary {
        files: 1,
        documents,
        ..Summary::default()
    };
    for o in outcomes {
        summary.add(o);
    }
    format!(
        "{}\n---------------------------------------- json\n{}",
        human::render(outcomes, &summary, human::Style::plain()),
        json::render(outcomes, &summary)
    )
}

/// Every fixture file under `fixtures/`, sorted.
#[must_use]
pub fn fixture_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("json" | "ndjson" | "jsonl" | "http" | "rest" | "curl" | "hurl" | "har")
            ) {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("fixtures"), &mut out);
    out
}

/// Running the `eventlint` binary in black-box tests (built once per test binary with escargot).
pub mod cli {
    use std::io::Write;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Output, Stdio};
    use std::sync::OnceLock;

    use super::root;

    /// The fixed clock flag of CLI tests.
    pub const NOW: &str = "--now=2026-01-01T00:00:00Z";

    /// The built binary.
    ///
    /// # Panics
    /// When it does not build.
    pub fn bin() -> &'static Path {
        static BIN: OnceLock<PathBuf> = OnceLock::new();
        BIN.get_or_init(|| {
            escargot::CargoBuild::new()
                .package("eventlint")
                .bin("eventlint")
                // No `.current_target()`: an explicit `--target` makes cargo build every
                // dependency again in a tree of its own (four minutes and ~1 GB on a fresh
                // clone); the host build is the one `cargo test` just made.
                .current_release()
                .manifest_path(root().join("Cargo.toml"))
                .run()
                .expect("eventlint builds")
                .path()
                .to_path_buf()
        })
    }

    /// Runs eventlint in `dir` with `args`, feeding `stdin`; `NO_COLOR` unset, stdout a pipe.
    ///
    /// # Panics
    /// When the binary cannot run.
    #[must_use]
    pub fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
        let mut child = Command::new(bin())
            .args(args)
            .current_dir(dir)
            .env_remove("NO_COLOR")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("eventlint runs");
        let mut pipe = child.stdin.take().expect("stdin");
        // The child may exit before reading stdin (e.g. a bad flag): a broken pipe is fine.
        let _ = pipe.write_all(stdin.unwrap_or_default());
        drop(pipe);
        child.wait_with_output().expect("eventlint finishes")
    }

    /// Starts eventlint in `dir` with `args` (not necessarily UTF-8) and extra environment
    /// variables; stdin is empty, stdout and stderr are pipes. Finish it with [`finish`].
    ///
    /// # Panics
    /// When the binary cannot run.
    #[must_use]
    pub fn spawn<S: AsRef<std::ffi::OsStr>>(
        dir: &Path,
        args: &[S],
        env: &[(&str, &str)],
    ) -> std::process::Child {
        Command::new(bin())
            .args(args)
            .current_dir(dir)
            .env_remove("NO_COLOR")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("eventlint runs")
    }

    /// Waits for a spawned eventlint, reading its output as it comes; a run that outlives
    /// `deadline` is killed and fails the test (a hang is a failure, not a stuck suite).
    ///
    /// # Panics
    /// When the deadline passes or the process cannot be waited for.
    #[must_use]
    pub fn finish(mut child: std::process::Child, deadline: std::time::Duration) -> Output {
        use std::io::Read;
        fn drain(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                if let Some(mut pipe) = pipe {
                    let _ = pipe.read_to_end(&mut buf);
                }
                buf
            })
        }
        let out = drain(child.stdout.take());
        let err = drain(child.stderr.take());
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if started.elapsed() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("eventlint did not finish within {deadline:?}: a hang");
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        };
        Output {
            status,
            stdout: out.join().expect("stdout reader"),
            stderr: err.join().expect("stderr reader"),
        }
    }

    /// [`spawn`] then [`finish`].
    #[must_use]
    pub fn run_with_deadline<S: AsRef<std::ffi::OsStr>>(
        dir: &Path,
        args: &[S],
        deadline: std::time::Duration,
    ) -> Output {
        finish(spawn(dir, args, &[]), deadline)
    }

    /// The exit code.
    ///
    /// # Panics
    /// When the process was killed by a signal.
    #[must_use]
    pub fn code(o: &Output) -> i32 {
        o.status.code().expect("exit code")
    }

    /// Stdout as text.
    #[must_use]
    pub fn stdout(o: &Output) -> String {
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// Stderr as text.
    #[must_use]
    pub fn stderr(o: &Output) -> String {
        String::from_utf8_lossy(&o.stderr).into_owned()
    }
}
