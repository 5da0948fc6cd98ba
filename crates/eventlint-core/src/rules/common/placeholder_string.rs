use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// A string value that is the bare word `string`, the type name that generated API references
    /// (and the Synerise batch example's `label`) put where a value goes.
    ///
    /// In a document with three or more `string` values, a request-syntax template, each of them
    /// is `common/placeholder`'s business (a warning); where a more specific rule reports the
    /// value (e.g. `synerise.event/label-placeholder`), it is not reported twice.
    ///
    /// ## Why
    /// Vendor examples are copied into code and fixtures (vendor-rules.md §0.4); a lone `string`
    /// is probably one left in, but it can be a real value, so this is an info.
    ///
    /// ## Example
    /// ```json
    /// {"action": "dog.bark", "client": {"id": 5092159999}, "label": "bark", "params": {"mood": "string"}}
    /// ```
    ///
    /// ## Fix
    /// Put the real value in: `"params": {"mood": "happy"}`.
    pub(crate) static PLACEHOLDER_STRING = {
        id: "common/placeholder-string",
        severity: Info,
        summary: "A value is the bare word `string`, a generated reference's placeholder",
    };
}

/// The value at `at` is `string`.
pub(crate) fn finding(at: Pointer) -> Finding {
    let message = format!("`{at}` holds the documentation placeholder `string`");
    let help = format!("replace `string` at `{at}` with the real value");
    Finding::new(&PLACEHOLDER_STRING, at, message).help(help)
}
