//! `eventlint lsp` through its binary, speaking JSON-RPC over its stdin and stdout: the
//! diagnostics of an opened file are `eventlint check`'s (same rules, same places, the same
//! `eventlint.toml` settings), in the encoding negotiated; changes are applied and re-checked,
//! stale checks never published; hover shows a rule's manual and a field's documentation;
//! completion offers the model's keys and values; bad input gets errors, never a crash. Every
//! wait has a deadline, and the server is killed when a test ends, passed or failed.
#![allow(clippy::unwrap_used)]
// Parameters are `json!` values built at each call.
#![allow(clippy::needless_pass_by_value)]

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use eventlint_tests::cli;
use eventlint_tests::root;
use serde_json::{Value, json};

/// How long any one answer may take before the test fails (debug builds, a loaded machine).
const DEADLINE: Duration = Duration::from_secs(30);

/// A running `eventlint lsp`, killed when dropped.
struct Server {
    child: Child,
    /// Messages to write to its stdin, by a thread of their own: a server that stops reading
    /// cannot block the test, whose every wait has a deadline.
    stdin: Option<Sender<Vec<u8>>>,
    /// Each message from the server, with when its last byte was read (before it was parsed).
    messages: Receiver<(Instant, Value)>,
    /// When the message `wait_for` returned last was read.
    arrived: Instant,
    /// Messages received while waiting for another one.
    seen: Vec<Value>,
    next_id: i64,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stdin = None;
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts the server in `dir` and initializes it, offering `encodings`.
    fn start(dir: &Path, encodings: &[&str]) -> (Self, Value) {
        Self::start_with(dir, encodings, &[], true)
    }

