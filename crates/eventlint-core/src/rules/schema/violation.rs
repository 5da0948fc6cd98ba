use crate::catalog::kind::Kind;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;
use crate::schema::Violation;

declare_rule! {
    /// ## What it checks
    /// A structural violation of the kind's generated JSON Schema that no specific rule claims.
    ///
    /// ## Why
    /// Every structural violation should be reported by a named rule with a readable message. This
    /// rule exists so that none is ever silently dropped; seeing it is a bug in eventlint worth
    /// reporting.
    ///
    /// ## Example
    /// None expected.
    ///
    /// ## Fix
    /// Follow the message, and report the case to the eventlint maintainers.
    pub(crate) static VIOLATION = {
        id: "schema/violation",
        severity: Error,
        summary: "A schema violation no specific rule describes",
    };
}

/// `library_message` is the `jsonschema` crate's wording of the violation.
pub(crate) fn finding(kind: &Kind, violation: &Violation, library_message: &str) -> Finding {
    Finding::new(
        &VIOLATION,
        violation.pointer.clone(),
        format!("`{}` schema: {library_message}", kind.id),
    )
    .note(format!("schema location `{}`", violation.schema_path))
}
