//! eventlint's own request log (`*.requests.ndjson`): one request per line, as a JSON object:
//!
//! ```text
//! {"method": "POST", "url": "https://api.example/v4/events/custom", "headers": [["Content-Type", "application/json"]], "body": "{\"action\":\"x\"}"}
//! {"method": "GET", "path": "/v4/search?q=a", "headers": []}
//! ```
//!
//! `url` (or `path`, for a request without its origin) and `method` are required, `headers` is a
//! list of `[name, value]` pairs, and `body`, a JSON string, is optional (`null` is none).
//! `"credentials": "masked"` says that the credentials' values are masked (as `eventlint serve
//! --log` writes them: see [`RawRequest::credentials_masked`]). Other members are ignored, so
//! that the log may carry more (`serve` writes the request's `id`, `time`, `session`, `verdict`
//! and `status`). Blank lines are skipped.
//!
//! Why hand-written: `serde_json` would deserialize a line but keep no offsets, and a finding
//! in a body must point at its bytes in the log, escapes included. Each line is parsed with
//! `jsonc-parser` (spans), and the body's string is decoded by [`crate::json_string`].
//! [`write()`] and [`write_entry`] make such a line, for `serve`'s log.

use std::ops::Range;

use jsonc_parser::CollectOptions;
use jsonc_parser::ast::{ObjectProp, Value};
use jsonc_parser::common::Ranged;
use serde::Serialize;

use crate::har::{strict, trimmed};
use crate::json_string::decode_at;
use crate::{Body, BodySource, Header, Item, Problem, RawRequest, ReadContext, Spanned};

/// Reads every request of the request log `text`, one [`Item`] per line that is not blank, with
/// spans absolute in `text`. A line that is not a request object is a fatal [`Problem`] (at the
/// line, or at the member that is wrong) naming what is missing or wrong, and the next line is
/// read. A request's `ordinal` counts the lines that are not blank (1 for the first request,
/// even after blank lines). `ctx` is not needed: bodies are written in the log.
#[must_use]
pub fn read(text: &str, ctx: &ReadContext) -> Vec<Item> {
    let _ = ctx;
    let mut items = Vec::new();
    let mut ordinal = 0;
    let mut start = 0;
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        let mut line_start = start;
        start += raw.len();
        let mut line = raw.strip_suffix('\n').unwrap_or(raw);
        line = line.strip_suffix('\r').unwrap_or(line);
        if line_start == 0
            && let Some(rest) = line.strip_prefix('\u{feff}')
        {
            line = rest;
            line_start = '\u{feff}'.len_utf8();
        }
        if line.trim().is_empty() {
            continue;
        }
        ordinal += 1;
        items.push(match read_line(line, line_start, index + 1, ordinal) {
            Ok(request) => Item::Request(request),
            Err(problem) => Item::Problem(problem),
        });
    }
    items
}

