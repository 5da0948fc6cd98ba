//! Unit tests of the Hurl reader: entries, sections, bodies, escapes, variables, problems.

use super::*;
use crate::BodySource;
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

fn read_checked(text: &str, ctx: &ReadContext) -> Vec<Item> {
    let items = read(text, ctx);
    for r in requests(&items) {
        check_request(text, r);
    }
    items
}

fn span_of(text: &str, needle: &str) -> Range<usize> {
    let start = text.find(needle).unwrap();
    start..start + needle.len()
}

const TWO_ENTRIES: &str = "# Synerise custom event
POST https://api.snrs.com/v4/events/custom
Authorization: Bearer {{token}}
Api-Version: 4.4 # the API version
Content-Type: application/json
{
  \"action\": \"dog.bark\",
  \"label\": \"a } in a string\",
  \"client\": {\"customId\": \"{{customer}}\"}
}
HTTP 202
[Asserts]
status == 202
jsonpath \"$.ok\" == true

GET https://api.snrs.com/v4/clients/{{customer}}
HTTP/1.1 200
";

#[test]
fn two_entries_with_a_json_body_and_a_response_section() {
    let ctx = ctx(&[("token", "t0k"), ("customer", "c-1")]);
    let items = read_checked(TWO_ENTRIES, &ctx);
    let reqs = requests(&items);
    assert_eq!(reqs.len(), 2, "{items:?}");
    let r = reqs[0];
    assert_eq!((r.ordinal, r.method.value.as_str()), (1, "POST"));
    assert_eq!(r.method.span, span_of(TWO_ENTRIES, "POST"));
    assert_eq!(
        r.url.span,
        span_of(TWO_ENTRIES, "https://api.snrs.com/v4/events/custom")
    );
    assert_eq!(r.headers.len(), 3);
    assert_eq!(r.headers[0].value.value, "Bearer t0k");
    assert_eq!(
        r.headers[0].span,
        span_of(TWO_ENTRIES, "Authorization: Bearer {{token}}")
    );
    assert_eq!(r.headers[1].value.value, "4.4");
    assert_eq!(r.headers[1].span, span_of(TWO_ENTRIES, "Api-Version: 4.4"));
    assert_eq!(&TWO_ENTRIES[r.headers[2].name.span.clone()], "Content-Type");
    let body = r.body.as_ref().unwrap();
    assert!(body.text.starts_with("{\n  \"action\"") && body.text.ends_with("\"c-1\"}\n}"));
    let written = &TWO_ENTRIES[body.span.clone()];
    assert!(written.starts_with('{') && written.ends_with("}\n}"));
    assert_eq!(r.span.end, body.span.end);
    assert!(r.problems.is_empty());
    assert_eq!(reqs[1].ordinal, 2);
    assert_eq!(reqs[1].url.value, "https://api.snrs.com/v4/clients/c-1");
    assert!(reqs[1].body.is_none());
}

#[test]
fn a_multiline_body_keeps_its_lines_and_a_raw_one_its_braces() {
    let text = "POST https://h/e\n```json\n{\"id\": \"{{id}}\"}\n```\n\nPOST https://h/raw\n```raw\n{{id}}\n```\n";
    let items = read_checked(text, &ctx(&[("id", "7")]));
    let reqs = requests(&items);
    let body = reqs[0].body.as_ref().unwrap();
    assert_eq!(body.text, "{\"id\": \"7\"}\n");
    let BodySource::Inline(map) = &body.source else {
        panic!()
    };
    assert_eq!(map.file_offset(0), span_of(text, "{\"id\"").start);
    assert_eq!(
        body.span,
        span_of(text, "```json\n{\"id\": \"{{id}}\"}\n```")
    );
    assert_eq!(reqs[1].body.as_ref().unwrap().text, "{{id}}\n");
    assert!(reqs[1].problems.is_empty());
}

