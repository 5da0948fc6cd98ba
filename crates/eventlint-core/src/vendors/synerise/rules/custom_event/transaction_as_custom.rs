use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `action` is not `transaction.charge` (or `product.buy`).
    ///
    /// ## Why
    /// "Transaction events must be sent to their dedicated endpoints. If you send a transaction
    /// event to the /events/custom or /events/batch endpoints, the product.buy sub-events aren't
    /// generated and transactions aren't handled correctly" (SEED-001). `product.buy` is a
    /// sub-event of a transaction, so sending it alone has the same problem (inferred).
    ///
    /// ## Example
    /// ```json
    /// {"action": "transaction.charge", "client": {"id": 1}, "label": "order"}
    /// ```
    ///
    /// ## Fix
    /// Send the order to `POST /v4/transactions` (or `/v4/transactions/batch`).
    pub(crate) static TRANSACTION_AS_CUSTOM = {
        id: "synerise.custom-event/transaction-as-custom",
        severity: Warning,
        summary: "A transaction event is sent as a custom event",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, action: &str) {
    if matches!(action, "transaction.charge" | "product.buy") {
        ctx.report(
            Finding::new(&TRANSACTION_AS_CUSTOM, at.clone(), format!("`action` `{action}` is a transaction event sent as a custom event"))
                .help("send transactions to `POST /v4/transactions`, which also creates the `product.buy` events")
                .note("sent as a custom event, no `product.buy` sub-events are generated and the transaction is not handled"),
        );
    }
}
