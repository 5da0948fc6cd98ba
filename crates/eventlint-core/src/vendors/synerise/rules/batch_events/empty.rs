use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The batch has at least one event.
    ///
    /// ## Why
    /// An empty batch does nothing and is likely rejected (inferred, vendor-rules.md §2.5): it
    /// usually means the code that fills the batch found nothing, or sent it too early.
    ///
    /// ## Example
    /// ```json
    /// []
    /// ```
    ///
    /// ## Fix
    /// Skip the request when there are no events.
    pub(crate) static EMPTY = {
        id: "synerise.batch-events/empty",
        severity: Warning,
        summary: "The batch has no events",
        structural: true,
    };
}

pub(crate) fn finding() -> Finding {
    Finding::new(&EMPTY, Pointer::root(), "the batch is empty")
        .help("send at least one event, or skip the request when there is nothing to send")
}
