//! Fixing a file: every fix its diagnostics offer, applied over passes until nothing is left to
//! fix, each pass checked to leave every document readable. What `eventlint check --fix` and
//! `--diff` and the editor server's "fix all" call.
//!
//! A file is read as `check` reads it ([`Layout`]): one JSON document (or the elements of its
//! top-level array), NDJSON lines, or the requests of a request file. Each document's fixes
//! are moved to the file's bytes, the ones allowed ([`FixOptions`]) are taken in file order
//! while they do not overlap one taken before (a fix's edits go together or not at all), and
//! applied. The rest wait for the next pass, which checks the fixed text again; at most
//! [`MAX_PASSES`] passes are made. A pass that would leave a document unreadable that was
//! readable (a fix that breaks the JSON, or the quoting of a curl argument) is applied one fix
//! at a time instead, and every fix that breaks is refused ([`Refused`]), never written.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use eventlint_request::{Format, Item, ReadContext};

use crate::http::Window;
use crate::lint::check::{CheckOptions, check_document};
use crate::message::diagnostic::Diagnostic;
use crate::message::fix::{Applicability, Fix};

/// The most passes [`fix_text`] makes: fixes that overlap are applied one per pass, and a fix
/// may reveal another (a trailing comma removed, the rules run).
pub const MAX_PASSES: usize = 8;

/// The rules that say a document could not be read at all.
const UNREADABLE: &[&str] = &["json/syntax", "json/encoding", "request/syntax"];

/// How a file's text is read into documents: as `eventlint check` reads it.
#[derive(Debug, Clone, Copy)]
pub enum Layout<'a> {
    /// One JSON document; with `split_arrays`, each element of a top-level array on its own.
    Json {
        /// `--split-arrays`.
        split_arrays: bool,
    },
    /// NDJSON: a document per line.
    Ndjson,
    /// A file of requests in `format`.
    Requests {
        /// The file's format.
        format: Format,
        /// What its reader needs beside the text.
        ctx: &'a ReadContext,
    },
}

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, Default)]
pub struct FixOptions {
    /// Apply unsafe fixes too (`--unsafe-fixes`).
    pub unsafe_fixes: bool,
}

impl FixOptions {
    /// Whether a fix of `applicability` is applied.
    #[must_use]
    pub fn allows(&self, applicability: Applicability) -> bool {
        applicability == Applicability::Safe || self.unsafe_fixes
    }
}

/// A fix that was not applied because the file would not read after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The rule whose fix it is.
    pub rule: &'static str,
    /// The fix's title.
    pub title: String,
    /// The 1-based line of the file where it starts.
    pub line: usize,
}

/// What fixing a file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    /// The text with the fixes applied (the input's text when none was).
    pub text: String,
    /// Fixes applied, by rule id.
    pub applied: BTreeMap<&'static str, usize>,
    /// Fixes refused because the file would not read after them.
    pub refused: Vec<Refused>,
    /// Passes made.
    pub passes: usize,
    /// Whether the last check of the text found nothing more to apply (`false`: the pass bound
    /// stopped it).
    pub settled: bool,
}

impl Fixed {
    /// How many fixes were applied.
    #[must_use]
    pub fn count(&self) -> usize {
        self.applied.values().sum()
    }
}

/// A fix moved to the file's bytes, with its rule and its place.
#[derive(Debug, Clone)]
struct FileFix {
    rule: &'static str,
    fix: Fix,
    line: usize,
}

/// What checking the file's text gave: its fixes, and which documents could not be read.
struct Checked {
    fixes: Vec<FileFix>,
    documents: usize,
    unreadable: BTreeSet<usize>,
}

/// Applies the fixes `options` allows to `text`, read as `layout` and checked with `check`,
/// over passes until none is left or [`MAX_PASSES`] were made.
#[must_use]
pub fn fix_text(
    text: &str,
    layout: Layout<'_>,
    check: &CheckOptions,
    options: FixOptions,
) -> Fixed {
    fix_with(text, |text| check_text(text, layout, check), options)
}

