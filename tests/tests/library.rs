//! The library API: the models are the wire format, the plain rendering is what the CLI prints,
//! and the entry points agree with each other.

use std::process::Command;

use eventlint_core::{CheckOptions, Kind, check_bytes, check_document, check_str, check_value};
use eventlint_tests::{NOW, cli, fixture_files, options, parse_fixture_path, split_documents};
use serde_json::Value;

/// Every document of every valid fixture deserializes into its kind's model type and serializes
/// back to the same JSON (compared as `serde_json::Value`: integers stay integers, absent stays
/// absent, no key is added or dropped).
#[test]
fn every_valid_fixture_round_trips_through_its_model() {
    let mut checked = 0;
    let mut kinds = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for path in fixture_files() {
        let fixture = parse_fixture_path(&path).expect("a well-placed fixture");
        let (Some(kind), None) = (fixture.kind, &fixture.expect_rule) else {
            continue;
        };
        let bytes = std::fs::read(&path).expect("readable");
        let bodies = eventlint_tests::request_bodies(&fixture.rel, &bytes);
        let documents: Vec<(usize, &[u8])> = match &bodies {
            Some(bodies) => bodies.iter().map(|b| (0, b.as_bytes())).collect(),
            None => split_documents(&fixture.rel, &bytes),
        };
        for (line, doc) in documents {
            let (_, doc) = eventlint_core::source::strip_bom(doc);
            let value: Value = serde_json::from_slice(doc).expect("valid JSON");
            match kind.round_trip(&value) {
                Ok(back) if back == value => {}
                Ok(back) => failures.push(format!(
                    "{}:{}: serializes to\n{back:#}\ninstead of\n{value:#}",
                    fixture.rel,
                    line + 1
                )),
                Err(err) => failures.push(format!(
                    "{}:{}: does not fit the model of {}: {err}",
                    fixture.rel,
                    line + 1,
                    kind.id
                )),
            }
            checked += 1;
            kinds.insert(kind.id);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // Every kind has valid fixtures, so every model is covered.
    let all: Vec<&str> = eventlint_core::registry::kinds()
        .iter()
        .map(|k| k.id)
        .collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), all);
    assert!(checked >= all.len());
}

/// A document that does not fit the model is an error of `round_trip`, not a silent drop.
#[test]
fn round_trip_rejects_what_the_model_does_not_hold() {
    let kind = Kind::find("synerise.custom-event").expect("kind");
    let unknown_key =
        serde_json::json!({"action": "a.b", "label": "l", "client": {"id": 1}, "x": 1});
    assert!(kind.round_trip(&unknown_key).is_err());
    let missing = serde_json::json!({"action": "a.b", "client": {"id": 1}});
    assert!(kind.round_trip(&missing).is_err());
}

/// `render_plain` is byte for byte what `eventlint check` prints with `NO_COLOR`, for every
/// invalid `.json` fixture of one kind per vendor and for a clean one.
#[test]
fn render_plain_is_what_the_cli_prints_with_no_color() {
    let dir = tempfile::tempdir().expect("tempdir");
    let picks = [
        "fixtures/synerise/custom-event/invalid/synerise.event/unknown-client-key.json",
        "fixtures/personalize/put-events/invalid/common/epoch-unit.json",
        "fixtures/neuralens/event/invalid/json/syntax--vendor-example.json",
        "fixtures/detect/invalid/kind/undetermined.json",
        "fixtures/glia/engagement-event/valid/vendor-event-message-request.json",
    ];
    let root = eventlint_tests::root();
    let mut compared = 0;
    for rel in picks {
        let Ok(bytes) = std::fs::read(root.join(rel)) else {
            panic!("{rel} is missing: pick another fixture");
        };
        let name = "payload.json";
        std::fs::write(dir.path().join(name), &bytes).expect("write");
        let fixture = parse_fixture_path(std::path::Path::new(rel)).expect("fixture");
        let mut args = vec!["check", name, cli::NOW, "--no-config"];
        let kind_flag;
        if let Some(kind) = fixture.kind {
            kind_flag = format!("--kind={}", kind.id);
            args.push(&kind_flag);
        }
        let out = Command::new(cli::bin())
            .args(&args)
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .expect("eventlint runs");
        let report = check_bytes(&bytes, &options(fixture.kind));
        assert_eq!(cli::stdout(&out), report.render_plain(name), "{rel}");
        assert_eq!(
            cli::code(&out),
            i32::from(report.has_errors()),
            "{rel}: exit code"
        );
        compared += 1;
    }
    assert_eq!(compared, picks.len());
}

