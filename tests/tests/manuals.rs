//! Manuals are proven (biome runs its manuals' examples the same way): every ```json block of a
//! rule's `## Example` section, checked as a document of the rule's kind, raises that rule, and
//! every ```json block of its `## Fix` section does not.
//!
//! A block is a whole document, unless its info string says where it goes in a valid one:
//! ```` ```json event ```` is one event of a Personalize request, placed at `/eventList/0` of the
//! base document below (an event only exists inside a request; rustdoc allows no `=` or `/` in
//! an info string, so the place is a word this test maps). ```` ```json illustrative ```` is
//! for the few blocks that cannot be literal (a value of 10,000 characters); each such rule
//! still has its invalid fixture, and the list of them is pinned here.

use eventlint_core::{CheckOptions, Kind, Rule, check_str, registry};

/// The valid document a placed block goes into, per kind.
fn base(kind: &str) -> Option<serde_json::Value> {
    match kind {
        "personalize.put-events" => Some(serde_json::json!({
            "trackingId": "00000000-0000-4000-8000-000000000000",
            "sessionId": "s-1",
            "userId": "u-1",
            "eventList": [{"eventType": "click", "sentAt": 1_672_574_400, "itemId": "i1"}]
        })),
        _ => None,
    }
}

/// The rules whose examples are illustrative only.
const ILLUSTRATIVE: &[&str] = &["glia.engagement-event/message-length"];

/// A JSON code block (its info string after `json`), or an HTTP request (```` ```http ````,
/// read as a `.http` file and checked as a request), and its text.
struct Block {
    info: String,
    text: String,
    http: bool,
}

/// The JSON code blocks of the manual's section `heading`.
fn blocks(manual: &str, heading: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut in_section = false;
    let mut current: Option<Block> = None;
    for line in manual.lines() {
        if let Some(block) = &mut current {
            if line.trim_end() == "```" {
                out.extend(current.take());
            } else {
                block.text.push_str(line);
                block.text.push('\n');
            }
            continue;
        }
        if line.starts_with("## ") {
            in_section = line.trim_end() == heading;
            continue;
        }
        if in_section && let Some(info) = line.trim_end().strip_prefix("```json") {
            current = Some(Block {
                info: info.trim().to_owned(),
                text: String::new(),
                http: false,
            });
        }
        if in_section && line.trim_end() == "```http" {
            current = Some(Block {
                info: String::new(),
                text: String::new(),
                http: true,
            });
        }
    }
    out
}

/// The text to check for a block: the block itself, or the base document of the first of
/// `kinds` that has one, with the block at the pointer its info string names (then checked as
/// that kind only).
fn document<'k>(block: &Block, kinds: &[&'k Kind]) -> Result<(String, Option<&'k Kind>), String> {
    let at = match block.info.as_str() {
        "event" => "/eventList/0",
        _ => return Ok((block.text.clone(), None)),
    };
    let (kind, mut base) = kinds
        .iter()
        .find_map(|k| base(k.id).map(|b| (*k, b)))
        .ok_or("a placed block needs a kind with a base document")?;
    let value: serde_json::Value =
        serde_json::from_str(&block.text).map_err(|e| format!("not JSON: {e}"))?;
    *base
        .pointer_mut(at)
        .ok_or_else(|| format!("no `{at}` in the base document"))? = value;
    let text = serde_json::to_string_pretty(&base).map_err(|e| e.to_string())?;
    Ok((text, Some(kind)))
}

/// The rule's kinds (none for the rules of every kind).
fn kinds_of(rule: &Rule) -> Vec<&'static Kind> {
    registry::kinds_of(rule)
        .unwrap_or_default()
        .iter()
        .filter_map(|id| Kind::find(id))
        .collect()
}

/// The kinds as which `rule` fires on `text`: checked as `only`, or else as each of the rule's
/// kinds (`None`: detection, for the rules of every kind).
fn firing(
    rule: &Rule,
    text: &str,
    only: Option<&'static Kind>,
) -> Result<Vec<Option<&'static str>>, String> {
    let options = CheckOptions::at_rfc3339("2026-01-01T00:00:00Z").map_err(|e| e.to_string())?;
    let kinds: Vec<Option<&'static Kind>> = match (only, kinds_of(rule).as_slice()) {
        (Some(kind), _) => vec![Some(kind)],
        (None, []) => vec![None],
        (None, kinds) => kinds.iter().copied().map(Some).collect(),
    };
    Ok(kinds
        .into_iter()
        .filter(|kind| {
            let options = match kind {
                Some(kind) => options.clone().with_kind(kind),
                None => options.clone(),
            };
            check_str(text, &options).rules().contains(&rule.id)
        })
        .map(|kind| kind.map(|k| k.id))
        .collect())
}

