//! Garbage, endless and unreachable input, black-box through the binary: work and memory stay
//! bounded whatever the size of the garbage (a file of NUL bytes, a binary, an NDJSON line past
//! the limit, `-j 10000`), stdin is checked as it comes, `--input-format` reads what has no
//! extension, and nothing is skipped in silence (a directory the walk cannot enter, an
//! `eventlint.toml` that cannot be read, a configuration that never ends).
//!
//! Peak memory is measured with `/usr/bin/time` (the test process's own peak would carry over to
//! a child it starts directly); where it is missing, only the verdicts and the deadline are held.

#![allow(clippy::unwrap_used)]
// A case this machine cannot test (no `/usr/bin/time`, root without `setpriv`) says so.
#![allow(clippy::print_stderr)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use eventlint_tests::cli::{NOW, bin, code, finish, run_with_deadline, spawn, stderr, stdout};

/// Generous for a debug build on a shared machine; a hang still fails.
const DEADLINE: Duration = Duration::from_secs(120);

/// A clean Synerise custom event (no finding at all), on one line.
const VALID: &str = r#"{"action": "dog.bark", "client": {"id": 5092159999}, "time": "2022-11-28T12:18:27Z", "params": {"mood": "happy"}, "label": "bark"}"#;

const MIB: usize = 1 << 20;

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// Writes `head`, then `fill` up to `len` bytes in all, then `tail`, a mebibyte at a time (the
/// test process stays small).
fn write_big(path: &Path, head: &[u8], fill: &[u8], len: usize, tail: &[u8]) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    out.write_all(head).unwrap();
    let chunk: Vec<u8> = fill.iter().copied().cycle().take(MIB).collect();
    let mut left = len - head.len();
    while left > 0 {
        let n = left.min(chunk.len());
        out.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    out.write_all(tail).unwrap();
    out.flush().unwrap();
}

/// Writes a run's stdin.
type Feed = dyn Fn(&mut dyn Write) + Sync;

/// `eventlint ARGS` in `dir` within the deadline (stdin written by `stdin`), and its peak
/// resident memory in MiB when `/usr/bin/time` can tell.
fn measured(dir: &Path, args: &[&str], stdin: Option<&Feed>) -> (Output, Option<u64>) {
    let time = Path::new("/usr/bin/time");
    let peak_file = dir.join(".peak");
    let mut command = if time.exists() {
        let mut command = Command::new(time);
        command.args(["-f", "%M", "-o"]).arg(&peak_file).arg(bin());
        command
    } else {
        eprintln!("no /usr/bin/time: peak memory is not measured");
        Command::new(bin())
    };
    let mut child = command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let feeder = child.stdin.take();
    let fed = std::thread::scope(|scope| {
        let feeding = stdin.zip(feeder).map(|(feed, mut pipe)| {
            scope.spawn(move || {
                feed(&mut pipe);
                drop(pipe);
            })
        });
        let output = finish(child, DEADLINE);
        if let Some(feeding) = feeding {
            feeding.join().unwrap();
        }
        output
    });
    // `time -o` writes "Command exited with non-zero status N" first when it is not zero.
    let peak = std::fs::read_to_string(&peak_file)
        .ok()
        .and_then(|text| text.lines().last()?.trim().parse::<u64>().ok())
        .map(|kib| kib >> 10);
    let _ = std::fs::remove_file(&peak_file);
    (fed, peak)
}

/// `check --now … --no-config --format json ARGS`, measured.
fn check(dir: &Path, args: &[&str]) -> (Output, Option<u64>) {
    let mut all = vec!["check", NOW, "--no-config", "--format", "json"];
    all.extend_from_slice(args);
    measured(dir, &all, None)
}

fn report(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(o), stderr(o)))
}