#[test]
fn query_params_are_appended_encoded_and_the_url_spans_them() {
    let text = "GET https://h/search?x=1\n[QueryStringParams]\nq: dog bark # a comment\nlang: {{lang}}\n\nGET https://h/b\n[Query]\na\\:b: é&\n";
    let items = read_checked(text, &ctx(&[("lang", "pl")]));
    let reqs = requests(&items);
    assert_eq!(
        reqs[0].url.value,
        "https://h/search?x=1&q=dog%20bark&lang=pl"
    );
    assert_eq!(
        reqs[0].url.span,
        span_of(
            text,
            "https://h/search?x=1\n[QueryStringParams]\nq: dog bark # a comment\nlang: {{lang}}"
        )
        .start..span_of(text, "lang: {{lang}}").end
    );
    assert_eq!(reqs[1].url.value, "https://h/b?a%3Ab=%C3%A9%26");
}

#[test]
fn basic_auth_cookies_and_form_params_become_headers_and_a_body() {
    let text = "POST https://h/login\n[BasicAuth]\nbob: s3cr\\#t\n[Cookies]\nsid: 1\ntheme: dark\n[FormParams]\nuser: bob\nnote: a b\n";
    let items = read_checked(text, &ReadContext::default());
    let r = requests(&items)[0];
    let auth = &r.headers[0];
    assert_eq!(auth.name.value, "Authorization");
    // base64("bob:s3cr#t")
    assert_eq!(auth.value.value, "Basic Ym9iOnMzY3IjdA==");
    assert_eq!(auth.span, span_of(text, "[BasicAuth]\nbob: s3cr\\#t"));
    assert_eq!(auth.name.span, span_of(text, "[BasicAuth]"));
    let cookie = &r.headers[1];
    assert_eq!(
        (cookie.name.value.as_str(), cookie.value.value.as_str()),
        ("Cookie", "sid=1; theme=dark")
    );
    assert_eq!(cookie.value.span, span_of(text, "sid: 1\ntheme: dark"));
    let ct = &r.headers[2];
    assert_eq!(ct.value.value, "application/x-www-form-urlencoded");
    let body = r.body.as_ref().unwrap();
    assert_eq!(body.text, "user=bob&note=a%20b");
    assert_eq!(
        body.span,
        span_of(text, "[FormParams]\nuser: bob\nnote: a b")
    );
    let BodySource::Inline(map) = &body.source else {
        panic!()
    };
    assert_eq!(map.file_offset(0), span_of(text, "user: bob").start);
    assert_eq!(map.file_offset(5), span_of(text, "bob\nnote").start);
    assert_eq!(map.file_offset(14), span_of(text, "a b").start);
}

#[test]
fn options_variables_and_functions_resolve_and_captures_are_known_at_run_time() {
    let text = "POST https://h/login\n[Options]\nvariable: host=https://api.h\n`{\"id\":\"{{newUuid}}\",\"at\":\"{{newDate}}\"}`\nHTTP 200\n[Captures]\ntoken: jsonpath \"$.token\"\n\nGET {{host}}/me\nAuthorization: Bearer {{token}}\nX-Missing: {{missing}}\n";
    let ctx = ReadContext {
        now_unix_ms: Some(1_767_225_600_000),
        ..ReadContext::default()
    };
    let items = read_checked(text, &ctx);
    let reqs = requests(&items);
    assert_eq!(
        reqs[0].body.as_ref().unwrap().text,
        format!(
            "{{\"id\":\"{}\",\"at\":\"2026-01-01T00:00:00Z\"}}",
            template::FIXED_UUID
        )
    );
    assert_eq!(reqs[1].url.value, "https://api.h/me");
    assert_eq!(reqs[1].headers[0].value.value, "Bearer {{token}}");
    assert!(reqs[1].problems[0].message.contains("at run time"));
    assert_eq!(reqs[1].problems[1].span, span_of(text, "{{missing}}"));
    assert!(
        reqs[1].problems[1]
            .message
            .starts_with("`{{missing}}` is not defined in the environment")
    );
    assert!(!reqs[1].problems[1].fatal);
}

