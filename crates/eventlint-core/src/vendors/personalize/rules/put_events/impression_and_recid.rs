use crate::document::value::Map;

use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::locate::spans::Target;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// An event with both `impression` and `recommendationId`. Info only.
    ///
    /// ## Why
    /// A `recommendationId` makes Personalize record the recommendations you showed as implicit
    /// impressions; `impression` records explicit ones. "If you include both, Amazon Personalize
    /// uses the explicit impressions by default." (AWS-IMP). That is fine when `impression` is
    /// what the user actually saw; it is worth knowing that the implicit impressions are then not
    /// used. `recommendationId` still attributes the event for metric attributions.
    ///
    /// ## Example
    /// ```json event
    /// {"eventType": "click", "sentAt": 1672574400, "itemId": "i1", "recommendationId": "RID-1", "impression": ["i1", "i2"]}
    /// ```
    ///
    /// ## Fix
    /// Keep both when `impression` lists what was shown; otherwise send only `recommendationId`.
    pub(crate) static IMPRESSION_AND_RECID = {
        id: "personalize.put-events/impression-and-recid",
        severity: Info,
        summary: "An event has both `impression` and `recommendationId`; the explicit impressions win",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, event: &Map<'_>) {
    if !(event.contains_key("impression") && event.contains_key("recommendationId")) {
        return;
    }
    let impression = at.key("impression");
    ctx.report(
        Finding::new(
            &IMPRESSION_AND_RECID,
            impression.clone(),
            format!(
                "`{}` has both `impression` and `recommendationId`: the explicit `{}` is used, not the implicit impressions of the recommendation",
                field_name(at),
                field_name(&impression)
            ),
        )
        .help("keep both if `impression` lists what the user saw; otherwise send only `recommendationId`")
        .related(
            at.key("recommendationId"),
            Target::Key,
            format!("`{}` here", field_name(&at.key("recommendationId"))),
        ),
    );
}
