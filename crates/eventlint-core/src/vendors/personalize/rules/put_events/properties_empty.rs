use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::vendors::personalize::shared::properties::Properties;

declare_rule! {
    /// ## What it checks
    /// The `properties` object is not empty (`"{}"`).
    ///
    /// ## Why
    /// `"{}"` satisfies the minimum length of 1 but carries nothing (inferred [I]); it usually
    /// comes from serializing an empty map unconditionally. Info only.
    ///
    /// ## Example
    /// ```json event
    /// {"eventType": "click", "sentAt": 1672574400, "itemId": "i1", "properties": "{}"}
    /// ```
    ///
    /// ## Fix
    /// ```json event
    /// {"eventType": "click", "sentAt": 1672574400, "itemId": "i1"}
    /// ```
    pub(crate) static PROPERTIES_EMPTY = {
        id: "personalize.put-events/properties-empty",
        severity: Info,
        summary: "`properties` is an empty object",
    };
}

pub(crate) fn report(ctx: &mut Ctx<'_>, props: &Properties<'_>) {
    ctx.report(
        Finding::new(
            &PROPERTIES_EMPTY,
            props.at.clone(),
            format!("`{}` is an empty object: it carries nothing", props.name),
        )
        .target(props.whole())
        .help(format!(
            "omit `{}` when there is nothing to send",
            props.name
        )),
    );
}
