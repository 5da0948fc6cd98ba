//! What `serve` remembers: every request it answered, with its verdict and findings, in memory
//! (the newest [`LIMIT`], the oldest dropped first and counted), and the filters of the
//! inspection API.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, SecondsFormat, Utc};
use eventlint_core::{Diagnostic, Severity};
use serde::{Serialize, Serializer};

/// How many requests the journal keeps in memory.
pub(super) const LIMIT: usize = 10_000;

/// The most bytes of a request's body the journal keeps (the page says so).
pub(super) const BODY_KEPT: usize = 256 << 10;

/// The most bytes of bodies the journal keeps in all: past it, the oldest requests' bodies are
/// dropped first (their other fields stay), so that 10,000 large requests cannot take gigabytes.
pub(super) const BODIES_MAX: usize = 64 << 20;

/// Whether a request passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum Verdict {
    Pass,
    Fail,
}

impl Verdict {
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
        }
    }
}

/// One request as the journal keeps it (and the inspection API shows it).
#[derive(Debug, Serialize)]
pub(super) struct Record {
    /// The request id (`X-Eventlint-Request-Id`): 1, 2, … in the order requests were checked.
    pub id: u64,
    /// When it was received (RFC 3339, UTC).
    pub time: String,
    #[serde(skip)]
    pub at: DateTime<Utc>,
    /// `X-Eventlint-Session`, when the request carried it.
    pub session: Option<String>,
    pub method: String,
    /// The path with its query.
    pub path: String,
    /// The vendor (`synerise`, `personalize`, …) of the endpoint, if the path is one.
    pub vendor: Option<&'static str>,
    /// The kind the request was checked as.
    pub kind: Option<&'static str>,
    pub verdict: Verdict,
    /// The status `serve` answered with.
    pub status: u16,
    /// The findings, as in `eventlint check --format json`.
    pub diagnostics: Vec<Diagnostic>,
    /// The request as it was received, credentials masked (`line`, `headers`, `body`, `marks`).
    #[serde(flatten)]
    pub shown: Shown,
}

/// What the journal keeps of a request itself, credentials masked as reports mask them (the
/// text `check_request` reports on), and where each finding is in it.
#[derive(Debug, Default, Serialize)]
pub(super) struct Shown {
    /// The request line as reports show it (`POST /v4/events/custom HTTP/1.1`), a credential in
    /// the query masked.
    pub line: String,
    /// The headers in the order received (`X-Eventlint-*` left out), credentials masked.
    pub headers: Vec<Header>,
    /// The body, `null` when there was none.
    pub body: Option<KeptBody>,
    /// Where each diagnostic is in `line`, a header's `name: value` or the body's text.
    pub marks: Vec<Mark>,
}

/// A header as shown.
#[derive(Debug, Serialize)]
pub(super) struct Header {
    pub name: String,
    pub value: String,
}

/// A request's body as kept: its first [`BODY_KEPT`] bytes, which the journal may drop later
/// to stay within [`BODIES_MAX`].
#[derive(Debug)]
pub(super) struct KeptBody {
    /// Its size as received, in bytes.
    pub size: usize,
    /// Whether `text` is only the first [`BODY_KEPT`] bytes.
    pub truncated: bool,
    /// The text kept (lossily UTF-8); `None` once dropped.
    text: Mutex<Option<String>>,
}

impl KeptBody {
    fn new(text: &str) -> KeptBody {
        let mut end = text.len().min(BODY_KEPT);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        KeptBody {
            size: text.len(),
            truncated: end < text.len(),
            text: Mutex::new(Some(text[..end].to_owned())),
        }
    }

    /// The bytes it holds.
    fn held(&self) -> usize {
        self.text
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map_or(0, String::len)
    }

    /// Forgets the text; the bytes it held.
    fn drop_text(&self) -> usize {
        self.text
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
            .map_or(0, |t| t.len())
    }
}

impl Serialize for KeptBody {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// `{size, truncated, dropped, text}`.
        #[derive(Serialize)]
        struct Fields<'a> {
            size: usize,
            truncated: bool,
            dropped: bool,
            text: Option<&'a str>,
        }
        let text = self.text.lock().unwrap_or_else(PoisonError::into_inner);
        Fields {
            size: self.size,
            truncated: self.truncated,
            dropped: text.is_none(),
            text: text.as_deref(),
        }
        .serialize(serializer)
    }
}

/// The part of a request a mark is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum MarkPart {
    Line,
    Header,
    Body,
}