    /// The same, with extra environment variables; `resolve`: whether the client resolves code
    /// actions' edits later.
    fn start_with(
        dir: &Path,
        encodings: &[&str],
        env: &[(&str, &str)],
        resolve: bool,
    ) -> (Self, Value) {
        let mut child = Command::new(bin())
            .arg("lsp")
            .current_dir(dir)
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut pipe = child.stdin.take().unwrap();
        let (stdin, outgoing) = channel::<Vec<u8>>();
        std::thread::spawn(move || {
            for bytes in outgoing {
                if pipe.write_all(&bytes).and_then(|()| pipe.flush()).is_err() {
                    break;
                }
            }
        });
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(bytes) = read_message(&mut reader) {
                let at = Instant::now();
                let Ok(message) = serde_json::from_slice::<Value>(&bytes) else {
                    break;
                };
                if tx.send((at, message)).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            child,
            stdin: Some(stdin),
            messages,
            arrived: Instant::now(),
            seen: Vec::new(),
            next_id: 0,
        };
        let root_uri = url(dir);
        let result = server.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "capabilities": {
                    "general": {"positionEncodings": encodings},
                    "textDocument": {"codeAction": {"resolveSupport": {"properties": if resolve { vec!["edit"] } else { vec![] }}}},
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
                },
            }),
        );
        server.notify("initialized", json!({}));
        (server, result)
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        let framed = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        if let Some(stdin) = &self.stdin {
            let _ = stdin.send(framed.into_bytes());
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its id.
    fn start_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Sends a request and waits for its result (panics on an error answer).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let answer = self.answer(method, params);
        assert!(answer.get("error").is_none(), "{method}: {answer}");
        answer["result"].clone()
    }

    /// Sends a request and waits for its whole answer.
    fn answer(&mut self, method: &str, params: Value) -> Value {
        let id = self.start_request(method, params);
        self.wait_for(&format!("the answer to {method}"), |m| m["id"] == id)
    }

    /// The next message that `matches`, within the deadline; others are kept in `seen`.
    fn wait_for(&mut self, what: &str, matches: impl Fn(&Value) -> bool) -> Value {
        let started = Instant::now();
        loop {
            let left = DEADLINE.saturating_sub(started.elapsed());
            match self.messages.recv_timeout(left) {
                Ok((at, message)) if matches(&message) => {
                    self.arrived = at;
                    return message;
                }
                Ok((_, message)) => self.seen.push(message),
                Err(RecvTimeoutError::Timeout) => panic!("no {what} within {DEADLINE:?}"),
                Err(RecvTimeoutError::Disconnected) => panic!("the server ended before {what}"),
            }
        }
    }

    /// The diagnostics published for `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.wait_for(&format!("diagnostics of {uri} v{version}"), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}),
        );
    }

    fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    /// Asks the server to shut down and exit; its exit status.
    fn exit(mut self) -> std::process::ExitStatus {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(started.elapsed() < DEADLINE, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// The binary under test: `EVENTLINT_LSP_BIN` when set (e.g. a release build, for the latency
/// measure), else the one `cargo test` built.
fn bin() -> PathBuf {
    std::env::var_os("EVENTLINT_LSP_BIN").map_or_else(|| cli::bin().to_path_buf(), PathBuf::from)
}

/// One message of the base protocol (`Content-Length` header, blank line, JSON body): its
/// bytes, read whole before they are parsed.
fn read_message(reader: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    Some(body)
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// A project like this repository's, without expectations (which `check` applies to the
/// fixtures and would hide their findings): fixed clock, the kind from the folder.
const CONFIG: &str = r#"now = "2026-01-01T00:00:00Z"
[[files]]
glob = "fixtures/<vendor>/<kind>/**"
kind = "<vendor>.<kind>"
"#;

/// A temporary project with copies of `fixtures` (repository paths) at the same paths.
fn project(fixtures: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("eventlint.toml"), CONFIG).unwrap();
    for fixture in fixtures {
        let target = dir.path().join(fixture);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(root().join(fixture), &target).unwrap();
    }
    dir
}

/// `(rule, line, character, end line, end character)`, 0-based, sorted.
type Place = (String, u64, u64, u64, u64);

fn places_of_lsp(diagnostics: &[Value]) -> Vec<Place> {
    let mut places: Vec<Place> = diagnostics
        .iter()
        .map(|d| {
            let r = &d["range"];
            (
                d["code"].as_str().unwrap().to_owned(),
                r["start"]["line"].as_u64().unwrap(),
                r["start"]["character"].as_u64().unwrap(),
                r["end"]["line"].as_u64().unwrap(),
                r["end"]["character"].as_u64().unwrap(),
            )
        })
        .collect();
    places.sort();
    places
}

/// `eventlint check --format json` of `file` in `dir`, as protocol places (columns in
/// characters: the UTF-32 encoding).
fn places_of_check(dir: &Path, file: &str) -> Vec<Place> {
    let output = cli::run_in(dir, &["check", "--format", "json", file], None);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut places: Vec<Place> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let n = |k: &str| d[k].as_u64().unwrap() - 1;
            (
                d["rule"].as_str().unwrap().to_owned(),
                n("line"),
                n("column"),
                n("end_line"),
                n("end_column"),
            )
        })
        .collect();
    places.sort();
    places
}

const FILES: &[&str] = &[
    "fixtures/synerise/custom-event/invalid/synerise.event/client-identifier--stream.ndjson",
    "fixtures/synerise/custom-event/invalid/synerise.event/client-forbidden-chars--emoji.json",
    "fixtures/synerise/custom-event/invalid/synerise.event/authorization.http",
    "fixtures/synerise/custom-event/invalid/synerise.event/authorization--vendor-curl.curl",
];

