//! "Did you mean" for Neuralens keys and enumerated values.

use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::message::suggest::{did_you_mean, one_of};
use crate::rule::Rule;
use crate::rule::finding::Finding;

/// A finding for a value of `field` that is not one of `allowed` (case-sensitive): a wrong-case
/// or misspelt string gets "did you mean", anything else the list of accepted values.
pub(crate) fn not_allowed(
    rule: &'static Rule,
    at: Pointer,
    field: &str,
    value: Option<&Value>,
    allowed: &[&str],
) -> Finding {
    let accepted = if allowed.len() > 2 {
        format!("one of {}", one_of(allowed, allowed.len()))
    } else {
        one_of(allowed, allowed.len())
    };
    let case = if allowed.iter().all(|v| !v.chars().any(char::is_lowercase)) {
        "upper snake case"
    } else {
        "lowercase"
    };
    match value {
        Some(Value::String(s)) => {
            let f = Finding::new(
                rule,
                at,
                format!("`{field}` is `\"{s}\"`, which is not one of the documented values"),
            );
            match did_you_mean(s, allowed) {
                Some(near) if near.eq_ignore_ascii_case(s) => f
                    .message_suffix(&crate::message::suggest::did_you_mean_suffix(near))
                    .help(format!(
                        "write `\"{near}\"`: the values are case-sensitive, {case}"
                    ))
                    .propose_string(near),
                Some(near) => f
                    .message_suffix(&crate::message::suggest::did_you_mean_suffix(near))
                    .help(format!("write `\"{near}\"`"))
                    .propose_string(near),
                None => f.help(format!("set `{field}` to {accepted}")),
            }
        }
        Some(other) => Finding::new(
            rule,
            at,
            format!("`{field}` is {}, not a string", describe(other)),
        )
        .help(format!("set `{field}` to {accepted}")),
        None => Finding::new(rule, at, format!("`{field}` is missing"))
            .help(format!("set `{field}` to {accepted}")),
    }
}

/// The known key a misspelt or synonymous `key` stands for, if any.
pub(crate) fn meant_key<'a>(
    key: &str,
    known: &[&'a str],
    aliases: &[(&str, &'a str)],
) -> Option<&'a str> {
    let squash = |s: &str| s.to_lowercase().replace(['_', '-', ' '], "");
    did_you_mean(key, known).or_else(|| {
        aliases
            .iter()
            .find(|(alias, _)| squash(alias) == squash(key))
            .map(|(_, known)| *known)
    })
}

/// Whether `object` has a misspelt or synonymous key for `wanted` (so its absence is already
/// reported, as that key's "did you mean").
pub(crate) fn has_misspelling_of(
    object: Option<&Value>,
    wanted: &str,
    known: &[&str],
    aliases: &[(&str, &str)],
) -> bool {
    object.and_then(Value::as_object).is_some_and(|o| {
        o.keys()
            .any(|k| k != wanted && meant_key(k, known, aliases) == Some(wanted))
    })
}
