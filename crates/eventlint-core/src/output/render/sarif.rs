//! `--format sarif`: one SARIF 2.1.0 log (the format GitHub code scanning and most CI dashboards
//! read), with one result per diagnostic and the rules those results name.
//!
//! `tool.driver.rules` describes only the rules with at least one result, in the registry's
//! order (sorted by id), and each result's `ruleIndex` is its rule's place in that list: every
//! manual of the registry would make a report of a few results weigh half a megabyte.
//!
//! Types come from `serde-sarif`, which generates them from the official schema.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix as SarifFix, Location, Message,
    MultiformatMessageString, PhysicalLocation, PropertyBag, Region, Replacement,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif,
    Tool, ToolComponent,
};

use crate::catalog::registry;
use crate::message::diagnostic::{Diagnostic, Position, Severity};
use crate::output::report::{DocumentOutcome, Summary};
use crate::rule::Rule;

/// The schema URI written into the log's `$schema`.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where a result's `ruleIndex` stands in the text of [`results`] until the log's list of rules
/// is known: the rule's place in [`registry::rules`], in decimal, between two of these (a
/// character JSON text never holds raw). [`Log::resolve`] replaces it.
pub const RULE_MARK: char = '\0';

/// How deep a result is in the log: `{"runs": [{"results": [` puts it 8 spaces in.
const RESULT_INDENT: &str = "\n        ";

/// The SARIF log (pretty-printed, with a final newline).
///
/// The same bytes as the [`Log`]'s head, the [`results`] of every outcome with their rule
/// marks resolved, then its tail: the CLI spills the results as they come and writes the log
/// around them at the end, so a large run never holds its findings in memory.
#[must_use]
pub fn render(outcomes: &[DocumentOutcome], summary: &Summary) -> String {
    let mut spilled = String::new();
    for outcome in outcomes {
        results(outcome, &mut spilled);
    }
    let mut fired = vec![false; registry::rules().len()];
    for d in outcomes.iter().flat_map(|o| &o.diagnostics) {
        if let Some(i) = rule_number(d.rule) {
            fired[i] = true;
        }
    }
    let log = Log::new(&fired, summary);
    let mut text = log.head().to_owned();
    log.resolve(spilled.strip_prefix(',').unwrap_or(&spilled), &mut text);
    text.push_str(log.tail(!spilled.is_empty()));
    text
}

/// A rule's place in [`registry::rules`] (sorted by id), as [`results`] marks it.
#[must_use]
pub fn rule_number(rule: &str) -> Option<usize> {
    registry::rules().binary_search_by(|r| r.id.cmp(rule)).ok()
}

/// Appends the results of one document's diagnostics, each preceded by its separator (`,`) and
/// indented for its place in the log, with its rule's [`rule_number`] between [`RULE_MARK`]s
/// where its `ruleIndex` goes. The first result of a log drops its separator.
pub fn results(outcome: &DocumentOutcome, out: &mut String) {
    for d in &outcome.diagnostics {
        let number = rule_number(d.rule);
        let result = result(outcome, d, number.map(to_i64));
        let text = serde_json::to_string_pretty(&result).unwrap_or_default();
        out.reserve(text.len() + text.len() / 8);
        out.push(',');
        out.push_str(RESULT_INDENT);
        let mut rest = text.as_str();
        if let Some(number) = number {
            // Only the member can hold `"ruleIndex": `: in a string, `"` is escaped.
            let key = "\"ruleIndex\": ";
            if let Some(at) = rest.find(key) {
                let value = at + key.len();
                let digits = rest[value..]
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(rest.len() - value);
                push_indented(out, &rest[..value]);
                out.push(RULE_MARK);
                out.push_str(itoa::Buffer::new().format(number));
                out.push(RULE_MARK);
                rest = &rest[value + digits..];
            }
        }
        push_indented(out, rest);
    }
}

/// Appends `text` with every line after its first moved in by [`RESULT_INDENT`].
fn push_indented(out: &mut String, text: &str) {
    let mut lines = text.split('\n');
    if let Some(first) = lines.next() {
        out.push_str(first);
    }
    for line in lines {
        out.push_str(RESULT_INDENT);
        out.push_str(line);
    }
}

