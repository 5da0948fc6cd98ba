//! `--format sarif`: one SARIF 2.1.0 log (the format GitHub code scanning and most CI dashboards
//! read), with one result per diagnostic and the rules those results name.
//!
//! `tool.driver.rules` describes only the rules with at least one result, in the registry's
//! order (sorted by id), and each result's `ruleIndex` is its rule's place in that list: every
//! manual of the registry would make a report of a few results weigh half a megabyte.
//!
//! Types come from `serde-sarif`, which generates them from the official schema.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, PropertyBag,
    Region, ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run,
    Sarif, Tool, ToolComponent,
};

use crate::diagnostic::Severity;
use crate::registry;
use crate::report::{DocumentOutcome, Summary};
use crate::rule::Rule;

/// The schema URI written into the log's `$schema`.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The SARIF log (pretty-printed, with a final newline).
#[must_use]
pub fn render(outcomes: &[DocumentOutcome], summary: &Summary) -> String {
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
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            let region = Region::builder()
                .start_line(to_i64(d.start.line + o.line_offset))
                .start_column(to_i64(d.start.column))
                .end_line(to_i64(d.end.line + o.line_offset))
                .end_column(to_i64(d.end.column))
                .build();
            let location = Location::builder()
                .physical_location(
                    PhysicalLocation::builder()
                        .artifact_location(ArtifactLocation::builder().uri(uri(&o.path)).build())
                        .region(region)
                        .build(),
                )
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
            result.rule_index = rules.iter().position(|r| r.id == d.rule).map(to_i64);
            result
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