/// Whether `rule` fires on the requests of the `.http` text.
fn http_fires(rule: &Rule, text: &str) -> bool {
    let options = CheckOptions::at_rfc3339("2026-01-01T00:00:00Z").expect("a clock");
    let ctx = eventlint_request::ReadContext::default();
    eventlint_request::http::read(text, &ctx)
        .iter()
        .flat_map(|item| match item {
            eventlint_request::Item::Request(request) => {
                eventlint_core::request::check(request, text, &options).diagnostics
            }
            eventlint_request::Item::Problem(problem) => {
                eventlint_core::request::problem(problem, text, &options).diagnostics
            }
        })
        .any(|d| d.rule == rule.id)
}

/// Whether `rule` fires on `text` as any kind it is checked as (see [`firing`]).
fn fires(rule: &Rule, text: &str, only: Option<&'static Kind>) -> Result<bool, String> {
    firing(rule, text, only).map(|kinds| !kinds.is_empty())
}

#[test]
fn every_example_raises_its_rule_and_every_fix_does_not() {
    let mut wrong = Vec::new();
    let mut examples = 0;
    let mut fixes = 0;
    let mut illustrative = Vec::new();
    for rule in registry::rules() {
        let manual = rule.manual();
        let kinds = kinds_of(rule);
        // The kinds as which the examples raise the rule: a fix must be clean as one of them.
        let mut example_kinds: Vec<Option<&'static str>> = Vec::new();
        for (heading, want) in [("## Example", true), ("## Fix", false)] {
            for block in blocks(&manual, heading) {
                if block.info == "illustrative" {
                    illustrative.push(rule.id);
                    continue;
                }
                let verdict = if block.http {
                    Ok(http_fires(rule, &block.text)
                        .then_some(None)
                        .into_iter()
                        .collect())
                } else {
                    document(&block, &kinds).and_then(|(text, only)| firing(rule, &text, only))
                };
                let kinds_firing = match verdict {
                    Ok(kinds_firing) => kinds_firing,
                    Err(why) => {
                        wrong.push(format!("{} {heading}: {why}", rule.id));
                        continue;
                    }
                };
                let ok = if want {
                    example_kinds.extend(kinds_firing.iter().copied());
                    examples += 1;
                    !kinds_firing.is_empty()
                } else {
                    fixes += 1;
                    // Clean as a kind the example raised the rule as (a single AI event's fix
                    // is no batch, which the example also upset).
                    if example_kinds.is_empty() {
                        kinds_firing.is_empty()
                    } else {
                        example_kinds.iter().any(|k| !kinds_firing.contains(k))
                    }
                };
                if !ok {
                    wrong.push(format!(
                        "{} {heading}: the rule {} fire on\n{}",
                        rule.id,
                        if want { "does not" } else { "does" },
                        block.text
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    illustrative.sort_unstable();
    illustrative.dedup();
    assert_eq!(
        illustrative, ILLUSTRATIVE,
        "illustrative blocks are rare and listed"
    );
    // Most rules show a literal example; the count only grows.
    assert!(examples >= 180, "{examples} examples ran");
    assert!(fixes >= 130, "{fixes} fixes ran");
}

/// The harness itself: a manual whose example does not raise its rule is caught.
#[test]
fn a_manual_whose_example_is_clean_is_caught() {
    let rule = registry::rule("personalize.put-events/itemid-missing").expect("a rule");
    let block = Block {
        info: "event".to_owned(),
        text: r#"{"eventType": "click", "sentAt": 1672574400, "itemId": "i1"}"#.to_owned(),
        http: false,
    };
    let kinds = kinds_of(rule);
    let (text, only) = document(&block, &kinds).expect("placed");
    assert_eq!(fires(rule, &text, only), Ok(false));
    let block = Block {
        info: "event".to_owned(),
        text: r#"{"eventType": "click", "sentAt": 1672574400}"#.to_owned(),
        http: false,
    };
    let (text, only) = document(&block, &kinds).expect("placed");
    assert_eq!(fires(rule, &text, only), Ok(true));
}

/// The harness reads request examples too: a request with a JSON body and no `Content-Type`
/// raises `common/content-type`, and with it does not.
#[test]
fn a_request_example_is_checked_as_a_request() {
    let rule = registry::rule("common/content-type").expect("a rule");
    let request = "POST https://api.neuralens.ai/analytics/event\nX-Neuralens-API-Key: Bearer 4f9c2a7e1b\nX-Neuralens-Application-ID: shop-1\n";
    let body = "\n{\"uid\": \"u-1\", \"items\": [\"i-1\"], \"event\": \"PURCHASE\"}\n";
    assert!(http_fires(rule, &format!("{request}{body}")));
    assert!(!http_fires(
        rule,
        &format!("{request}Content-Type: application/json\n{body}")
    ));
}
