//! Checking: a file read whole (`.json`, or NDJSON with a fixture expectation), the elements of
//! a top-level array (`--split-arrays`), and one document with its panics isolated.

use std::io::{BufRead, Read};

use eventlint_core::config;
use eventlint_core::report::{DocumentOutcome, FileRecord, OffsetMap};
use eventlint_core::source::LineIndex;
use eventlint_core::{CheckOptions, check_document};

use super::ndjson::{Block, Blocks, DOCUMENTS_PER_CHUNK};
use super::options::Job;
use crate::input::{Input, Mode};
use crate::sink::{Prepared, Renderers};

/// The first bytes of a document read before the rest: when they decide its diagnostic
/// (`source::decided_by`: binary, UTF-16, or a first character that can never begin JSON),
/// the rest is not read (a `.json` file) or skipped (an NDJSON line longer than a block).
pub(super) const PEEK_BYTES: usize = 64 << 10;

/// A file checked whole: its documents with diagnostics as `T` (`DocumentOutcome`, then
/// `Prepared` for the reports).
pub(crate) struct FileResult<T = DocumentOutcome> {
    pub(crate) record: FileRecord,
    pub(crate) outcomes: Vec<T>,
    /// Diagnostics hidden because the file met its `expect = "invalid"`.
    pub(crate) expected: usize,
    /// HAR entries that are no vendor's requests, skipped.
    pub(crate) skipped: usize,
}

impl FileResult {
    /// Prepares every outcome for the reports (on this worker thread).
    pub(super) fn prepare(self, renderers: &Renderers) -> FileResult<Prepared> {
        FileResult {
            record: self.record,
            outcomes: self
                .outcomes
                .into_iter()
                .map(|outcome| renderers.prepare(outcome))
                .collect(),
            expected: self.expected,
            skipped: self.skipped,
        }
    }
}

pub(super) fn lint_input(job: &Job) -> Result<FileResult, String> {
    let options = &job.options;
    let mut file = match job.input.mode().requests() {
        Some(format) => read_requests(&job.input, format, options, job.env.as_deref())?,
        None => read_and_check(&job.input, options, job.split_arrays)?,
    };
    if let Some(expectation) = &job.settings.expectation {
        let first_kind = file.record.iter().next().and_then(|(_, kind)| kind);
        file.expected = config::apply_expectation(
            expectation,
            &file.record.path,
            first_kind,
            &mut file.outcomes,
            &options.severity_overrides,
        );
    }
    Ok(file)
}

fn read_and_check(
    input: &Input,
    options: &CheckOptions,
    split_arrays: bool,
) -> Result<FileResult, String> {
    let name = input.display();
    let mut reader = input
        .open()
        .map_err(|e| format!("cannot read `{name}`: {e}"))?;
    let read_err = |e: std::io::Error| format!("cannot read `{name}`: {e}");
    match input.mode() {
        // Read by `read_requests`.
        Mode::Json | Mode::Http | Mode::Curl | Mode::Hurl | Mode::Har | Mode::Requests => {
            let bytes = read_document(reader.as_mut()).map_err(read_err)?;
            if split_arrays && let Some(elements) = eventlint_core::source::array_elements(&bytes) {
                return Ok(check_elements(name, &bytes, &elements, options));
            }
            let report = check_isolated(&bytes, options);
            let mut record = FileRecord::new(name, false);
            record.push(report.kind);
            let outcomes = if report.diagnostics.is_empty() {
                Vec::new()
            } else {
                vec![DocumentOutcome::new(name, 1, 0, &bytes, report)]
            };
            Ok(FileResult {
                record,
                outcomes,
                expected: 0,
                skipped: 0,
            })
        }
        Mode::Ndjson => {
            let mut record = FileRecord::new(name, true);
            let mut outcomes = Vec::new();
            let mut blocks = Blocks::new(reader, name);
            let mut block = Block::default();
            let mut next = Block::default();
            blocks.fill(&[], &mut block)?;
            let start = || Vec::with_capacity(DOCUMENTS_PER_CHUNK);
            let add = |chunk: &mut Vec<_>, kind, line, outcome| chunk.push((kind, line, outcome));
            loop {
                for (kind, line, outcome) in block
                    .check(name, options, true, &start, &add)
                    .into_iter()
                    .flatten()
                {
                    record.push_at_line(kind, line);
                    outcomes.extend(outcome);
                }
                if blocks.eof {
                    break;
                }
                blocks.fill(block.rest(), &mut next)?;
                std::mem::swap(&mut block, &mut next);
            }
            Ok(FileResult {
                record,
                outcomes,
                expected: 0,
                skipped: 0,
            })
        }
    }
}