/// Every diagnostic as (rule, line, column, message).
fn diagnostics(o: &Output) -> Vec<(String, u64, u64, String)> {
    report(o)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn assert_peak_below(peak: Option<u64>, mib: u64, what: &str) {
    if let Some(peak) = peak {
        assert!(
            peak < mib,
            "{what}: {peak} MiB at the peak, expected under {mib}"
        );
    }
}

/// A file of garbage: name, first bytes, the bytes repeated after them, size, the message.
type Case<'a> = (&'a str, &'a [u8], &'a [u8], usize, &'a str);

/// Garbage is judged by its first bytes, as today for a small file of the same bytes, and the
/// rest is never held: 200 MB of NUL bytes took 2.8 s and 410 MB (debug build), a 64 KiB
/// beginning now. A binary stays "looks binary", an NDJSON line of NUL bytes too.
#[test]
fn garbage_is_judged_by_its_first_bytes_and_not_held() {
    let dir = temp();
    let d = dir.path();
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0\xB0\x10".to_vec();
    elf.extend((0..=255u8).take(256));
    let cases: [Case; 4] = [
        (
            "nul.json",
            b"",
            b"\0",
            200 * MIB,
            "unexpected control character U+0000 (NUL)",
        ),
        (
            "nul.ndjson",
            b"",
            b"\0",
            200 * MIB,
            "unexpected control character U+0000 (NUL)",
        ),
        (
            "a.out.json",
            &elf,
            &elf,
            100 * MIB,
            "looks binary, not text",
        ),
        (
            "page.json",
            b"\n\n  <html>",
            b" <p>",
            100 * MIB,
            "invalid JSON: expected value",
        ),
    ];
    for (name, head, fill, len, message) in cases {
        write_big(&d.join(name), head, fill, len, b"");
        // The same bytes, small: today's verdict.
        let small = format!("small-{name}");
        write_big(&d.join(&small), head, fill, 100 << 10, b"");
        let (big, peak) = check(d, &[name]);
        let (small, _) = check(d, &[&small]);
        assert_eq!(code(&big), 1, "{name}: {}", stderr(&big));
        let found = diagnostics(&big);
        assert_eq!(found, diagnostics(&small), "{name}");
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        assert!(found[0].3.contains(message), "{name}: {found:?}");
        assert_peak_below(peak, 64, name);
        std::fs::remove_file(d.join(name)).unwrap();
    }
}

/// An NDJSON line longer than 64 MiB is reported (`json/syntax` naming the limit) and skipped
/// to its end without being held whole; the lines after it keep their numbers.
#[test]
fn an_ndjson_line_past_the_limit_is_reported_not_held() {
    let dir = temp();
    let d = dir.path();
    let len = 200 * MIB;
    let head = format!("{VALID}\n{{\"label\": \"");
    let tail = format!("\"}}\r\n\n{{\"action\": 1}}\n{VALID}\n");
    write_big(
        &d.join("long.ndjson"),
        head.as_bytes(),
        b"x",
        len,
        tail.as_bytes(),
    );
    let line_bytes = len - (VALID.len() + 1) + 2;
    let (o, peak) = check(d, &["long.ndjson"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let found = diagnostics(&o);
    assert_eq!(found[0].0, "json/syntax");
    assert_eq!((found[0].1, found[0].2), (2, 1));
    assert_eq!(
        found[0].3,
        format!(
            "the line holds {line_bytes} bytes, more than the 64 MiB (67108864 bytes) eventlint reads of one NDJSON line: it was not checked"
        )
    );
    // The document after the blank line is on line 4.
    assert!(found[1..].iter().all(|d| d.1 == 4), "{found:?}");
    assert!(found.len() > 1);
    assert_eq!(report(&o)["summary"]["documents"], 4);
    // The limit (64 MiB) and not much more: the old reader held all 200 MiB, twice.
    assert_peak_below(peak, 160, "a 200 MiB line");
    // The human report shows the line's beginning, not 64 MiB of it.
    let o = run_with_deadline(d, &["check", NOW, "--no-config", "long.ndjson"], DEADLINE);
    assert!(o.stdout.len() < 8192, "{} bytes", o.stdout.len());
    assert!(
        stdout(&o).contains("[long.ndjson (document 2):2:1]"),
        "{}",
        stdout(&o)
    );
}

/// `-j 10000` spun for over a minute on one small file (idle workers scanning each other's
/// queues): past 256 threads the run is refused at once, and a run of a few files starts no
/// more threads than files.
#[test]
fn jobs_past_the_maximum_are_refused() {
    let dir = temp();
    let d = dir.path();
    std::fs::write(d.join("a.json"), VALID).unwrap();
    let started = Instant::now();
    let (o, _) = check(d, &["-j", "10000", "a.json"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("--jobs 10000: at most 256 threads"),
        "{}",
        stderr(&o)
    );
    let (o, _) = check(d, &["-j", "256", "a.json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(started.elapsed() < Duration::from_secs(30));
}

/// NDJSON on stdin is read in blocks, as a file is: diagnostics come while the producer still
/// writes (it used to be read whole first, 905 MB for what took 25 MB by name), and memory does
/// not grow with the stream.
#[test]
fn ndjson_on_stdin_is_checked_as_it_comes() {
    let dir = temp();
    let d = dir.path();
    let mut child = Command::new(bin())
        .args([
            "check",
            NOW,
            "--no-config",
            "--format",
            "github",
            "--stdin-filename",
            "e.ndjson",
            "-",
        ])
        .current_dir(d)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let mut out = child.stdout.take().unwrap();
    let (sender, received) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0; 4096];
        loop {
            match std::io::Read::read(&mut out, &mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    all.extend_from_slice(&buf[..n]);
                    let _ = sender.send(());
                }
            }
        }
        all
    });
    // Three blocks of documents with a finding each, and stdin left open.
    let line = format!("{{\"action\": 1}}{}\n", " ".repeat(100));
    let lines = 3 * MIB / line.len();
    pipe.write_all(line.repeat(lines).as_bytes()).unwrap();
    pipe.flush().unwrap();
    let first = received.recv_timeout(DEADLINE);
    assert!(
        first.is_ok(),
        "no diagnostic within {DEADLINE:?} while stdin stays open"
    );
    drop(pipe);
    let status = child.wait().unwrap();
    let all = reader.join().unwrap();
    assert_eq!(status.code(), Some(1));
    let text = String::from_utf8_lossy(&all);
    assert!(
        text.contains(&format!("line={lines},")),
        "{} bytes of report",
        text.len()
    );

    // 150 MB through stdin: the peak does not grow with it.
    let feed = |pipe: &mut dyn Write| {
        let blank = format!("{}\n", " ".repeat(1023));
        let chunk = blank.repeat(MIB / blank.len());
        for _ in 0..150 {
            if pipe.write_all(chunk.as_bytes()).is_err() {
                return;
            }
        }
        let _ = pipe.write_all(format!("{VALID}\n").as_bytes());
    };
    let args = [
        "check",
        NOW,
        "--no-config",
        "--format",
        "json",
        "--stdin-filename",
        "e.ndjson",
        "-",
    ];
    let (o, peak) = measured(d, &args, Some(&feed));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(report(&o)["summary"]["documents"], 1);
    assert_peak_below(peak, 64, "150 MB on stdin");
}

/// `--input-format ndjson` reads a FIFO or a file without an extension one document per line
/// (`eventlint check <(producer)` read `/dev/fd/63` as one JSON document); `json` reads a
/// `.ndjson` file whole.
#[cfg(unix)]
#[test]
fn the_input_format_says_how_to_read_what_has_no_extension() {
    let dir = temp();
    let d = dir.path();
    let two = format!("{VALID}\n{VALID}\n");
    std::fs::write(d.join("events"), &two).unwrap();
    std::fs::write(d.join("events.ndjson"), &two).unwrap();
    let (o, _) = check(d, &["events"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        diagnostics(&o)[0].3,
        "unexpected data after the end of the JSON value"
    );
    let (o, _) = check(d, &["--input-format", "ndjson", "events"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(report(&o)["summary"]["documents"], 2);
    let (o, _) = check(d, &["--input-format", "json", "events.ndjson"]);
    assert_eq!(code(&o), 1);
    assert_eq!(report(&o)["summary"]["documents"], 1);
    // Stdin too, whatever --stdin-filename says.
    let o = eventlint_tests::cli::run_in(
        d,
        &[
            "check",
            NOW,
            "--no-config",
            "--format",
            "json",
            "--input-format",
            "ndjson",
            "--stdin-filename",
            "e.json",
            "-",
        ],
        Some(two.as_bytes()),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(report(&o)["summary"]["documents"], 2);
    // A FIFO, as `<(producer)` makes one.
    let status = Command::new("mkfifo").arg(d.join("pipe")).status().unwrap();
    assert!(status.success());
    let mut writer = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(d.join("pipe"))
        .unwrap();
    let args = [
        "check",
        NOW,
        "--no-config",
        "--format",
        "json",
        "--input-format",
        "ndjson",
        "pipe",
    ];
    let child = spawn(d, &args, &[]);
    writer.write_all(two.as_bytes()).unwrap();
    // Closing the last writer before eventlint opens the FIFO would discard the data.
    let fds = format!("/proc/{}/fd", child.id());
    let target = d.join("pipe").canonicalize().unwrap();
    let started = Instant::now();
    while !std::fs::read_dir(&fds).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| std::fs::read_link(e.path()).is_ok_and(|t| t == target))
    }) {
        assert!(
            started.elapsed() < DEADLINE,
            "eventlint never opened the FIFO"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    drop(writer);
    let o = finish(child, DEADLINE);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(report(&o)["summary"]["documents"], 2);
    let o = run_with_deadline(d, &["check", "--input-format", "yaml", "events"], DEADLINE);
    assert_eq!(code(&o), 2);
}

/// A subtree deeper than `PATH_MAX` was skipped in silence (exit 0): it is named and the run
/// fails, and every other file is still checked.
#[cfg(unix)]
#[test]
fn a_subtree_deeper_than_path_max_fails_the_run() {
    let dir = temp();
    let d = dir.path();
    std::fs::create_dir(d.join("tree")).unwrap();
    std::fs::write(d.join("tree/top.json"), VALID).unwrap();
    // 25 levels of 200-byte names (5,000 bytes): made with short names, then renamed from the
    // deepest up, so that no path this test uses is too long.
    let levels = 25;
    let mut path = d.join("tree");
    for i in 0..levels {
        path.push(format!("{i}"));
    }
    std::fs::create_dir_all(&path).unwrap();
    std::fs::write(path.join("deep.json"), VALID).unwrap();
    for i in (0..levels).rev() {
        let long = format!("{i:0>200}");
        std::fs::rename(&path, path.with_file_name(&long)).unwrap();
        path.pop();
    }
    let (o, _) = check(d, &["tree"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert_eq!(report(&o)["summary"]["documents"], 1);
    let err = stderr(&o);
    assert!(
        err.contains("so nothing below it is checked: File name too long"),
        "{err}"
    );
    assert!(err.starts_with("eventlint: cannot enter `tree/"), "{err}");
}

/// A directory that can be listed but not entered was skipped in silence: it is named and the
/// run fails. Root enters anything, so as root the run drops the capabilities that allow it
/// (`setpriv`; without it, this case is left out).
#[cfg(target_os = "linux")]
#[test]
fn a_directory_that_cannot_be_entered_fails_the_run() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    let d = dir.path();
    std::fs::create_dir_all(d.join("tree/locked/inner")).unwrap();
    std::fs::write(d.join("tree/top.json"), VALID).unwrap();
    std::fs::write(d.join("tree/locked/inner/a.json"), VALID).unwrap();
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    let setpriv = Path::new("/usr/bin/setpriv");
    if root && !setpriv.exists() {
        eprintln!("running as root without setpriv: not tested");
        return;
    }
    // Readable (it can be listed), not searchable (it cannot be entered).
    std::fs::set_permissions(
        d.join("tree/locked"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    let mut command = if root {
        let mut command = Command::new(setpriv);
        command
            .arg("--bounding-set=-dac_override,-dac_read_search")
            .arg(bin());
        command
    } else {
        Command::new(bin())
    };
    let child = command
        .args(["check", NOW, "--no-config", "--format", "json", "tree"])
        .current_dir(d)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let o = finish(child, DEADLINE);
    std::fs::set_permissions(
        d.join("tree/locked"),
        std::fs::Permissions::from_mode(0o755),
    )
    .unwrap();
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert_eq!(report(&o)["summary"]["documents"], 1);
    assert!(
        stderr(&o).contains(
            "cannot enter `tree/locked/inner`, so nothing below it is checked: Permission denied"
        ),
        "{}",
        stderr(&o)
    );
}

/// A discovered `eventlint.toml` that is a dangling link, a directory or a link loop is the
/// configuration of the files below it, which cannot be read: exit 2, saying why, not a
/// parent's configuration instead.
#[cfg(unix)]
#[test]
fn an_unreadable_eventlint_toml_is_not_passed_over() {
    let dir = temp();
    let d = dir.path();
    std::fs::write(d.join("eventlint.toml"), "").unwrap();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::write(d.join("sub/a.json"), VALID).unwrap();
    let config = d.join("sub/eventlint.toml");
    let cases: [(&str, &dyn Fn()); 3] = [
        ("it is a symbolic link to a missing file", &|| {
            std::os::unix::fs::symlink("missing.toml", &config).unwrap();
        }),
        ("it is a directory", &|| {
            std::fs::create_dir(&config).unwrap();
        }),
        ("it is a symbolic link in a loop", &|| {
            std::os::unix::fs::symlink("eventlint.toml", &config).unwrap();
        }),
    ];
    for (why, make) in cases {
        make();
        let o = run_with_deadline(d, &["check", NOW, "sub/a.json"], DEADLINE);
        assert_eq!(code(&o), 2, "{why}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(&format!(
                "cannot read the configuration `sub/eventlint.toml`: {why}"
            )),
            "{}",
            stderr(&o)
        );
        let _ = std::fs::remove_file(&config).or_else(|_| std::fs::remove_dir(&config));
    }
}

/// `--config` is opened as inputs are: a device is refused (`/dev/zero` read until memory ran
/// out), a FIFO nobody writes to is an empty configuration (`open` waited for a writer
/// forever), and a configuration past 16 MiB is refused unread.
#[cfg(unix)]
#[test]
fn a_configuration_that_never_ends_is_refused() {
    let dir = temp();
    let d = dir.path();
    std::fs::write(d.join("a.json"), VALID).unwrap();
    let o = run_with_deadline(
        d,
        &["check", NOW, "--config", "/dev/zero", "a.json"],
        DEADLINE,
    );
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("cannot read the configuration `/dev/zero`: it is a device"),
        "{}",
        stderr(&o)
    );
    let status = Command::new("mkfifo")
        .arg(d.join("fifo.toml"))
        .status()
        .unwrap();
    assert!(status.success());
    let o = run_with_deadline(
        d,
        &["check", NOW, "--config", "fifo.toml", "a.json"],
        Duration::from_secs(30),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    write_big(
        &d.join("big.toml"),
        b"",
        b"# a comment line that goes on\n",
        17 * MIB,
        b"",
    );
    let o = run_with_deadline(
        d,
        &["check", NOW, "--config", "big.toml", "a.json"],
        DEADLINE,
    );
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("cannot read the configuration `big.toml`: it is larger than 16 MiB"),
        "{}",
        stderr(&o)
    );
}
