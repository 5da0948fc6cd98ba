//! Unit tests of the HAR reader: streaming, creators, entries, headers, bodies, problems.

#![allow(clippy::unwrap_used)]

use std::io::Read;

use super::{Entries, read};
use crate::json_string::tests::xorshift;
use crate::{BodySource, Item, Problem, RawRequest, ReadContext};

/// A HAR as Chrome's devtools export it (trimmed): a GET over HTTP/2, then a POST with a JSON
/// body written as a JSON string.
const CHROME: &str = r#"{
  "log": {
    "version": "1.2",
    "creator": {"name": "WebInspector", "version": "537.36"},
    "pages": [{"id": "page_1", "title": "https://shop.example/ \"quoted\" ]}", "pageTimings": {}}],
    "entries": [
      {
        "_initiator": {"type": "script", "stack": {"callFrames": [{"url": "https://x/[a]{b}"}]}},
        "request": {
          "method": "GET",
          "url": "https://api.example/v4/search?q=caf\u00e9",
          "httpVersion": "http/2.0",
          "headers": [
            {"name": ":authority", "value": "api.example"},
            {"name": "accept", "value": "application/json"}
          ],
          "queryString": [{"name": "q", "value": "café"}],
          "cookies": [], "headersSize": -1, "bodySize": 0
        },
        "response": {"status": 200, "content": {"size": 2, "mimeType": "application/json", "text": "{}"}}
      },
      {
        "request": {
          "method": "POST",
          "url": "https://api.example/v4/events/custom",
          "headers": [
            {"name": "Content-Type", "value": "application/json"},
            {"name": "X-Api-Key", "value": "  k\u00e9y  "}
          ],
          "postData": {"mimeType": "application/json", "text": "{\"action\":\"x\",\"label\":\"caf\u00e9 😀\"}"}
        },
        "response": {"status": 204, "content": {"size": 0, "mimeType": "x-unknown", "text": ""}}
      }
    ]
  }
}"#;

/// A HAR as mitmproxy's exporter writes it.
const MITMPROXY: &str = r#"{"log": {"version": "1.2", "creator": {"name": "mitmproxy", "version": "11.0.0", "comment": ""}, "pages": [], "entries": [{"startedDateTime": "2024-05-01T10:00:00+00:00", "time": 12.5, "request": {"method": "POST", "url": "http://localhost:8080/v4/events/custom", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [{"name": "Authorization", "value": "Bearer t"}, {"name": "Content-Type", "value": "application/json"}], "queryString": [], "headersSize": 120, "bodySize": 13, "postData": {"mimeType": "application/json", "text": "{\"a\": [1, 2]}", "params": []}}, "response": {"status": 200, "content": {"size": 8, "compression": 0, "mimeType": "text/plain", "text": "b2s=", "encoding": "base64"}}, "cache": {}, "timings": {"send": 0, "wait": 1, "receive": 0}}]}}"#;

fn requests(items: &[Item]) -> Vec<&RawRequest> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Request(request) => Some(request),
            Item::Problem(_) => None,
        })
        .collect()
}

fn problems(items: &[Item]) -> Vec<&Problem> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Problem(problem) => Some(problem),
            Item::Request(_) => None,
        })
        .collect()
}

fn read_str(text: &str) -> Vec<Item> {
    read(text, &ReadContext::default())
}

/// A reader that gives one byte at a time (and an interruption now and then).
struct OneByte<'a> {
    bytes: &'a [u8],
    calls: usize,
}

