//! What a finding's help proposes, in a form a test can apply: the value or key text the help
//! names, at the finding's pointer (or at another one it names).
//!
//! A help stays written for people; a rule that proposes a concrete value or key in its help
//! also gives it here. `tests::every_proposal_works` applies each one on every fixture and
//! checks again: the finding must go away, and no error or warning may appear that was not
//! there before. So advice that is followed works.

use crate::document::value::Value;
use crate::locate::pointer::Pointer;
use crate::rule::finding::Finding;

/// One change of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Edit {
    /// Where: the value (or member) the change applies to.
    pub at: Pointer,
    /// What.
    pub change: Change,
}

/// A change of the value or member at an [`Edit`]'s pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Change {
    /// Replace the value by this JSON text.
    Value(String),
    /// Rename the member to this key (the value stays).
    Key(String),
    /// Replace these bytes of the document by this text (a syntax error's fix: the trailing
    /// comma removed); the edit's pointer is the root.
    Text(std::ops::Range<usize>, String),
    /// Remove the member (its key, its value and one comma beside it).
    Remove,
}

/// The bytes that removing a member takes from `text`, given where its key starts and its value
/// ends: the member and the comma after it with the space up to the next member, or, for the
/// last member, the comma before it and the space after that comma. So `{"a": null, "b": 1}`
/// becomes `{"b": 1}`, and `{"b": 1,\n  "a": null\n}` becomes `{"b": 1\n}`.
pub(crate) fn removal_span(
    text: &str,
    key_start: usize,
    value_end: usize,
) -> std::ops::Range<usize> {
    let bytes = text.as_bytes();
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let mut after = value_end;
    while after < bytes.len() && space(bytes[after]) {
        after += 1;
    }
    if bytes.get(after) == Some(&b',') {
        let mut end = after + 1;
        while end < bytes.len() && space(bytes[end]) {
            end += 1;
        }
        return key_start..end;
    }
    let mut before = key_start;
    while before > 0 && space(bytes[before - 1]) {
        before -= 1;
    }
    if before > 0 && bytes[before - 1] == b',' {
        return before - 1..value_end;
    }
    key_start..value_end
}

/// A rename onto a key the object already has is no advice that works (the document would
/// repeat the key): such a finding tells to keep one of the two instead, and proposes nothing.
pub(crate) fn settle_renames(finding: &mut Finding, doc: &Value<'_>) {
    let taken = finding.proposal.iter().find_map(|edit| match &edit.change {
        Change::Key(new) => {
            let at = edit.at.as_str();
            let (parent, old) = at.rsplit_once('/')?;
            let old = old.replace("~1", "/").replace("~0", "~");
            doc.pointer(parent)?
                .as_object()?
                .contains_key(new)
                .then(|| (old, new.clone()))
        }
        Change::Value(_) | Change::Text(..) | Change::Remove => None,
    });
    if let Some((old, new)) = taken {
        finding.proposal.clear();
        finding.help = Some(format!(
            "`{new}` is already there: keep the right value under `{new}` and remove `{old}`"
        ));
    }
}