/// The request on one line (`line`, written in the file from byte `start` on, line number
/// `number`).
fn read_line(
    line: &str,
    start: usize,
    number: usize,
    ordinal: usize,
) -> Result<RawRequest, Problem> {
    let abs = |range: jsonc_parser::common::Range| start + range.start..start + range.end;
    let lead = line.len() - line.trim_start().len();
    let line_span = start + lead..start + line.trim_end().len();
    let fail = |what: String, span: Range<usize>| Problem {
        message: format!("line {number} of the request log {what}"),
        help: HELP.to_owned(),
        span,
        fatal: true,
    };
    let value = match jsonc_parser::parse_to_ast(line, &CollectOptions::default(), &strict()) {
        Ok(parsed) => parsed.value,
        Err(e) => return Err(fail(format!("is not JSON: {}", e.kind()), line_span)),
    };
    let Some(Value::Object(object)) = value else {
        return Err(fail("is not a JSON object".to_owned(), line_span));
    };
    let string = |prop: &ObjectProp<'_>| match &prop.value {
        Value::StringLit(lit) => Ok(Spanned::new(lit.value.to_string(), abs(lit.range))),
        other => Err(fail(
            format!("has a `{}` that is not a string", prop.name.as_str()),
            abs(other.range()),
        )),
    };
    let method = match object.get("method").map(string) {
        Some(Ok(method)) => method,
        Some(Err(problem)) => return Err(problem),
        None => return Err(fail("has no `method`".to_owned(), line_span)),
    };
    let url = match object.get("url").or_else(|| object.get("path")).map(string) {
        Some(Ok(url)) => url,
        Some(Err(problem)) => return Err(problem),
        None => return Err(fail("has no `url` (or `path`)".to_owned(), line_span)),
    };
    let mut headers = Vec::new();
    match object.get("headers").map(|prop| &prop.value) {
        None | Some(Value::NullKeyword(_)) => {}
        Some(Value::Array(list)) => {
            for (i, element) in list.elements.iter().enumerate() {
                let pair = match element {
                    Value::Array(pair) => match pair.elements.as_slice() {
                        [Value::StringLit(name), Value::StringLit(value)] => Some((name, value)),
                        _ => None,
                    },
                    _ => None,
                };
                let Some((name, value)) = pair else {
                    return Err(fail(
                        format!(
                            "has a header (#{}) that is not a `[name, value]` pair of strings",
                            i + 1
                        ),
                        abs(element.range()),
                    ));
                };
                headers.push(Header {
                    name: Spanned::new(name.value.to_string(), abs(name.range)),
                    value: trimmed(line, start, value),
                    span: abs(element.range()),
                });
            }
        }
        Some(other) => {
            return Err(fail(
                "has `headers` that are not a list of `[name, value]` pairs".to_owned(),
                abs(other.range()),
            ));
        }
    }
    let body = match object.get("body").map(|prop| &prop.value) {
        None | Some(Value::NullKeyword(_)) => None,
        Some(Value::StringLit(lit)) => {
            let span = abs(lit.range);
            let raw = line.get(lit.range.start..lit.range.end).unwrap_or_default();
            match decode_at(raw, span.start) {
                Ok((text, map)) => Some(Body {
                    text,
                    source: BodySource::Inline(map),
                    span,
                }),
                Err(problem) => return Err(problem),
            }
        }
        Some(other) => {
            return Err(fail(
                "has a `body` that is not a string".to_owned(),
                abs(other.range()),
            ));
        }
    };
    // Any other value (or none) is a log whose credentials are as they were sent.
    let credentials_masked = matches!(
        object.get("credentials").map(|prop| &prop.value),
        Some(Value::StringLit(lit)) if lit.value == "masked"
    );
    Ok(RawRequest {
        ordinal,
        method,
        url,
        headers,
        body,
        span: abs(object.range),
        problems: Vec::new(),
        credentials_stripped: false,
        credentials_masked,
    })
}

const HELP: &str = "each line of a request log is one JSON object: {\"method\": \"POST\", \"url\": \
                    \"https://…\" (or \"path\": \"/…\"), \"headers\": [[\"Name\", \"value\"]], \
                    \"body\": \"…\"}";

/// One line of the request log, as [`write_entry`] makes it.
#[derive(Serialize)]
struct Line<'a> {
    method: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    headers: Vec<[&'a str; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credentials: Option<&'a str>,
}

/// The members [`read`] reads, which [`Entry::extra`] may not name.
const READ_MEMBERS: &[&str] = &["method", "url", "path", "headers", "body", "credentials"];

/// A request as the log keeps it, for [`write_entry`].
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The method, as sent.
    pub method: &'a str,
    /// The URL, or the path with its query.
    pub url: &'a str,
    /// The headers, in order.
    pub headers: &'a [(String, String)],
    /// The body, if any.
    pub body: Option<&'a str>,
    /// The credentials' values are masked: the line says `"credentials": "masked"`.
    pub credentials_masked: bool,
    /// Members written after the request's (`id`, `time`, `verdict`, …), which [`read`]
    /// ignores; one that names a member [`read`] reads (`method`, `url`, `path`, `headers`,
    /// `body`, `credentials`) is left out.
    pub extra: &'a [(&'a str, serde_json::Value)],
}

