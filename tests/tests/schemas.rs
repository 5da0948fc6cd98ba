//! The committed schemas and the linter agree, and every schema is valid JSON Schema 2020-12.

use eventlint_core::{check_document, registry};
use eventlint_tests::{fixture_files, options, parse_fixture_path, root, split_documents};
use serde_json::Value;

fn committed_schema(kind: &str) -> Value {
    let text = std::fs::read_to_string(root().join(format!("schemas/{kind}.schema.json")))
        .expect("committed schema");
    serde_json::from_str(&text).expect("schema is JSON")
}

#[test]
fn every_schema_is_valid_2020_12() {
    for kind in registry::kinds() {
        let schema = committed_schema(kind.id);
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{}",
            kind.id
        );
        jsonschema::draft202012::meta::validate(&schema)
            .unwrap_or_else(|e| panic!("{}: {e}", kind.id));
        assert!(
            schema["title"].is_string() && schema["description"].is_string(),
            "{}: title and description",
            kind.id
        );
        assert!(
            schema["examples"].is_array(),
            "{}: the vendor's example",
            kind.id
        );
    }
}

/// Valid fixtures pass the committed schema; invalid fixtures of a structural rule fail it.
#[test]
fn fixtures_agree_with_committed_schemas() {
    let mut checked = 0;
    for entry in fixture_files() {
        let fixture = parse_fixture_path(&entry).unwrap_or_else(|e| panic!("{e}"));
        let Some(kind) = fixture.kind else { continue };
        let bytes = std::fs::read(&entry).expect("readable");
        let docs: Vec<Value> = match eventlint_tests::request_bodies(&fixture.rel, &bytes) {
            // A request fixture: its bodies (a transport rule's fixture has a valid body).
            Some(bodies) => {
                if fixture.expect_rule.is_some() {
                    continue;
                }
                bodies
                    .iter()
                    .filter_map(|b| serde_json::from_str(b).ok())
                    .collect()
            }
            None => split_documents(&fixture.rel, &bytes)
                .into_iter()
                .filter_map(|(_, doc)| {
                    serde_json::from_slice(doc.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(doc)).ok()
                })
                .collect(),
        };
        let validator =
            jsonschema::validator_for(&committed_schema(kind.id)).expect("schema compiles");
        match fixture.expect_rule.as_deref().and_then(registry::rule) {
            None => {
                for doc in &docs {
                    assert!(
                        validator.is_valid(doc),
                        "valid fixture {} fails its schema",
                        fixture.rel
                    );
                }
            }
            Some(rule) if rule.structural => {
                assert!(
                    docs.iter().any(|d| !validator.is_valid(d)),
                    "{} shows structural rule {} but passes the schema",
                    fixture.rel,
                    rule.id
                );
            }
            Some(_) => {}
        }
        checked += 1;
    }
    assert!(checked > 0, "no fixtures found");
}

/// Every fixture document fails its committed schema exactly when eventlint reports at least one
/// structural rule for it: no rule id is partly structural, partly semantic (the in-repo twin of
/// `tests/independent/schema_agreement.py`, which uses Python's `jsonschema`).
#[test]
fn structural_rules_are_exactly_the_schema_verdict() {
    let mut disagreements = Vec::new();
    let mut checked = 0;
    for entry in fixture_files() {
        let fixture = parse_fixture_path(&entry).unwrap_or_else(|e| panic!("{e}"));
        let Some(kind) = fixture.kind else { continue };
        let validator =
            jsonschema::validator_for(&committed_schema(kind.id)).expect("schema compiles");
        let bytes = std::fs::read(&entry).expect("readable");
        for (n, (_, doc)) in split_documents(&fixture.rel, &bytes)
            .into_iter()
            .enumerate()
        {
            let Ok(value) =
                serde_json::from_slice::<Value>(doc.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(doc))
            else {
                continue; // not JSON: no schema verdict to compare
            };
            let structural: Vec<&str> = check_document(doc, &options(Some(kind)))
                .diagnostics
                .iter()
                .filter(|d| registry::rule(d.rule).is_some_and(|r| r.structural))
                .map(|d| d.rule)
                .collect();
            let invalid = !validator.is_valid(&value);
            if invalid == structural.is_empty() {
                disagreements.push(format!(
                    "{} document {}: schema says {}, structural rules {structural:?}",
                    fixture.rel,
                    n + 1,
                    if invalid { "invalid" } else { "valid" }
                ));
            }
            checked += 1;
        }
    }
    assert!(checked > 300, "only {checked} documents checked");
    assert!(
        disagreements.is_empty(),
        "schema and structural rules disagree:\n{}",
        disagreements.join("\n")
    );
}