/// Where a diagnostic is in what the journal shows: the bytes `start..end` (end exclusive) of
/// the request `line`, of the `header`-th header written `name: value`, or of the body's text.
/// A diagnostic past the part of the body kept has no mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(super) struct Mark {
    /// The diagnostic's index in `diagnostics`.
    pub diagnostic: usize,
    pub part: MarkPart,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header: Option<usize>,
    pub start: usize,
    pub end: usize,
}

impl Shown {
    /// What to keep of a request checked by `check_request`, whose report's `source` is the
    /// request written as an HTTP/1.1 message with credentials masked (`METHOD TARGET
    /// HTTP/1.1`, a `name: value` line per header, a blank line and the body, each part on its
    /// own lines) and whose spans are bytes of it.
    pub(super) fn of(source: &str, body: Option<&str>, diagnostics: &[Diagnostic]) -> Shown {
        // The body is written last, as received: it ends the text.
        let body_start = match body {
            Some(body) if source.ends_with(body) => Some(source.len() - body.len()),
            Some(_) | None => None,
        };
        let head_end = body_start.map_or(source.len(), |start| start.saturating_sub(1));
        let head = &source[..head_end];
        let mut lines = Vec::new();
        let mut at = 0;
        for text in head.split('\n') {
            lines.push((at, text));
            at += text.len() + 1;
        }
        let panicked = diagnostics.iter().any(|d| d.rule == "internal/error");
        let (line_start, line) = lines.first().copied().unwrap_or((0, ""));
        let mut header_starts = Vec::new();
        let mut pairs = Vec::new();
        for &(start, text) in lines.iter().skip(1).filter(|(_, t)| !t.is_empty()) {
            let (name, value) = text.split_once(": ").unwrap_or((text, ""));
            header_starts.push((start, start + text.len()));
            pairs.push((name.to_owned(), value.to_owned()));
        }
        // The core's text is masked, but for a check that panicked (`internal/error`): then
        // the core's own masking is applied here (the same credential headers and query
        // parameters as in reports).
        let (line, pairs) = match line.split_once(' ').zip(line.rsplit_once(' ')) {
            Some(((method, _), (_, version))) if panicked && method.len() + 1 < line.len() => {
                let target = &line[method.len() + 1..line.len() - version.len() - 1];
                let (target, pairs, _) = eventlint_core::request::mask_credentials(target, &pairs);
                (format!("{method} {target} {version}"), pairs)
            }
            _ => (line.to_owned(), pairs),
        };
        let headers: Vec<Header> = pairs
            .into_iter()
            .map(|(name, value)| Header { name, value })
            .collect();
        let kept = body.map(KeptBody::new);
        let kept_len = kept.as_ref().map_or(0, KeptBody::held);
        let mut marks = Vec::new();
        for (diagnostic, d) in diagnostics.iter().enumerate() {
            let (start, end) = (d.span.start, d.span.end.max(d.span.start));
            let mark = |part, header, from: usize, len: usize| Mark {
                diagnostic,
                part,
                header,
                start: (start - from).min(len),
                end: (end.min(from + len) - from).max((start - from).min(len)),
            };
            if let Some(body_start) = body_start
                && start >= body_start
            {
                if start - body_start <= kept_len {
                    marks.push(mark(MarkPart::Body, None, body_start, kept_len));
                }
            } else if start < line_start + line.len() + 1 && !panicked {
                marks.push(mark(MarkPart::Line, None, line_start, line.len()));
            } else if let Some(index) = header_starts
                .iter()
                .position(|&(from, to)| start >= from && start <= to)
            {
                let (from, to) = header_starts[index];
                marks.push(mark(MarkPart::Header, Some(index), from, to - from));
            }
        }
        Shown {
            line,
            headers,
            body: kept,
            marks,
        }
    }

    /// What to keep of a request whose body was not read (too large): its line and headers, masked
    /// by the core as a request without a body.
    pub(super) fn unread(method: &str, target: &str, headers: &[(String, String)]) -> Shown {
        let pairs: Vec<(&str, &str)> = headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let report = eventlint_core::check_request(
            method,
            target,
            &pairs,
            None,
            &eventlint_core::CheckOptions::default(),
        );
        Shown::of(&report.source, None, &[])
    }

    /// The bytes of body text held.
    fn held(&self) -> usize {
        self.body.as_ref().map_or(0, KeptBody::held)
    }
}

