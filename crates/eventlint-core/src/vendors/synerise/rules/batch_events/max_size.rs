use crate::locate::pointer::Pointer;
use crate::locate::spans::Target;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// The batch body is at most 1 MB: 1 000 000 bytes. A body over 1 MiB (1 048 576 bytes)
    /// is reported with its own message, since it is too large under either reading of "MB";
    /// one between the two limits is reported with a note that the vendor's unit is ambiguous.
    /// The size counted is the document's UTF-8 text as read (for NDJSON, its line).
    ///
    /// ## Why
    /// "The request body can't be more than 1 MB" (SYN-PHP batch request documentation). The
    /// documentation does not say whether 1 MB is 10⁶ or 2²⁰ bytes, so eventlint enforces the
    /// stricter 1 000 000 bytes (vendor-rules.md §2.5, [I] for the ambiguity).
    ///
    /// ## Example
    /// A 1.2 MB array of events.
    ///
    /// ## Fix
    /// Split the events into several requests, each at most 1 000 000 bytes (and 1000 events).
    pub(crate) static MAX_SIZE = {
        id: "synerise.batch-events/max-size",
        severity: Error,
        summary: "The batch body is larger than 1 MB",
    };
}

/// 1 MB as eventlint reads it.
pub(crate) const LIMIT: usize = 1_000_000;
/// 1 MiB, the other reading of "1 MB".
pub(crate) const LIMIT_MIB: usize = 1_048_576;

pub(crate) fn check(ctx: &mut Ctx<'_>) {
    let size = ctx.bytes.len();
    if size <= LIMIT {
        return;
    }
    // Mark the bytes beyond the limit: where the body should have been split.
    let finding = if size > LIMIT_MIB {
        Finding::new(
            &MAX_SIZE,
            Pointer::root(),
            format!(
                "the batch body is {size} bytes, over 1 MB whether read as 1 000 000 or 1 048 576 bytes"
            ),
        )
    } else {
        Finding::new(
            &MAX_SIZE,
            Pointer::root(),
            format!("the batch body is {size} bytes, over 1 MB (1 000 000 bytes)"),
        )
        .note("if Synerise means 1 MiB (1 048 576 bytes) this body fits; the documentation does not say which")
    };
    ctx.report(
        finding
            .target(Target::Bytes(LIMIT..size))
            .help("split the events into several requests of at most 1 000 000 bytes each"),
    );
}