/// One diagnostic's result.
fn result(o: &DocumentOutcome, d: &Diagnostic, rule_index: Option<i64>) -> SarifResult {
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let location = Location::builder()
        .physical_location(physical(&o.path, d.start, d.end))
        .build();
    let mut properties = BTreeMap::new();
    properties.insert("document".to_owned(), serde_json::json!(o.document));
    properties.insert("pointer".to_owned(), serde_json::json!(d.pointer));
    properties.insert("kind".to_owned(), serde_json::json!(o.kind.map(|k| k.id)));
    let mut result = SarifResult::builder()
        .rule_id(d.rule)
        .level(level(d.severity))
        .message(Message::builder().text(text).build())
        .locations(vec![location])
        .properties(
            PropertyBag::builder()
                .additional_properties(properties)
                .build(),
        )
        .build();
    result.rule_index = rule_index;
    result.related_locations = related_locations(o, d);
    result.fixes = d.fix.as_ref().map(|fix| vec![sarif_fix(&o.path, fix)]);
    result
}

/// A diagnostic's fix as a SARIF `fix`: its title (and applicability) as the description, its
/// edits as the replacements of one artifact change.
fn sarif_fix(path: &str, fix: &crate::message::fix::Fix) -> SarifFix {
    let replacements: Vec<Replacement> = fix
        .edits
        .iter()
        .map(|e| {
            Replacement::builder()
                .deleted_region(region(e.start, e.end))
                .inserted_content(ArtifactContent::builder().text(e.content.clone()).build())
                .build()
        })
        .collect();
    let mut properties = BTreeMap::new();
    properties.insert(
        "applicability".to_owned(),
        serde_json::json!(fix.applicability.as_str()),
    );
    SarifFix::builder()
        .description(
            Message::builder()
                .text(format!("{} ({})", fix.title, fix.applicability.as_str()))
                .build(),
        )
        .artifact_changes(vec![
            ArtifactChange::builder()
                .artifact_location(ArtifactLocation::builder().uri(uri(path)).build())
                .replacements(replacements)
                .build(),
        ])
        .properties(
            PropertyBag::builder()
                .additional_properties(properties)
                .build(),
        )
        .build()
}

/// The region from `start` to `end` (exclusive).
fn region(start: Position, end: Position) -> Region {
    Region::builder()
        .start_line(to_i64(start.line))
        .start_column(to_i64(start.column))
        .end_line(to_i64(end.line))
        .end_column(to_i64(end.column))
        .build()
}

/// A place in the file at `path`, from `start` to `end` (exclusive).
fn physical(path: &str, start: Position, end: Position) -> PhysicalLocation {
    PhysicalLocation::builder()
        .artifact_location(ArtifactLocation::builder().uri(uri(path)).build())
        .region(region(start, end))
        .build()
}

/// A diagnostic's other places (`Diagnostic::related`) as `relatedLocations`, each with an id and
/// its label; `None` when it has none.
fn related_locations(o: &DocumentOutcome, d: &Diagnostic) -> Option<Vec<Location>> {
    (!d.related.is_empty()).then(|| {
        d.related
            .iter()
            .enumerate()
            .map(|(i, r)| {
                Location::builder()
                    .id(to_i64(i))
                    .message(Message::builder().text(r.message.clone()).build())
                    .physical_location(physical(&o.path, r.start, r.end))
                    .build()
            })
            .collect()
    })
}

/// The log around its results: the tool with the rules that have results, and the summary.
#[derive(Debug)]
pub struct Log {
    /// Up to and including `"results": [`.
    head: String,
    /// From the `]` closing no results.
    tail: String,
    /// From the line break before the `]` closing the results.
    tail_after_results: String,
    /// For each rule of the registry, its place in the log's list of rules.
    places: Vec<Option<usize>>,
}

