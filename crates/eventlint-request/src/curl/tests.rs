//! Unit tests of the curl reader: both quotings, options, headers, bodies, problems.

use super::read;
use crate::{BodySource, Item, Problem, RawRequest, ReadContext};

fn items(text: &str) -> Vec<Item> {
    read(text, &ReadContext::default())
}

fn request(text: &str) -> RawRequest {
    let mut items = items(text);
    assert_eq!(items.len(), 1, "{items:#?}");
    match items.remove(0) {
        Item::Request(request) => request,
        Item::Problem(problem) => panic!("not read: {problem:#?}"),
    }
}

fn fatal(text: &str) -> Problem {
    match items(text).as_slice() {
        [Item::Problem(problem)] => {
            assert!(problem.fatal);
            problem.clone()
        }
        other => panic!("expected one problem: {other:#?}"),
    }
}

fn headers(request: &RawRequest) -> Vec<(&str, &str)> {
    request
        .headers
        .iter()
        .map(|h| (h.name.value.as_str(), h.value.value.as_str()))
        .collect()
}

/// Every header's spans slice the file to its name and value (as written: `value` when it
/// has no escapes), and its whole span is its `-H` argument.
fn assert_header_spans(text: &str, request: &RawRequest) {
    for header in &request.headers {
        assert_eq!(&text[header.name.span.clone()], header.name.value);
        assert_eq!(&text[header.value.span.clone()], header.value.value);
        let word = &text[header.span.clone()];
        assert!(word.contains(&header.name.value), "{word}");
    }
}

/// Each body byte maps to the same byte in the file, or to the first byte of the escape that
/// wrote it (one of `escapes`).
fn assert_body_map(text: &str, request: &RawRequest, escapes: &[u8]) {
    let body = request.body.as_ref().expect("a body");
    let BodySource::Inline(map) = &body.source else {
        panic!("an inline body");
    };
    for (i, &byte) in body.text.as_bytes().iter().enumerate() {
        let at = map.file_offset(i);
        let written = text.as_bytes()[at];
        assert!(
            written == byte || escapes.contains(&written),
            "body byte {i} ({:?}) maps to {at} ({:?})",
            char::from(byte),
            char::from(written),
        );
    }
    let range = map.file_range(0..body.text.len());
    assert!(range.start >= body.span.start && range.end <= body.span.end);
}

const SNRS: &str = r#"curl -X POST "https://api.snrs.com/v4/events/custom" \
  -H 'Authorization: Bearer $access_token' \
  -H 'Api-Version: 4.4' \
  -H 'Content-Type: application/json' \
  -d '{"action":"dog.bark","label":"bark","client":{"customId":"c-1"}}'
"#;

const SALEMOVE: &str = "curl --request POST --url https://api.salemove.com/engagements/123/events --header 'Accept: application/vnd.salemove.v1+json' --header 'Authorization: Token abc' --data-raw '{\"type\":\"custom\",\"content\":\"x\"}'";

const CMD: &str = r#"curl ^"https://example.com/v1/events^" -H ^"content-type: application/json^" --data-raw ^"^{^\^"a^\^":1^}^""#;

/// As Chrome's "Copy as cURL (bash)" writes a body with a quote, a JSON escape and a `!`.
const CHROME_BASH: &str = r#"curl 'https://api.example.com/v1/events?x=1' \
  -H 'accept: */*' \
  -H 'content-type: application/json' \
  --data-raw $'{"label":"it\'s","note":"a\\nb","w":"hi\u0021"}' \
  --compressed
"#;

/// As Chrome's "Copy as cURL (cmd)" writes a multi-line command.
const CHROME_CMD: &str = "curl ^\"https://api.example.com/v1/events^\" ^\r\n  -H ^\"accept: */*^\" ^\r\n  -H ^\"content-type: application/json^\" ^\r\n  --data-raw ^\"^{^\\^\"label^\\^\":^\\^\"50^% off ^%^a^\\^\",^\\^\"path^\\^\":^\\^\"C:^\\^\\x^\\^\"^}^\" ^\r\n  --compressed\r\n";