impl Read for OneByte<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.calls += 1;
        if self.calls.is_multiple_of(7) {
            return Err(std::io::ErrorKind::Interrupted.into());
        }
        match (self.bytes.split_first(), buf.first_mut()) {
            (Some((&b, rest)), Some(slot)) => {
                *slot = b;
                self.bytes = rest;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}

fn read_one_byte_at_a_time(text: &str) -> Vec<Item> {
    Entries::new(OneByte {
        bytes: text.as_bytes(),
        calls: 0,
    })
    .collect()
}

#[test]
fn a_chrome_har_gives_its_requests_with_absolute_spans() {
    let items = read_str(CHROME);
    assert!(problems(&items).is_empty(), "{items:#?}");
    let requests = requests(&items);
    assert_eq!(requests.len(), 2);

    let get = requests[0];
    assert_eq!(get.ordinal, 1);
    assert_eq!(get.method.value, "GET");
    assert_eq!(&CHROME[get.method.span.clone()], "\"GET\"");
    assert_eq!(get.url.value, "https://api.example/v4/search?q=café");
    assert_eq!(
        &CHROME[get.url.span.clone()],
        r#""https://api.example/v4/search?q=caf\u00e9""#
    );
    // The HTTP/2 pseudo-header is left out.
    assert_eq!(get.headers.len(), 1);
    assert_eq!(get.headers[0].name.value, "accept");
    assert_eq!(
        &CHROME[get.headers[0].span.clone()],
        r#"{"name": "accept", "value": "application/json"}"#
    );
    assert!(get.body.is_none());
    assert!(get.credentials_stripped);
    assert!(CHROME[get.span.clone()].starts_with("{\n        \"_initiator\""));
    assert!(CHROME[get.span.clone()].ends_with('}'));

    let post = requests[1];
    assert_eq!(post.ordinal, 2);
    assert_eq!(post.method.value, "POST");
    assert_eq!(post.url.value, "https://api.example/v4/events/custom");
    assert_eq!(post.headers.len(), 2);
    let content_type = &post.headers[0];
    assert_eq!(&CHROME[content_type.name.span.clone()], "\"Content-Type\"");
    assert_eq!(
        &CHROME[content_type.value.span.clone()],
        "\"application/json\""
    );
    // A value is trimmed, and spanned at what is kept.
    let key = &post.headers[1];
    assert_eq!(key.value.value, "kéy");
    assert_eq!(&CHROME[key.value.span.clone()], r"k\u00e9y");

    let body = post.body.as_ref().unwrap();
    assert_eq!(body.text, r#"{"action":"x","label":"café 😀"}"#);
    assert_eq!(
        &CHROME[body.span.clone()],
        r#""{\"action\":\"x\",\"label\":\"caf\u00e9 😀\"}""#
    );
    let BodySource::Inline(map) = &body.source else {
        panic!("an inline body");
    };
    let find = |part: &str| {
        let at = body.text.find(part).unwrap();
        &CHROME[map.file_range(at..at + part.len())]
    };
    assert_eq!(find("action"), "action");
    assert_eq!(find("\"x\""), r#"\"x\""#);
    assert_eq!(find("café"), r"caf\u00e9");
    assert_eq!(find("😀"), "😀");
    assert_eq!(
        map.file_range(0..body.text.len()),
        body.span.start + 1..body.span.end - 1
    );
}

#[test]
fn a_mitmproxy_har_keeps_credentials() {
    let items = read_str(MITMPROXY);
    let requests = requests(&items);
    assert_eq!(requests.len(), 1, "{items:#?}");
    let request = requests[0];
    assert!(!request.credentials_stripped);
    assert_eq!(request.headers[0].value.value, "Bearer t");
    assert_eq!(request.body.as_ref().unwrap().text, r#"{"a": [1, 2]}"#);
    // The response's base64 content is none of the request's business.
    assert!(request.problems.is_empty());
}

#[test]
fn the_creator_decides_whether_credentials_were_stripped() {
    let har = |creator: &str| {
        format!(
            r#"{{"log": {{"creator": {{"name": {creator}}}, "entries": [{{"request": {{"method": "GET", "url": "/"}}}}]}}}}"#
        )
    };
    for (creator, stripped) in [
        (r#""WebInspector""#, true),
        (r#""Firefox""#, true),
        (r#""WebKit Web Inspector""#, true),
        (r#""Charles Proxy""#, false),
        (r#""Fiddler""#, false),
        (r#""Proxyman""#, false),
        (r#""Insomnia""#, false),
        (r#""HTTP Toolkit""#, false),
        (r#""\u006ditmproxy""#, false),
        (r#""Some Exporter""#, true),
        ("7", true),
    ] {
        let items = read_str(&har(creator));
        let requests = requests(&items);
        assert_eq!(requests.len(), 1, "{creator}: {items:#?}");
        assert_eq!(requests[0].credentials_stripped, stripped, "{creator}");
    }
}

#[test]
fn a_creator_after_the_entries_is_not_known_in_time() {
    let text = r#"{"log": {"version": "1.2", "entries": [{"request": {"method": "GET", "url": "https://a/"}}], "creator": {"name": "mitmproxy"}}}"#;
    let items = read_str(text);
    let requests = requests(&items);
    assert_eq!(requests.len(), 1, "{items:#?}");
    assert!(requests[0].credentials_stripped);
    assert!(problems(&items).is_empty());
}

#[test]
fn members_before_the_entries_are_skipped_whatever_they_hold() {
    let text = "\u{feff}{\"comment\": \"a \\\" ] } \\\\\", \"x\": [[{\"}\": []}], -1.5e3, true, null], \
                    \"log\": {\"pages\": [{\"t\": \"[{\"}], \"_custom\": {\"entries\": 1}, \
                    \"entries\": [{\"request\": {\"method\": \"GET\", \"url\": \"https://a/\"}}]}, \"z\": 0}";
    let items = read_str(text);
    let requests = requests(&items);
    assert_eq!(requests.len(), 1, "{items:#?}");
    assert_eq!(&text[requests[0].url.span.clone()], "\"https://a/\"");
    assert!(problems(&items).is_empty(), "{items:#?}");
}

#[test]
fn one_byte_at_a_time_reads_the_same_items() {
    for text in [
        CHROME,
        MITMPROXY,
        &CHROME[..CHROME.len() / 2],
        "{\"log\": 1}",
        "nope",
        "\u{feff}{\"log\": {\"entries\": [{\"request\": {\"method\": \"GET\", \"url\": \"/\"}}]}}",
    ] {
        assert_eq!(read_one_byte_at_a_time(text), read_str(text));
        let with_bom = format!("\u{feff}{text}");
        assert_eq!(read_one_byte_at_a_time(&with_bom), read_str(&with_bom));
    }
}

fn only_problem(text: &str) -> Problem {
    let items = read_str(text);
    assert_eq!(items.len(), 1, "{text}: {items:#?}");
    problems(&items)[0].clone()
}

#[test]
fn a_file_that_is_not_json_says_so() {
    for text in [
        "hello world",
        "<html></html>",
        "{\"log\": {\"entries\": [] } ] }",
        "{'log': 1}",
        "{\"log\"; 1}",
    ] {
        let problem = only_problem(text);
        assert!(problem.fatal);
        assert!(
            problem.message.starts_with("not JSON"),
            "{text}: {problem:?}"
        );
        assert!(text.get(problem.span.clone()).is_some());
    }
    assert_eq!(only_problem("hello world").span, 0..1);
    assert_eq!(only_problem("<html></html>").span, 0..1);
    assert_eq!(only_problem("  é").span, 2..4);
}

#[test]
fn json_without_log_entries_is_not_a_har() {
    for (text, message) in [
        ("{}", "not a HAR: no `log.entries`"),
        (
            r#"{"log": {"version": "1.2"}}"#,
            "not a HAR: no `log.entries`",
        ),
        (r#"{"entries": []}"#, "not a HAR: no `log.entries`"),
        (
            "[1, 2]",
            "not a HAR: no `log.entries` (the file is JSON, but not an object)",
        ),
        (
            "\"log\"",
            "not a HAR: no `log.entries` (the file is JSON, but not an object)",
        ),
        (r#"{"log": []}"#, "not a HAR: `log` is not an object"),
        (
            r#"{"log": {"entries": {}}}"#,
            "not a HAR: `log.entries` is not an array",
        ),
        ("", "not a HAR: the file is empty"),
        ("  \n", "not a HAR: the file is empty"),
    ] {
        let problem = only_problem(text);
        assert!(problem.fatal);
        assert_eq!(problem.message, message, "{text}");
    }
    assert_eq!(only_problem(r#"{"log": {"entries": {}}}"#).span, 20..22);
    assert_eq!(only_problem(r#"{"log": []}"#).span, 8..10);
}

#[test]
fn an_empty_capture_has_no_items() {
    assert!(read_str(r#"{"log": {"entries": []}}"#).is_empty());
}

#[test]
fn a_truncated_file_gives_what_it_has_and_says_where_it_ends() {
    // Cut inside the second entry.
    let second = CHROME.find("{\n        \"request\"").unwrap();
    let cut = &CHROME[..second + 40];
    let items = read_str(cut);
    assert_eq!(requests(&items).len(), 1, "{items:#?}");
    let problem = problems(&items)[0];
    assert!(problem.fatal);
    assert_eq!(problem.message, "the HAR is truncated: entry 2 has no end");
    assert_eq!(problem.span, second..cut.len());

    // Cut after the entries.
    let end = CHROME.rfind(']').unwrap() + 1;
    let items = read_str(&CHROME[..end]);
    assert_eq!(requests(&items).len(), 2);
    let problem = problems(&items)[0];
    assert!(problem.message.starts_with("the HAR is truncated"));
    assert_eq!(problem.span, end..end);

    // Cut between entries.
    let items = read_str(&CHROME[..second - 1]);
    assert_eq!(requests(&items).len(), 1);
    assert!(
        problems(&items)[0]
            .message
            .starts_with("the HAR is truncated")
    );
}

#[test]
fn a_bad_entry_is_a_problem_at_its_range_and_the_rest_is_read() {
    let entries = [
        r#"{"response": {}}"#,
        r#"{"request": {"url": "/a"}}"#,
        r#"{"request": {"method": "GET"}}"#,
        r#"{"request": {"method": "GET", "url": "/b",}}"#,
        "[]",
        "17",
        r#"{"request": {"method": "GET", "url": "/ok", "headers": [{"name": "a"}, 3, {"name": "b", "value": "c"}]}}"#,
    ];
    let text = format!(r#"{{"log": {{"entries": [{}]}}}}"#, entries.join(", "));
    let items = read_str(&text);
    assert_eq!(items.len(), entries.len(), "{items:#?}");
    let messages = [
        "entry 1 of the HAR has no `request` object",
        "entry 2 of the HAR has no `request.method` string",
        "entry 3 of the HAR has no `request.url` string",
        "entry 4 is not JSON",
        "entry 5 of the HAR is not an object",
        "entry 6 of the HAR is not an object",
    ];
    for (i, message) in messages.iter().enumerate() {
        let Item::Problem(problem) = &items[i] else {
            panic!("entry {} is a problem: {:?}", i + 1, items[i]);
        };
        assert!(problem.fatal);
        assert!(problem.message.starts_with(message), "{problem:?}");
        let span = &text[problem.span.clone()];
        if i == 1 || i == 2 {
            // The request object.
            assert!(entries[i].contains(span), "{span}");
        } else {
            assert_eq!(span, entries[i]);
        }
    }
    let Item::Request(last) = &items[6] else {
        panic!("the last entry is read");
    };
    assert_eq!(last.ordinal, 7);
    assert_eq!(last.headers.len(), 1);
    assert_eq!(last.problems.len(), 2);
    assert!(last.problems.iter().all(|p| !p.fatal));
    assert_eq!(&text[last.problems[1].span.clone()], "3");
}

#[test]
fn a_base64_body_is_not_decoded_and_says_so() {
    for post in [
        r#"{"mimeType": "application/json", "text": "e30=", "encoding": "base64"}"#,
        r#"{"mimeType": "application/json", "text": "e30=", "_encoding": "base64"}"#,
        r#"{"mimeType": "application/json", "text": "e30=", "_base64": true}"#,
    ] {
        let text = format!(
            r#"{{"log": {{"entries": [{{"request": {{"method": "POST", "url": "/e", "postData": {post}}}}}]}}}}"#
        );
        let items = read_str(&text);
        let requests = requests(&items);
        assert_eq!(requests.len(), 1, "{items:#?}");
        assert!(requests[0].body.is_none());
        let problem = &requests[0].problems[0];
        assert!(!problem.fatal);
        assert_eq!(&text[problem.span.clone()], "\"e30=\"");
    }
}

#[test]
fn the_mime_type_does_not_make_a_header() {
    let text = r#"{"log": {"entries": [{"request": {"method": "POST", "url": "/e", "headers": [], "postData": {"mimeType": "application/json", "text": "{}"}}}]}}"#;
    let items = read_str(text);
    let requests = requests(&items);
    assert!(requests[0].headers.is_empty());
    assert_eq!(requests[0].body.as_ref().unwrap().text, "{}");
}

/// A HAR of `count` entries, made as it is read.
struct Generated {
    count: usize,
    next: usize,
    pending: Vec<u8>,
    at: usize,
    done: bool,
}

impl Generated {
    fn new(count: usize) -> Self {
        Generated {
                count,
                next: 0,
                pending: br#"{"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "1"}, "entries": ["#.to_vec(),
                at: 0,
                done: false,
            }
    }
}

impl Read for Generated {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.pending.len() {
            if self.done {
                return Ok(0);
            }
            self.pending.clear();
            self.at = 0;
            if self.next == self.count {
                self.pending.extend_from_slice(b"]}}\n");
                self.done = true;
            } else {
                if self.next > 0 {
                    self.pending.push(b',');
                }
                let i = self.next;
                self.pending.extend_from_slice(
                        format!(
                            r#"{{"request": {{"method": "POST", "url": "https://api.example/v4/events/{i}", "headers": [{{"name": "Content-Type", "value": "application/json"}}], "postData": {{"mimeType": "application/json", "text": "{{\"i\": {i}, \"s\": \"a\\\"b\"}}"}}}}, "response": {{"status": 200, "content": {{"text": "{{}}"}}}}}}"#
                        )
                        .as_bytes(),
                    );
                self.next += 1;
            }
        }
        let n = buf.len().min(self.pending.len() - self.at);
        buf[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[test]
fn memory_does_not_grow_with_the_number_of_entries() {
    const COUNT: usize = 200_000;
    let mut entries = Entries::new(Generated::new(COUNT));
    let mut seen = 0;
    let mut largest = 0;
    let mut last_end = 0;
    while let Some(item) = entries.next() {
        largest = largest.max(entries.buffer_capacity());
        let Item::Request(request) = item else {
            panic!("entry {} is a request: {item:?}", seen + 1);
        };
        seen += 1;
        assert_eq!(request.ordinal, seen);
        assert!(request.span.start > last_end);
        last_end = request.span.end;
        if seen == COUNT {
            assert_eq!(
                request.url.value,
                format!("https://api.example/v4/events/{}", COUNT - 1)
            );
            assert_eq!(
                request.body.unwrap().text,
                format!(r#"{{"i": {}, "s": "a\"b"}}"#, COUNT - 1)
            );
        }
    }
    assert_eq!(seen, COUNT);
    // The file is about 50 MB; the buffer holds one entry and a chunk or two.
    assert!(last_end > 40_000_000, "{last_end}");
    assert!(largest <= 4 * super::CHUNK, "{largest}");
}

#[test]
fn a_large_entry_does_not_keep_its_memory() {
    let big = "x".repeat(2_000_000);
    let text = format!(
        r#"{{"log": {{"entries": [{{"request": {{"method": "POST", "url": "/", "postData": {{"text": "{big}"}}}}}}, {}]}}}}"#,
        vec![r#"{"request": {"method": "GET", "url": "/"}}"#; 100].join(",")
    );
    let mut entries = Entries::new(text.as_bytes());
    assert!(matches!(entries.next(), Some(Item::Request(_))));
    assert!(entries.buffer_capacity() >= big.len());
    let rest: Vec<Item> = entries.by_ref().collect();
    assert_eq!(requests(&rest).len(), 100);
    assert!(entries.buffer_capacity() <= 4 * super::CHUNK);
}

#[test]
fn no_input_makes_it_panic() {
    let mut inputs: Vec<String> = vec![
            CHROME.to_owned(),
            MITMPROXY.to_owned(),
            r#"{"log": {"entries": [{"request": {"method": "GET", "url": "/\ud800", "headers": [{"name": "a", "value": "\u00"}]}}]}}"#.to_owned(),
        ];
    let mut seed = 0x2545_F491_4F6C_DD1D_u64;
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
        "log",
        "entries",
        "request",
        "method",
        "url",
        "\"log\":",
        "\"entries\":[",
        "\"request\":{",
        "\"method\":\"GET\"",
        "\"url\":\"/\"",
        "1",
        "-",
        "e",
        "true",
        "null",
        "é",
        "😀",
        "\\u",
        "\\\"",
        "\u{feff}",
    ];
    for _ in 0..3000 {
        let len = (xorshift(&mut seed) % 40) as usize;
        let text: String = (0..len)
            .map(|_| alphabet[(xorshift(&mut seed) as usize) % alphabet.len()])
            .collect();
        inputs.push(text);
    }
    for input in &inputs {
        for (end, _) in input.char_indices().chain([(input.len(), ' ')]) {
            let prefix = &input[..end];
            let items = read_str(prefix);
            for item in &items {
                let spans: Vec<_> = match item {
                    Item::Problem(problem) => vec![problem.span.clone()],
                    Item::Request(request) => {
                        let mut spans = vec![
                            request.span.clone(),
                            request.method.span.clone(),
                            request.url.span.clone(),
                        ];
                        for header in &request.headers {
                            spans.push(header.span.clone());
                            spans.push(header.name.span.clone());
                            spans.push(header.value.span.clone());
                        }
                        if let Some(body) = &request.body {
                            spans.push(body.span.clone());
                            if let BodySource::Inline(map) = &body.source {
                                spans.push(map.file_range(0..body.text.len()));
                            }
                        }
                        spans.extend(request.problems.iter().map(|p| p.span.clone()));
                        spans
                    }
                };
                for span in spans {
                    assert!(prefix.get(span.clone()).is_some(), "{prefix:?}: {span:?}");
                }
            }
        }
    }
}

/// Streaming callers get each entry's text with its place in the file: the same bytes, line and
/// column as the whole text gives, however the reader hands out its bytes.
#[test]
fn each_entry_comes_with_its_text_and_place() {
    // Multi-byte characters before the entries move columns, not bytes.
    let padded = CHROME.replacen('{', "{\"_pad\": \"ééé\\n\", ", 1);
    for text in [CHROME, MITMPROXY, padded.as_str()] {
        let mut seen = 0;
        for whole in [true, false] {
            let mut entries = if whole {
                Entries::new(Box::new(text.as_bytes()) as Box<dyn Read>)
            } else {
                Entries::new(Box::new(OneByte {
                    bytes: text.as_bytes(),
                    calls: 0,
                }) as Box<dyn Read>)
            };
            while let Some(item) = entries.next() {
                let Some(entry) = entries.last_entry() else {
                    assert!(matches!(item, Item::Problem(_)), "{item:?}");
                    continue;
                };
                seen += 1;
                assert_eq!(
                    &text[entry.start..entry.start + entry.text.len()],
                    entry.text
                );
                let before = &text[..entry.start];
                assert_eq!(entry.line, before.matches('\n').count());
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                assert_eq!(entry.column, before[line_start..].chars().count());
                if let Item::Request(request) = &item {
                    assert!(request.span.start >= entry.start);
                    assert!(request.span.end <= entry.start + entry.text.len());
                }
            }
        }
        assert!(seen >= 2, "no entries seen in\n{text}");
    }
}

/// Entries read unparsed and parsed later give the items `next` gives, with the places
/// `last_entry` gives.
#[test]
fn unparsed_entries_parse_to_the_same_items() {
    for text in [CHROME, MITMPROXY, &CHROME[..CHROME.len() / 2], "nope"] {
        let mut parsed = Entries::new(text.as_bytes());
        let mut unparsed = Entries::new(OneByte {
            bytes: text.as_bytes(),
            calls: 0,
        });
        loop {
            let (a, b) = (parsed.next(), unparsed.next_unparsed());
            match (a, b) {
                (None, None) => break,
                (Some(item), Some(super::Unparsed::Entry(raw))) => {
                    assert_eq!(raw.parse(), item);
                    let place = parsed.last_entry().expect("an entry");
                    assert_eq!(
                        (raw.start, raw.line, raw.column),
                        (place.start, place.line, place.column)
                    );
                    assert_eq!(raw.text, place.text);
                }
                (Some(item), Some(super::Unparsed::Item(other))) => assert_eq!(item, other),
                (a, b) => panic!("{a:?} against {b:?}"),
            }
        }
    }
}

/// The fast path (`serde_json`, places from borrowed literals) reads the usual entries, and
/// reads them exactly as the full parser does.
#[test]
fn the_fast_path_reads_entries_as_the_full_parser_does() {
    let mut fast_taken = 0;
    for text in [CHROME, MITMPROXY] {
        let mut entries = Entries::new(text.as_bytes());
        while let Some(super::Unparsed::Entry(raw)) = entries.next_unparsed() {
            let full =
                super::entry::full(&raw.text, raw.start, raw.ordinal, raw.credentials_stripped);
            if let Some(fast) =
                super::entry::fast(&raw.text, raw.start, raw.ordinal, raw.credentials_stripped)
            {
                assert_eq!(fast, full, "entry {} of\n{text}", raw.ordinal);
                fast_taken += 1;
            }
        }
    }
    // Chrome's second entry has a header value to trim around an escape: the full parser reads it.
    assert!(fast_taken >= 2, "the fast path read {fast_taken} entries");
}