#[test]
fn diagnostics_are_checks_findings_at_the_same_places() {
    let dir = project(FILES);
    let (mut server, init) = Server::start(dir.path(), &["utf-32"]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-32");
    for file in FILES {
        let path = dir.path().join(file);
        let uri = url(&path);
        server.open(&uri, &std::fs::read_to_string(&path).unwrap());
        let diagnostics = server.diagnostics(&uri, 1);
        let expected = places_of_check(dir.path(), file);
        assert!(!expected.is_empty(), "{file}: check found nothing");
        assert_eq!(places_of_lsp(&diagnostics), expected, "{file}");
        for d in &diagnostics {
            assert_eq!(d["source"], "eventlint");
            let rule = d["code"].as_str().unwrap();
            let href = d["codeDescription"]["href"].as_str().unwrap();
            assert!(
                href.ends_with(&format!("docs/rules.md#{}", rule.replace(['/', '.'], ""))),
                "{href}"
            );
        }
    }
    assert!(server.exit().success());
}

#[test]
fn positions_count_utf16_by_default() {
    let file = FILES[1];
    let dir = project(&[file]);
    let (mut server, init) = Server::start(dir.path(), &[]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    let path = dir.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = url(&path);
    server.open(&uri, &text);
    let diagnostics = server.diagnostics(&uri, 1);
    let utf32 = places_of_check(dir.path(), file);
    // Each position in UTF-16 code units: a character outside the BMP counts two.
    let lines: Vec<&str> = text.split('\n').collect();
    let utf16 = |line: u64, chars: u64| -> u64 {
        lines[line as usize]
            .chars()
            .take(chars as usize)
            .map(|c| c.len_utf16() as u64)
            .sum()
    };
    let expected: Vec<Place> = utf32
        .into_iter()
        .map(|(rule, l, c, el, ec)| (rule, l, utf16(l, c), el, utf16(el, ec)))
        .collect();
    assert!(
        text.chars().any(|c| c.len_utf16() == 2),
        "the fixture has no astral character"
    );
    assert_eq!(places_of_lsp(&diagnostics), expected);
}

#[test]
fn changes_are_checked_again_and_a_closed_file_is_cleared() {
    let file =
        "fixtures/synerise/custom-event/invalid/synerise.event/client-identifier--stream.ndjson";
    let dir = project(&[file]);
    let (mut server, _) = Server::start(dir.path(), &["utf-32"]);
    let uri = url(&dir.path().join(file));
    let text = "{\"action\": \"dog.bark\", \"client\": {\"customId\": \"c-1\"}, \"label\": \"bark\", \"time\": \"2025-06-01T00:00:00Z\", \"params\": {\"a\": 1}}\n";
    server.open(&uri, text);
    assert_eq!(server.diagnostics(&uri, 1), Vec::<Value>::new());
    // `{"customId": "c-1"}` becomes `{}` (an incremental change): the client has no identifier.
    let start = text.find("\"customId\"").unwrap() as u64;
    let end = text.find("}, \"label").unwrap() as u64;
    server.change(
        &uri,
        2,
        json!([{"range": {"start": {"line": 0, "character": start}, "end": {"line": 0, "character": end}}, "text": ""}]),
    );
    let diagnostics = server.diagnostics(&uri, 2);
    let client = text.find("{\"customId").unwrap() as u64;
    assert_eq!(
        places_of_lsp(&diagnostics),
        [(
            "synerise.event/client-identifier".to_owned(),
            0,
            client,
            0,
            client + 2
        )]
    );
    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let cleared = server.wait_for("cleared diagnostics", |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"].is_null()
    });
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
}

#[test]
fn hover_shows_the_rules_manual_and_the_fields_documentation() {
    let file =
        "fixtures/synerise/custom-event/invalid/synerise.event/client-identifier--stream.ndjson";
    let dir = project(&[file]);
    let (mut server, _) = Server::start(dir.path(), &["utf-32"]);
    let path = dir.path().join(file);
    let uri = url(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    server.open(&uri, &text);
    let diagnostics = server.diagnostics(&uri, 1);
    let start = &diagnostics[0]["range"]["start"];
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": start}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    let manual = eventlint_core::registry::rule("synerise.event/client-identifier")
        .unwrap()
        .manual();
    assert!(
        shown.starts_with("**synerise.event/client-identifier** (error)"),
        "{shown}"
    );
    assert!(shown.contains(manual.trim_end()), "{shown}");
    // On the key `label` of the first line: the model's doc comment of `label`.
    let label = text.find("\"label\"").unwrap() as u64 + 2;
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": label}}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    let schema: Value = serde_json::from_str(&eventlint_core::schema::schema_file(
        eventlint_core::Kind::find("synerise.custom-event").unwrap(),
    ))
    .unwrap();
    let doc = schema["properties"]["label"]["description"]
        .as_str()
        .unwrap();
    assert!(
        shown.starts_with("`/label`: string (synerise.custom-event)"),
        "{shown}"
    );
    assert!(shown.contains(doc), "{shown}");
}

