use crate::catalog::kind::Kind;
use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// A top-level JSON array whose elements are each a whole payload of a kind that is not sent
    /// in arrays: a dump of Neuralens events, of `PutEvents` requests, of Glia engagement events.
    /// Only Synerise takes an array of events in one request (`synerise.batch-events`, detected
    /// when its elements look like Synerise events); eventlint reports such an array once
    /// instead of checking it as a Synerise batch it is not.
    ///
    /// ## Why
    /// These APIs take one document per request: the vendor rejects the array whole. Checking it
    /// as a batch would bury the real answer under confident, wrong Synerise findings ("did you
    /// mean `eventSalt`?" for `eventList`).
    ///
    /// ## Example
    /// ```json
    /// [
    ///   {"trackingId": "t-1", "sessionId": "s-1", "eventList": [{"eventType": "click", "sentAt": 1767225600}]},
    ///   {"trackingId": "t-1", "sessionId": "s-2", "eventList": [{"eventType": "click", "sentAt": 1767225600}]}
    /// ]
    /// ```
    ///
    /// ## Fix
    /// Send one document per request. To lint many, keep them one per line in an NDJSON file
    /// (`.ndjson`, `.jsonl`), or check each element of the array as its own document with
    /// `--split-arrays` (or `split-arrays = true` in a `[[files]]` entry of `eventlint.toml`);
    /// their positions stay those of the array's file.
    ///
    /// ## Source
    /// design.md §2 (one document per `.json` file; NDJSON for many); vendor-rules.md §0.1.
    pub(crate) static ARRAY_OF_DOCUMENTS = {
        id: "kind/array-of-documents",
        severity: Error,
        summary: "A top-level array holds whole documents of a kind that is sent one per request",
    };
}

/// The finding for an array of `count` documents of `kinds`.
pub(crate) fn finding(kinds: &[&'static Kind], count: usize) -> Finding {
    let names: Vec<String> = kinds.iter().map(|k| format!("`{}`", k.id)).collect();
    let what = match names.as_slice() {
        [one] => format!("{count} {one} documents"),
        _ => format!("{count} documents of the kinds {}", names.join(", ")),
    };
    Finding::new(
        &ARRAY_OF_DOCUMENTS,
        Pointer::root(),
        format!("this array holds {what}; the API takes one document per request"),
    )
    .help(
        "send one document per request; to lint many, write them one per line (NDJSON) or pass `--split-arrays` to check each element as its own document",
    )
}
