//! The half of a report that runs on the worker threads: each document with diagnostics is
//! counted, redacted and rendered for every report as soon as it is checked.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use eventlint_core::Severity;
use eventlint_core::redact;
use eventlint_core::render::{github, human, json, junit, sarif};
use eventlint_core::report::{DocumentOutcome, Summary};

/// How one report turns a document into its part of the report. Shared by the worker threads,
/// which render each document as soon as it is checked (see [`Renderers::prepare`]).
#[derive(Debug)]
pub(crate) enum Render {
    Human(Box<human::Renderer>),
    /// Warnings are errors when they fail the run.
    Github(github::Options),
    /// Every entry preceded by its separator (`,`): the sink drops the report's first one.
    Json,
    /// Every result preceded by its separator, its `ruleIndex` marked (see `formats`).
    Sarif,
    /// Each document's case body, after its frame line.
    Junit(junit::Options),
    /// Counts per rule (`--statistics`).
    Statistics,
}

/// One report's part for consecutive documents, made on a worker thread by the report's
/// [`Render`].
#[derive(Debug)]
pub(crate) enum Piece {
    /// Bytes to write as they are.
    Text(String),
    /// SARIF results, and the rules they name (their [`sarif::rule_number`]s).
    Results { text: String, rules: Vec<usize> },
    /// `JUnit` case bodies of documents of the file `path`, each after a line `DOCUMENT LENGTH`
    /// (its ordinal in the file, the body's length in bytes), and how many of them fail.
    Cases {
        path: String,
        text: String,
        failures: usize,
    },
    /// Diagnostics per rule and severity.
    Counts(BTreeMap<(&'static str, Severity), usize>),
}

/// What a worker thread hands over for consecutive documents with diagnostics (one document, or
/// a chunk of an NDJSON block: see `lint::ndjson::Block::check`), in report order.
#[derive(Debug)]
pub(crate) struct Prepared {
    /// The documents' diagnostics by severity (only the severity counts are set).
    pub(crate) counts: Summary,
    /// Their `internal/error` diagnostics.
    pub(crate) internal_errors: usize,
    /// How many documents were added.
    documents: usize,
    /// One piece per report, in the order of the reports.
    pieces: Vec<Piece>,
}

impl Prepared {
    /// Whether no document was added.
    pub(crate) fn is_empty(&self) -> bool {
        self.documents == 0
    }

    /// Each report's piece, in the order of the reports.
    pub(crate) fn into_pieces(self) -> Vec<Piece> {
        self.pieces
    }
}

/// The reports' renderers and `--redact`: everything a worker needs to prepare a document.
#[derive(Debug)]
pub(crate) struct Renderers {
    renders: Vec<Render>,
    redact: bool,
    /// `--min-severity`: diagnostics below it are left out of every report and count.
    min_severity: Option<Severity>,
    /// `--quiet`: the human and GitHub reports show only diagnostics at or above it.
    shown: Option<Severity>,
}

impl Renderers {
    pub(crate) fn new(
        renders: Vec<Render>,
        redact: bool,
        min_severity: Option<Severity>,
        shown: Option<Severity>,
    ) -> Self {
        Renderers {
            renders,
            redact,
            min_severity,
            shown,
        }
    }

    /// Whether a document's text is needed: to show it (`human`) or to find the values that
    /// `--redact` hides. The other reports need only the diagnostics, so the text of a document
    /// need not be copied for them.
    pub(crate) fn need_source(&self) -> bool {
        self.redact || self.renders.iter().any(|r| matches!(r, Render::Human(_)))
    }

    /// Nothing prepared yet: [`Renderers::add`] appends documents to it.
    pub(crate) fn start(&self) -> Prepared {
        Prepared {
            counts: Summary::default(),
            internal_errors: 0,
            documents: 0,
            pieces: self
                .renders
                .iter()
                .map(|render| match render {
                    Render::Statistics => Piece::Counts(BTreeMap::new()),
                    Render::Sarif => Piece::Results {
                        text: String::new(),
                        rules: Vec::new(),
                    },
                    Render::Junit(_) => Piece::Cases {
                        path: String::new(),
                        text: String::new(),
                        failures: 0,
                    },
                    Render::Human(_) | Render::Github(_) | Render::Json => {
                        Piece::Text(String::new())
                    }
                })
                .collect(),
        }
    }

    /// One document prepared alone.
    pub(crate) fn prepare(&self, outcome: DocumentOutcome) -> Prepared {
        let mut prepared = self.start();
        self.add(&mut prepared, outcome);
        prepared
    }

    /// Counts `outcome`'s diagnostics, redacts it (`--redact`: before any report sees it) and
    /// renders it for every report, after the documents already in `prepared`. A document's
    /// part depends on that document alone, so documents are prepared in any order on any
    /// thread; the sinks write the pieces in report order.
    pub(crate) fn add(&self, prepared: &mut Prepared, mut outcome: DocumentOutcome) {
        if let Some(min) = self.min_severity {
            outcome.diagnostics.retain(|d| d.severity >= min);
            if outcome.diagnostics.is_empty() {
                return;
            }
        }
        prepared.counts.add(&outcome);
        prepared.internal_errors += outcome
            .diagnostics
            .iter()
            .filter(|d| d.rule == eventlint_core::INTERNAL_ERROR_RULE)
            .count();
        prepared.documents += 1;
        let outcome = if self.redact {
            redact::redact(outcome)
        } else {
            outcome
        };
        // `--quiet`: what the human and GitHub reports show.
        let shown = self.shown.and_then(|min| {
            outcome
                .diagnostics
                .iter()
                .any(|d| d.severity < min)
                .then(|| DocumentOutcome {
                    diagnostics: outcome
                        .diagnostics
                        .iter()
                        .filter(|d| d.severity >= min)
                        .cloned()
                        .collect(),
                    ..outcome.clone()
                })
        });
        let shown = shown.as_ref().unwrap_or(&outcome);
        for (render, piece) in self.renders.iter().zip(&mut prepared.pieces) {
            match (render, piece) {
                (Render::Human(renderer), Piece::Text(text)) => renderer.outcome(shown, text),
                (Render::Github(options), Piece::Text(text)) => {
                    text.push_str(&github::render_with(std::slice::from_ref(shown), *options));
                }
                (Render::Statistics, Piece::Counts(counts)) => {
                    for d in &outcome.diagnostics {
                        *counts.entry((d.rule, d.severity)).or_default() += 1;
                    }
                }
                (Render::Json, Piece::Text(text)) => {
                    // An entry takes 400 to 700 bytes: reserve once instead of growing (and
                    // copying) the text a few times per document.
                    text.reserve(768 * outcome.diagnostics.len());
                    json::entries(&outcome, text, &mut true);
                }
                (Render::Sarif, Piece::Results { text, rules }) => {
                    sarif::results(&outcome, text);
                    for d in &outcome.diagnostics {
                        if let Some(number) = sarif::rule_number(d.rule)
                            && !rules.contains(&number)
                        {
                            rules.push(number);
                        }
                    }
                }
                (
                    Render::Junit(options),
                    Piece::Cases {
                        path,
                        text,
                        failures,
                    },
                ) => {
                    if path.is_empty() {
                        path.clone_from(&outcome.path);
                    }
                    let mut body = String::new();
                    if junit::case_body(&outcome, *options, &mut body) {
                        *failures += 1;
                    }
                    debug_assert_eq!(*path, outcome.path, "a piece holds one file's documents");
                    let _ = writeln!(text, "{} {}", outcome.document, body.len());
                    text.push_str(&body);
                }
                // `start` made each piece for its report.
                _ => {}
            }
        }
    }
}
