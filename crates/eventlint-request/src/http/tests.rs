//! Unit tests of the `.http` reader and of environment loading.

use std::path::PathBuf;

use super::*;
use crate::source::test_support::{check_request, random_texts, read_every_prefix, requests};

fn ctx(vars: &[(&str, &str)]) -> ReadContext {
    ReadContext {
        variables: vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        ..ReadContext::default()
    }
}

/// Reads `text` and checks every request's spans and body map.
fn read_checked(text: &str, ctx: &ReadContext) -> Vec<Item> {
    let items = read(text, ctx);
    for r in requests(&items) {
        check_request(text, r);
        for h in &r.headers {
            assert_eq!(&text[h.name.span.clone()], h.name.value);
            assert!(text[h.span.clone()].starts_with(&text[h.name.span.clone()]));
            assert!(text[h.span.clone()].ends_with(&text[h.value.span.clone()]));
        }
    }
    items
}

fn span_of(text: &str, needle: &str) -> std::ops::Range<usize> {
    let start = text.find(needle).unwrap();
    start..start + needle.len()
}

fn inline_map(body: &Body) -> &crate::OffsetMap {
    match &body.source {
        BodySource::Inline(map) => map,
        BodySource::File(path) => panic!("a file body: {}", path.display()),
    }
}

const SYNERISE: &str = "### custom event
POST https://api.snrs.com/v4/events/custom
Authorization: Bearer {{token}}
Api-Version: 4.4
Content-Type: application/json

{\"action\":\"dog.bark\",\"label\":\"bark\",\"client\":{\"customId\":\"c-1\"}}
";

#[test]
fn the_synerise_example_is_read_with_its_spans() {
    let items = read_checked(SYNERISE, &ctx(&[("token", "abc")]));
    let [Item::Request(r)] = items.as_slice() else {
        panic!("{items:?}")
    };
    assert_eq!(r.ordinal, 1);
    assert_eq!(r.method.value, "POST");
    assert_eq!(r.method.span, span_of(SYNERISE, "POST"));
    assert_eq!(r.url.value, "https://api.snrs.com/v4/events/custom");
    assert_eq!(
        r.url.span,
        span_of(SYNERISE, "https://api.snrs.com/v4/events/custom")
    );
    let names: Vec<&str> = r.headers.iter().map(|h| h.name.value.as_str()).collect();
    assert_eq!(names, ["Authorization", "Api-Version", "Content-Type"]);
    assert_eq!(r.headers[0].value.value, "Bearer abc");
    assert_eq!(
        r.headers[0].span,
        span_of(SYNERISE, "Authorization: Bearer {{token}}")
    );
    assert_eq!(
        r.headers[0].value.span,
        span_of(SYNERISE, "Bearer {{token}}")
    );
    let body = r.body.as_ref().unwrap();
    assert!(body.text.starts_with("{\"action\"") && body.text.ends_with("}}"));
    assert_eq!(&SYNERISE[body.span.clone()], body.text);
    assert_eq!(
        *inline_map(body),
        crate::OffsetMap::shifted(body.span.start, body.text.len())
    );
    assert_eq!(r.span, SYNERISE.find("POST").unwrap()..body.span.end);
    assert!(r.problems.is_empty());
}

#[test]
fn requests_are_separated_comments_skipped_and_methods_defaulted() {
    let text = "# a comment before anything
// another
GET https://h/one HTTP/1.1
Accept: */*

### second
# comment between
post /two
# comment among headers
X-A: 1

body two

###

https://h/three
";
    let items = read_checked(text, &ReadContext::default());
    let reqs = requests(&items);
    assert_eq!(reqs.len(), 3);
    assert_eq!(
        reqs.iter().map(|r| r.ordinal).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert_eq!(reqs[0].url.value, "https://h/one");
    assert_eq!(reqs[0].url.span, span_of(text, "https://h/one"));
    assert!(reqs[0].body.is_none());
    assert_eq!(
        reqs[0].span,
        span_of(text, "GET https://h/one HTTP/1.1\nAccept: */*")
    );
    assert_eq!(reqs[1].method.value, "POST");
    assert_eq!(reqs[1].method.span, span_of(text, "post"));
    assert_eq!(reqs[1].headers.len(), 1);
    assert_eq!(reqs[1].body.as_ref().unwrap().text, "body two");
    assert_eq!(reqs[2].method.value, "GET");
    assert_eq!(reqs[2].method.span, reqs[2].url.span);
    assert_eq!(reqs[2].url.value, "https://h/three");
}

