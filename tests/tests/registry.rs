//! Meta-tests over the rule and kind registries (ruff `registry.rs`, cargo-deny's pinned codes).

use eventlint_core::registry;
use eventlint_tests::{check_file, fixture_files, options, parse_fixture_path, split_documents};
use std::collections::BTreeSet;

#[test]
fn rule_ids_are_unique_and_well_formed() {
    let mut seen = BTreeSet::new();
    for rule in registry::rules() {
        assert!(seen.insert(rule.id), "duplicate rule id {}", rule.id);
        let (group, name) = rule.id.split_once('/').expect("group/name");
        assert!(
            !group.is_empty()
                && group.bytes().all(|b| b.is_ascii_lowercase()
                    || b.is_ascii_digit()
                    || b == b'.'
                    || b == b'-'),
            "bad group in {}",
            rule.id
        );
        assert!(
            !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !name.contains("--"),
            "bad name in {} (kebab-case)",
            rule.id
        );
    }
}

#[test]
fn every_rule_is_documented() {
    for rule in registry::rules() {
        let manual = rule.manual();
        for section in ["## What it checks", "## Why", "## Example", "## Fix"] {
            assert!(
                manual.contains(section),
                "{} lacks `{section}` in its doc comment",
                rule.id
            );
        }
        assert!(
            !rule.summary.is_empty() && !rule.summary.ends_with('.'),
            "{}: summary is one line without a final period",
            rule.id
        );
    }
}

#[test]
fn rule_ids_are_pinned() {
    let list: Vec<String> = registry::rules()
        .iter()
        .map(|r| format!("{} {}", r.id, r.severity))
        .collect();
    insta::assert_snapshot!("rule_ids", list.join("\n"));
}

#[test]
fn kind_ids_are_pinned() {
    let list: Vec<&str> = registry::kinds().iter().map(|k| k.id).collect();
    insta::assert_snapshot!("kind_ids", list.join("\n"));
}

/// Every rule is shown by at least one invalid fixture, and no fixture shows `schema/violation`
/// (every structural violation is claimed by a named rule). `internal/error` is shown by the
/// CLI test that injects a panic. `config/expectation` and `config/invalid` are about
/// files and eventlint.toml, not documents: `tests/tests/config.rs` shows them.
#[test]
fn every_rule_has_an_invalid_fixture() {
    let mut shown = BTreeSet::new();
    for path in fixture_files() {
        let fixture = parse_fixture_path(&path).unwrap_or_else(|e| panic!("{e}"));
        let bytes = std::fs::read(&path).expect("readable fixture");
        let (outcomes, _) = check_file(&fixture.rel, &bytes, &options(fixture.kind));
        for d in outcomes.iter().flat_map(|o| &o.diagnostics) {
            assert_ne!(
                d.rule, "schema/violation",
                "{}: unmapped schema violation: {}",
                fixture.rel, d.message
            );
        }
        if let Some(rule) = fixture.expect_rule {
            shown.insert(rule);
        }
    }
    let missing: Vec<&str> = registry::rules()
        .iter()
        .map(|r| r.id)
        .filter(|id| {
            ![
                "schema/violation",
                "config/expectation",
                "config/invalid",
                "internal/error",
            ]
            .contains(id)
                && !shown.contains(*id)
        })
        .collect();
    assert!(
        missing.is_empty(),
        "rules without an invalid fixture: {missing:?}"
    );
}

/// Without `--kind`, every valid fixture is detected as its own kind.
#[test]
fn valid_fixtures_are_detected_as_their_kind() {
    for path in fixture_files() {
        let fixture = parse_fixture_path(&path).unwrap_or_else(|e| panic!("{e}"));
        let (Some(kind), None) = (fixture.kind, &fixture.expect_rule) else {
            continue;
        };
        let bytes = std::fs::read(&path).expect("readable fixture");
        if eventlint_request::Format::from_name(&fixture.rel).is_some() {
            // A request's kind comes from its route.
            let (outcomes, documents) =
                eventlint_tests::check_file(&fixture.rel, &bytes, &options(None));
            assert!(documents > 0, "{}", fixture.rel);
            for outcome in outcomes {
                assert_eq!(outcome.kind.map(|k| k.id), Some(kind.id), "{}", fixture.rel);
            }
            let text = String::from_utf8_lossy(&bytes);
            let ctx = eventlint_request::ReadContext::default();
            let format =
                eventlint_request::Format::from_name(&fixture.rel).expect("a request file");
            let checked = eventlint_core::request::check_file(
                &fixture.rel,
                &text,
                format,
                &ctx,
                &options(None),
            );
            for (got, _) in checked.documents {
                assert_eq!(
                    got.map(|k| k.id),
                    Some(kind.id),
                    "{} routed to {got:?}",
                    fixture.rel
                );
            }
            continue;
        }
        for (_, doc) in split_documents(&fixture.rel, &bytes) {
            let report = eventlint_core::check_document(doc, &options(None));
            // `{}` is Sajari's whole send-event response, but an empty object is no evidence:
            // detection names the kind and asks for `--kind` rather than passing it silently.
            if serde_json::from_slice::<serde_json::Value>(doc)
                .is_ok_and(|v| v.as_object().is_some_and(serde_json::Map::is_empty))
            {
                assert_eq!(report.kind, None, "{}", fixture.rel);
                assert!(
                    report.diagnostics[0]
                        .message
                        .contains("`sajari.send-event.response`"),
                    "{}",
                    fixture.rel
                );
                continue;
            }
            assert_eq!(
                report.kind.map(|k| k.id),
                Some(kind.id),
                "{} detected as {:?}",
                fixture.rel,
                report.kind
            );
        }
    }
}

