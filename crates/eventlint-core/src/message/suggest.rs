//! "Did you mean …?" for misspelt keys and values, and the unknown-key finding that says it.

use crate::locate::pointer::Pointer;
use crate::rule::Rule;
use crate::rule::finding::Finding;

/// The known name closest to `name`, if it is close enough to be a likely misspelling: equal
/// ignoring case, equal ignoring case and `_`/`-`/space, or within a small edit distance
/// (Damerau-Levenshtein, at most a third of the candidate's length, 1 to 3).
#[must_use]
pub fn did_you_mean<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    if let Some(exact) = known.iter().find(|k| k.eq_ignore_ascii_case(name)) {
        return Some(exact);
    }
    let squash = |s: &'_ str| {
        s.chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .flat_map(char::to_lowercase)
            .collect::<Vec<char>>()
    };
    let squashed = squash(name);
    let same_squashed = |k: &str| {
        k.chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .flat_map(char::to_lowercase)
            .eq(squashed.iter().copied())
    };
    if let Some(same) = known.iter().find(|k| same_squashed(k)) {
        return Some(same);
    }
    let lower = name.to_lowercase();
    let len = lower.chars().count();
    known
        .iter()
        .filter_map(|k| {
            let limit = (k.chars().count() / 3).clamp(1, 3);
            // Cheap bound first: the distance is at least the difference in length.
            if k.chars().count().abs_diff(len) > limit {
                return None;
            }
            let d = strsim::damerau_levenshtein(&lower, &k.to_lowercase());
            (d <= limit).then_some((d, *k))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// The "did you mean" every message ends with when a near name is known:
/// ``; did you mean `near`?``. One wording for every rule, the configuration and the CLI.
#[must_use]
pub fn did_you_mean_suffix(near: &str) -> String {
    format!("; did you mean `{near}`?")
}

/// [`did_you_mean_suffix`] for a name that belongs elsewhere:
/// ``; did you mean `near`, which belongs in place?``.
#[must_use]
pub(crate) fn did_you_mean_in_suffix(near: &str, place: &str) -> String {
    format!("; did you mean `{near}`, which belongs in {place}?")
}

/// [`did_you_mean_suffix`] of the name in `known` nearest to `name`, or nothing.
#[must_use]
pub fn near_suffix(name: &str, known: &[&str]) -> String {
    did_you_mean(name, known).map_or_else(String::new, did_you_mean_suffix)
}

/// The start of every unknown-key finding for `rule`: the span on the key, "unknown key `key`
/// in `container`" (`container` names the object: "the event", "`client`").
pub(crate) fn unknown_key_at(
    rule: &'static Rule,
    parent: &Pointer,
    key: &str,
    container: &str,
) -> Finding {
    Finding::new(
        rule,
        parent.key(key),
        format!("unknown key `{key}` in {container}"),
    )
    .on_key()
}

/// The one unknown-key finding. Every kind's unknown-key rule (its own id, severity and manual,
/// which severity overrides name) builds it here: [`unknown_key_at`], then, when `near` is the
/// known key that `key` stands for, "did you mean" with the rename as help and proposal,
/// otherwise `otherwise()` as the help.
pub(crate) fn unknown_key_meant(
    rule: &'static Rule,
    parent: &Pointer,
    key: &str,
    container: &str,
    near: Option<&str>,
    otherwise: impl FnOnce() -> String,
) -> Finding {
    let f = unknown_key_at(rule, parent, key, container);
    match near {
        Some(near) => f
            .message_suffix(&did_you_mean_suffix(near))
            .help(format!("rename `{key}` to `{near}`"))
            .propose_key(near),
        None => f.help(otherwise()),
    }
}

/// [`unknown_key_meant`] with the known key nearest to `key` ([`did_you_mean`]), and, without
/// `fallback_help`, the list of known keys as the help.
pub(crate) fn unknown_key(
    rule: &'static Rule,
    parent: &Pointer,
    key: &str,
    known: &[&str],
    container: &str,
    fallback_help: Option<String>,
) -> Finding {
    unknown_key_meant(
        rule,
        parent,
        key,
        container,
        did_you_mean(key, known),
        || fallback_help.unwrap_or_else(|| remove_key_help(key, container, known)),
    )
}

/// The help of an unknown key that stands for no known one: remove it, and the keys
/// `container` takes.
pub(crate) fn remove_key_help(key: &str, container: &str, known: &[&str]) -> String {
    format!("remove `{key}`; {container} takes {}", one_of(known, 8))
}

/// Formats a list of names as `` `a`, `b` or `c` ``, capped at `cap` with "and N more".
pub(crate) fn one_of(names: &[&str], cap: usize) -> String {
    let shown: Vec<String> = names.iter().take(cap).map(|n| format!("`{n}`")).collect();
    let rest = names.len().saturating_sub(cap);
    match (shown.len(), rest) {
        (0, _) => String::new(),
        (1, 0) => shown[0].clone(),
        (_, 0) => format!(
            "{} or {}",
            shown[..shown.len() - 1].join(", "),
            shown[shown.len() - 1]
        ),
        (_, n) => format!("{} and {n} more", shown.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let known = ["action", "client", "label", "time", "params", "eventSalt"];
        assert_eq!(did_you_mean("lable", &known), Some("label"));
        assert_eq!(did_you_mean("event_salt", &known), Some("eventSalt"));
        assert_eq!(did_you_mean("Params", &known), Some("params"));
        assert_eq!(did_you_mean("timestamp", &known), None);
        assert_eq!(
            did_you_mean("customID", &["id", "customId", "uuid", "email"]),
            Some("customId")
        );
        assert_eq!(one_of(&["a", "b", "c"], 5), "`a`, `b` or `c`");
        assert_eq!(one_of(&["a", "b", "c"], 2), "`a`, `b` and 1 more");
    }
}