#[test]
fn file_variables_then_the_environment_resolve_and_map_to_their_braces() {
    let text = "@host = https://api.example.com
@auth = Bearer {{secret}}
@host2 = {{host}}/v2

POST {{host2}}/events
Authorization: {{auth}}

{\"id\": \"{{id}}\", \"n\": 1}
";
    let items = read_checked(
        text,
        &ctx(&[("secret", "s3"), ("id", "u-1"), ("host", "ignored")]),
    );
    let r = requests(&items)[0];
    assert_eq!(r.url.value, "https://api.example.com/v2/events");
    assert_eq!(r.url.span, span_of(text, "{{host2}}/events"));
    assert_eq!(r.headers[0].value.value, "Bearer s3");
    let body = r.body.as_ref().unwrap();
    assert_eq!(body.text, "{\"id\": \"u-1\", \"n\": 1}");
    let map = inline_map(body);
    let braces = text.find("{{id}}").unwrap();
    for i in 8..11 {
        assert_eq!(map.file_offset(i), braces);
    }
    assert_eq!(map.file_range(8..11), braces..braces + "{{id}}".len());
    assert_eq!(map.file_offset(11), braces + "{{id}}".len());
    assert!(r.problems.is_empty(), "{:?}", r.problems);
}

#[test]
fn dynamic_variables_resolve_from_the_clock_and_fixed_values() {
    let text = "POST https://h/e?t={{$timestamp}}
X-Id: {{$uuid}}
X-Rid: {{$random.uuid}}
X-Int: {{$randomInt}}

{\"at\":\"{{$isoTimestamp}}\"}
";
    let with_clock = ReadContext {
        now_unix_ms: Some(1_767_225_600_123),
        ..ReadContext::default()
    };
    let items = read_checked(text, &with_clock);
    let r = requests(&items)[0];
    assert_eq!(r.url.value, "https://h/e?t=1767225600");
    assert_eq!(r.headers[0].value.value, template::FIXED_UUID);
    assert_eq!(r.headers[1].value.value, template::FIXED_UUID);
    assert_eq!(r.headers[2].value.value, template::FIXED_RANDOM_INT);
    assert_eq!(
        r.body.as_ref().unwrap().text,
        "{\"at\":\"2026-01-01T00:00:00Z\"}"
    );
    assert!(r.problems.is_empty());

    let items = read_checked(text, &ReadContext::default());
    let r = requests(&items)[0];
    assert_eq!(r.url.value, "https://h/e?t={{$timestamp}}");
    assert_eq!(
        r.body.as_ref().unwrap().text,
        "{\"at\":\"{{$isoTimestamp}}\"}"
    );
    let spans: Vec<_> = r.problems.iter().map(|p| p.span.clone()).collect();
    assert_eq!(
        spans,
        [
            span_of(text, "{{$timestamp}}"),
            span_of(text, "{{$isoTimestamp}}")
        ]
    );
    assert!(r.problems.iter().all(|p| !p.fatal));
}

#[test]
fn an_unresolved_variable_stays_literal_and_is_reported_at_its_bytes() {
    let items = read_checked(SYNERISE, &ReadContext::default());
    let r = requests(&items)[0];
    assert_eq!(r.headers[0].value.value, "Bearer {{token}}");
    let [problem] = r.problems.as_slice() else {
        panic!("{:?}", r.problems)
    };
    assert!(!problem.fatal);
    assert_eq!(problem.span, span_of(SYNERISE, "{{token}}"));
    assert!(
        problem
            .message
            .starts_with("`{{token}}` is not defined in the environment")
    );
    assert!(problem.help.contains("http-client.env.json") && problem.help.contains("--env"));

    let text = "POST /e\n\n{\"a\": \"{{nope}}\", \"b\": {{ $what }}}";
    let items = read_checked(text, &ReadContext::default());
    let r = requests(&items)[0];
    let body = r.body.as_ref().unwrap();
    assert_eq!(body.text, "{\"a\": \"{{nope}}\", \"b\": {{ $what }}}");
    assert_eq!(r.problems.len(), 2);
    assert_eq!(r.problems[1].span, span_of(text, "{{ $what }}"));
    assert!(r.problems[1].message.contains("not a dynamic variable"));
}

#[test]
fn a_variable_set_by_a_response_handler_is_reported_as_known_at_run_time() {
    let text = "POST /login\n\n{}\n\n> {%\n  client.global.set(\"token\", response.body.t);\n%}\n\n###\nGET /me\nAuthorization: Bearer {{token}}\n";
    let items = read_checked(text, &ReadContext::default());
    let reqs = requests(&items);
    assert_eq!(reqs[0].body.as_ref().unwrap().text, "{}");
    assert!(reqs[1].problems[0].message.contains("at run time"));
}

/// A folder of its own under the system's temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "eventlint-request-http-{}-{name}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_body_file_is_read_and_a_missing_one_is_fatal_for_its_request_only() {
    let dir = TempDir::new("body-file");
    std::fs::write(dir.0.join("event.json"), "{\"action\":\"x\"}\n").unwrap();
    std::fs::write(dir.0.join("tpl.json"), "{\"id\":\"{{id}}\"}").unwrap();
    let text = "POST /a\nContent-Type: application/json\n\n< ./event.json\n\n###\nPOST /b\n\n< ./missing.json\n\n###\nPOST /c\n\n<@ ./tpl.json\n";
    let ctx = ReadContext {
        base_dir: dir.0.clone(),
        variables: [("id".to_owned(), "7".to_owned())].into(),
        ..ReadContext::default()
    };
    let items = read_checked(text, &ctx);
    assert_eq!(items.len(), 3);
    let Item::Request(a) = &items[0] else {
        panic!("{:?}", items[0])
    };
    let body = a.body.as_ref().unwrap();
    assert_eq!(body.text, "{\"action\":\"x\"}\n");
    assert_eq!(body.source, BodySource::File(dir.0.join("./event.json")));
    assert_eq!(body.span, span_of(text, "< ./event.json"));
    let Item::Problem(missing) = &items[1] else {
        panic!("{:?}", items[1])
    };
    assert!(missing.fatal);
    assert_eq!(missing.span, span_of(text, "< ./missing.json"));
    assert!(missing.message.contains("missing.json"));
    let Item::Request(c) = &items[2] else {
        panic!("{:?}", items[2])
    };
    assert_eq!(c.ordinal, 3);
    assert_eq!(c.body.as_ref().unwrap().text, "{\"id\":\"7\"}");
}

#[test]
fn a_multi_line_url_is_joined_and_spanned_whole() {
    let text = "GET https://h/search\n    ?q={{q}}\n    &page=2\nAccept: x\n";
    let items = read_checked(text, &ctx(&[("q", "dog")]));
    let r = requests(&items)[0];
    assert_eq!(r.url.value, "https://h/search?q=dog&page=2");
    assert_eq!(
        r.url.span,
        span_of(text, "https://h/search\n    ?q={{q}}\n    &page=2")
    );
    assert_eq!(r.headers.len(), 1);
}

#[test]
fn a_crlf_file_keeps_its_bytes_in_the_body() {
    let text =
        "POST /e\r\nContent-Type: application/json\r\n\r\n{\r\n  \"a\": \"{{v}}\"\r\n}\r\n\r\n";
    let items = read_checked(text, &ctx(&[("v", "1")]));
    let r = requests(&items)[0];
    assert_eq!(r.headers[0].value.value, "application/json");
    assert_eq!(
        r.headers[0].span,
        span_of(text, "Content-Type: application/json")
    );
    let body = r.body.as_ref().unwrap();
    assert_eq!(body.text, "{\r\n  \"a\": \"1\"\r\n}");
    assert_eq!(body.span, span_of(text, "{\r\n  \"a\": \"{{v}}\"\r\n}"));
}

#[test]
fn a_response_handler_ends_the_body() {
    let text =
        "POST /e\n\n{\"a\":1}\n\n> {%\n  client.test(\"ok\", () => {});\n%}\n<> ./previous.json\n";
    let items = read_checked(text, &ReadContext::default());
    let r = requests(&items)[0];
    assert_eq!(r.body.as_ref().unwrap().text, "{\"a\":1}");
    assert_eq!(r.span.end, span_of(text, "{\"a\":1}").end);

    let text = "POST /e\n\n{\"a\":1}\n> ./handler.js\n";
    let items = read_checked(text, &ReadContext::default());
    assert_eq!(requests(&items)[0].body.as_ref().unwrap().text, "{\"a\":1}");
}

#[test]
fn a_request_without_a_request_line_is_a_fatal_problem_and_the_next_is_read() {
    let text = "Content-Type: x\n\n{}\n###\nFETCH https://h/x\n###\nGET\n###\nGET /ok\n";
    let items = read_checked(text, &ReadContext::default());
    assert_eq!(items.len(), 4);
    let Item::Problem(p) = &items[0] else {
        panic!("{:?}", items[0])
    };
    assert!(p.fatal);
    assert_eq!(p.span, span_of(text, "Content-Type: x"));
    let Item::Problem(p) = &items[1] else {
        panic!("{:?}", items[1])
    };
    assert_eq!(p.span, span_of(text, "FETCH"));
    assert!(p.message.contains("not an HTTP method"));
    assert!(matches!(&items[2], Item::Problem(p) if p.message.contains("no URL")));
    let Item::Request(r) = &items[3] else {
        panic!("{:?}", items[3])
    };
    assert_eq!((r.ordinal, r.url.value.as_str()), (4, "/ok"));
}

#[test]
fn a_header_without_a_colon_is_dropped_and_reported() {
    let text = "GET /x\nAccept: a\nnot a header\nX-B: b\n";
    let items = read_checked(text, &ReadContext::default());
    let r = requests(&items)[0];
    assert_eq!(r.headers.len(), 2);
    let [p] = r.problems.as_slice() else {
        panic!("{:?}", r.problems)
    };
    assert!(!p.fatal);
    assert_eq!(p.span, span_of(text, "not a header"));
}

#[test]
fn environments_load_with_overrides_and_clear_errors() {
    let dir = TempDir::new("env");
    std::fs::write(
            dir.0.join(PUBLIC_ENV_FILE),
            r#"{"$shared": {"v": "shared"}, "dev": {"token": "public", "n": 3, "b": true, "ssl": {}}, "prod": {}}"#,
        )
        .unwrap();
    std::fs::write(
        dir.0.join(PRIVATE_ENV_FILE),
        r#"{"dev": {"token": "private"}, "local": {}}"#,
    )
    .unwrap();
    let vars = load_env(&dir.0, "dev").unwrap();
    let expected: BTreeMap<String, String> = [
        ("b", "true"),
        ("n", "3"),
        ("token", "private"),
        ("v", "shared"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    assert_eq!(vars, expected);
    assert!(load_env(&dir.0, "local").is_ok());

    let error = load_env(&dir.0, "staging").unwrap_err();
    let EnvError::UnknownEnvironment { available, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(available, &["dev", "local", "prod"]);
    assert!(error.to_string().contains("dev, local, prod"));

    std::fs::write(dir.0.join(PRIVATE_ENV_FILE), "{\n  \"dev\": {,}\n}").unwrap();
    let error = load_env(&dir.0, "dev").unwrap_err();
    let EnvError::Json {
        path, line, column, ..
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!(
        (path, *line, *column),
        (&dir.0.join(PRIVATE_ENV_FILE), 2, 11)
    );

    let empty = TempDir::new("env-empty");
    assert!(matches!(
        load_env(&empty.0, "dev"),
        Err(EnvError::UnknownEnvironment { available, .. }) if available.is_empty()
    ));
}

#[test]
fn no_input_makes_the_reader_panic() {
    let ctx = ctx(&[("token", "t"), ("host", "https://h")]);
    let inputs = [
        SYNERISE,
        "@host = https://h\nGET {{host}}/x\n    ?a=1\n    &b={{$uuid}}\nX: {{nope}}\n\n< ./nope.json\n",
        "POST /e\r\nA: b\r\n\r\n{\r\n}\r\n> {%\r\n%}\r\n###\r\nContent-Type: x\r\n",
        "GET /x\nnot a header\n\n{{",
        "é\n###é\n@é=é{{é}}\npost é",
    ];
    for input in inputs {
        read_every_prefix(input, |t| read(t, &ctx));
    }
    for input in random_texts(3000) {
        for item in read(&input, &ctx) {
            if let Item::Request(r) = item {
                check_request(&input, &r);
            }
        }
    }
}