/// The cited keys of `rules` that `page` (the text of `docs/sources.md`) has no entry for, as
/// `(rule id, key)`. An entry is the key's anchor, `<a id="…"></a>`, on a line of its own,
/// followed by a heading that names the key.
fn unresolved_citations(
    rules: &[&eventlint_core::Rule],
    page: &str,
) -> Vec<(&'static str, String)> {
    let lines: Vec<&str> = page.lines().collect();
    let has_entry = |citation: &eventlint_core::Citation| {
        let anchor = format!("<a id=\"{}\"></a>", citation.anchor());
        lines.iter().enumerate().any(|(i, line)| {
            line.trim() == anchor
                && lines
                    .get(i + 1)
                    .is_some_and(|next| next.starts_with('#') && next.contains(&citation.key))
        })
    };
    let mut missing = Vec::new();
    for rule in rules {
        for citation in rule.citations() {
            if !has_entry(&citation) {
                missing.push((rule.id, citation.key));
            }
        }
    }
    missing
}

/// Every source a rule manual cites (`SEED-003`, `AWS-BC`, `[I]`, `vendor-rules.md §4.3` …) is
/// described inside the repository, in `docs/sources.md`: a reader of the repository alone can
/// find what each key means.
#[test]
fn every_cited_source_has_an_entry_in_docs_sources_md() {
    let page = std::fs::read_to_string(eventlint_tests::root().join(eventlint_core::SOURCES_PAGE))
        .expect("docs/sources.md");
    let cited: BTreeSet<String> = registry::rules()
        .iter()
        .flat_map(|r| r.citations())
        .map(|c| c.key)
        .collect();
    // The manuals cite the seeds, vendor sources, tags and vendor-rules.md sections.
    for key in [
        "SEED-001",
        "SEED-004",
        "AWS-BC",
        "SYN-PHP",
        "[I]",
        "vendor-rules.md §4.3",
    ] {
        assert!(cited.contains(key), "{key} is no longer cited? {cited:?}");
    }
    let missing = unresolved_citations(registry::rules(), &page);
    assert!(
        missing.is_empty(),
        "cited by a rule manual but not described in docs/sources.md:\n{missing:#?}"
    );
    // A manual citing a key the page does not know fails: a source key, a tag, a section of a
    // reference document, a section sign without its document.
    let made_up = eventlint_core::Rule {
        id: "test/made-up",
        severity: eventlint_core::Severity::Info,
        summary: "",
        doc: " ## Why\n As AWS-XYZ says ([Q]; vendor-rules.md §42.1), and see §4.3;\n SEED-001 is known.",
        structural: false,
        fix: None,
    };
    let keys: Vec<String> = unresolved_citations(&[&made_up], &page)
        .into_iter()
        .map(|(_, key)| key)
        .collect();
    assert_eq!(keys, ["AWS-XYZ", "[Q]", "vendor-rules.md §42.1", "§4.3"]);
}

