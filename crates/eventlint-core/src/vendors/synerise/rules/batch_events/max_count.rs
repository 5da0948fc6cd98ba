use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The batch has at most 1000 events.
    ///
    /// ## Why
    /// `POST /v4/events/batch` accepts up to 1000 events per request (SYN-PHP batch request
    /// documentation); a larger batch is rejected as a whole.
    ///
    /// ## Example
    /// An array of 1001 events.
    ///
    /// ## Fix
    /// Split the events into requests of at most 1000 (and at most 1 MB each).
    pub(crate) static MAX_COUNT = {
        id: "synerise.batch-events/max-count",
        severity: Error,
        summary: "The batch has more than 1000 events",
        structural: true,
    };
}

pub(crate) fn finding(count: usize, limit: u64) -> Finding {
    Finding::new(
        &MAX_COUNT,
        Pointer::root(),
        format!("the batch has {count} events; the limit is {limit}"),
    )
    .help(format!(
        "split the events into batches of at most {limit} (and at most 1 MB each)"
    ))
}