impl Log {
    /// The log of a run whose results name the rules marked in `fired` (indexed like
    /// [`registry::rules`]), with the run's summary.
    #[must_use]
    pub fn new(fired: &[bool], summary: &Summary) -> Log {
        let mut places = vec![None; registry::rules().len()];
        let mut descriptors = Vec::new();
        for (i, rule) in registry::rules().iter().enumerate() {
            if fired.get(i).copied().unwrap_or(false) {
                places[i] = Some(descriptors.len());
                descriptors.push(descriptor(rule));
            }
        }
        let driver = ToolComponent::builder()
            .name("eventlint")
            .version(env!("CARGO_PKG_VERSION"))
            .semantic_version(env!("CARGO_PKG_VERSION"))
            // No `informationUri`: the project has no public address to give yet, and SARIF
            // viewers show a placeholder as a broken link.
            .rules(descriptors)
            .build();
        let mut totals = BTreeMap::new();
        totals.insert("summary".to_owned(), serde_json::json!(summary));
        let run = Run::builder()
            .tool(Tool::builder().driver(driver).build())
            .results(Vec::new())
            .column_kind(serde_json::json!("unicodeCodePoints"))
            .properties(PropertyBag::builder().additional_properties(totals).build())
            .build();
        let log = Sarif::builder()
            .schema(SCHEMA_URI)
            .version(serde_json::json!("2.1.0"))
            .runs(vec![run])
            .build();
        let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
        text.push('\n');
        // Only the member can read `"results": []`: in a string, `"` is escaped.
        let open = "\"results\": [";
        let Some(at) = text.find("\"results\": []") else {
            return Log {
                head: text,
                tail: String::new(),
                tail_after_results: String::new(),
                places,
            };
        };
        // The `]` after results goes on a line of its own, as deep as `"results"`.
        let line = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let head = text[..at + open.len()].to_owned();
        let tail = text[at + open.len()..].to_owned();
        let tail_after_results = format!("\n{}{tail}", &text[line..at]);
        Log {
            head,
            tail,
            tail_after_results,
            places,
        }
    }

    /// The log up to and including `"results": [`.
    #[must_use]
    pub fn head(&self) -> &str {
        &self.head
    }

    /// The rest of the log after the results; `any`: whether there were results.
    #[must_use]
    pub fn tail(&self, any: bool) -> &str {
        if any {
            &self.tail_after_results
        } else {
            &self.tail
        }
    }

    /// A rule's place in the log's list of rules, from its [`rule_number`].
    #[must_use]
    pub fn rule_index(&self, number: usize) -> Option<usize> {
        self.places.get(number).copied().flatten()
    }

    /// Appends `results` (text from [`results`], first separator dropped) with each rule mark
    /// replaced by the rule's `ruleIndex`.
    pub fn resolve(&self, results: &str, out: &mut String) {
        let mut parts = results.split(RULE_MARK);
        if let Some(first) = parts.next() {
            out.push_str(first);
        }
        while let (Some(number), Some(text)) = (parts.next(), parts.next()) {
            let index = number
                .parse::<usize>()
                .ok()
                .and_then(|n| self.rule_index(n))
                .unwrap_or_default();
            out.push_str(itoa::Buffer::new().format(index));
            out.push_str(text);
        }
    }
}

fn descriptor(rule: &Rule) -> ReportingDescriptor {
    let manual = rule.manual();
    ReportingDescriptor::builder()
        .id(rule.id)
        .short_description(
            MultiformatMessageString::builder()
                .text(rule.summary)
                .build(),
        )
        .full_description(
            MultiformatMessageString::builder()
                .text(manual.trim_end())
                .markdown(manual.trim_end())
                .build(),
        )
        .help(
            MultiformatMessageString::builder()
                .text(
                    fix_section(&manual)
                        .unwrap_or_else(|| format!("eventlint explain {}", rule.id)),
                )
                .markdown(manual.trim_end())
                .build(),
        )
        .default_configuration(
            ReportingConfiguration::builder()
                .level(serde_json::json!(level_name(rule.severity)))
                .build(),
        )
        .build()
}