/// [`fix_text`] with the text checked by `check_text`.
fn fix_with(text: &str, check_text: impl Fn(&str) -> Checked, options: FixOptions) -> Fixed {
    let mut fixed = Fixed {
        text: text.to_owned(),
        applied: BTreeMap::new(),
        refused: Vec::new(),
        passes: 0,
        settled: false,
    };
    let mut refused_at: BTreeSet<(usize, &'static str)> = BTreeSet::new();
    let mut checked = check_text(&fixed.text);
    while fixed.passes < MAX_PASSES {
        let wanted: Vec<&FileFix> = checked
            .fixes
            .iter()
            .filter(|f| options.allows(f.fix.applicability))
            .filter(|f| !refused_at.contains(&(first_start(&f.fix), f.rule)))
            .collect();
        let taken: Vec<FileFix> = disjoint(&wanted).into_iter().cloned().collect();
        let taken: Vec<&FileFix> = taken.iter().collect();
        if taken.is_empty() {
            fixed.settled = true;
            break;
        }
        fixed.passes += 1;
        let Some(candidate) = apply(&fixed.text, &taken) else {
            break;
        };
        let after = check_text(&candidate);
        if still_reads(&checked, &after) {
            for f in &taken {
                *fixed.applied.entry(f.rule).or_default() += 1;
            }
            fixed.text = candidate;
            checked = after;
            continue;
        }
        // One at a time: keep each fix that leaves the file readable, refuse the others.
        let mut text = fixed.text.clone();
        let mut state = checked;
        for f in taken {
            let Some(one) = apply(&text, &[f]) else {
                continue;
            };
            let after = check_text(&one);
            if still_reads(&state, &after) {
                *fixed.applied.entry(f.rule).or_default() += 1;
                text = one;
                state = after;
                // The other fixes' places moved: the next pass finds them again.
                break;
            }
            refused_at.insert((first_start(&f.fix), f.rule));
            let refused = Refused {
                rule: f.rule,
                title: f.fix.title.clone(),
                line: f.line,
            };
            if !fixed.refused.contains(&refused) {
                fixed.refused.push(refused);
            }
        }
        fixed.text = text;
        checked = state;
    }
    fixed
}

/// Where a fix's first edit starts in the file.
fn first_start(fix: &Fix) -> usize {
    fix.edits.first().map_or(0, |e| e.span.start)
}

/// Whether every document that read before reads after, and no document came or went.
fn still_reads(before: &Checked, after: &Checked) -> bool {
    before.documents == after.documents && after.unreadable.is_subset(&before.unreadable)
}

/// Whether two ranges overlap (two insertions at one place do too: their order is unknown).
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || (a.start == b.start && (a.is_empty() || b.is_empty()))
}

/// The fixes to apply in one pass: in file order, each one whose edits overlap no edit of a
/// fix taken before.
fn disjoint<'a>(fixes: &[&'a FileFix]) -> Vec<&'a FileFix> {
    let mut sorted: Vec<&FileFix> = fixes.to_vec();
    sorted.sort_by_key(|f| (first_start(&f.fix), f.rule));
    let mut taken: Vec<&FileFix> = Vec::new();
    for f in sorted {
        let clear = f.fix.edits.iter().all(|e| {
            taken
                .iter()
                .flat_map(|t| &t.fix.edits)
                .all(|t| !overlaps(&e.span, &t.span))
        });
        if clear {
            taken.push(f);
        }
    }
    taken
}

/// `text` with the edits of `fixes` (which do not overlap) applied.
fn apply(text: &str, fixes: &[&FileFix]) -> Option<String> {
    let mut edits: Vec<&crate::message::fix::TextEdit> =
        fixes.iter().flat_map(|f| &f.fix.edits).collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    crate::message::fix::apply_edits(text, &edits)
}

