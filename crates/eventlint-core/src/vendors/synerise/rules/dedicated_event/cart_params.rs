use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

use super::required_params::Required;

declare_rule! {
    /// ## What it checks
    /// An `added-to-cart` or `removed-from-cart` event has in `params`: `sku` (string), `source`
    /// (string), `finalUnitPrice` (an object with `amount`, a number ≥ 0, and `currency`, a
    /// string) and `quantity` (a number).
    ///
    /// The endpoint is a path parameter, not part of a dedicated event's body, so on
    /// `synerise.dedicated-event` this rule cannot report; it reports on
    /// `synerise.batch-events` elements whose `type` is `added-to-cart` or `removed-from-cart`.
    ///
    /// ## Why
    /// The older generated spec (SYN-M2 `EventParamsProductAddRemove`, `FinalUnitPrice`) marks
    /// these parameters required; cart analytics and abandoned-cart automations read them.
    /// Reported as an error as vendor-rules.md §2.4 lists it, although newer specs may be more
    /// lenient.
    ///
    /// ## Example
    /// ```json
    /// [{"type": "added-to-cart", "client": {"id": 1}, "label": "cart", "params": {"sku": "P-1"}}]
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// [{"type": "added-to-cart", "client": {"id": 1}, "label": "cart",
    ///   "params": {"sku": "P-1", "source": "WEB_DESKTOP", "quantity": 1,
    ///              "finalUnitPrice": {"amount": 19.99, "currency": "EUR"}}}]
    /// ```
    pub(crate) static CART_PARAMS = {
        id: "synerise.dedicated-event/cart-params",
        severity: Error,
        summary: "A cart event lacks `sku`, `source`, `finalUnitPrice` or `quantity` in `params`",
    };
}

const REQUIRED: &[&str] = &["sku", "source", "finalUnitPrice", "quantity"];

/// Checks the element at `base` of type `endpoint`.
pub(crate) fn check(ctx: &mut Ctx<'_>, base: &Pointer, endpoint: &str, event: &Map<'_>) {
    if !matches!(endpoint, "added-to-cart" | "removed-from-cart") {
        return;
    }
    let required = Required {
        rule: &CART_PARAMS,
        names: REQUIRED,
        no_params_help: "add `params` with `sku`, `source`, `finalUnitPrice` (`amount`, `currency`) and `quantity`",
        missing_help: |list| {
            format!(
                "add {list} to `params`, e.g. `\"sku\": \"P-1\", \"source\": \"WEB_DESKTOP\", \"quantity\": 1, \"finalUnitPrice\": {{\"amount\": 19.99, \"currency\": \"EUR\"}}`"
            )
        },
    };
    let Some((at, params)) = required.params(ctx, base, endpoint, event) else {
        return;
    };
    required.strings(ctx, &at, params, &["sku", "source"]);
    if let Some(v) = params
        .get("quantity")
        .filter(|v| !v.is_null() && !v.is_number())
    {
        ctx.report(
            Finding::new(
                &CART_PARAMS,
                at.key("quantity"),
                format!("`params.quantity` is {}, not a number", describe(v)),
            )
            .help("send `params.quantity` as a number, e.g. `1`"),
        );
    }
    match params.get("finalUnitPrice") {
        Some(Value::Object(price)) => check_price(ctx, &at.key("finalUnitPrice"), price),
        Some(v) if !v.is_null() => ctx.report(
            Finding::new(
                &CART_PARAMS,
                at.key("finalUnitPrice"),
                format!("`params.finalUnitPrice` is {}, not an object", describe(v)),
            )
            .help("send `params.finalUnitPrice` as `{\"amount\": 19.99, \"currency\": \"EUR\"}`"),
        ),
        _ => {}
    }
}

fn check_price(ctx: &mut Ctx<'_>, at: &Pointer, price: &Map<'_>) {
    let missing: Vec<&str> = ["amount", "currency"]
        .into_iter()
        .filter(|k| price.get(k).is_none_or(Value::is_null))
        .collect();
    if !missing.is_empty() {
        let list = format!("`{}`", missing.join("` and `"));
        ctx.report(
            Finding::new(&CART_PARAMS, at.clone(), format!("`params.finalUnitPrice` lacks {list}"))
                .help("give `params.finalUnitPrice` both `amount` (a number ≥ 0) and `currency` (e.g. `\"EUR\"`)"),
        );
    }
    match price.get("amount") {
        Some(Value::Number(n)) if n.as_f64().is_some_and(|a| a < 0.0) => ctx.report(
            Finding::new(
                &CART_PARAMS,
                at.key("amount"),
                format!("`params.finalUnitPrice.amount` is negative (`{n}`)"),
            )
            .help("send the unit price after discounts as a number ≥ 0"),
        ),
        Some(v) if !v.is_null() && !v.is_number() => ctx.report(
            Finding::new(
                &CART_PARAMS,
                at.key("amount"),
                format!(
                    "`params.finalUnitPrice.amount` is {}, not a number",
                    describe(v)
                ),
            )
            .help("send `params.finalUnitPrice.amount` as a number, e.g. `19.99`"),
        ),
        _ => {}
    }
    if let Some(v) = price
        .get("currency")
        .filter(|v| !v.is_null() && !v.is_string())
    {
        ctx.report(
            Finding::new(
                &CART_PARAMS,
                at.key("currency"),
                format!(
                    "`params.finalUnitPrice.currency` is {}, not a string",
                    describe(v)
                ),
            )
            .help("send the currency code as a string, e.g. `\"EUR\"`"),
        );
    }
}
