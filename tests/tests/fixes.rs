//! Every fix, proven on every fixture (issue "Fixes and the editor", item 3): each fixture is
//! fixed whole, unsafe fixes included, as `eventlint check --fix --unsafe-fixes` fixes it, and
//!
//! - every document still reads (no fix is refused, nothing more is offered at the end);
//! - no finding that offered a fix is there again (its rule at its pointer);
//! - no document has more errors of any rule than before (a document that did not read before
//!   is exempt: its rules run only once it does);
//! - fixing the fixed text again changes nothing;
//! - the fixed text is a snapshot (`snapshots/fixes/`), so a change in what a fix writes is
//!   reviewed.

use std::collections::BTreeMap;
use std::path::Path;

use eventlint_core::fix::{FixOptions, Layout, fix_text};
use eventlint_core::{CheckOptions, Diagnostic, Severity, check_document};
use eventlint_tests::{fixture_files, options, parse_fixture_path, root, split_documents};

const UNREADABLE: &[&str] = &["json/syntax", "json/encoding", "request/syntax"];

fn context(rel: &str, options: &CheckOptions) -> eventlint_core::request::read::ReadContext {
    eventlint_core::request::read::ReadContext {
        base_dir: root()
            .join(rel)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
        variables: BTreeMap::new(),
        now_unix_ms: Some(options.now.timestamp_millis()),
    }
}

/// Each document's diagnostics, in file order (a request file: each request's).
fn documents(rel: &str, text: &str, options: &CheckOptions) -> Vec<Vec<Diagnostic>> {
    if let Some(format) = eventlint_core::request::read::Format::from_name(rel) {
        let ctx = context(rel, options);
        return eventlint_core::request::check_file(rel, text, format, &ctx, options)
            .documents
            .into_iter()
            .map(|(_, outcome)| outcome.map(|o| o.diagnostics).unwrap_or_default())
            .collect();
    }
    split_documents(rel, text.as_bytes())
        .into_iter()
        .map(|(_, doc)| check_document(doc, options).diagnostics)
        .collect()
}

fn errors_by_rule(diagnostics: &[Diagnostic]) -> BTreeMap<&'static str, usize> {
    let mut out = BTreeMap::new();
    for d in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
        *out.entry(d.rule).or_default() += 1;
    }
    out
}

/// What is wrong with fixing the fixture `rel` (its text `text`), if anything; the fixed text
/// when a fix was applied.
fn prove(rel: &str, text: &str, options: &CheckOptions) -> Result<Option<String>, String> {
    let ctx = context(rel, options);
    let layout = match eventlint_core::request::read::Format::from_name(rel) {
        Some(format) => Layout::Requests { format, ctx: &ctx },
        None if Path::new(rel).extension().is_some_and(|e| e == "json") => Layout::Json {
            split_arrays: false,
        },
        None => Layout::Ndjson,
    };
    let all = FixOptions { unsafe_fixes: true };
    let fixed = fix_text(text, layout, options, all);
    if !fixed.refused.is_empty() {
        return Err(format!("refused fixes: {:?}", fixed.refused));
    }
    if !fixed.settled {
        return Err(format!("still offers fixes after {} passes", fixed.passes));
    }
    let before = documents(rel, text, options);
    if fixed.count() == 0 {
        if let Some(d) = before.iter().flatten().find(|d| d.fix.is_some()) {
            return Err(format!(
                "{} at `{}` offers a fix never applied",
                d.rule, d.pointer
            ));
        }
        return Ok(None);
    }
    let after = documents(rel, &fixed.text, options);
    if after.len() != before.len() {
        return Err(format!(
            "{} documents before, {} after:\n{}",
            before.len(),
            after.len(),
            fixed.text
        ));
    }
    let mut wrong = Vec::new();
    for (n, (was, is)) in before.iter().zip(&after).enumerate() {
        let unreadable = |ds: &[Diagnostic]| ds.iter().any(|d| UNREADABLE.contains(&d.rule));
        if unreadable(is) && !unreadable(was) {
            wrong.push(format!("document {} does not read after the fixes", n + 1));
        }
        if unreadable(was) {
            continue;
        }
        for d in was.iter().filter(|d| d.fix.is_some()) {
            if let Some(again) = is
                .iter()
                .find(|a| a.rule == d.rule && a.pointer == d.pointer && a.request == d.request)
            {
                wrong.push(format!(
                    "document {}: {} at `{}` is still there after its fix: {}",
                    n + 1,
                    d.rule,
                    d.pointer,
                    again.message
                ));
            }
        }
        let (was_errors, is_errors) = (errors_by_rule(was), errors_by_rule(is));
        for (rule, count) in &is_errors {
            if count > was_errors.get(rule).unwrap_or(&0) {
                wrong.push(format!("document {}: a new error of {rule}", n + 1));
            }
        }
    }
    let again = fix_text(&fixed.text, layout, options, all);
    if again.count() > 0 || again.text != fixed.text {
        wrong.push(format!(
            "a second fix changes the text again: {:?}",
            again.applied
        ));
    }
    if wrong.is_empty() {
        Ok(Some(fixed.text))
    } else {
        Err(format!("{}\n{}", wrong.join("\n"), fixed.text))
    }
}

#[test]
fn every_fix_is_proven_on_every_fixture() {
    let mut failures = Vec::new();
    let mut fixed_files = 0;
    let mut snapshots = Vec::new();
    for path in fixture_files() {
        let fixture = parse_fixture_path(&path).expect("a fixture path");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // not UTF-8: never fixed
        };
        let options = options(fixture.kind);
        match prove(&fixture.rel, &text, &options) {
            Ok(Some(fixed)) => {
                fixed_files += 1;
                snapshots.push((fixture.rel.clone(), fixed));
            }
            Ok(None) => {}
            Err(why) => failures.push(format!("{}: {why}", fixture.rel)),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(fixed_files > 60, "only {fixed_files} fixtures have a fix");
    for (rel, fixed) in snapshots {
        let name = rel
            .trim_start_matches("fixtures/")
            .replace(['/', '.'], "__");
        insta::with_settings!({
            snapshot_path => root().join("tests/tests/snapshots/fixes"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
            description => format!("{rel}, every fix applied (unsafe ones too)"),
        }, {
            insta::assert_snapshot!(name, fixed);
        });
    }
}