#[test]
fn the_synerise_example_reads_exactly() {
    let request = request(SNRS);
    assert_eq!(request.ordinal, 1);
    assert_eq!(request.method.value, "POST");
    assert_eq!(&SNRS[request.method.span.clone()], "POST");
    assert_eq!(request.url.value, "https://api.snrs.com/v4/events/custom");
    assert_eq!(
        &SNRS[request.url.span.clone()],
        "\"https://api.snrs.com/v4/events/custom\""
    );
    assert_eq!(
        headers(&request),
        [
            ("Authorization", "Bearer $access_token"),
            ("Api-Version", "4.4"),
            ("Content-Type", "application/json"),
        ]
    );
    assert_header_spans(SNRS, &request);
    assert_eq!(
        &SNRS[request.headers[0].span.clone()],
        "'Authorization: Bearer $access_token'"
    );
    let body = request.body.as_ref().unwrap();
    assert_eq!(
        body.text,
        r#"{"action":"dog.bark","label":"bark","client":{"customId":"c-1"}}"#
    );
    let BodySource::Inline(map) = &body.source else {
        panic!()
    };
    assert_eq!(&SNRS[map.file_range(0..body.text.len())], body.text);
    assert_eq!(&SNRS[body.span.clone()], format!("'{}'", body.text));
    assert_body_map(SNRS, &request, &[]);
    assert_eq!(request.span, 0..SNRS.trim_end().len());
    // Single-quoted `$access_token` is literal: nothing to report.
    assert!(request.problems.is_empty(), "{:#?}", request.problems);
}