impl Record {
    pub(super) fn new(at: DateTime<Utc>) -> Self {
        Record {
            id: 0,
            time: at.to_rfc3339_opts(SecondsFormat::Millis, true),
            at,
            session: None,
            method: String::new(),
            path: String::new(),
            vendor: None,
            kind: None,
            verdict: Verdict::Pass,
            status: 200,
            diagnostics: Vec::new(),
            shown: Shown::default(),
        }
    }
}

/// The requests in memory.
#[derive(Debug, Default)]
pub(super) struct Journal {
    /// The records in the order they were pushed, each with its place in that order (its `seq`,
    /// 1, 2, …: ids are taken before a request is checked, so they may arrive out of order).
    records: VecDeque<(u64, Arc<Record>)>,
    /// The `seq` of the last record pushed.
    pushed: u64,
    /// The id of the last request recorded.
    pub last_id: u64,
    /// How many requests were dropped to keep the journal within [`LIMIT`].
    pub dropped: u64,
    /// The records that still hold a body's text, oldest first, and the bytes they hold.
    bodies: VecDeque<Arc<Record>>,
    body_bytes: usize,
    /// How many resets forgot requests (the page's event stream says so).
    pub resets: u64,
}

impl Journal {
    /// The next request's id.
    pub(super) fn next_id(&mut self) -> u64 {
        self.last_id += 1;
        self.last_id
    }

    pub(super) fn push(&mut self, record: Arc<Record>) {
        if self.records.len() == LIMIT
            && let Some((_, oldest)) = self.records.pop_front()
        {
            self.dropped += 1;
            self.body_bytes -= oldest.shown.body.as_ref().map_or(0, KeptBody::drop_text);
            // It was the oldest of those holding a body, if it held one.
            while self.bodies.front().is_some_and(|r| r.shown.held() == 0) {
                self.bodies.pop_front();
            }
        }
        let held = record.shown.held();
        if held > 0 {
            self.body_bytes += held;
            self.bodies.push_back(Arc::clone(&record));
        }
        self.pushed += 1;
        self.records.push_back((self.pushed, record));
        // The oldest bodies go first (a record dropped above, or reset, holds none).
        while self.body_bytes > BODIES_MAX {
            let Some(oldest) = self.bodies.pop_front() else {
                break;
            };
            self.body_bytes -= oldest.shown.body.as_ref().map_or(0, KeptBody::drop_text);
        }
    }

    /// The request `id`, if the journal still holds it.
    pub(super) fn get(&self, id: u64) -> Option<Arc<Record>> {
        self.records
            .iter()
            .rev()
            .find(|(_, r)| r.id == id)
            .map(|(_, r)| Arc::clone(r))
    }

    /// The ids of the requests held, oldest first.
    pub(super) fn ids(&self) -> Vec<u64> {
        self.records.iter().map(|(_, r)| r.id).collect()
    }

    /// The records pushed after the `seq`-th, each with its `seq`.
    pub(super) fn pushed_after(&self, seq: u64) -> Vec<(u64, Arc<Record>)> {
        let from = self.records.partition_point(|(s, _)| *s <= seq);
        self.records.range(from..).cloned().collect()
    }

    /// The bytes of body text the journal holds.
    pub(super) fn body_bytes(&self) -> usize {
        self.body_bytes
    }

    /// The requests that `filter` keeps, oldest first.
    pub(super) fn matching(&self, filter: &Filter) -> Vec<Arc<Record>> {
        self.records
            .iter()
            .filter(|(_, r)| filter.keeps(r))
            .map(|(_, r)| Arc::clone(r))
            .collect()
    }

    /// Forgets the requests `filter` keeps; how many.
    pub(super) fn remove(&mut self, filter: &Filter) -> usize {
        let before = self.records.len();
        let mut freed = 0;
        self.records.retain(|(_, r)| {
            let keep = !filter.keeps(r);
            if !keep {
                freed += r.shown.body.as_ref().map_or(0, KeptBody::drop_text);
            }
            keep
        });
        self.body_bytes -= freed;
        self.bodies.retain(|r| r.shown.held() > 0);
        let removed = before - self.records.len();
        if removed > 0 {
            self.resets += 1;
        }
        removed
    }
}

/// Where a `since` filter starts.
#[derive(Debug, Clone, Copy)]
enum Since {
    /// After this request id.
    Id(u64),
    /// At or after this time.
    Time(DateTime<Utc>),
}

/// The filters of `/_eventlint/requests`, `wait`, `summary` and `reset`.
#[derive(Debug, Default, Clone)]
pub(super) struct Filter {
    verdict: Option<Verdict>,
    vendor: Option<String>,
    kind: Option<String>,
    rule: Option<String>,
    session: Option<String>,
    since: Option<Since>,
}