/// The entry points are one path: text, bytes and the CLI's `check_document` give the same
/// diagnostics; a value is checked as its pretty-printed text.
#[test]
fn entry_points_agree() {
    let text = r#"{"action": "dog.bark", "label": "bark", "client": {"customID": "c-42"}}"#;
    let options = options(None);
    let from_str = check_str(text, &options);
    let from_bytes = check_bytes(text.as_bytes(), &options);
    let document = check_document(text.as_bytes(), &options);
    assert_eq!(from_str, from_bytes);
    assert_eq!(from_str.diagnostics, document.diagnostics);
    assert_eq!(from_str.kind, document.kind);
    assert_eq!(from_str.source, text);

    let value: Value = serde_json::from_str(text).expect("JSON");
    let from_value = check_value(&value, &options);
    let pretty = serde_json::to_string_pretty(&value).expect("prints");
    assert_eq!(from_value.source, pretty);
    assert_eq!(from_value, check_str(&pretty, &options));
    assert_eq!(from_value.rules(), from_str.rules());
}

/// Options: a forced kind wins over detection, an override changes or silences a rule, the
/// clock decides what is in the future.
#[test]
fn options_change_the_outcome() {
    let text = r#"{"action": "dog.bark", "label": "bark", "client": {"id": 1}, "params": {"loud": true}, "time": "2026-06-01T00:00:00Z"}"#;
    let at = |now: &str| CheckOptions::at_rfc3339(now).expect("date");
    assert_eq!(
        check_str(text, &at(NOW)).rules(),
        ["synerise.event/time-future"]
    );
    assert!(check_str(text, &at("2026-07-01T00:00:00Z")).is_clean());
    let off = at(NOW)
        .with_severity("synerise.event/time-future", None)
        .expect("a rule");
    assert!(check_str(text, &off).diagnostics.is_empty());
    let info = check_str(
        text,
        &at(NOW)
            .with_severity(
                "synerise.event/time-future",
                Some(eventlint_core::Severity::Info),
            )
            .expect("a rule"),
    );
    assert!(info.is_clean() && !info.diagnostics.is_empty());
    let tolerant = at(NOW).with_future_tolerance(chrono::TimeDelta::days(365));
    assert!(check_str(text, &tolerant).diagnostics.is_empty());
    let dedicated = Kind::find("synerise.dedicated-event").expect("kind");
    let forced = check_str(text, &at(NOW).with_kind(dedicated));
    assert_eq!(forced.kind, Some(dedicated));
    assert!(CheckOptions::at_rfc3339("yesterday").is_err());
}

/// An override of an id that names no rule is refused, naming the id and the nearest rule id,
/// instead of silently changing nothing.
#[test]
fn an_override_of_an_unknown_rule_is_refused() {
    let at = || CheckOptions::at_rfc3339(NOW).expect("date");
    let err = at()
        .with_severity("synerise.event/time-futur", None)
        .expect_err("no such rule");
    assert_eq!(
        err,
        eventlint_core::UnknownRule {
            id: "synerise.event/time-futur".to_owned(),
            nearest: Some("synerise.event/time-future"),
        }
    );
    assert_eq!(
        err.to_string(),
        "unknown rule `synerise.event/time-futur`; did you mean `synerise.event/time-future`?"
    );
    let err = at()
        .with_severity("no/such-rule", Some(eventlint_core::Severity::Error))
        .expect_err("no such rule");
    assert_eq!(err.nearest, None);
    assert_eq!(err.to_string(), "unknown rule `no/such-rule`");
    let boxed: Box<dyn std::error::Error> = Box::new(err);
    assert!(boxed.to_string().contains("no/such-rule"));
    // Every registered rule is accepted.
    for rule in eventlint_core::registry::rules() {
        let options = at()
            .with_severity(rule.id, None)
            .expect("a registered rule");
        assert_eq!(options.severity_overrides.get(rule.id), Some(&None));
    }
}

