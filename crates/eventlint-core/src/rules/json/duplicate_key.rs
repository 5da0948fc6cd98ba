use crate::locate::spans::{Duplicate, Target};
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// No object has the same key twice.
    ///
    /// ## Why
    /// RFC 8259 says names "SHOULD be unique"; when they are not, which value wins depends on the
    /// parser (last for most, first for some, an error for strict ones), so the vendor may see a
    /// different event than the one you reviewed (vendor-rules.md §0.4 `common/duplicate-key`).
    ///
    /// The diagnostic points at the second occurrence.
    ///
    /// ## Example
    /// ```json
    /// {"action": "dog.bark", "label": "bark", "label": "woof", "client": {"id": 1}}
    /// ```
    ///
    /// ## Fix
    /// Keep one `label`.
    pub(crate) static DUPLICATE_KEY = {
        id: "json/duplicate-key",
        severity: Warning,
        summary: "An object repeats a key",
    };
}

/// `occurrence` is 1 for the second appearance of the key.
/// The finding of a repeated key; it marks the key's bytes, which the tree gave with it (no
/// search for the `n`-th occurrence per repeat: a key repeated many times stays linear).
pub(crate) fn finding(duplicate: Duplicate) -> Finding {
    let Duplicate {
        pointer,
        key,
        first,
        ..
    } = duplicate;
    let segments = pointer.segments();
    let name = segments.last().cloned().unwrap_or_default();
    Finding::new(
        &DUPLICATE_KEY,
        pointer.clone(),
        format!("key `{name}` appears more than once in the same object"),
    )
    .target(Target::Bytes(key))
    .related(pointer, Target::Bytes(first), format!("`{name}`, first"))
    .help(format!(
        "keep one `{name}`: parsers disagree on which value wins"
    ))
}
