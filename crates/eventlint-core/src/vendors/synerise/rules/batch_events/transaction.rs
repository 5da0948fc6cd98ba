use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// No batch element is a custom `transaction.charge` (or `product.buy`) event. It replaces
    /// `synerise.custom-event/transaction-as-custom` for batch elements.
    ///
    /// ## Why
    /// "Transaction events must be sent to their dedicated endpoints. If you send a transaction
    /// event to the /events/custom or /events/batch endpoints, the product.buy sub-events aren't
    /// generated and transactions aren't handled correctly" (SEED-001; SYN-PHP batch doc).
    /// `product.buy` alone has the same problem (inferred).
    ///
    /// ## Example
    /// ```json
    /// [{"type": "custom", "action": "transaction.charge", "client": {"id": 1}, "label": "order"}]
    /// ```
    ///
    /// ## Fix
    /// Send orders to `POST /v4/transactions/batch` (or `/v4/transactions`).
    pub(crate) static TRANSACTION = {
        id: "synerise.batch-events/transaction",
        severity: Warning,
        summary: "A batch element is a transaction event",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, action: &str) {
    if matches!(action, "transaction.charge" | "product.buy") {
        ctx.report(
            Finding::new(
                &TRANSACTION,
                at.clone(),
                format!("`action` `{action}` is a transaction event sent in an events batch"),
            )
            .help("send transactions to `POST /v4/transactions/batch`, which also creates the `product.buy` events")
            .note("in an events batch, no `product.buy` sub-events are generated and the transaction is not handled"),
        );
    }
}