#[test]
fn escapes_map_to_their_backslash() {
    let text = "POST https://h/e\n`a\\u{e9}\\nb\\`c`\n";
    let items = read_checked(text, &ReadContext::default());
    let body = requests(&items)[0].body.as_ref().unwrap();
    assert_eq!(body.text, "aé\nb`c");
    let BodySource::Inline(map) = &body.source else {
        panic!()
    };
    let esc = text.find("\\u{e9}").unwrap();
    assert_eq!((map.file_offset(1), map.file_offset(2)), (esc, esc));
    assert_eq!(map.file_offset(3), text.find("\\n").unwrap());
}

#[test]
fn file_bodies_are_read_and_a_missing_one_is_fatal() {
    let dir = std::env::temp_dir().join(format!("eventlint-request-hurl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("e.json"), "{\"a\":1}").unwrap();
    let text = "POST https://h/a\nfile,e.json;\n\nPOST https://h/b\nfile, nope.json ;\n\nPOST https://h/c\nbase64,eyJhIjoxfQ==;\n";
    let ctx = ReadContext {
        base_dir: dir.clone(),
        ..ReadContext::default()
    };
    let items = read_checked(text, &ctx);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(items.len(), 3, "{items:?}");
    let Item::Request(a) = &items[0] else {
        panic!()
    };
    let body = a.body.as_ref().unwrap();
    assert_eq!(
        (body.text.as_str(), &body.source),
        ("{\"a\":1}", &BodySource::File(dir.join("e.json")))
    );
    assert_eq!(body.span, span_of(text, "file,e.json;"));
    let Item::Problem(p) = &items[1] else {
        panic!()
    };
    assert!(p.fatal && p.message.contains("nope.json"));
    assert_eq!(p.span, span_of(text, "file, nope.json ;"));
    let Item::Request(c) = &items[2] else {
        panic!()
    };
    assert_eq!(
        (c.ordinal, c.body.as_ref().unwrap().text.as_str()),
        (3, "{\"a\":1}")
    );
}

#[test]
fn a_line_that_is_no_request_is_fatal_and_the_next_entry_is_read() {
    let text = "post https://h/lower\nX: y\nGET https://h/ok\nnot a header\n";
    let items = read_checked(text, &ReadContext::default());
    let Item::Problem(p) = &items[0] else {
        panic!("{items:?}")
    };
    assert!(p.fatal);
    assert_eq!(p.span, span_of(text, "post https://h/lower"));
    let Item::Request(r) = &items[1] else {
        panic!("{items:?}")
    };
    assert_eq!(r.url.value, "https://h/ok");
    assert_eq!(r.problems[0].span, span_of(text, "not a header"));
    assert!(!r.problems[0].fatal);
}

#[test]
fn a_crlf_file_keeps_its_bytes() {
    let text = "POST https://h/e\r\nA: b\r\n```\r\nx {{v}}\r\ny\r\n```\r\nHTTP 200\r\n";
    let items = read_checked(text, &ctx(&[("v", "1")]));
    let r = requests(&items)[0];
    assert_eq!(r.headers[0].span, span_of(text, "A: b"));
    assert_eq!(r.body.as_ref().unwrap().text, "x 1\r\ny\r\n");
}

#[test]
fn no_input_makes_the_reader_panic() {
    let ctx = ctx(&[("token", "t"), ("customer", "c")]);
    let inputs = [
        TWO_ENTRIES,
        "POST https://h/login\n[BasicAuth]\nbob: s\\#t\n[Cookies]\nsid: 1\n[FormParams]\nuser: b b\n[Query]\nq: \\u{e9}\n",
        "POST https://h/e\r\n```json\r\n{\"a\": \"{{x}}\"}\r\n```\r\nHTTP 200\r\n[Captures]\nid: jsonpath \"$.id\"\n```\nGET x\n```\nGET https://h/{{id}}\n",
        "PUT https://h/x\n`a\\u{1F600}b`\nHTTP *\n{\"r\": [1, 2]}\nDELETE https://h/y\nhex,48656c6c6f;\n",
        "GET é\n[Query]\né: é\n<é>\n",
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
