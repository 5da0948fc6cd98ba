use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `eventList` holds 1 to 10 events.
    ///
    /// ## Why
    /// `EventList` has `min: 1, max: 10` in the service model (AWS-BC) and "Array Members: Minimum
    /// number of 1 item. Maximum number of 10 items." (AWS-API). botocore checks only the minimum:
    /// an 11-event list leaves the client and is rejected by the service with
    /// `InvalidInputException`, losing all eleven events.
    ///
    /// ## Example
    /// An `eventList` with eleven events, or `"eventList": []`.
    ///
    /// ## Fix
    /// Split the events into requests of at most ten (same `trackingId` and `sessionId`); do not
    /// send a request without events.
    pub(crate) static EVENTLIST_SIZE = {
        id: "personalize.put-events/eventlist-size",
        severity: Error,
        summary: "`eventList` is empty or has more than 10 events",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    let count = value.and_then(Value::as_array).map_or(0, <[_]>::len);
    if count == 0 {
        Finding::new(&EVENTLIST_SIZE, at, "`eventList` is empty")
            .help("send at least one event, or send no request")
    } else {
        Finding::new(
            &EVENTLIST_SIZE,
            at,
            format!("`eventList` has {count} events; a request takes at most 10"),
        )
        .help(format!(
            "split the events into {} requests of at most 10, with the same `trackingId` and `sessionId`",
            count.div_ceil(10)
        ))
        .note("the service rejects the whole request, so none of the events is recorded")
    }
}