#[test]
fn completion_offers_the_models_keys_and_values() {
    let dir = project(&[]);
    let path = dir.path().join("fixtures/synerise/custom-event/new.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let (mut server, _) = Server::start(dir.path(), &["utf-32"]);
    let uri = url(&path);
    // Incomplete, as while typing: the kind comes from eventlint.toml.
    let text = "{\"action\": \"dog.bark\", \"client\": {\"customId\": \"c\", ";
    server.open(&uri, text);
    server.diagnostics(&uri, 1);
    let items = server.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": text.len()}}),
    );
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["email", "id", "uuid"],
        "keys of `client` not yet present"
    );
    let item = &items[0];
    assert_eq!(item["textEdit"]["newText"], "\"email\": ");
    // A value of a closed set: Neuralens' `page`.
    let path = dir.path().join("fixtures/neuralens/event/new.ndjson");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let uri = url(&path);
    let text = "{\"uid\": \"1\"}\n{\"uid\": \"2\", \"page\": \"SE\"}\n";
    server.open(&uri, text);
    server.diagnostics(&uri, 1);
    let at = text.split('\n').nth(1).unwrap().find("SE").unwrap() as u64 + 2;
    let items = server.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": 1, "character": at}}),
    );
    let texts: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["textEdit"]["newText"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"\"SEARCH_RESULT_PAGE\""), "{texts:?}");
    let range = &items[0]["textEdit"]["range"];
    assert_eq!(range["start"], json!({"line": 1, "character": at - 3}));
    assert_eq!(range["end"], json!({"line": 1, "character": at + 1}));
}

#[test]
fn completion_and_hover_work_in_a_requests_body() {
    let dir = project(&[]);
    let (mut server, _) = Server::start(dir.path(), &["utf-32"]);
    let uri = url(&dir.path().join("send.http"));
    // The kind is the request's route; the body is half typed.
    let text = "POST https://api.synerise.com/v4/events/custom\nContent-Type: application/json\n\n{\"action\": \"dog.bark\", \"label\": \"b\", \"cl";
    server.open(&uri, text);
    server.diagnostics(&uri, 1);
    let items = server.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": 3, "character": text.lines().nth(3).unwrap().len()}}),
    );
    let texts: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["textEdit"]["newText"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"\"client\""), "{texts:?}");
    assert!(!texts.contains(&"\"action\""), "{texts:?}");
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 3, "character": 3}}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        shown.starts_with("`/action`: string (synerise.custom-event)"),
        "{shown}"
    );
}

/// `text` with protocol edits applied (positions in UTF-32: characters).
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| -> usize {
        let line = usize::try_from(p["line"].as_u64().unwrap()).unwrap();
        let character = usize::try_from(p["character"].as_u64().unwrap()).unwrap();
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start
            + text[start..]
                .chars()
                .take(character)
                .map(char::len_utf8)
                .sum::<usize>()
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    for (start, end, new) in edits {
        out.replace_range(start..end, new);
    }
    out
}

const FIXABLE: &[&str] = &[
    "fixtures/neuralens/event/invalid/neuralens.event/unknown-key.json",
    "fixtures/synerise/custom-event/invalid/synerise.custom-event/action-pattern.json",
    "fixtures/synerise/ai-events-batch/valid/requests/vendor-batch.http",
    "fixtures/synerise/ai-events-batch/valid/requests/vendor-curl.curl",
    "fixtures/synerise/ai-events-batch/invalid/common/content-type--har.har",
];

