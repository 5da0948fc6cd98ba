//! Choosing rules on the command line: `--select`, `--ignore` and `--severity RULE=LEVEL`, which
//! win over `eventlint.toml` (they become severity overrides that the configuration cannot
//! replace), and `--min-severity`.
//!
//! A selector is a rule id (`synerise.event/time-future`), a group (`synerise.event`, every rule
//! of that group), a vendor or family (`synerise`, every group that starts with `synerise.`), or
//! `ALL`. The rules that say whether anything could be checked at all (`json/syntax`,
//! `json/encoding`, `kind/undetermined`, `internal/error`, `config/expectation`) are never
//! turned off by `--select`, so that narrowing the rules cannot make an unreadable document
//! look clean; `--ignore` and `--severity … =off` name them explicitly when that is wanted.

use std::collections::HashMap;

use eventlint_core::registry;
use eventlint_core::{Rule, Severity};

/// Rules `--select` keeps whatever it names: without them a run could check nothing and pass.
const ALWAYS_ON: &[&str] = &[
    "json/syntax",
    "json/encoding",
    "kind/undetermined",
    "internal/error",
    "config/expectation",
];

/// Whether `selector` names `rule`.
fn names(selector: &str, rule: &Rule) -> bool {
    if selector == "ALL" || selector == rule.id {
        return true;
    }
    let group = rule.group();
    group == selector
        || group
            .strip_prefix(selector)
            .is_some_and(|rest| rest.starts_with('.'))
}

/// Checks a selector: it must name at least one rule. The error says what is known.
fn check(selector: &str, flag: &str) -> Result<(), String> {
    if registry::rules().iter().any(|r| names(selector, r)) {
        return Ok(());
    }
    let mut known: Vec<&str> = registry::rules().iter().map(|r| r.id).collect();
    let groups: Vec<&str> = registry::rules().iter().map(|r| r.group()).collect();
    known.extend(groups);
    let near = eventlint_core::suggest::did_you_mean(selector, &known)
        .map(eventlint_core::suggest::did_you_mean_suffix)
        .unwrap_or_default();
    Err(format!(
        "{flag} `{selector}` names no rule{near} (a rule id, a group such as `synerise.event`, a vendor such as `synerise`, or ALL; `eventlint rules` lists them)"
    ))
}

/// The severity overrides that `--select`, `--ignore` and `--severity` make, in that order (a
/// later flag wins for the same rule).
pub(crate) fn overrides(
    select: &[String],
    ignore: &[String],
    severity: &[String],
) -> Result<HashMap<String, Option<Severity>>, String> {
    let mut out = HashMap::new();
    for s in select {
        check(s, "--select")?;
    }
    if !select.is_empty() {
        for rule in registry::rules() {
            if !ALWAYS_ON.contains(&rule.id) && !select.iter().any(|s| names(s, rule)) {
                out.insert(rule.id.to_owned(), None);
            }
        }
    }
    for s in ignore {
        check(s, "--ignore")?;
        for rule in registry::rules().iter().filter(|r| names(s, r)) {
            out.insert(rule.id.to_owned(), None);
        }
    }
    for pair in severity {
        let Some((selector, level)) = pair.split_once('=') else {
            return Err(format!(
                "--severity `{pair}` is not RULE=LEVEL, e.g. --severity synerise.event/time-future=warning"
            ));
        };
        let level = match level {
            "off" => None,
            other => Some(Severity::parse(other).ok_or_else(|| {
                format!(
                    "--severity `{pair}`: `{other}` is not a level (error, warning, info or off)"
                )
            })?),
        };
        check(selector, "--severity")?;
        for rule in registry::rules().iter().filter(|r| names(selector, r)) {
            out.insert(rule.id.to_owned(), level);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn select_keeps_the_named_rules_and_the_ones_that_say_nothing_was_checked() {
        let map = overrides(&strings(&["synerise.event"]), &[], &[]).unwrap();
        assert!(!map.contains_key("synerise.event/time-future"));
        assert!(!map.contains_key("json/syntax"));
        assert_eq!(map.get("neuralens.event/items-count"), Some(&None));
    }

    #[test]
    fn a_vendor_names_its_groups_but_not_a_longer_name() {
        let rule = registry::rule("synerise.event/time-future").unwrap();
        assert!(names("synerise", rule));
        assert!(!names("syner", rule));
    }

    #[test]
    fn later_flags_win_and_bad_ones_are_refused() {
        let map = overrides(
            &[],
            &strings(&["synerise.event/time-future"]),
            &strings(&["synerise.event/time-future=info"]),
        )
        .unwrap();
        assert_eq!(
            map.get("synerise.event/time-future"),
            Some(&Some(Severity::Info))
        );
        assert!(overrides(&[], &strings(&["synerise.evnt"]), &[]).is_err());
        assert!(overrides(&[], &[], &strings(&["json/syntax"])).is_err());
        assert!(overrides(&[], &[], &strings(&["json/syntax=fatal"])).is_err());
    }
}
