use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// No two elements of one batch share an `eventSalt` with the same profile and action. (The
    /// same salt with a different profile or action is `synerise.event/eventsalt-uniqueness`.)
    /// Profiles are compared by their identifiers in `client`; the action of a dedicated element
    /// is the one its `type` sets.
    ///
    /// ## Why
    /// An event with the salt, profile, action and time of an earlier one overwrites it
    /// (SYN-PHP `eventSalt` documentation): in one batch the later element silently replaces the
    /// earlier, and overwrites fire no automations. With a different `time` the pair is no valid
    /// overwrite at all (the overwrite needs the original time), so one of the two is lost or
    /// both keep a salt that no longer identifies one event.
    ///
    /// ## Example
    /// ```json
    /// [
    ///   {"type": "custom", "action": "cart.status", "client": {"id": 1}, "label": "cart", "time": "2024-01-01T10:00:00Z", "eventSalt": "cart-1"},
    ///   {"type": "custom", "action": "cart.status", "client": {"id": 1}, "label": "cart", "time": "2024-01-01T10:00:00Z", "eventSalt": "cart-1"}
    /// ]
    /// ```
    ///
    /// ## Fix
    /// Send only the final version of the event, or give each distinct event its own salt.
    pub(crate) static SALT_DUP = {
        id: "synerise.batch-events/salt-dup",
        severity: Warning,
        summary: "Two events of one batch share an `eventSalt`, profile and action",
    };
}

/// Element `index` repeats the salt of element `first` with the same profile and action.
pub(crate) fn finding(
    at: Pointer,
    index: usize,
    first: usize,
    salt: &str,
    same_time: bool,
) -> Finding {
    if same_time {
        Finding::new(
            &SALT_DUP,
            at,
            format!("`[{index}].eventSalt` `{salt}` repeats `[{first}]` with the same profile, action and time, so it overwrites that event"),
        )
        .help(format!("send only the final version of the event, and drop element [{first}]"))
        .note("an overwrite fires no automations")
    } else {
        Finding::new(
            &SALT_DUP,
            at,
            format!("`[{index}].eventSalt` `{salt}` repeats `[{first}]` with the same profile and action but another time"),
        )
        .help("give each distinct event its own `eventSalt`; to overwrite an event, repeat its original `time`")
    }
}
