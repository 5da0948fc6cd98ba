//! The one `body-object` finding. Every kind whose body must be a JSON object has a rule of its
//! own (`<kind>/body-object`: its id, severity and manual, which severity overrides name), and
//! each builds its finding here with what differs: how the body is named and the help.

use crate::value::Value;

use crate::describe::describe;
use crate::finding::Finding;
use crate::pointer::Pointer;
use crate::rule::Rule;

/// `rule`'s finding at the root: "`body` is (what `doc` is), not an object", with `help`.
/// `body` names the body in the message (`"the error body"`).
pub(crate) fn finding(
    rule: &'static Rule,
    body: &str,
    doc: &Value,
    help: impl Into<String>,
) -> Finding {
    finding_not(rule, body, doc, "an object", help)
}

/// [`finding`] for a body that must be one object in particular: "…, not `wanted`"
/// (`"the empty object"`).
pub(crate) fn finding_not(
    rule: &'static Rule,
    body: &str,
    doc: &Value,
    wanted: &str,
    help: impl Into<String>,
) -> Finding {
    Finding::new(
        rule,
        Pointer::root(),
        format!("{body} is {}, not {wanted}", describe(doc)),
    )
    .help(help)
}
