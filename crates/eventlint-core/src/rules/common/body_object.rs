//! The one `body-object` finding. Every kind whose body must be a JSON object has a rule of its
//! own (`<kind>/body-object`: its id, severity and manual, which severity overrides name), and
//! each builds its finding here with what differs: the help. The body's name is said once, in
//! the rule's summary ("The error body is not a JSON object" names "the error body").

use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::Rule;
use crate::rule::finding::Finding;

/// How every `body-object` summary ends, after the body's name.
const SUMMARY_END: &str = " is not a JSON object";

/// `rule`'s finding at the root: "(the body) is (what `doc` is), not an object", with `help`.
pub(crate) fn finding(rule: &'static Rule, doc: &Value, help: impl Into<String>) -> Finding {
    finding_not(rule, doc, "an object", help)
}

/// [`finding`] with `array_help` for an array (one event per request) and `help` otherwise.
pub(crate) fn finding_or_array(
    rule: &'static Rule,
    doc: &Value,
    array_help: &str,
    help: &str,
) -> Finding {
    finding(rule, doc, if doc.is_array() { array_help } else { help })
}

/// [`finding`] for a body that must be one object in particular: "…, not `wanted`"
/// (`"the empty object"`).
pub(crate) fn finding_not(
    rule: &'static Rule,
    doc: &Value,
    wanted: &str,
    help: impl Into<String>,
) -> Finding {
    Finding::new(
        rule,
        Pointer::root(),
        format!("{} is {}, not {wanted}", body(rule), describe(doc)),
    )
    .help(help)
}

/// The body's name in messages, from `rule`'s summary: "The error body is not a JSON object" is
/// "the error body".
fn body(rule: &Rule) -> String {
    let name = rule
        .summary
        .strip_suffix(SUMMARY_END)
        .unwrap_or(rule.summary);
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    /// Every `body-object` rule's summary names the body and ends alike, so its messages can
    /// name the body from it.
    #[test]
    fn summaries_name_the_body() {
        for rule in crate::catalog::registry::rules() {
            if rule.id.ends_with("/body-object") {
                assert!(rule.summary.starts_with("The "), "{}", rule.id);
                assert!(rule.summary.ends_with(super::SUMMARY_END), "{}", rule.id);
            }
        }
    }
}