/// One line of the request log for a request (with its `\n`): `url` is written as `path` when
/// it is one (`/v4/…`), and the body is left out when there is none. [`read`] reads it back.
#[must_use]
pub fn write(method: &str, url: &str, headers: &[(String, String)], body: Option<&str>) -> String {
    write_entry(&Entry {
        method,
        url,
        headers,
        body,
        credentials_masked: false,
        extra: &[],
    })
}

/// One line of the request log for `entry` (with its `\n`, and no other): as [`write()`], with
/// `"credentials": "masked"` when the credentials are, then the extra members.
#[must_use]
pub fn write_entry(entry: &Entry<'_>) -> String {
    let is_path = entry.url.starts_with('/');
    let line = Line {
        method: entry.method,
        url: (!is_path).then_some(entry.url),
        path: is_path.then_some(entry.url),
        headers: entry
            .headers
            .iter()
            .map(|(name, value)| [name.as_str(), value.as_str()])
            .collect(),
        body: entry.body,
        credentials: entry.credentials_masked.then_some("masked"),
    };
    // Strings only: serializing cannot fail (an empty object would still read as no request).
    let mut text = serde_json::to_string(&line).unwrap_or_else(|_| "{}".to_owned());
    // The object stays open for the extra members (compact JSON: no newline in them).
    text.pop();
    for (name, value) in entry.extra {
        if READ_MEMBERS.contains(name) {
            continue;
        }
        text.push(',');
        text.push_str(&serde_json::Value::from(*name).to_string());
        text.push(':');
        text.push_str(&value.to_string());
    }
    text.push_str("}\n");
    text
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::{Entry, read, write, write_entry};
    use crate::json_string::tests::xorshift;
    use crate::{BodySource, Item, Problem, RawRequest, ReadContext};

    fn read_str(text: &str) -> Vec<Item> {
        read(text, &ReadContext::default())
    }

    fn request(item: &Item) -> &RawRequest {
        match item {
            Item::Request(request) => request,
            Item::Problem(problem) => panic!("a request, not {problem:?}"),
        }
    }

    fn problem(item: &Item) -> &Problem {
        match item {
            Item::Problem(problem) => problem,
            Item::Request(request) => panic!("a problem, not {request:?}"),
        }
    }

    const LOG: &str = concat!(
        r#"{"method": "POST", "url": "https://api.example/v4/events/custom", "headers": [["Content-Type", "application/json"], ["X-Key", " k "]], "body": "{\"action\":\"x\",\"n\":\"caf\u00e9\"}"}"#,
        "\n\n  \r\n",
        r#"{"method": "GET", "path": "/v4/search?q=a", "headers": [], "time": 17}"#,
        "\r\n",
        r#"{"method": "DELETE", "url": "/v4/x", "body": null}"#,
    );

    #[test]
    fn each_line_is_a_request_with_absolute_spans() {
        let items = read_str(LOG);
        assert_eq!(items.len(), 3, "{items:#?}");
        let post = request(&items[0]);
        assert_eq!(post.ordinal, 1);
        assert_eq!(&LOG[post.method.span.clone()], "\"POST\"");
        assert_eq!(post.url.value, "https://api.example/v4/events/custom");
        assert_eq!(post.headers.len(), 2);
        assert_eq!(
            &LOG[post.headers[0].span.clone()],
            r#"["Content-Type", "application/json"]"#
        );
        assert_eq!(&LOG[post.headers[0].name.span.clone()], "\"Content-Type\"");
        assert_eq!(post.headers[1].value.value, "k");
        assert_eq!(&LOG[post.headers[1].value.span.clone()], "k");
        assert!(!post.credentials_stripped);
        let body = post.body.as_ref().unwrap();
        assert_eq!(body.text, r#"{"action":"x","n":"café"}"#);
        let BodySource::Inline(map) = &body.source else {
            panic!("an inline body");
        };
        let at = body.text.find("café").unwrap();
        assert_eq!(&LOG[map.file_range(at..at + "café".len())], r"caf\u00e9");
        assert_eq!(&LOG[post.span.clone()], LOG.lines().next().unwrap());

        let get = request(&items[1]);
        assert_eq!(get.ordinal, 2);
        assert_eq!(get.url.value, "/v4/search?q=a");
        assert_eq!(&LOG[get.url.span.clone()], "\"/v4/search?q=a\"");
        assert!(get.headers.is_empty());
        assert!(get.body.is_none());
        assert!(!LOG[get.span.clone()].ends_with('\r'));

        let delete = request(&items[2]);
        assert_eq!(delete.ordinal, 3);
        assert!(delete.body.is_none());
    }

    #[test]
    fn a_line_that_is_not_a_request_says_what_is_wrong() {
        let lines = [
            (
                "not json",
                "line 1 of the request log is not JSON",
                "not json",
            ),
            (
                "[1]",
                "line 2 of the request log is not a JSON object",
                "[1]",
            ),
            (
                r#"{"url": "/a"}"#,
                "line 3 of the request log has no `method`",
                r#"{"url": "/a"}"#,
            ),
            (
                r#"{"method": "GET"}"#,
                "line 4 of the request log has no `url` (or `path`)",
                r#"{"method": "GET"}"#,
            ),
            (
                r#"{"method": 1, "url": "/"}"#,
                "line 5 of the request log has a `method` that is not a string",
                "1",
            ),
            (
                r#"{"method": "GET", "path": ["/"]}"#,
                "line 6 of the request log has a `path` that is not a string",
                r#"["/"]"#,
            ),
            (
                r#"{"method": "GET", "url": "/", "headers": {"a": "b"}}"#,
                "line 7 of the request log has `headers` that are not a list",
                r#"{"a": "b"}"#,
            ),
            (
                r#"{"method": "GET", "url": "/", "headers": [["a", "b"], ["c"]]}"#,
                "line 8 of the request log has a header (#2) that is not",
                r#"["c"]"#,
            ),
            (
                r#"{"method": "GET", "url": "/", "body": {}}"#,
                "line 9 of the request log has a `body` that is not a string",
                "{}",
            ),
            (
                r#"{"method": "GET", "url": "/",}"#,
                "line 10 of the request log is not JSON",
                r#"{"method": "GET", "url": "/",}"#,
            ),
        ];
        let mut text = String::new();
        for (line, _, _) in &lines {
            text.push_str(line);
            text.push('\n');
        }
        text.push_str(r#"{"method": "GET", "url": "/ok"}"#);
        let items = read_str(&text);
        assert_eq!(items.len(), lines.len() + 1);
        for (item, (_, message, at)) in items.iter().zip(lines) {
            let problem = problem(item);
            assert!(problem.fatal);
            assert!(problem.message.starts_with(message), "{problem:?}");
            assert_eq!(&text[problem.span.clone()], at);
        }
        assert_eq!(request(&items[lines.len()]).ordinal, lines.len() + 1);
    }

    #[test]
    fn a_written_line_reads_back() {
        type Case<'a> = (&'a str, &'a str, Vec<(String, String)>, Option<&'a str>);
        let cases: &[Case<'_>] = &[
            (
                "POST",
                "https://api.example/v4/events/custom",
                vec![
                    ("Content-Type".to_owned(), "application/json".to_owned()),
                    ("X-Quote".to_owned(), "a \"b\" \\ é".to_owned()),
                ],
                Some("{\"action\": \"x\",\n \"label\": \"café 😀\\u0000\", \"t\": \"\t\"}"),
            ),
            ("GET", "/v4/search?q=a&b=%20", vec![], None),
            ("PUT", "/v4/x", vec![], Some("")),
        ];
        let mut log = String::new();
        for (method, url, headers, body) in cases {
            let line = write(method, url, headers, *body);
            assert!(line.ends_with('\n'));
            assert_eq!(line.matches('\n').count(), 1, "{line}");
            log.push_str(&line);
        }
        assert!(log.contains(r#""path":"/v4/search?q=a&b=%20""#));
        let items = read_str(&log);
        assert_eq!(items.len(), cases.len());
        for (item, (method, url, headers, body)) in items.iter().zip(cases) {
            let request = request(item);
            assert_eq!(&request.method.value, method);
            assert_eq!(&request.url.value, url);
            let read_headers: Vec<(String, String)> = request
                .headers
                .iter()
                .map(|h| (h.name.value.clone(), h.value.value.clone()))
                .collect();
            assert_eq!(&read_headers, headers);
            assert_eq!(request.body.as_ref().map(|b| b.text.as_str()), *body);
            if let Some(read_body) = &request.body {
                let BodySource::Inline(map) = &read_body.source else {
                    panic!("an inline body");
                };
                // Each character of the body maps into its literal.
                for (at, ch) in read_body.text.char_indices() {
                    let span = map.file_range(at..at + ch.len_utf8());
                    assert!(read_body.span.start < span.start && span.end < read_body.span.end);
                    let written = &log[span];
                    assert!(
                        written == ch.to_string() || written.starts_with('\\'),
                        "{written}"
                    );
                }
            }
        }
    }

    #[test]
    fn extra_members_are_written_after_and_ignored_and_masked_credentials_are_said() {
        let headers = vec![("Authorization".to_owned(), "Bearer eyJh****".to_owned())];
        let extra = [
            ("id", serde_json::json!(7)),
            ("verdict", serde_json::json!("fail")),
            ("body", serde_json::json!("not the body")),
            ("rules", serde_json::json!(["a/b", "c\nd"])),
        ];
        let line = write_entry(&Entry {
            method: "POST",
            url: "/v4/events/custom",
            headers: &headers,
            body: Some("{}"),
            credentials_masked: true,
            extra: &extra,
        });
        assert_eq!(line.matches('\n').count(), 1, "{line}");
        assert!(
            line.ends_with(
                r#","credentials":"masked","id":7,"verdict":"fail","rules":["a/b","c\nd"]}
"#
            ),
            "{line}"
        );
        let value: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(value["body"], "{}");
        let items = read_str(&line);
        let masked = request(&items[0]);
        assert!(masked.credentials_masked);
        assert_eq!(masked.body.as_ref().unwrap().text, "{}");
        assert_eq!(masked.headers[0].value.value, "Bearer eyJh****");
        let plain = read_str(&write("POST", "/x", &headers, None));
        assert!(!request(&plain[0]).credentials_masked);
        let other = read_str(r#"{"method": "GET", "path": "/", "credentials": "clear"}"#);
        assert!(!request(&other[0]).credentials_masked);
    }

    #[test]
    fn no_input_makes_it_panic() {
        let mut inputs = vec![LOG.to_owned()];
        let mut seed = 0xD1B5_4A32_D192_ED03_u64;
        let alphabet = [
            "{",
            "}",
            "[",
            "]",
            "\"",
            "\\",
            ":",
            ",",
            " ",
            "\n",
            "\r",
            "\"method\":\"GET\"",
            "\"url\":\"/\"",
            "\"headers\":[[\"a\",\"b\"]]",
            "\"body\":\"",
            "\\u00e9",
            "é",
            "😀",
            "\u{feff}",
            "null",
            "1",
        ];
        for _ in 0..3000 {
            let len = (xorshift(&mut seed) % 30) as usize;
            inputs.push(
                (0..len)
                    .map(|_| alphabet[(xorshift(&mut seed) as usize) % alphabet.len()])
                    .collect(),
            );
        }
        for input in &inputs {
            for (end, _) in input.char_indices().chain([(input.len(), ' ')]) {
                let prefix = &input[..end];
                for item in read_str(prefix) {
                    let span = match &item {
                        Item::Problem(problem) => problem.span.clone(),
                        Item::Request(request) => request.span.clone(),
                    };
                    assert!(prefix.get(span.clone()).is_some(), "{prefix:?}: {span:?}");
                }
            }
        }
    }
}