/// The query parameters that are filters.
pub(super) const FILTERS: &[&str] = &["verdict", "vendor", "kind", "rule", "session", "since"];

impl Filter {
    /// The filter of a query (`extra` names the other parameters the endpoint takes); the
    /// `X-Eventlint-Session` header is the session unless the query names one.
    pub(super) fn from_query(
        query: &HashMap<String, String>,
        session_header: Option<&str>,
        extra: &[&str],
    ) -> Result<Filter, String> {
        if let Some(unknown) = query
            .keys()
            .find(|k| !FILTERS.contains(&k.as_str()) && !extra.contains(&k.as_str()))
        {
            return Err(format!(
                "unknown query parameter `{unknown}`; the filters are {}",
                FILTERS.join(", ")
            ));
        }
        let verdict = match query.get("verdict").map(String::as_str) {
            None => None,
            Some("pass") => Some(Verdict::Pass),
            Some("fail") => Some(Verdict::Fail),
            Some(other) => return Err(format!("`verdict={other}`: it is `pass` or `fail`")),
        };
        let since = match query.get("since") {
            None => None,
            Some(text) => Some(if let Ok(id) = text.parse::<u64>() {
                Since::Id(id)
            } else {
                let time = DateTime::parse_from_rfc3339(text).map_err(|err| {
                    format!("`since={text}` is neither a request id nor an RFC 3339 time ({err})")
                })?;
                Since::Time(time.with_timezone(&Utc))
            }),
        };
        Ok(Filter {
            verdict,
            vendor: query.get("vendor").map(|v| v.to_ascii_lowercase()),
            kind: query.get("kind").cloned(),
            rule: query.get("rule").cloned(),
            session: query
                .get("session")
                .cloned()
                .or_else(|| session_header.map(str::to_owned)),
            since,
        })
    }

    /// Whether the filter names a session.
    pub(super) fn has_session(&self) -> bool {
        self.session.is_some()
    }

    pub(super) fn keeps(&self, record: &Record) -> bool {
        self.verdict.is_none_or(|v| v == record.verdict)
            && self
                .vendor
                .as_deref()
                .is_none_or(|v| record.vendor == Some(v))
            && self.kind.as_deref().is_none_or(|k| record.kind == Some(k))
            && self
                .rule
                .as_deref()
                .is_none_or(|rule| record.diagnostics.iter().any(|d| d.rule == rule))
            && self
                .session
                .as_deref()
                .is_none_or(|s| record.session.as_deref() == Some(s))
            && match self.since {
                None => true,
                Some(Since::Id(id)) => record.id > id,
                Some(Since::Time(time)) => record.at >= time,
            }
    }
}

/// Counts of requests by verdict, vendor, kind and rule (`/_eventlint/summary`).
#[derive(Debug, Default, Serialize)]
pub(super) struct Summary {
    pub requests: usize,
    pub pass: usize,
    pub fail: usize,
    /// Requests dropped from memory (the journal keeps the newest 10,000).
    pub dropped: u64,
    pub by_vendor: BTreeMap<&'static str, usize>,
    pub by_kind: BTreeMap<&'static str, usize>,
    /// Diagnostics by rule (a request with two findings of a rule counts twice).
    pub by_rule: BTreeMap<&'static str, usize>,
    /// Diagnostics by severity.
    pub by_severity: BTreeMap<&'static str, usize>,
}

impl Summary {
    pub(super) fn of(records: &[Arc<Record>], dropped: u64) -> Summary {
        let mut summary = Summary {
            requests: records.len(),
            dropped,
            ..Summary::default()
        };
        for record in records {
            match record.verdict {
                Verdict::Pass => summary.pass += 1,
                Verdict::Fail => summary.fail += 1,
            }
            *summary
                .by_vendor
                .entry(record.vendor.unwrap_or("(none)"))
                .or_default() += 1;
            *summary
                .by_kind
                .entry(record.kind.unwrap_or("(none)"))
                .or_default() += 1;
            for d in &record.diagnostics {
                *summary.by_rule.entry(d.rule).or_default() += 1;
                *summary.by_severity.entry(d.severity.as_str()).or_default() += 1;
            }
        }
        summary
    }
}

