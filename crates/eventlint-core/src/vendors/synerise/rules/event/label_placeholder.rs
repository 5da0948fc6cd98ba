use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::rules::common::placeholder::is_placeholder;

declare_rule! {
    /// ## What it checks
    /// `label` is not a documentation placeholder: the word `string`, the placeholder of the
    /// vendor's batch example, or any placeholder `common/placeholder` knows (`YOUR_LABEL_HERE`,
    /// `<LABEL>`, `TODO`, …), which this rule reports instead.
    ///
    /// ## Why
    /// SEED-001's batch example sends `"label": "string"`, copied from a generated API reference.
    /// `label` is not stored, so this is harmless — but it shows the payload was copied from docs.
    /// Info only.
    ///
    /// ## Example
    /// ```json
    /// {"type": "hit-timer", "client": {"id": 267498412}, "label": "string"}
    /// ```
    ///
    /// ## Fix
    /// `"label": "hit-timer"`
    pub(crate) static LABEL_PLACEHOLDER = {
        id: "synerise.event/label-placeholder",
        severity: Info,
        summary: "`label` is a documentation placeholder such as `string`",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, event: &Map<'_>) {
    let Some(label) = event.get("label").and_then(Value::as_str) else {
        return;
    };
    if label == "string" || is_placeholder(label) {
        ctx.report(
            Finding::new(
                &LABEL_PLACEHOLDER,
                base.key("label"),
                format!("`label` is the documentation placeholder `{label}`"),
            )
            .help("give `label` a meaningful value, e.g. the event's name"),
        );
    }
}
