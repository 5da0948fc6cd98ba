use crate::document::value::Map;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `client` carries more than one identifier.
    ///
    /// ## Why
    /// Which identifier wins when several are given, and what happens when they name different
    /// profiles, is not documented (vendor-rules.md §2.3, inferred). Info only.
    ///
    /// ## Example
    /// ```json
    /// {"client": {"id": 5092159999, "email": "jan@example.com"}}
    /// ```
    ///
    /// ## Fix
    /// Send the one identifier you trust most, unless you know how your workspace resolves them.
    pub(crate) static CLIENT_MULTIPLE_IDS = {
        id: "synerise.event/client-multiple-ids",
        severity: Info,
        summary: "`client` has several identifiers; precedence is undocumented",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, client: &Map<'_>) {
    let present: Vec<&str> = ["id", "customId", "uuid", "email"]
        .into_iter()
        .filter(|k| client.get(k).is_some_and(|v| !v.is_null() && v != ""))
        .collect();
    if present.len() > 1 {
        ctx.report(
            Finding::new(
                &CLIENT_MULTIPLE_IDS,
                at.clone(),
                format!(
                    "`client` has {} identifiers: `{}`",
                    present.len(),
                    present.join("`, `")
                ),
            )
            .help("keep one identifier in `client` unless you know which one Synerise uses first"),
        );
    }
}