/// One rule, one severity: with no overrides, every diagnostic of every fixture has its rule's
/// severity (`eventlint rules` shows what the findings will be, and turning a rule off never
/// silences a finding of another severity). A rule that reported some findings at another
/// severity would fail here.
#[test]
fn every_finding_has_its_rules_severity() {
    let mut wrong = Vec::new();
    for path in fixture_files() {
        let fixture = parse_fixture_path(&path).unwrap_or_else(|e| panic!("{e}"));
        let bytes = std::fs::read(&path).expect("readable fixture");
        let (outcomes, _) = check_file(&fixture.rel, &bytes, &options(fixture.kind));
        for d in outcomes.iter().flat_map(|o| &o.diagnostics) {
            let rule = registry::rule(d.rule).unwrap_or_else(|| panic!("unregistered {}", d.rule));
            if d.severity != rule.severity {
                wrong.push(format!(
                    "{}: {} at `{}` is {}, its rule {}: {}",
                    fixture.rel, d.rule, d.pointer, d.severity, rule.severity, d.message
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Whether a type names `Severity` anywhere (`Severity`, `Option<Severity>`, `&Severity`, …).
fn mentions_severity(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(p) => p.path.segments.iter().any(|s| {
            s.ident == "Severity"
                || matches!(&s.arguments, syn::PathArguments::AngleBracketed(a)
                    if a.args.iter().any(|g| matches!(g, syn::GenericArgument::Type(t) if mentions_severity(t))))
        }),
        syn::Type::Reference(r) => mentions_severity(&r.elem),
        syn::Type::Paren(p) => mentions_severity(&p.elem),
        syn::Type::Tuple(t) => t.elems.iter().any(mentions_severity),
        syn::Type::Array(a) => mentions_severity(&a.elem),
        syn::Type::Slice(s) => mentions_severity(&s.elem),
        _ => false,
    }
}

/// The invariant above holds by construction: a rule's finding (`check::Finding`) has no
/// severity to change, neither a field nor a method that takes or returns a `Severity`. The
/// test above only sees what the fixtures show; this one fails as soon as either comes back.
#[test]
fn a_finding_cannot_carry_a_severity() {
    let path = eventlint_tests::root().join("crates/eventlint-core/src/rule/finding.rs");
    let text = std::fs::read_to_string(&path).expect("finding.rs");
    let file = syn::parse_file(&text).expect("finding.rs parses");
    let is_finding = |ty: &syn::Type| matches!(ty, syn::Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Finding"));
    let mut seen = false;
    for item in &file.items {
        match item {
            syn::Item::Struct(s) if s.ident == "Finding" => {
                seen = true;
                for field in &s.fields {
                    assert!(
                        !mentions_severity(&field.ty)
                            && field.ident.as_ref().is_none_or(|i| i != "severity"),
                        "Finding has a severity field: {:?}",
                        field.ident
                    );
                }
            }
            syn::Item::Impl(i) if is_finding(&i.self_ty) => {
                for f in &i.items {
                    let syn::ImplItem::Fn(f) = f else { continue };
                    let takes =
                        f.sig.inputs.iter().any(
                            |arg| matches!(arg, syn::FnArg::Typed(t) if mentions_severity(&t.ty)),
                        );
                    let returns = matches!(&f.sig.output, syn::ReturnType::Type(_, t) if mentions_severity(t));
                    assert!(
                        !takes && !returns && f.sig.ident != "severity",
                        "Finding::{} can set or report a severity of its own",
                        f.sig.ident
                    );
                }
            }
            _ => {}
        }
    }
    assert!(seen, "no `struct Finding` in finding.rs");
}

/// Routes are data: every request kind has one, every route of vendor-rules.md §0.1 routes to
/// its kind (the most specific route wins), and response and error kinds are never routed to.
#[test]
fn every_request_kind_is_routed_by_method_and_path() {
    use eventlint_core::Role;
    for kind in registry::kinds() {
        assert!(!kind.routes.is_empty(), "{} has no route", kind.id);
        if kind.role != Role::Request {
            continue;
        }
        for route in kind.routes {
            // The route's own path, with each parameter filled in.
            let path: String = route
                .path
                .split('/')
                .map(|segment| match segment.find('{') {
                    Some(open) => format!("{}x-1", &segment[..open]),
                    None => segment.to_owned(),
                })
                .collect::<Vec<_>>()
                .join("/");
            let (found, _, _) = registry::route(route.method, &path)
                .unwrap_or_else(|| panic!("{} {path} routes nowhere", route.method));
            assert_eq!(found.id, kind.id, "{} {path}", route.method);
        }
    }
    for (method, path, kind) in [
        ("POST", "/v4/events/custom", "synerise.custom-event"),
        ("POST", "/v4/events/batch", "synerise.batch-events"),
        ("POST", "/v4/events/logged-in", "synerise.dedicated-event"),
        (
            "POST",
            "/events/v1/single/recommendation.view",
            "synerise.ai-event",
        ),
        ("POST", "/events/v1/batch", "synerise.ai-events-batch"),
        ("POST", "/analytics/event", "neuralens.event"),
        ("POST", "/events", "personalize.put-events"),
        ("POST", "/v4/events:sendEvent", "sajari.send-event"),
        ("POST", "/v4/events:send", "sajari.send-event"),
        ("POST", "/engagements/e-1/events", "glia.engagement-event"),
    ] {
        let found = registry::route(method, path).map(|(k, _, _)| k.id);
        assert_eq!(found, Some(kind), "{method} {path}");
    }
    assert!(registry::route("GET", "/v4/events/custom").is_none());
    assert!(registry::route("POST", "/engagements//events").is_none());
    // Every schema carries its kind's routes and role.
    for kind in registry::kinds() {
        let schema = kind.json_schema();
        assert!(schema["x-eventlint-routes"].is_array(), "{}", kind.id);
        assert!(schema["x-eventlint-role"].is_string(), "{}", kind.id);
    }
}