#[test]
fn code_actions_are_checks_fixes_and_fix_all_is_check_fix() {
    let dir = project(FIXABLE);
    let (mut server, _) = Server::start(dir.path(), &["utf-32"]);
    for file in FIXABLE {
        let path = dir.path().join(file);
        let uri = url(&path);
        let text = std::fs::read_to_string(&path).unwrap();
        server.open(&uri, &text);
        let diagnostics = server.diagnostics(&uri, 1);
        // What `check` says of the fixes.
        let output = cli::run_in(dir.path(), &["check", "--format", "json", file], None);
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        let fixes: Vec<&Value> = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| !d["fix"].is_null())
            .collect();
        assert!(!fixes.is_empty(), "{file}: no fix");
        for fixed in &fixes {
            let d = diagnostics
                .iter()
                .find(|d| {
                    d["code"] == fixed["rule"]
                        && d["range"]["start"]["line"].as_u64()
                            == Some(fixed["line"].as_u64().unwrap() - 1)
                        && d["range"]["start"]["character"].as_u64()
                            == Some(fixed["column"].as_u64().unwrap() - 1)
                })
                .unwrap_or_else(|| panic!("{file}: no diagnostic for {fixed}"));
            let actions = server.request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d], "only": ["quickfix"]}}),
            );
            let action = actions
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["title"] == fixed["fix"]["title"])
                .unwrap_or_else(|| {
                    panic!("{file}: no action {} in {actions}", fixed["fix"]["title"])
                });
            assert_eq!(action["kind"], "quickfix");
            assert_eq!(
                action["isPreferred"],
                fixed["fix"]["applicability"] == "safe"
            );
            let edits = action["edit"]["changes"][uri.as_str()].as_array().unwrap();
            let contents: Vec<&Value> = edits.iter().map(|e| &e["newText"]).collect();
            let expected: Vec<&Value> = fixed["fix"]["edits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| &e["content"])
                .collect();
            assert_eq!(contents, expected, "{file}");
            // At the places the JSON report gives (these fixtures are ASCII: a character is a
            // UTF-16 unit).
            for (edit, want) in edits.iter().zip(fixed["fix"]["edits"].as_array().unwrap()) {
                let at = |line: &str, column: &str| {
                    json!({
                        "line": want[line].as_u64().unwrap() - 1,
                        "character": want[column].as_u64().unwrap() - 1,
                    })
                };
                assert_eq!(
                    edit["range"],
                    json!({"start": at("line", "column"), "end": at("end_line", "end_column")}),
                    "{file}"
                );
            }
        }
        // Fix all: resolved on demand, and the same text as `check --fix` writes.
        let actions = server.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
        );
        let safe = fixes.iter().any(|f| f["fix"]["applicability"] == "safe");
        let actions = actions.as_array().unwrap();
        if !safe {
            assert_eq!(actions, &Vec::<Value>::new(), "{file}");
            continue;
        }
        assert_eq!(actions.len(), 1, "{file}: {actions:?}");
        assert_eq!(actions[0]["kind"], "source.fixAll.eventlint");
        assert!(actions[0]["edit"].is_null(), "resolved later");
        let resolved = server.request("codeAction/resolve", actions[0].clone());
        let edits = resolved["edit"]["changes"][uri.as_str()]
            .as_array()
            .unwrap();
        let fixed_text = apply(&text, edits);
        let output = cli::run_in(dir.path(), &["check", "--fix", file], None);
        assert!(output.status.code().is_some(), "{output:?}");
        assert_eq!(
            fixed_text,
            std::fs::read_to_string(&path).unwrap(),
            "{file}"
        );
        assert_ne!(fixed_text, text, "{file}");
    }
}

#[test]
fn fix_all_carries_its_edit_for_a_client_that_does_not_resolve() {
    let file = FIXABLE[0];
    let dir = project(&[file]);
    let (mut server, _) = Server::start_with(dir.path(), &["utf-32"], &[], false);
    let path = dir.path().join(file);
    let uri = url(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    server.open(&uri, &text);
    server.diagnostics(&uri, 1);
    let actions = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}),
    );
    let fix_all = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "source.fixAll.eventlint")
        .unwrap();
    let edits = fix_all["edit"]["changes"][uri.as_str()].as_array().unwrap();
    let fixed = apply(&text, edits);
    assert!(
        fixed.contains("\"uid\"") && fixed.contains("\"timestamp\""),
        "{fixed}"
    );
    assert!(
        !fixed.contains("userId") && !fixed.contains("timeStamp"),
        "{fixed}"
    );
    // A stale version gets no edit.
    server.change(&uri, 2, json!([{"text": text}]));
    server.diagnostics(&uri, 2);
    let resolved = server.request("codeAction/resolve", fix_all.clone());
    assert!(resolved["edit"].is_null(), "{resolved}");
}

