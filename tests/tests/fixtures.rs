//! One test per fixture file. The path states the expectation:
//! `fixtures/<vendor>/<kind>/valid/*` gives no error or warning;
//! `fixtures/<vendor>/<kind>/invalid/<group>/<rule>[--variant].json` shows that rule.
//! Every invalid fixture has a snapshot beside it (`.snap`) of its human and JSON reports.

use std::path::Path;

use eventlint_core::Severity;
use eventlint_tests::{check_file, options, parse_fixture_path, snapshot_text};

fn check_fixture(path: &Path) -> datatest_stable::Result<()> {
    let fixture = parse_fixture_path(path)?;
    let bytes = std::fs::read(path)?;
    let (outcomes, documents) = check_file(&fixture.rel, &bytes, &options(fixture.kind));
    let diagnostics: Vec<_> = outcomes.iter().flat_map(|o| &o.diagnostics).collect();
    match &fixture.expect_rule {
        None => {
            let bad: Vec<String> = diagnostics
                .iter()
                .filter(|d| d.severity >= Severity::Warning)
                .map(|d| format!("{} {} at {}: {}", d.severity, d.rule, d.pointer, d.message))
                .collect();
            if !bad.is_empty() {
                return Err(format!(
                    "valid fixture `{}` has findings:\n{}",
                    fixture.rel,
                    bad.join("\n")
                )
                .into());
            }
        }
        Some(rule) => {
            if !diagnostics.iter().any(|d| d.rule == rule) {
                let got: Vec<&str> = diagnostics.iter().map(|d| d.rule).collect();
                return Err(format!(
                    "invalid fixture `{}` does not show `{rule}`; it shows {got:?}",
                    fixture.rel
                )
                .into());
            }
            let dir = std::fs::canonicalize(path.parent().ok_or("fixture without a directory")?)?;
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .ok_or("fixture name is not UTF-8")?;
            insta::with_settings!({
                snapshot_path => dir,
                prepend_module_to_snapshot => false,
                omit_expression => true,
                input_file => path,
            }, {
                insta::assert_snapshot!(name, snapshot_text(&outcomes, documents));
            });
        }
    }
    Ok(())
}

datatest_stable::harness! {
    { test = check_fixture, root = "../fixtures", pattern = r"\.(json|ndjson|jsonl|http|rest|curl|hurl|har)$" },
}