/// The `X-Eventlint-Findings` header: the counts and the rules, at most [`FINDINGS_MAX`] bytes
/// (`2 errors, 1 warning: synerise.event/api-version, ...`, ASCII as a header value must be; `none` when there is nothing).
pub(super) fn findings_header(diagnostics: &[Diagnostic]) -> String {
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let mut counts = Vec::new();
    for (severity, one, many) in [
        (Severity::Error, "error", "errors"),
        (Severity::Warning, "warning", "warnings"),
        (Severity::Info, "info", "infos"),
    ] {
        match count(severity) {
            0 => {}
            1 => counts.push(format!("1 {one}")),
            n => counts.push(format!("{n} {many}")),
        }
    }
    if counts.is_empty() {
        return "none".to_owned();
    }
    let mut rules: Vec<&str> = Vec::new();
    // Errors first, then warnings, then infos; each rule once.
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        for d in diagnostics.iter().filter(|d| d.severity == severity) {
            if !rules.contains(&d.rule) {
                rules.push(d.rule);
            }
        }
    }
    let mut text = format!("{}:", counts.join(", "));
    for (i, rule) in rules.iter().enumerate() {
        let sep = if i == 0 { " " } else { ", " };
        // Room for the rule and, if more follow, ", ...".
        let more = if i + 1 < rules.len() { 5 } else { 0 };
        if text.len() + sep.len() + rule.len() + more > FINDINGS_MAX {
            text.push_str(sep);
            text.push_str("...");
            break;
        }
        text.push_str(sep);
        text.push_str(rule);
    }
    text
}

/// The most bytes of `X-Eventlint-Findings`.
pub(super) const FINDINGS_MAX: usize = 200;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_cut_and_stay_within_their_budget() {
        let mut journal = Journal::default();
        let body = "x".repeat(BODY_KEPT + 10);
        let source =
            format!("POST /v4/events/custom HTTP/1.1\ncontent-type: application/json\n\n{body}");
        let count = BODIES_MAX / BODY_KEPT + 3;
        for _ in 0..count {
            let id = journal.next_id();
            let record = Record {
                id,
                shown: Shown::of(&source, Some(&body), &[]),
                ..Record::new(Utc::now())
            };
            journal.push(Arc::new(record));
        }
        let all = journal.matching(&Filter::default());
        assert_eq!(all.len(), count);
        let held: Vec<usize> = all.iter().map(|r| r.shown.held()).collect();
        // The three oldest lost their texts; the others keep BODY_KEPT bytes each.
        assert_eq!(held[..3], [0, 0, 0]);
        assert!(held[3..].iter().all(|&h| h == BODY_KEPT));
        assert_eq!(journal.body_bytes(), held.iter().sum::<usize>());
        assert!(journal.body_bytes() <= BODIES_MAX);
        let oldest = serde_json::to_value(&*all[0]).unwrap();
        assert_eq!(oldest["body"]["dropped"], true);
        assert_eq!(oldest["body"]["text"], serde_json::Value::Null);
        assert_eq!(oldest["body"]["size"], BODY_KEPT + 10);
        let newest = serde_json::to_value(&*all[count - 1]).unwrap();
        assert_eq!(newest["body"]["truncated"], true);
        assert_eq!(newest["line"], "POST /v4/events/custom HTTP/1.1");
        assert_eq!(newest["headers"][0]["name"], "content-type");
        assert_eq!(journal.remove(&Filter::default()), count);
        assert_eq!(journal.body_bytes(), 0);
    }

    #[test]
    fn findings_header_stays_small() {
        assert_eq!(findings_header(&[]), "none");
        let report = eventlint_core::check_request(
            "POST",
            "/v4/events/custom",
            &[],
            Some(r#"{"action": "a", "label": "l", "client": {}}"#),
            &eventlint_core::CheckOptions::default(),
        );
        let mut diagnostics = report.diagnostics.clone();
        let text = findings_header(&diagnostics);
        assert!(text.contains("synerise.event/api-version"), "{text}");
        for _ in 0..6 {
            diagnostics.extend(report.diagnostics.iter().cloned().map(|mut d| {
                d.rule = "synerise.event/a-long-rule-id-for-the-test";
                d
            }));
        }
        diagnostics.extend(report.diagnostics.iter().cloned().map(|mut d| {
            d.rule = "synerise.event/another-long-rule-id-for-the-test";
            d
        }));
        diagnostics.extend(report.diagnostics.iter().cloned().map(|mut d| {
            d.rule = "synerise.event/a-third-long-rule-id-for-the-test-to-overflow";
            d
        }));
        let text = findings_header(&diagnostics);
        assert!(text.len() <= FINDINGS_MAX, "{} bytes: {text}", text.len());
        assert!(text.ends_with("..."), "{text}");
        assert!(text.is_ascii(), "{text}");
    }
}