#[test]
fn bad_input_gets_errors_and_the_server_goes_on() {
    let dir = project(&[]);
    let (mut server, _) = Server::start(dir.path(), &[]);
    let answer = server.answer("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(answer["error"]["code"], -32602, "{answer}");
    let answer = server.answer("eventlint/unknown", json!({}));
    assert_eq!(answer["error"]["code"], -32601, "{answer}");
    server.change("file:///nowhere.json", 2, json!([{"text": "{"}]));
    server.notify("textDocument/didOpen", json!({"textDocument": 7}));
    // A buffer with no file, broken JSON, a position past its end.
    server.open("untitled:Untitled-1", "{\"a\": [1, 2,");
    let diagnostics = server.diagnostics("untitled:Untitled-1", 1);
    assert_eq!(diagnostics[0]["code"], "json/syntax");
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "untitled:Untitled-1"}, "position": {"line": 99, "character": 99}}),
    );
    assert!(hover.is_null() || hover.is_object());
    assert!(server.exit().success());
}

#[test]
fn the_configuration_decides_as_for_check() {
    let dir = project(&[]);
    let folder = dir.path().join("fixtures/synerise/custom-event");
    std::fs::create_dir_all(&folder).unwrap();
    // `now` of eventlint.toml: a time after it is in the future, one before it is not.
    let (mut server, _) = Server::start(dir.path(), &[]);
    let uri = url(&folder.join("a.json"));
    let event = |time: &str| {
        format!(
            "{{\"action\": \"dog.bark\", \"client\": {{\"customId\": \"c\"}}, \"label\": \"bark\", \"time\": \"{time}\", \"params\": {{\"a\": 1}}}}"
        )
    };
    server.open(&uri, &event("2026-06-01T00:00:00Z"));
    let codes: Vec<Value> = server
        .diagnostics(&uri, 1)
        .iter()
        .map(|d| d["code"].clone())
        .collect();
    assert_eq!(codes, [json!("synerise.event/time-future")]);
    server.change(&uri, 2, json!([{"text": event("2025-06-01T00:00:00Z")}]));
    assert_eq!(server.diagnostics(&uri, 2), Vec::<Value>::new());
    drop(server);

    // A severity override and an exclusion. (The server asked to hear of configurations.)
    std::fs::write(
        dir.path().join("eventlint.toml"),
        format!(
            "exclude = [\"fixtures/**/skip-*\"]\n{CONFIG}\n[rules]\n\"synerise.event/time-future\" = \"off\"\n"
        ),
    )
    .unwrap();
    let (mut server, _) = Server::start(dir.path(), &[]);
    let register = server.wait_for("the registration of a watcher", |m| {
        m["method"] == "client/registerCapability"
    });
    let watchers = &register["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers, &json!([{"globPattern": "**/eventlint.toml"}]));
    server.open(&uri, &event("2026-06-01T00:00:00Z"));
    assert_eq!(server.diagnostics(&uri, 1), Vec::<Value>::new());
    let skipped = url(&folder.join("skip-me.json"));
    server.open(&skipped, "{");
    assert_eq!(server.diagnostics(&skipped, 1), Vec::<Value>::new());

    // A configuration that cannot be read: said at the top of the file, as soon as the client
    // says the file changed.
    std::fs::write(dir.path().join("eventlint.toml"), "now = [").unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": url(&dir.path().join("eventlint.toml")), "type": 2}]}),
    );
    let diagnostics = server.diagnostics(&uri, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "config/invalid");
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("eventlint.toml"),
        "{diagnostics:?}"
    );
    assert_eq!(
        diagnostics[0]["range"]["start"],
        json!({"line": 0, "character": 0})
    );
}

/// Debug builds panic on purpose on a document holding the `EVENTLINT_TEST_PANIC` marker: the
/// document gets `internal/error`, and the server goes on.
#[test]
#[cfg(debug_assertions)]
fn a_panic_in_a_check_is_a_diagnostic() {
    if std::env::var_os("EVENTLINT_LSP_BIN").is_some() {
        return; // another binary, perhaps a release build: no injected panic
    }
    let dir = project(&[]);
    let (mut server, _) =
        Server::start_with(dir.path(), &[], &[("EVENTLINT_TEST_PANIC", "BOOM-7")], true);
    let uri = url(&dir.path().join("a.json"));
    server.open(&uri, "{\"x\": \"BOOM-7\"}");
    let codes: Vec<Value> = server
        .diagnostics(&uri, 1)
        .iter()
        .map(|d| d["code"].clone())
        .collect();
    assert_eq!(codes, [json!("internal/error")]);
    server.change(&uri, 2, json!([{"text": "{\"x\": "}]));
    let codes: Vec<Value> = server
        .diagnostics(&uri, 2)
        .iter()
        .map(|d| d["code"].clone())
        .collect();
    assert_eq!(codes, [json!("json/syntax")]);
    assert!(server.exit().success());
}