/// Checks `text` as `layout` and collects every fix, in the file's bytes.
fn check_text(text: &str, layout: Layout<'_>, options: &CheckOptions) -> Checked {
    let mut checked = Checked {
        fixes: Vec::new(),
        documents: 0,
        unreadable: BTreeSet::new(),
    };
    let lines = crate::locate::spans::LineIndex::new(text);
    let document = |checked: &mut Checked, offset: usize, diagnostics: Vec<Diagnostic>| {
        let n = checked.documents;
        checked.documents += 1;
        for d in diagnostics {
            if UNREADABLE.contains(&d.rule) {
                checked.unreadable.insert(n);
            }
            if let Some(mut fix) = d.fix {
                for e in &mut fix.edits {
                    e.span = e.span.start + offset..e.span.end + offset;
                }
                let line = fix
                    .edits
                    .first()
                    .map_or(1, |e| lines.position(e.span.start).line);
                checked.fixes.push(FileFix {
                    rule: d.rule,
                    fix,
                    line,
                });
            }
        }
    };
    match layout {
        Layout::Json { split_arrays } => {
            let (bom, bytes) = crate::document::strip_bom(text.as_bytes());
            let elements = if split_arrays {
                crate::document::array_elements(bytes)
            } else {
                None
            };
            if let Some(elements) = elements {
                for range in elements {
                    let report = check_document(&bytes[range.clone()], options);
                    document(&mut checked, bom + range.start, report.diagnostics);
                }
            } else {
                let report = check_document(bytes, options);
                document(&mut checked, bom, report.diagnostics);
            }
        }
        Layout::Ndjson => {
            for doc in crate::document::documents::Documents::new(text.as_bytes()) {
                let (bom, _) = crate::document::strip_bom(doc.bytes);
                let report = check_document(doc.bytes, options);
                document(&mut checked, doc.offset + bom, report.diagnostics);
            }
        }
        Layout::Requests { format, ctx } => {
            for item in eventlint_request::read(format, text, ctx) {
                let report = match &item {
                    Item::Request(request) => {
                        if format == Format::Har && !crate::http::is_vendor_request(request) {
                            continue;
                        }
                        crate::http::check_isolated_in(request, Window::whole(text), options)
                    }
                    Item::Problem(problem) => {
                        crate::http::problem_in(problem, Window::whole(text), options)
                    }
                };
                document(&mut checked, report.region.start, report.diagnostics);
            }
        }
    }
    checked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> CheckOptions {
        CheckOptions::at_rfc3339("2026-01-01T00:00:00Z").expect("a clock")
    }

    #[test]
    fn a_trailing_comma_and_a_misspelt_key_are_fixed_in_two_passes() {
        // The comma first (nothing else can be checked before it), then the key.
        let text = "{\"name\": \"click\", \"tokn\": \"t\",}\n";
        let fixed = fix_text(
            text,
            Layout::Json {
                split_arrays: false,
            },
            &options().with_kind(crate::Kind::find("sajari.send-event").expect("a kind")),
            FixOptions::default(),
        );
        assert_eq!(fixed.text, "{\"name\": \"click\", \"token\": \"t\"}\n");
        assert_eq!(fixed.count(), 2);
        assert_eq!(fixed.passes, 2);
        assert!(fixed.settled);
        assert!(fixed.refused.is_empty());
    }

    #[test]
    fn unsafe_fixes_wait_for_the_flag() {
        let text = "{\"uid\": \"u\", \"items\": [{\"id\": \"a\"}], \"page\": \"PRODUCT_PAGE\", \"event\": \"VIEW_PRODUCT\", \"geo\": {\"lat\": 120.5, \"long\": 12.97, \"region\": \"MG Road\"}}";
        let kind = crate::Kind::find("neuralens.event").expect("a kind");
        let layout = Layout::Ndjson;
        let safe = fix_text(
            text,
            layout,
            &options().with_kind(kind),
            FixOptions::default(),
        );
        assert_eq!(safe.text, text);
        assert!(safe.settled);
        let all = fix_text(
            text,
            layout,
            &options().with_kind(kind),
            FixOptions { unsafe_fixes: true },
        );
        assert!(
            all.text.contains("\"lat\": 12.97, \"long\": 120.5"),
            "{}",
            all.text
        );
    }

    #[test]
    fn ndjson_lines_are_fixed_in_place() {
        let text = "{\"name\": \"click\", \"token\": \"t\", \"weight\": \"2\"}\r\n\n{\"name\": \"click\", \"token\": \"t\"}\n";
        let kind = crate::Kind::find("sajari.send-event").expect("a kind");
        let fixed = fix_text(
            text,
            Layout::Ndjson,
            &options().with_kind(kind),
            FixOptions::default(),
        );
        assert_eq!(
            fixed.text,
            "{\"name\": \"click\", \"token\": \"t\", \"weight\": 2}\r\n\n{\"name\": \"click\", \"token\": \"t\"}\n"
        );
    }

    /// A checker of a made-up format: each line is a document, unreadable when it holds
    /// `BROKEN`; every `x` offers a safe fix to `y`, every `q` one to `BROKEN`.
    fn made_up(text: &str) -> Checked {
        let mut checked = Checked {
            fixes: Vec::new(),
            documents: 0,
            unreadable: BTreeSet::new(),
        };
        let mut offset = 0;
        for (n, line) in text.split_inclusive('\n').enumerate() {
            checked.documents += 1;
            if line.contains("BROKEN") {
                checked.unreadable.insert(n);
            }
            for (i, c) in line.char_indices() {
                let content = match c {
                    'x' => "y",
                    'q' => "BROKEN",
                    _ => continue,
                };
                let at = offset + i;
                let position = crate::message::diagnostic::Position {
                    line: n + 1,
                    column: i + 1,
                };
                checked.fixes.push(FileFix {
                    rule: if c == 'x' { "test/x" } else { "test/q" },
                    fix: Fix {
                        applicability: Applicability::Safe,
                        title: format!("{c} to {content}"),
                        edits: vec![crate::message::fix::TextEdit {
                            span: at..at + 1,
                            start: position,
                            end: position,
                            content: content.to_owned(),
                        }],
                    },
                    line: n + 1,
                });
            }
            offset += line.len();
        }
        checked
    }

    #[test]
    fn a_fix_that_breaks_a_document_is_refused_and_the_others_applied() {
        let fixed = fix_with("ax q\nx\n", made_up, FixOptions::default());
        assert_eq!(fixed.text, "ay q\ny\n");
        assert_eq!(fixed.applied.get("test/x"), Some(&2));
        assert_eq!(fixed.applied.get("test/q"), None);
        assert_eq!(
            fixed.refused,
            [Refused {
                rule: "test/q",
                title: "q to BROKEN".to_owned(),
                line: 1,
            }]
        );
        assert!(fixed.settled, "{fixed:?}");
    }

    #[test]
    fn fixing_stops_after_the_pass_bound() {
        // Each pass turns the first `x` of a run into `y`... and a fix that never ends: an `x`
        // written back by a `y` is a loop only the bound stops.
        let looping = |text: &str| {
            let mut checked = made_up(text);
            for f in &mut checked.fixes {
                f.fix.edits[0].content = "x".to_owned();
            }
            checked
        };
        let fixed = fix_with("x\n", looping, FixOptions::default());
        assert_eq!(fixed.passes, MAX_PASSES);
        assert!(!fixed.settled);
    }

    #[test]
    fn overlapping_ranges() {
        assert!(overlaps(&(1..3), &(2..4)));
        assert!(!overlaps(&(1..3), &(3..4)));
        assert!(overlaps(&(3..3), &(3..5)));
        assert!(!overlaps(&(3..3), &(4..4)));
    }
}