/// The text of the manual's `## Fix` section.
fn fix_section(manual: &str) -> Option<String> {
    let start = manual.find("## Fix")?;
    let body = &manual[start + "## Fix".len()..];
    let end = body.find("\n## ").unwrap_or(body.len());
    let text = body[..end].trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

fn level_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A relative URI reference for a display path: `/` kept, everything outside RFC 3986's
/// unreserved set percent-encoded (so `<stdin>` and spaces stay valid).
#[must_use]
pub(crate) fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::collections::BTreeSet;

    /// The log as it was made before results were spilled: one `serde-sarif` value.
    fn reference(outcomes: &[DocumentOutcome], summary: &Summary) -> String {
        let fired: BTreeSet<&str> = outcomes
            .iter()
            .flat_map(|o| o.diagnostics.iter().map(|d| d.rule))
            .collect();
        let rules: Vec<&Rule> = registry::rules()
            .iter()
            .copied()
            .filter(|r| fired.contains(r.id))
            .collect();
        let descriptors: Vec<ReportingDescriptor> = rules.iter().map(|r| descriptor(r)).collect();
        let results: Vec<SarifResult> = outcomes
            .iter()
            .flat_map(|o| o.diagnostics.iter().map(move |d| (o, d)))
            .map(|(o, d)| {
                let index = rules.iter().position(|r| r.id == d.rule).map(to_i64);
                result(o, d, index)
            })
            .collect();
        let driver = ToolComponent::builder()
            .name("eventlint")
            .version(env!("CARGO_PKG_VERSION"))
            .semantic_version(env!("CARGO_PKG_VERSION"))
            // No `informationUri`: the project has no public address to give yet, and SARIF
            // viewers show a placeholder as a broken link.
            .rules(descriptors)
            .build();
        let mut totals = BTreeMap::new();
        totals.insert("summary".to_owned(), serde_json::json!(summary));
        let run = Run::builder()
            .tool(Tool::builder().driver(driver).build())
            .results(results)
            .column_kind(serde_json::json!("unicodeCodePoints"))
            .properties(PropertyBag::builder().additional_properties(totals).build())
            .build();
        let log = Sarif::builder()
            .schema(SCHEMA_URI)
            .version(serde_json::json!("2.1.0"))
            .runs(vec![run])
            .build();
        let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Outcomes of every shape a result takes: a path to encode, an NDJSON line offset, no
    /// kind, no help, quotes and control characters in messages, several documents and rules.
    fn outcomes() -> Vec<DocumentOutcome> {
        let options = crate::CheckOptions::at_rfc3339("2026-01-01T00:00:00Z").expect("clock");
        let documents: [(&str, usize, &str); 5] = [
            (
                "a b/<x>.json",
                0,
                r#"{"action": "dog bark", "label": "", "client": {}}"#,
            ),
            (
                "e.ndjson",
                41,
                r#"{"action": "x", "label": "a\u0001\"", "client": {"customID": 1}}"#,
            ),
            ("e.ndjson", 42, r#"{"action": 1,}"#),
            ("z.json", 0, "not json"),
            ("\u{17c}.json", 0, r#"[1, {"sessionId": 2}]"#),
        ];
        documents
            .iter()
            .enumerate()
            .map(|(n, (path, line, text))| {
                let report = crate::check_document(text.as_bytes(), &options);
                DocumentOutcome::new(path, n + 1, *line, text.as_bytes(), report)
            })
            .filter(|o| !o.diagnostics.is_empty())
            .collect()
    }

    #[test]
    fn spilled_results_make_the_same_log() {
        let outcomes = outcomes();
        assert!(outcomes.iter().map(|o| o.diagnostics.len()).sum::<usize>() > 5);
        let mut summary = Summary::default();
        for o in &outcomes {
            summary.add(o);
        }
        for n in 0..=outcomes.len() {
            let some = &outcomes[..n];
            assert_eq!(
                render(some, &summary),
                reference(some, &summary),
                "{n} outcomes"
            );
        }
    }

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("a b/<stdin>.json"), "a%20b/%3Cstdin%3E.json");
        assert_eq!(uri("fixtures/x--y.ndjson"), "fixtures/x--y.ndjson");
        assert_eq!(uri("ż.json"), "%C5%BC.json");
    }

    #[test]
    fn fix_sections() {
        assert_eq!(
            fix_section("## What\nx\n\n## Fix\nDo this.\n\n## Source\ny").as_deref(),
            Some("Do this.")
        );
        assert_eq!(fix_section("## What\nx"), None);
    }
}
