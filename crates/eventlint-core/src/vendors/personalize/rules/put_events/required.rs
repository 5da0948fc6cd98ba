use crate::document::value::Value;

use super::unknown_key::alias_for;
use crate::locate::pointer::Pointer;
use crate::locate::pointer::field_name;
use crate::message::suggest::did_you_mean;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The members the service model requires are present: `trackingId`, `sessionId` and
    /// `eventList` in the request, `eventType` and `sentAt` in every event, and
    /// `eventAttributionSource` in a `metricAttribution`.
    ///
    /// ## Why
    /// They are `required` in the botocore service model (AWS-BC `PutEventsRequest`, `Event`,
    /// `MetricAttribution`) and marked **[REQUIRED]** in the boto3 reference (SEED-003); botocore
    /// refuses to send a request without them and the service answers `InvalidInputException`.
    /// A misnamed member (e.g. `timestamp` instead of `sentAt`, or `sessionID`) is ignored, so the
    /// required one is still missing: the help then says which key to rename.
    ///
    /// ## Example
    /// ```json
    /// {"trackingId": "tid", "eventList": [{"eventType": "click", "timestamp": 1672574400}]}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"trackingId": "tid", "sessionId": "s1", "eventList": [{"eventType": "click", "sentAt": 1672574400}]}
    /// ```
    pub(crate) static REQUIRED = {
        id: "personalize.put-events/required",
        severity: Error,
        summary: "A member the service model requires is missing",
        structural: true,
        fix: Safe("when a member of another name is the missing one misspelt: it is renamed."),
    };
}

/// `object` (at pointer `at`) lacks `member`.
pub(crate) fn finding(at: Pointer, member: &str, object: Option<&Value>) -> Finding {
    let container = match field_name(&at) {
        name if name.is_empty() => "the request".to_owned(),
        name => format!("`{name}`"),
    };
    let renamed = object.and_then(Value::as_object).and_then(|o| {
        o.keys().find(|k| {
            alias_for(k) == Some(member)
                || (k.as_str() != member && did_you_mean(k, &[member]).is_some())
        })
    });
    let help = match (renamed, member) {
        (Some(key), _) => format!("rename `{key}` to `{member}`"),
        (None, "trackingId") => {
            "add the `trackingId` of your event tracker (returned by `CreateEventTracker`)"
                .to_owned()
        }
        (None, "sessionId") => {
            "add `sessionId`: the ID your application generated for the user's visit".to_owned()
        }
        (None, "eventList") => "add `eventList` with 1 to 10 events".to_owned(),
        (None, "eventType") => {
            "add `eventType`, e.g. `\"click\"`: the EVENT_TYPE value of your Item interactions dataset"
                .to_owned()
        }
        (None, "sentAt") => {
            "add `sentAt`: when the event occurred, in Unix epoch seconds, e.g. `1672574400`"
                .to_owned()
        }
        (None, "eventAttributionSource") => {
            "add `eventAttributionSource`, e.g. `\"thirdPartyServiceXYZ\"`, or remove `metricAttribution`"
                .to_owned()
        }
        (None, _) => format!("add `{member}`"),
    };
    let message = match renamed {
        Some(key) => format!("{container} has no `{member}` (`{key}` is not read)"),
        None => format!("{container} has no `{member}`"),
    };
    let misspelt = renamed.map(|key| at.key(key));
    let finding = Finding::new(&REQUIRED, at, message).help(help);
    match misspelt {
        Some(misspelt) => finding.propose_key_at(misspelt, member),
        None => finding,
    }
}