/// An NDJSON file of about 1 MB: Synerise custom events, one in ten without an identifier.
fn large_ndjson() -> String {
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 1 << 20 {
        let client = if n % 10 == 0 {
            "{}".to_owned()
        } else {
            format!("{{\"customId\": \"c-{n}\"}}")
        };
        let _ = writeln!(
            text,
            "{{\"action\": \"dog.bark\", \"client\": {client}, \"label\": \"bark {n}\", \"time\": \"2025-06-01T00:00:00Z\", \"params\": {{\"loudness\": {n}, \"mood\": \"happy\"}}}}"
        );
        n += 1;
    }
    text
}

#[test]
fn a_newer_change_supersedes_a_slower_check() {
    let dir = project(&[]);
    let path = dir
        .path()
        .join("fixtures/synerise/custom-event/large.ndjson");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let (mut server, _) = Server::start(dir.path(), &["utf-32"]);
    let uri = url(&path);
    let text = large_ndjson();
    let lines = text.lines().count() as u64;
    server.open(&uri, &text);
    let first = server.diagnostics(&uri, 1);
    assert_eq!(first.len() as u64, lines.div_ceil(10));
    // Twenty changes in a row, each fixing one more invalid line (`{}` → `{"id": 1}`).
    let invalid: Vec<u64> = (0..lines).filter(|n| n % 10 == 0).collect();
    for (i, line) in invalid.iter().take(20).enumerate() {
        let at = text
            .lines()
            .nth(*line as usize)
            .unwrap()
            .find("{}")
            .unwrap() as u64
            + 1;
        let position = json!({"line": line, "character": at});
        server.change(
            &uri,
            i64::try_from(i).unwrap() + 2,
            json!([{"range": {"start": position, "end": position}, "text": "\"id\": 1"}]),
        );
    }
    // The server answers while it checks.
    let asked = Instant::now();
    server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    let answered = asked.elapsed();
    let last = server.diagnostics(&uri, 21);
    assert_eq!(last.len() as u64, lines.div_ceil(10) - 20);
    // Versions are published in order, and only the newest of those queued together.
    let versions: Vec<i64> = server
        .seen
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .filter_map(|m| m["params"]["version"].as_i64())
        .collect();
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
    assert!(versions.len() < 20, "no change was coalesced: {versions:?}");
    assert!(answered < Duration::from_secs(1), "hover took {answered:?}");
}

/// The time from a change of a 1 MB document to its diagnostics. Meaningful with a release
/// build: `cargo build --release -p eventlint`, then `EVENTLINT_LSP_BIN=target/release/eventlint
/// cargo test -p eventlint-tests --test lsp -- --ignored --nocapture`.
#[test]
#[ignore = "a measure, for release builds"]
fn latency_of_a_change_to_a_1_mb_document() {
    let dir = project(&[]);
    let path: PathBuf = dir
        .path()
        .join("fixtures/synerise/custom-event/large.ndjson");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let (mut server, _) = Server::start(dir.path(), &["utf-16"]);
    let uri = url(&path);
    let text = large_ndjson();
    server.open(&uri, &text);
    server.diagnostics(&uri, 1);
    let mut times = Vec::new();
    for version in 2..42 {
        let position = json!({"line": 1, "character": 1});
        let started = Instant::now();
        server.change(
            &uri,
            version,
            json!([{"range": {"start": position, "end": position}, "text": " "}]),
        );
        server.diagnostics(&uri, version);
        // Until the answer's last byte was read (this debug-built client's parsing of 300 KB
        // of diagnostics is not the server's time).
        times.push(server.arrived.duration_since(started));
    }
    times.sort();
    #[allow(clippy::print_stdout)] // the measure is the test's output
    {
        println!(
            "change to diagnostics, 1 MB NDJSON ({} lines): median {:?}, max {:?}",
            text.lines().count(),
            times[times.len() / 2],
            times[times.len() - 1]
        );
    }
}