#[test]
fn the_glia_example_reads_exactly() {
    let request = request(SALEMOVE);
    assert_eq!(request.method.value, "POST");
    assert_eq!(
        request.url.value,
        "https://api.salemove.com/engagements/123/events"
    );
    assert_eq!(
        headers(&request),
        [
            ("Accept", "application/vnd.salemove.v1+json"),
            ("Authorization", "Token abc"),
        ]
    );
    assert_header_spans(SALEMOVE, &request);
    let body = request.body.as_ref().unwrap();
    assert_eq!(body.text, r#"{"type":"custom","content":"x"}"#);
    let BodySource::Inline(map) = &body.source else {
        panic!()
    };
    assert_eq!(&SALEMOVE[map.file_range(0..body.text.len())], body.text);
    assert!(request.problems.is_empty());
}

/// cmd.exe drops the carets, then the C runtime reads `"…"` and `\"`: curl receives
/// `{"a":1}`, not `{\"a\":1}`.
#[test]
fn the_cmd_example_reads_as_curl_receives_it() {
    let request = request(CMD);
    assert_eq!(request.method.value, "POST");
    assert_eq!(request.url.value, "https://example.com/v1/events");
    assert_eq!(headers(&request), [("content-type", "application/json")]);
    assert_header_spans(CMD, &request);
    assert_eq!(
        &CMD[request.headers[0].span.clone()],
        "^\"content-type: application/json^\""
    );
    let body = request.body.as_ref().unwrap();
    assert_eq!(body.text, r#"{"a":1}"#);
    assert_eq!(&CMD[body.span.clone()], r#"^"^{^\^"a^\^":1^}^""#);
    assert_body_map(CMD, &request, b"^");
    let BodySource::Inline(map) = &body.source else {
        panic!()
    };
    // The first `"` of the body is the `^\^"` after `^{`.
    assert_eq!(&CMD[map.file_range(1..2)], r#"^\^""#);
}

#[test]
fn a_chrome_bash_copy_reads_ansi_c_quotes() {
    let request = request(CHROME_BASH);
    assert_eq!(request.method.value, "POST");
    assert_eq!(request.url.value, "https://api.example.com/v1/events?x=1");
    assert_eq!(
        headers(&request),
        [("accept", "*/*"), ("content-type", "application/json")]
    );
    assert_header_spans(CHROME_BASH, &request);
    let body = request.body.as_ref().unwrap();
    assert_eq!(body.text, r#"{"label":"it's","note":"a\nb","w":"hi!"}"#);
    assert_body_map(CHROME_BASH, &request, b"\\");
    let BodySource::Inline(map) = &body.source else {
        panic!()
    };
    let quote = body.text.find('\'').unwrap();
    assert_eq!(&CHROME_BASH[map.file_range(quote..quote + 1)], r"\'");
    let bang = body.text.find('!').unwrap();
    assert_eq!(&CHROME_BASH[map.file_range(bang..bang + 1)], r"\u0021");
    assert!(request.problems.is_empty(), "{:#?}", request.problems);
}

#[test]
fn a_chrome_cmd_copy_reads_over_its_lines() {
    let request = request(CHROME_CMD);
    assert_eq!(request.method.value, "POST");
    assert_eq!(request.url.value, "https://api.example.com/v1/events");
    assert_eq!(
        headers(&request),
        [("accept", "*/*"), ("content-type", "application/json")]
    );
    assert_header_spans(CHROME_CMD, &request);
    let body = request.body.as_ref().unwrap();
    // Chrome doubles a backslash, and the C runtime keeps both when no quote follows them:
    // what curl receives has two (`C:\x`), as here.
    assert_eq!(body.text, r#"{"label":"50% off %a","path":"C:\\x"}"#);
    assert_body_map(CHROME_CMD, &request, b"^");
    assert!(request.problems.is_empty(), "{:#?}", request.problems);
}

#[test]
fn continuations_and_quote_pieces_make_one_word() {
    let text = "curl https://x.test/e \\\n  -d \"{\\\"a\\\":\"'\"b\"'\\\n\"}\"\n";
    let request = request(text);
    let body = request.body.as_ref().unwrap();
    assert_eq!(body.text, r#"{"a":"b"}"#);
    assert_body_map(text, &request, b"\\");
    assert_eq!(&text[body.span.clone()], "\"{\\\"a\\\":\"'\"b\"'\\\n\"}\"");
}

#[test]
fn several_commands_comments_and_a_stray_line() {
    let text = "# two events\n\ncurl https://x.test/a -d 'a=1'\n\n$ curl -X PUT https://x.test/b\nhttp GET https://x.test/c\n  # done\ncurl https://x.test/d; curl https://x.test/e\n";
    let items = items(text);
    assert_eq!(items.len(), 5, "{items:#?}");
    let Item::Request(a) = &items[0] else {
        panic!()
    };
    assert_eq!((a.ordinal, a.method.value.as_str()), (1, "POST"));
    let Item::Request(b) = &items[1] else {
        panic!()
    };
    assert_eq!((b.ordinal, b.method.value.as_str()), (2, "PUT"));
    assert_eq!(b.url.value, "https://x.test/b");
    let Item::Problem(stray) = &items[2] else {
        panic!()
    };
    assert!(stray.fatal);
    assert_eq!(&text[stray.span.clone()], "http GET https://x.test/c");
    let Item::Request(d) = &items[3] else {
        panic!()
    };
    assert_eq!((d.ordinal, d.url.value.as_str()), (3, "https://x.test/d"));
    let Item::Request(e) = &items[4] else {
        panic!()
    };
    assert_eq!((e.ordinal, e.url.value.as_str()), (4, "https://x.test/e"));
}

#[test]
fn user_becomes_basic_authorization() {
    let text = "curl -u user:pass https://x.test/";
    let request = request(text);
    assert_eq!(headers(&request), [("Authorization", "Basic dXNlcjpwYXNz")]);
    let header = &request.headers[0];
    assert_eq!(&text[header.name.span.clone()], "-u");
    assert_eq!(&text[header.value.span.clone()], "user:pass");
    assert_eq!(&text[header.span.clone()], "-u user:pass");
    // A header given with -H wins.
    let request = self::request("curl -uuser:pass -H 'authorization: Bearer t' https://x.test/");
    assert_eq!(headers(&request), [("authorization", "Bearer t")]);
}

#[test]
fn json_adds_its_headers_unless_given() {
    let text = "curl --json '{\"a\":1}' https://x.test/";
    let request = request(text);
    assert_eq!(request.method.value, "POST");
    assert_eq!(&text[request.method.span.clone()], "https://x.test/");
    assert_eq!(
        headers(&request),
        [
            ("Content-Type", "application/json"),
            ("Accept", "application/json")
        ]
    );
    assert_eq!(&text[request.headers[0].span.clone()], "--json '{\"a\":1}'");
    assert_eq!(request.body.as_ref().unwrap().text, r#"{"a":1}"#);
    assert_body_map(text, &request, &[]);
    let request = self::request(
        "curl --json '{}' -H 'Accept: text/plain' -H 'Content-Type:' https://x.test/",
    );
    assert_eq!(headers(&request), [("Accept", "text/plain")]);
}

#[test]
fn get_puts_the_data_in_the_query() {
    let request = request("curl -G -d a=1 --data 'b=2' 'https://x.test/s?q=x'");
    assert_eq!(request.method.value, "GET");
    assert_eq!(request.url.value, "https://x.test/s?q=x&a=1&b=2");
    assert!(request.body.is_none());
    let request = self::request("curl --get https://x.test/s --data-urlencode 'q=a b'");
    assert_eq!(request.url.value, "https://x.test/s?q=a b");
    let request = self::request("curl -I https://x.test/");
    assert_eq!(request.method.value, "HEAD");
}

#[test]
fn several_data_are_joined_with_ampersands() {
    let text = "curl https://x.test/ -d 'a=1' --data-raw \"b=2\" -d c=3";
    let request = request(text);
    let body = request.body.as_ref().unwrap();
    assert_eq!(body.text, "a=1&b=2&c=3");
    let BodySource::Inline(map) = &body.source else {
        panic!()
    };
    for (piece, written) in [(0..3, "a=1"), (4..7, "b=2"), (8..11, "c=3")] {
        assert_eq!(&text[map.file_range(piece)], written);
    }
    // Each `&` covers what lies between the two arguments.
    assert_eq!(&text[map.file_range(3..4)], "' --data-raw \"");
    assert_eq!(&text[map.file_range(7..8)], "\" -d ");
    assert_eq!(&text[body.span.clone()], "'a=1' --data-raw \"b=2\" -d c=3");
}

#[test]
fn attached_values_grouped_flags_and_made_headers() {
    let text = "curl -sSLXput -H'X-A: b' --data=x -A agent/1 -e https://r.test/ -b 'a=1; b=2' -b jar.txt --oauth2-bearer tok -o out.json --max-time 5 'https://x.test/\\[1\\]'";
    let request = request(text);
    assert_eq!(request.method.value, "PUT");
    assert_eq!(&text[request.method.span.clone()], "put");
    assert_eq!(request.url.value, "https://x.test/[1]");
    assert_eq!(
        headers(&request),
        [
            ("X-A", "b"),
            ("User-Agent", "agent/1"),
            ("Referer", "https://r.test/"),
            ("Cookie", "a=1; b=2"),
            ("Authorization", "Bearer tok"),
        ]
    );
    assert_eq!(&text[request.headers[0].span.clone()], "'X-A: b'");
    assert_eq!(&text[request.headers[0].value.span.clone()], "b");
    assert_eq!(request.body.as_ref().unwrap().text, "x");
    assert_body_map(text, &request, &[]);
    // The lower-case method is upper-cased and reported.
    assert_eq!(request.problems.len(), 1, "{:#?}", request.problems);
    assert!(!request.problems[0].fatal);
}

#[test]
fn unknown_options_and_headers_without_colon_are_reported() {
    let text = "curl --frobnicate -H 'NoColon' -H 'Empty;' -Z -@ -H @h.txt https://x.test/";
    let request = request(text);
    assert_eq!(headers(&request), [("Empty", "")]);
    let spans: Vec<&str> = request
        .problems
        .iter()
        .map(|p| &text[p.span.clone()])
        .collect();
    assert_eq!(spans, ["--frobnicate", "'NoColon'", "-@", "@h.txt"]);
    assert!(request.problems.iter().all(|p| !p.fatal));
    assert!(request.problems[1].message.contains("no colon"));
}

#[test]
fn shell_variables_are_reported_not_expanded() {
    let text = "curl -H \"Authorization: Bearer $TOKEN\" \"https://x.test/${ID}\"";
    let request = request(text);
    assert_eq!(headers(&request), [("Authorization", "Bearer $TOKEN")]);
    assert_eq!(request.url.value, "https://x.test/${ID}");
    let spans: Vec<&str> = request
        .problems
        .iter()
        .map(|p| &text[p.span.clone()])
        .collect();
    assert_eq!(spans, ["$TOKEN", "${ID}"]);
    assert_eq!(
        request.problems[0].message,
        "`$TOKEN` is a shell variable; eventlint does not expand it"
    );
}

#[test]
fn unbalanced_quotes_are_fatal_from_the_quote() {
    for (text, quote, name) in [
        ("curl https://x.test/ -d '{\"a\":1}\n", "'{", "single quote"),
        ("curl https://x.test/ -d \"{\n", "\"{", "double quote"),
        ("curl https://x.test/ -d $'{\\'}\n", "$'{", "ANSI-C quote"),
        (
            "curl ^\"https://x.test/^\" -d ^\"{\ncurl https://x.test/\n",
            "^\"{",
            "double quote",
        ),
    ] {
        let items = items(text);
        let Item::Problem(problem) = &items[0] else {
            panic!("{text}: {items:#?}")
        };
        assert!(problem.fatal);
        assert!(text[problem.span.clone()].starts_with(quote), "{text}");
        assert!(problem.message.contains(name), "{}", problem.message);
        assert!(!problem.help.is_empty());
    }
    // cmd: the command ends with its line, and the next one is read.
    let items = items("curl ^\"https://x.test/^\" -d ^\"{\ncurl https://x.test/\n");
    assert!(matches!(
        items.as_slice(),
        [Item::Problem(_), Item::Request(_)]
    ));
}

#[test]
fn missing_values_and_urls_are_fatal() {
    let problem = fatal("curl https://x.test/ -H");
    assert_eq!(problem.span, 21..23);
    let problem = fatal("curl -d a=1");
    assert!(problem.message.contains("no URL"));
}

#[test]
fn file_bodies_are_read_from_the_base_dir() {
    let dir = std::env::temp_dir().join(format!(
        "eventlint-curl-test-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("body.json"), "{\r\n  \"a\": 1\r\n}\n").unwrap();
    let ctx = ReadContext {
        base_dir: dir.clone(),
        ..ReadContext::default()
    };
    let text = "curl https://x.test/ -d @body.json\ncurl https://x.test/ --data-binary '@body.json'\ncurl https://x.test/ --json @missing.json\ncurl https://x.test/ -d @-\ncurl https://x.test/ --data-raw @body.json\n";
    let items = read(text, &ctx);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(items.len(), 5, "{items:#?}");
    let Item::Request(stripped) = &items[0] else {
        panic!("{items:#?}")
    };
    let body = stripped.body.as_ref().unwrap();
    assert_eq!(body.text, "{  \"a\": 1}");
    assert_eq!(body.source, BodySource::File(dir.join("body.json")));
    assert_eq!(&text[body.span.clone()], "@body.json");
    let Item::Request(binary) = &items[1] else {
        panic!()
    };
    assert_eq!(binary.body.as_ref().unwrap().text, "{\r\n  \"a\": 1\r\n}\n");
    let Item::Problem(missing) = &items[2] else {
        panic!()
    };
    assert!(missing.fatal && missing.message.contains("does not exist"));
    assert_eq!(&text[missing.span.clone()], "@missing.json");
    let Item::Problem(stdin) = &items[3] else {
        panic!()
    };
    assert_eq!(&text[stdin.span.clone()], "@-");
    let Item::Request(raw) = &items[4] else {
        panic!()
    };
    assert_eq!(raw.body.as_ref().unwrap().text, "@body.json");
    assert_eq!(raw.ordinal, 5);
}

/// A tiny xorshift: reproducible noise without a dependency.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn no_input_makes_it_panic() {
    let ctx = ReadContext::default();
    let inputs = [
        SNRS,
        SALEMOVE,
        CMD,
        CHROME_BASH,
        CHROME_CMD,
        "curl -sSLXput -H'X-A: b' --data=x -b 'a=1' 'https://x.test/\\[1\\]' $'\\x\\u\\U\\c\\777\\xff\\ud800é'",
        "$ curl \"a$\" ${ ${X $'\\' ^ ^\r\n \"\\\r\n\" 2>&1 | x & y || z && w ; \\",
        "curl ^\"a\\\\\\\\\\^\" ^\r\n\r\n \"\"\"\" ^é é^ ^",
    ];
    for input in inputs {
        for (i, _) in input.char_indices().chain([(input.len(), ' ')]) {
            let _ = read(&input[..i], &ctx);
        }
    }
    let pieces: [&str; 24] = [
        "curl ", " ", "\n", "\\", "\\\n", "'", "\"", "$'", "$", "${A}", "^", "^\"", "^\n", "-H",
        "-d", "--json", "@", "-u", ":", "é", "\r\n", "&", "|", "#",
    ];
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..3000 {
        let len = xorshift(&mut state) % 24;
        let mut text = String::new();
        for _ in 0..len {
            let r = xorshift(&mut state);
            if r.is_multiple_of(5) {
                // A raw byte, made text the lossy way.
                text.push_str(&String::from_utf8_lossy(&[(r >> 8) as u8]));
            } else {
                text.push_str(pieces[(r >> 8) as usize % pieces.len()]);
            }
        }
        let items = read(&text, &ctx);
        for item in items {
            let span = match &item {
                Item::Request(r) => r.span.clone(),
                Item::Problem(p) => p.span.clone(),
            };
            assert!(span.start <= span.end && span.end <= text.len(), "{text:?}");
        }
    }
}
