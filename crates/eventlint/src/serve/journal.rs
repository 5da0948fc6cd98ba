//! What `serve` remembers: every request it answered, with its verdict and findings, in memory
//! (the newest [`LIMIT`], the oldest dropped first and counted), and the filters of the
//! inspection API.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::Arc;

use chrono::{DateTime, SecondsFormat, Utc};
use eventlint_core::{Diagnostic, Severity};
use serde::Serialize;

/// How many requests the journal keeps in memory.
pub(super) const LIMIT: usize = 10_000;

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
        }
    }
}

/// The requests in memory.
#[derive(Debug, Default)]
pub(super) struct Journal {
    records: VecDeque<Arc<Record>>,
    /// The id of the last request recorded.
    pub last_id: u64,
    /// How many requests were dropped to keep the journal within [`LIMIT`].
    pub dropped: u64,
}

impl Journal {
    /// The next request's id.
    pub(super) fn next_id(&mut self) -> u64 {
        self.last_id += 1;
        self.last_id
    }

    pub(super) fn push(&mut self, record: Arc<Record>) {
        if self.records.len() == LIMIT {
            self.records.pop_front();
            self.dropped += 1;
        }
        self.records.push_back(record);
    }

    /// The requests that `filter` keeps, oldest first.
    pub(super) fn matching(&self, filter: &Filter) -> Vec<Arc<Record>> {
        self.records
            .iter()
            .filter(|r| filter.keeps(r))
            .cloned()
            .collect()
    }

    /// Forgets the requests `filter` keeps; how many.
    pub(super) fn remove(&mut self, filter: &Filter) -> usize {
        let before = self.records.len();
        self.records.retain(|r| !filter.keeps(r));
        before - self.records.len()
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
