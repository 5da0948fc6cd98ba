use crate::locate::pointer::Pointer;
use crate::message::suggest::{did_you_mean, one_of};
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};
use crate::vendors::synerise::shared::actions::DEDICATED;

declare_rule! {
    /// ## What it checks
    /// A batch element's `type` is `custom` or the name of a known dedicated endpoint
    /// (vendor-rules.md §2.6): `added-to-cart`, `removed-from-cart`, `added-to-favorites`,
    /// `appeared-in-location`, `application-started`, `assigned-to-company`,
    /// `cancelled-transaction`, `hit-timer`, `item-search-click`, `logged-in`, `logged-out`,
    /// `product-view`, `registered`, `searched`, `shared`, `visited-screen`, `push/clicked`,
    /// `push/viewed`, `push/cancelled`, `push/received`. A close value gets a "did you mean";
    /// an action name (`client.hitTimer`) or an endpoint path (`/v4/events/hit-timer`) is
    /// translated to the endpoint's name.
    ///
    /// This is also the body-level form of `synerise.dedicated-event/endpoint-known`: a batch
    /// element's `type` is the only place a dedicated endpoint's name appears in a body.
    ///
    /// ## Why
    /// `type` is the dedicated endpoint's name (SEED-001); an unknown one is rejected or routed
    /// nowhere. A warning, not an error: the endpoint list is not fully documented (the names
    /// of the nested `push/*` endpoints as batch types are inferred; vendor-rules.md §8.5).
    ///
    /// ## Example
    /// ```json
    /// [{"type": "hitTimer", "client": {"id": 1}, "label": "timer"}]
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// [{"type": "hit-timer", "client": {"id": 1}, "label": "timer"}]
    /// ```
    pub(crate) static TYPE_KNOWN = {
        id: "synerise.batch-events/type-known",
        severity: Warning,
        summary: "A batch element's `type` is not `custom` nor a known dedicated endpoint",
        fix: Safe("when the `type` has one nearest known value: it is written instead."),
    };
}

/// Whether `ty` is `custom` or a known dedicated endpoint.
pub(crate) fn is_known(ty: &str) -> bool {
    ty == "custom" || DEDICATED.iter().any(|(e, _)| *e == ty)
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, ty: &str) {
    if is_known(ty) {
        return;
    }
    let names: Vec<&str> = std::iter::once("custom")
        .chain(DEDICATED.iter().map(|(e, _)| *e))
        .collect();
    let path = ty.trim_start_matches('/');
    let path = path.strip_prefix("v4/").unwrap_or(path);
    let path = path.strip_prefix("events/").unwrap_or(path);
    let near = DEDICATED
        .iter()
        .find(|(e, a)| *a == ty || *e == path)
        .map(|(e, _)| *e)
        .or_else(|| did_you_mean(ty, &names));
    let finding = Finding::new(
        &TYPE_KNOWN,
        at.clone(),
        format!("`type` `{ty}` is not `custom` nor a known dedicated endpoint"),
    );
    ctx.report(match near {
        Some(near) => finding
            .message_suffix(&crate::message::suggest::did_you_mean_suffix(near))
            .help(format!("set `\"type\": \"{near}\"`"))
            .propose_string(near),
        None => finding.help(format!(
            "set `type` to `custom` (with `action`) or to a dedicated endpoint's name: {}",
            one_of(&names, 8)
        )),
    });
}