/// `CheckOptions::default()` reads the system clock: its documentation says so and points tests
/// at a fixed clock.
#[test]
fn default_options_say_they_read_the_system_clock() {
    let path = eventlint_tests::root().join("crates/eventlint-core/src/lint/check.rs");
    let file = syn::parse_file(&std::fs::read_to_string(path).expect("check.rs")).expect("parses");
    let doc: String = file
        .items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Impl(i)
                if i.trait_
                    .as_ref()
                    .is_some_and(|(_, t, _)| t.is_ident("Default"))
                    && matches!(&*i.self_ty, syn::Type::Path(p) if p.path.is_ident("CheckOptions")) =>
            {
                Some(i)
            }
            _ => None,
        })
        .flat_map(|i| &i.items)
        .filter_map(|item| match item {
            syn::ImplItem::Fn(f) => Some(&f.attrs),
            _ => None,
        })
        .flatten()
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(doc.contains("system clock"), "{doc}");
    assert!(doc.contains("at_rfc3339"), "{doc}");
}

/// A `Diagnostic` serializes with the field names of the JSON report's diagnostics where they
/// overlap, with the same values (a `.json` file: document lines are file lines), then `note`
/// and `span`; a `PayloadReport` as its kind id, diagnostics and source.
#[test]
fn diagnostics_serialize_as_the_json_report_names_them() {
    let text =
        "{\"action\": \"dog.bark\", \"label\": \"bark\",\n \"client\": {\"customID\": \"c-42\"}}";
    let report = check_str(text, &options(None));
    assert!(report.diagnostics.len() >= 2, "{:?}", report.rules());
    let json: Value = serde_json::from_str(&report.render_json("e.json")).expect("JSON");
    let entries = json["diagnostics"].as_array().expect("entries");
    assert_eq!(entries.len(), report.diagnostics.len());
    for (d, entry) in report.diagnostics.iter().zip(entries) {
        let value = serde_json::to_value(d).expect("serializable");
        let names = [
            "rule",
            "severity",
            "message",
            "pointer",
            "line",
            "column",
            "end_line",
            "end_column",
            "help",
            "note",
            "span",
        ];
        let keys: Vec<&str> = value
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted = names.to_vec();
        if d.fix.is_some() {
            sorted.push("fix");
        }
        sorted.sort_unstable();
        assert_eq!(keys, sorted, "exactly these fields");
        // In the report's order (serde_json's `Value` sorts keys: read the text).
        let text = serde_json::to_string(d).expect("serializable");
        let at: Vec<usize> = names
            .iter()
            .map(|n| text.find(&format!("\"{n}\":")).expect("a field"))
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
        for (key, expected) in entry.as_object().expect("an object") {
            if ["path", "document", "kind"].contains(&key.as_str()) {
                continue;
            }
            assert_eq!(&value[key], expected, "{key}");
        }
        assert_eq!(value["span"]["start"], d.span.start);
        assert_eq!(value["span"]["end"], d.span.end);
        assert_eq!(value["note"].as_str(), d.note.as_deref());
    }
    let value = serde_json::to_value(&report).expect("serializable");
    assert_eq!(value["kind"], "synerise.custom-event");
    assert_eq!(value["source"], text);
    assert_eq!(
        value["diagnostics"],
        serde_json::to_value(&report.diagnostics).expect("serializable")
    );
    assert_eq!(
        serde_json::to_value(check_str("[", &options(None))).expect("serializable")["kind"],
        Value::Null
    );
}