/// Reads a file of requests whole and checks each request (`eventlint_core::request`): `.http`
/// variables from `--env`, body files (`< ./body.json`, `-d @body.json`) beside the file.
fn read_requests(
    input: &Input,
    format: eventlint_core::request::read::Format,
    options: &CheckOptions,
    env: Option<&str>,
) -> Result<FileResult, String> {
    use eventlint_core::request::read::{ReadContext, http};
    let name = input.display();
    let mut reader = input
        .open()
        .map_err(|e| format!("cannot read `{name}`: {e}"))?;
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read `{name}`: {e}"))?;
    let (_, bytes) = eventlint_core::source::strip_bom(&bytes);
    let text = String::from_utf8_lossy(bytes);
    let base_dir = match input {
        Input::File { path, .. } => path
            .parent()
            .map(std::path::Path::to_path_buf)
            .unwrap_or_default(),
        Input::Stdin { .. } => std::path::PathBuf::from("."),
    };
    let variables = match env {
        Some(env) => http::load_env(&base_dir, env)
            .map_err(|e| format!("cannot read the environment `{env}` for `{name}`: {e}"))?,
        None => std::collections::BTreeMap::new(),
    };
    let ctx = ReadContext {
        base_dir,
        variables,
        now_unix_ms: Some(options.now.timestamp_millis()),
    };
    let checked = eventlint_core::request::check_file(name, &text, format, &ctx, options);
    let mut record = FileRecord::new(name, false);
    let mut outcomes = Vec::new();
    for (kind, outcome) in checked.documents {
        record.push(kind);
        outcomes.extend(outcome);
    }
    Ok(FileResult {
        record,
        outcomes,
        expected: 0,
        skipped: checked.skipped,
    })
}

/// Reads a document whole, unless its first [`PEEK_BYTES`] already decide its diagnostic: then
/// only as many of them as [`eventlint_core::source::decided_by`] says (2 GB of NUL bytes are
/// `json/syntax` at 1:1 from the first byte, and are not read).
fn read_document(reader: &mut dyn BufRead) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let peeked = reader.take(PEEK_BYTES as u64).read_to_end(&mut bytes)?;
    if peeked == PEEK_BYTES {
        if let Some(decided) = eventlint_core::source::decided_by(&bytes) {
            bytes.truncate(decided);
            return Ok(bytes);
        }
        reader.read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// Checks each element of a top-level array as a document of its own (`--split-arrays`). An
/// element is checked as the characters before it on its first line turned into spaces,
/// followed by its own bytes, with the lines before it as the outcome's line offset: its
/// diagnostics keep the lines and columns of the array's file.
pub(crate) fn check_elements(
    name: &str,
    bytes: &[u8],
    elements: &[std::ops::Range<usize>],
    options: &CheckOptions,
) -> FileResult {
    let mut record = FileRecord::new(name, false);
    let mut outcomes = Vec::new();
    // The elements were parsed out of this text, so it is UTF-8; positions come from one line
    // index (character counts kept every 4 KiB), not from each element's line start: a
    // 100 MB array on one line has a million elements.
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    let lines = LineIndex::new(text);
    for (i, range) in elements.iter().enumerate() {
        let at = lines.position(range.start);
        let element = &bytes[range.clone()];
        let report = check_isolated(element, options);
        record.push(report.kind);
        if !report.diagnostics.is_empty() {
            // Where the element sits in the file, applied once to its diagnostics.
            let placement = OffsetMap {
                lines: at.line - 1,
                columns: at.column - 1,
            };
            outcomes.push(DocumentOutcome::placed(
                name,
                i + 1,
                placement,
                element,
                report,
            ));
        }
    }
    FileResult {
        record,
        outcomes,
        expected: 0,
        skipped: 0,
    }
}

/// Checks one document; a panic inside eventlint becomes an `internal/error` diagnostic for this
/// document instead of taking the run down (`eventlint_core::isolate`, as in every front end).
/// Test builds may inject a panic first.
pub(crate) fn check_isolated(
    bytes: &[u8],
    options: &CheckOptions,
) -> eventlint_core::DocumentReport {
    eventlint_core::isolate(options, || {
        #[cfg(debug_assertions)]
        inject_panic_for_tests(bytes);
        check_document(bytes, options)
    })
}

/// Test builds only: a document containing the marker in `EVENTLINT_TEST_PANIC` panics, so the
/// CLI tests can prove that one failing document does not take the run down.
#[cfg(debug_assertions)]
fn inject_panic_for_tests(bytes: &[u8]) {
    if let Some(marker) = std::env::var_os("EVENTLINT_TEST_PANIC") {
        let marker = marker.to_string_lossy();
        let hit = !marker.is_empty() && bytes.windows(marker.len()).any(|w| w == marker.as_bytes());
        assert!(!hit, "injected test panic");
    }
}