/// JSON text of a string.
pub(crate) fn json_string(s: &str) -> String {
    // Serializing a `str` cannot fail.
    serde_json::to_string(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;
    use std::ops::Range;
    use std::path::{Path, PathBuf};

    use super::{Change, Edit};
    use crate::catalog::kind::Kind;
    use crate::lint::check::{CheckOptions, check_document, findings_of};
    use crate::locate::spans::{Spans, Target};
    use crate::message::diagnostic::{Diagnostic, Severity};
    use crate::rule::finding::Finding;

    fn fixtures() -> Vec<PathBuf> {
        fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            entries.sort();
            for p in entries {
                if p.is_dir() {
                    walk(&p, out);
                } else if p
                    .extension()
                    .is_some_and(|e| e == "json" || e == "ndjson" || e == "jsonl")
                {
                    out.push(p);
                }
            }
        }
        let mut out = Vec::new();
        walk(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures"),
            &mut out,
        );
        out
    }

    /// The kind a fixture's path names (`fixtures/<vendor>/<kind>/…`; `detect/` has none).
    fn kind_of(path: &Path) -> Option<&'static Kind> {
        let text = path.to_string_lossy().replace('\\', "/");
        let rel = &text[text.rfind("fixtures/")? + "fixtures/".len()..];
        let mut parts = rel.split('/');
        let (vendor, kind) = (parts.next()?, parts.next()?);
        Kind::find(&format!("{vendor}.{kind}"))
    }

    fn options(kind: Option<&'static Kind>) -> CheckOptions {
        let mut options = CheckOptions::at_rfc3339("2026-01-01T00:00:00Z").expect("a clock");
        options.kind = kind;
        options
    }

    /// The parent of a pointer and its last token, unescaped.
    fn split(pointer: &str) -> (&str, String) {
        let (parent, last) = pointer.rsplit_once('/').unwrap_or(("", pointer));
        (parent, last.replace("~1", "/").replace("~0", "~"))
    }

    fn escape(token: &str) -> String {
        token.replace('~', "~0").replace('/', "~1")
    }

    /// Applies `edits` to `text`, or says why it cannot.
    fn apply(text: &str, edits: &[Edit]) -> Result<String, String> {
        let mut text = text.to_owned();
        for edit in edits {
            let value: serde_json::Value =
                serde_json::from_str(&text).map_err(|e| format!("not JSON after an edit: {e}"))?;
            let at = edit.at.as_str();
            if value.pointer(at).is_none() {
                return Err(format!("no value at `{at}`"));
            }
            let spans = Spans::new(&text);
            let (range, new): (Range<usize>, String) = match &edit.change {
                Change::Value(json) => {
                    serde_json::from_str::<serde_json::Value>(json)
                        .map_err(|e| format!("proposed value `{json}` is not JSON: {e}"))?;
                    (spans.resolve(at, &Target::Value), json.clone())
                }
                Change::Key(key) => {
                    let (parent, _) = split(at);
                    if value
                        .pointer(parent)
                        .and_then(|p| p.get(key.as_str()))
                        .is_some()
                    {
                        return Err(format!("`{parent}` already has `{key}`"));
                    }
                    (spans.resolve(at, &Target::Key), super::json_string(key))
                }
                Change::Text(range, new) => (range.clone(), new.clone()),
                Change::Remove => {
                    let key = spans.resolve(at, &Target::Key);
                    let value = spans.resolve(at, &Target::Value);
                    (
                        super::removal_span(&text, key.start, value.end),
                        String::new(),
                    )
                }
            };
            text.replace_range(range, &new);
        }
        Ok(text)
    }

    /// Where an edit leaves its result: the value's pointer, or the renamed member's.
    fn landing(edit: &Edit) -> String {
        match &edit.change {
            Change::Value(_) | Change::Text(..) | Change::Remove => edit.at.as_str().to_owned(),
            Change::Key(key) => format!("{}/{}", split(edit.at.as_str()).0, escape(key)),
        }
    }

    fn within(pointer: &str, place: &str) -> bool {
        pointer == place
            || pointer
                .strip_prefix(place)
                .is_some_and(|rest| rest.starts_with('/'))
    }

    /// What is wrong with following `finding`'s proposal in `text`, if anything.
    fn follow(text: &str, finding: &Finding, options: &CheckOptions) -> Option<String> {
        let fixed = match apply(text, &finding.proposal) {
            Ok(fixed) => fixed,
            Err(why) => return Some(format!("cannot apply {:?}: {why}", finding.proposal)),
        };
        let before = check_document(text.as_bytes(), options).diagnostics;
        let after = check_document(fixed.as_bytes(), options).diagnostics;
        let places: Vec<String> = finding.proposal.iter().map(landing).collect();
        let mut wrong = String::new();
        let same = |d: &Diagnostic| d.rule == finding.rule.id;
        for d in &after {
            // The finding again: the same rule where it was, or where the value now is.
            let again =
                same(d) && (places.contains(&d.pointer) || d.pointer == finding.pointer().as_str());
            // Where the diagnosed value was before the edits (a renamed member moves its value).
            let origin = finding
                .proposal
                .iter()
                .find_map(|e| {
                    let moved = landing(e);
                    let rest = d.pointer.strip_prefix(moved.as_str())?;
                    (matches!(e.change, Change::Key(_)) && within(&d.pointer, &moved))
                        .then(|| format!("{}{rest}", e.at.as_str()))
                })
                .unwrap_or_else(|| d.pointer.clone());
            let new = d.severity >= Severity::Warning
                && !before
                    .iter()
                    .any(|b| b.rule == d.rule && b.pointer == origin);
            if again || new {
                let _ = write!(
                    wrong,
                    "\n    then {} {} at `{}`: {}",
                    d.severity, d.rule, d.pointer, d.message
                );
            }
        }
        (!wrong.is_empty()).then(|| {
            format!(
                "following {:?} gives{wrong}\n    {}",
                finding.proposal,
                fixed.replace('\n', "\n    ")
            )
        })
    }

    /// Whether `help` names what `edit` does: the value (a string's text, or its JSON), or the
    /// new key.
    fn says(help: &str, edit: &Edit) -> bool {
        let value = |json: &str| {
            help.contains(json)
                || serde_json::from_str::<String>(json).is_ok_and(|s| help.contains(&s))
        };
        match &edit.change {
            Change::Value(json) => value(json),
            Change::Key(key) => help.contains(key.as_str()),
            Change::Text(..) => true,
            Change::Remove => split(edit.at.as_str())
                .1
                .split('/')
                .all(|k| help.contains(k)),
        }
    }

    /// Checks every proposal of the findings of `text` (shown as `origin` in failures), counting
    /// them in `followed`.
    fn check_proposals(
        origin: &str,
        text: &str,
        options: &CheckOptions,
        followed: &mut usize,
        failures: &mut Vec<String>,
    ) {
        for finding in findings_of(text.as_bytes(), options) {
            if finding.proposal.is_empty() {
                continue;
            }
            *followed += 1;
            let help = finding.help.as_deref().unwrap_or_default();
            if let Some(unsaid) = finding.proposal.iter().find(|e| !says(help, e)) {
                failures.push(format!(
                    "{origin} ({} at `{}`): the help `{help}` does not say {unsaid:?}",
                    finding.rule.id,
                    finding.pointer(),
                ));
            }
            if let Some(why) = follow(text, &finding, options) {
                failures.push(format!(
                    "{origin} ({} at `{}`, help: {help}): {why}",
                    finding.rule.id,
                    finding.pointer(),
                ));
            }
        }
    }

    /// Every value or key a help proposes, on every fixture, passes: applied to the document,
    /// the finding goes away and no error or warning appears that was not there before
    /// (anywhere in the document; a renamed member's findings move with it).
    #[test]
    fn every_proposal_works() {
        let mut failures = Vec::new();
        let mut followed = 0;
        for path in fixtures() {
            let options = options(kind_of(&path));
            let bytes = std::fs::read(&path).expect("readable fixture");
            let ndjson = path.extension().is_some_and(|e| e != "json");
            let documents: Vec<&[u8]> = if ndjson {
                bytes.split(|b| *b == b'\n').collect()
            } else {
                vec![&bytes]
            };
            for doc in documents {
                let Ok(text) = std::str::from_utf8(doc) else {
                    continue;
                };
                let text = text.strip_prefix('\u{feff}').unwrap_or(text);
                let origin = path.display().to_string();
                check_proposals(&origin, text, &options, &mut followed, &mut failures);
            }
        }
        assert!(
            followed > 50,
            "only {followed} fixture findings propose something"
        );
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Documents that take the branches of proposing helps no fixture takes (and a few where
    /// the help must propose nothing), held to the same test.
    const MORE: &[(&str, &str)] = &[
        (
            "synerise.custom-event",
            r#"{"action": "dog.bark", "client": {"id": 1}, "label": "x", "time": "1669638000", "params": {"a": 1}}"#,
        ),
        (
            "synerise.custom-event",
            r#"{"action": "dog.bark", "client": {"id": 1}, "label": "x", "time": "2022-11-28 12:18:27+01:00", "params": {"a": 1}}"#,
        ),
        (
            "synerise.custom-event",
            r#"{"action": "this_action_name_is_long_enough", "client": {"id": 1}, "label": "x", "params": {"a": 1}}"#,
        ),
        (
            "synerise.custom-event",
            r#"{"action": "dog.bark", "client": {"customId": 42, "email": 7}, "label": "x", "params": {"a": 1}}"#,
        ),
        (
            "synerise.custom-event",
            r#"{"action": "dog.bark", "client": {"uuid": "E0097757D1E244ACBA3CD97979A354C1"}, "label": "x", "lable": "y", "params": {"a": 1}}"#,
        ),
        (
            "synerise.ai-event",
            r#"{"correlationId": "c", "clientUUID": "e0097757-d1e2-44ac-ba3c-d97979a354c1", "items": 89435879453, "eventTimestamp": "2022-12-08 13:23:22"}"#,
        ),
        (
            "synerise.ai-event",
            r#"{"correlationId": "c", "clientUUID": "e0097757d1e244acba3cd97979a354c1", "items": [1, "2"]}"#,
        ),
        ("glia.engagement-event", r#"{"message": 42}"#),
        (
            "glia.engagement-event",
            r#"{"mesage": "Visitor opened the pricing page"}"#,
        ),
        (
            "glia.error",
            r#"{"message": "Unauthorized", "debug_mesage": "token expired"}"#,
        ),
        (
            "glia.engagement-event",
            r#""Visitor opened the pricing page""#,
        ),
        ("glia.engagement-event", r#"" ""#),
        (
            "glia.engagement-event.response",
            r#"{"timestamp": "1567000524", "id": "0df4c3f7-f55b-4186-962d-0c5198fd2adb", "engagement_id": "af8c2e16545d4f839e797c5ebc544b1d", "sub_engagement_id": -3, "content": 5, "status": "sent", "sender": "visitor", "target": "operator"}"#,
        ),
        (
            "glia.engagement-event.response",
            r#"{"timestamp": "2019-08-28 13:55:24", "id": 7, "engagement_id": "af8c2e16-545d-4f83-9e79-7c5ebc544b1d", "sub_engagement_id": 339, "content": "c", "status": "sent", "sender": {"type": "visitor"}, "target": "operator"}"#,
        ),
        (
            "personalize.put-events",
            r#"{"trackingId": "t", "sessionId": true, "eventList": [{"eventType": "click", "itemId": "i", "sentAt": "1672574400", "eventValue": "1."}]}"#,
        ),
        (
            "sajari.send-event",
            r#"{"name": "click", "token": "t", "weight": "-3"}"#,
        ),
        (
            "sajari.send-event",
            r#"{"name": "click", "token": "t", "weight": "2"}"#,
        ),
        ("sajari.error", r#"{"code": "0", "message": "m"}"#),
        ("sajari.error", r#"{"code": "OK", "message": "m"}"#),
        (
            "neuralens.event",
            r#"{"uid": 3845, "items": "AV768", "page": "product_page", "event": "VIEW_PRODUCT", "geo": {"lat": "12.5", "long": "0x10"}, "timestamp": "2024-05-14T00:00:00Z"}"#,
        ),
        (
            "neuralens.event",
            r#"{"uid": "u", "items": [{"id": ""}, 7], "page": "PRODUCT_PAGE", "event": "PURCHASE", "index": "2"}"#,
        ),
        (
            "neuralens.event",
            r#"{"uid": "u", "items": [{"id": "a"}], "page": "CATEGORY_PAGE", "event": "CLICK_SUGGESTION", "index": 0}"#,
        ),
        (
            "neuralens.event",
            r#"{"uid": "u", "items": [{"id": "a"}], "page": "CATEGORY_PAGE", "event": "CLICK_SUGGESTION", "query": "chai", "index": 0}"#,
        ),
        (
            "neuralens.event",
            r#"{"uid": "u", "items": [{"id": "a"}], "page": "SEARCH_RESULT_PAGE", "event": "LAND_PRODUCT_PAGE", "query": "chai"}"#,
        ),
    ];

    /// Every rule whose findings propose something declares its fix (`fix:` in
    /// `declare_rule!`, which `explain` prints), and every rule that declares one is seen
    /// proposing it, on a fixture or a document of [`MORE`].
    #[test]
    fn every_proposing_rule_declares_its_fix() {
        let mut proposing = std::collections::BTreeSet::new();
        let mut note = |findings: Vec<Finding>| {
            for f in findings {
                if !f.proposal.is_empty() {
                    proposing.insert(f.rule.id);
                }
            }
        };
        for path in fixtures() {
            let options = options(kind_of(&path));
            let bytes = std::fs::read(&path).expect("readable fixture");
            if path.extension().is_some_and(|e| e == "json") {
                note(findings_of(&bytes, &options));
            } else {
                for doc in bytes.split(|b| *b == b'\n') {
                    note(findings_of(doc, &options));
                }
            }
        }
        for (kind, text) in MORE {
            let options = options(Some(Kind::find(kind).expect("a kind")));
            note(findings_of(text.as_bytes(), &options));
        }
        let undeclared: Vec<&str> = proposing
            .iter()
            .copied()
            .filter(|id| crate::catalog::registry::rule(id).is_some_and(|r| r.fix.is_none()))
            .collect();
        assert!(
            undeclared.is_empty(),
            "propose without a declared fix: {undeclared:?}"
        );
        let unseen: Vec<&str> = crate::catalog::registry::rules()
            .iter()
            .filter(|r| r.fix.is_some() && !proposing.contains(r.id) && r.id != "json/syntax")
            .map(|r| r.id)
            .collect();
        assert!(
            unseen.is_empty(),
            "declare a fix never proposed: {unseen:?}"
        );
    }

    #[test]
    fn every_proposal_works_beyond_the_fixtures() {
        let mut failures = Vec::new();
        let mut followed = 0;
        for (kind, text) in MORE {
            let options = options(Some(Kind::find(kind).expect("a kind")));
            check_proposals(text, text, &options, &mut followed, &mut failures);
        }
        assert!(followed > 15, "only {followed} findings propose something");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
