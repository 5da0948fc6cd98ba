//! `cargo xtask bench`: eventlint against a parse-only baseline on the same inputs.
//!
//! The corpus comes from `xtask/bench/gen_corpus.py` (into `target/`, never committed). Each
//! workload runs eventlint and the baseline in alternation, `--runs` times, and reports the median
//! wall and CPU time, events/s, MB/s, peak memory, and the ratios to the baseline.

#![allow(clippy::print_stdout)]

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// One measured run of a command.
#[derive(Debug, Clone, Copy)]
struct Sample {
    wall: Duration,
    cpu: Duration,
    max_rss_kib: u64,
    code: i32,
}

/// Runs `cmd` with stdout to /dev/null and returns its wall time, CPU time (user + system, all
/// threads) and peak resident memory, read from `wait4`.
#[allow(unsafe_code)]
fn measure(cmd: &mut Command) -> Result<Sample> {
    let start = Instant::now();
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .stdin(Stdio::null())
        .spawn()?;
    let pid = libc::pid_t::try_from(child.id()).context("pid")?;
    let mut status = 0;
    // SAFETY: `rusage` is plain data that `wait4` fills in; zeroed is a valid initial value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet reaped (`Child` never waited on it); the pointers
    // are to live locals of the right types.
    let reaped = unsafe { libc::wait4(pid, &raw mut status, 0, &raw mut usage) };
    let wall = start.elapsed();
    if reaped != pid {
        bail!("wait4 failed: {}", std::io::Error::last_os_error());
    }
    let tv = |t: libc::timeval| {
        Duration::new(
            t.tv_sec.unsigned_abs(),
            (t.tv_usec.unsigned_abs() * 1000) as u32,
        )
    };
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    // The `Child` handle must not wait again; forget it (its pid is reaped).
    std::mem::forget(child);
    Ok(Sample {
        wall,
        cpu: tv(usage.ru_utime) + tv(usage.ru_stime),
        max_rss_kib: usage.ru_maxrss.unsigned_abs(),
        code,
    })
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

struct Stats {
    wall: Duration,
    cpu: Duration,
    rss_kib: u64,
}

fn stats(samples: &[Sample]) -> Stats {
    Stats {
        wall: median(samples.iter().map(|s| s.wall).collect()),
        cpu: median(samples.iter().map(|s| s.cpu).collect()),
        rss_kib: samples.iter().map(|s| s.max_rss_kib).max().unwrap_or(0),
    }
}

struct Workload {
    name: String,
    events: u64,
    bytes: u64,
    eventlint: Vec<String>,
    baseline: Vec<String>,
}

/// A HAR capture of the corpus's first `n` events, each the body of a request to Synerise's
/// custom events endpoint with the headers an application sends, as a proxy records it; and
/// the same bodies as NDJSON, to compare with. Written once, streamed (no whole text in memory).
fn har_corpus(corpus: &Path, n: u64) -> Result<(PathBuf, PathBuf)> {
    use std::io::{BufRead, BufWriter, Write};
    let har = corpus.join(format!("requests-{n}.har"));
    let bodies = corpus.join(format!("requests-{n}-bodies.ndjson"));
    if har.exists() && bodies.exists() {
        return Ok((har, bodies));
    }
    let source = std::io::BufReader::new(std::fs::File::open(corpus.join("events.ndjson"))?);
    let mut out = BufWriter::new(std::fs::File::create(&har)?);
    let mut same = BufWriter::new(std::fs::File::create(&bodies)?);
    out.write_all(
        b"{\n  \"log\": {\n    \"version\": \"1.2\",\n    \"creator\": {\"name\": \"mitmproxy\", \"version\": \"11.0.0\"},\n    \"entries\": [",
    )?;
    let headers = serde_json::json!([
        {"name": "Authorization", "value": "Bearer eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiI2N2FhYmQ5YjA1ZTQxNmI3NjEzYmQ2OGQifQ.c2lnbmF0dXJlZm9yYmVuY2htYXJr"},
        {"name": "Api-Version", "value": "4.4"},
        {"name": "Content-Type", "value": "application/json"}
    ]);
    for (i, line) in source.lines().take(usize::try_from(n)?).enumerate() {
        let line = line?;
        same.write_all(line.as_bytes())?;
        same.write_all(b"\n")?;
        let entry = serde_json::json!({
            "startedDateTime": "2025-12-31T23:00:00.000Z",
            "time": 42,
            "request": {
                "method": "POST",
                "url": "https://api.synerise.com/v4/events/custom",
                "httpVersion": "HTTP/1.1",
                "headers": headers,
                "queryString": [],
                "cookies": [],
                "headersSize": -1,
                "bodySize": line.len(),
                "postData": {"mimeType": "application/json", "text": line}
            },
            "response": {"status": 202, "statusText": "Accepted", "httpVersion": "HTTP/1.1", "headers": [], "cookies": [], "content": {"size": 0, "mimeType": "text/plain"}, "redirectURL": "", "headersSize": -1, "bodySize": 0},
            "cache": {},
            "timings": {"send": 1, "wait": 40, "receive": 1}
        });
        out.write_all(if i == 0 { b"\n      " } else { b",\n      " })?;
        serde_json::to_writer(&mut out, &entry)?;
    }
    out.write_all(b"\n    ]\n  }\n}\n")?;
    out.flush()?;
    same.flush()?;
    Ok((har, bodies))
}

fn dir_size(path: &Path) -> u64 {
    if path.is_dir() {
        std::fs::read_dir(path).map_or(0, |rd| rd.flatten().map(|e| dir_size(&e.path())).sum())
    } else {
        std::fs::metadata(path).map_or(0, |m| m.len())
    }
}

fn count_lines(path: &Path) -> Result<u64> {
    let mut n = 0;
    for line in BufReader::new(std::fs::File::open(path)?).lines() {
        n += u64::from(!line?.trim().is_empty());
    }
    Ok(n)
}

/// The corpus lines on which eventlint reports nothing (found by running it once): the valid path.
///
/// `cargo xtask bench` runs this in a child process (`xtask bench-clean-subset`): on Linux a
/// process's peak-memory figure (`ru_maxrss`) carries over its parent's high-water mark across fork
/// and exec, so the measuring process must never grow.
pub fn clean_subset(eventlint: &Path, ndjson: &Path, flags: &[&str]) -> Result<(PathBuf, u64)> {
    #[derive(serde::Deserialize)]
    struct Report {
        diagnostics: Vec<Entry>,
    }
    #[derive(serde::Deserialize)]
    struct Entry {
        document: u64,
    }
    let out = ndjson.with_file_name("clean.ndjson");
    let report_path = ndjson.with_file_name("report.json");
    let status = Command::new(eventlint)
        .arg("check")
        .arg(ndjson)
        .args(flags)
        .stdout(std::fs::File::create(&report_path)?)
        .status()?;
    if status.code() == Some(2) {
        bail!("eventlint failed on {}", ndjson.display());
    }
    let report: Report =
        serde_json::from_reader(BufReader::new(std::fs::File::open(&report_path)?))
            .context("eventlint's JSON report")?;
    let flagged: std::collections::HashSet<u64> =
        report.diagnostics.iter().map(|d| d.document).collect();
    drop(report);
    std::fs::remove_file(&report_path)?;
    let mut writer = BufWriter::new(std::fs::File::create(&out)?);
    let (mut count, mut total) = (0u64, 0u64);
    for line in BufReader::new(std::fs::File::open(ndjson)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        total += 1;
        if !flagged.contains(&total) {
            writeln!(writer, "{line}")?;
            count += 1;
        }
    }
    writer.flush()?;
    println!(
        "{count} of the {total} corpus documents have no finding ({:.1}%)",
        100.0 * count as f64 / total.max(1) as f64
    );
    Ok((out, count))
}

/// eventlint's flags in every workload.
const FLAGS: [&str; 7] = [
    "--kind",
    "synerise.custom-event",
    "--now",
    "2026-01-01T00:00:00Z",
    "--format",
    "json",
    "--no-config",
];

/// `cargo xtask same-reports`: the thread-count check of the benchmark alone, on a corpus of
/// `lines` events (half of them invalid) and any eventlint binary (CI passes its debug build).
pub fn same_reports(root: &Path, eventlint: &Path, lines: u64, gen_script: &Path) -> Result<()> {
    let corpus = invalid_corpus(gen_script, &root.join("target"), lines)?;
    let report = same_with_one_thread(eventlint, &corpus, &FLAGS, 4)?;
    println!("{report}");
    Ok(())
}

/// The corpus of `lines` events, half of them invalid (generated once, under `target`).
fn invalid_corpus(gen_script: &Path, target: &Path, lines: u64) -> Result<PathBuf> {
    let corpus = target.join(format!("bench-corpus-{lines}-invalid50"));
    let n = lines.to_string();
    let args = ["--ndjson", &n, "--files", "0", "--batch", "0"];
    generate(
        gen_script,
        &corpus,
        &[&args[..], &["--invalid-rate", "0.5"]].concat(),
    )?;
    Ok(corpus)
}

/// Correctness beside speed: the report is byte for byte the same with one thread and with all
/// of them, on the 50%-invalid corpus and on its invalid lines alone (the generator's manifest
/// lists them). Fails the benchmark otherwise.
fn same_with_one_thread(
    eventlint: &Path,
    corpus: &Path,
    flags: &[&str],
    threads: usize,
) -> Result<String> {
    #[derive(serde::Deserialize)]
    struct Manifest {
        outputs: std::collections::HashMap<String, Output>,
    }
    #[derive(serde::Deserialize)]
    struct Output {
        invalid_indices: Vec<u64>,
    }
    let ndjson = corpus.join("events.ndjson");
    let invalid = corpus.join("invalid-lines.ndjson");
    let manifest: Manifest = serde_json::from_reader(BufReader::new(std::fs::File::open(
        corpus.join("manifest.json"),
    )?))
    .context("the corpus manifest")?;
    let indices: std::collections::HashSet<u64> = manifest
        .outputs
        .get("events.ndjson")
        .context("the manifest lists events.ndjson")?
        .invalid_indices
        .iter()
        .copied()
        .collect(); // 1-based line numbers
    let mut writer = BufWriter::new(std::fs::File::create(&invalid)?);
    let mut kept = 0;
    for (i, line) in BufReader::new(std::fs::File::open(&ndjson)?)
        .lines()
        .enumerate()
    {
        let line = line?;
        if indices.contains(&(i as u64 + 1)) {
            writeln!(writer, "{line}")?;
            kept += 1;
        }
    }
    writer.flush()?;
    let mut out = format!("Same reports with `-j 1` and `-j {threads}` (FNV-1a of the output):\n");
    for (what, path) in [
        ("the 50%-invalid corpus".to_owned(), &ndjson),
        (format!("its {kept} invalid lines alone"), &invalid),
    ] {
        let one = digest(eventlint, path, flags, "1")?;
        let all = digest(eventlint, path, flags, &threads.to_string())?;
        if one != all {
            bail!("{what}: the report differs between -j 1 and -j {threads}");
        }
        let _ = writeln!(out, "- {what}: identical, {} bytes, {:016x}", one.1, one.0);
        println!("done: -j 1 and -j {threads} agree on {what}");
    }
    std::fs::remove_file(&invalid)?;
    Ok(out)
}

/// FNV-1a (64-bit) and length of what eventlint writes on `path` with `-j jobs`.
fn digest(eventlint: &Path, path: &Path, flags: &[&str], jobs: &str) -> Result<(u64, u64)> {
    let mut child = Command::new(eventlint)
        .arg("check")
        .arg(path)
        .args(flags)
        .args(["-j", jobs])
        .stdout(std::process::Stdio::piped())
        .spawn()?;
    let mut stdout = child.stdout.take().context("eventlint's stdout")?;
    let (mut hash, mut len) = (0xcbf2_9ce4_8422_2325_u64, 0_u64);
    let mut buf = vec![0_u8; 1 << 16];
    loop {
        let n = std::io::Read::read(&mut stdout, &mut buf)?;
        if n == 0 {
            break;
        }
        for byte in &buf[..n] {
            hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
        len += n as u64;
    }
    let status = child.wait()?;
    if status.code() == Some(2) || status.code().is_none() {
        bail!("eventlint failed on {}", path.display());
    }
    Ok((hash, len))
}

fn generate(gen_script: &Path, out: &Path, args: &[&str]) -> Result<()> {
    if out.join("manifest.json").exists() {
        return Ok(());
    }
    println!("generating {} ({})", out.display(), args.join(" "));
    let status = Command::new("python3")
        .arg(gen_script)
        .arg("--out")
        .arg(out)
        .args(args)
        .status()?;
    if !status.success() {
        bail!("gen_corpus.py failed");
    }
    Ok(())
}

fn schema_path(root: &Path) -> PathBuf {
    root.join("schemas/synerise.custom-event.schema.json")
}

/// Finds `program` on `PATH`.
fn on_path(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    })
}

/// Peer validators, where installed, on the same inputs: the 10,000 files, and the NDJSON corpus
/// converted to one JSON array (none of them reads NDJSON) against the event schema wrapped as an
/// array schema. One run each for the array (they are slow), `runs` for the files.
fn peers(corpus: &Path, schema: &Path, baseline: &Path, runs: usize) -> Result<String> {
    let found: Vec<(&str, PathBuf)> = ["check-jsonschema", "ajv", "jsonschema-cli"]
        .into_iter()
        .filter_map(|name| on_path(name).map(|p| (name, p)))
        .collect();
    if found.is_empty() {
        return Ok(String::new());
    }
    let dir = corpus.join("peers");
    std::fs::create_dir_all(&dir)?;
    // The array form of the corpus and the schema, built once.
    let array = dir.join("events.array.json");
    if !array.exists() {
        let mut out = BufWriter::new(std::fs::File::create(&array)?);
        out.write_all(b"[")?;
        let mut first = true;
        for line in BufReader::new(std::fs::File::open(corpus.join("events.ndjson"))?).lines() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            if !first {
                out.write_all(b",\n")?;
            }
            first = false;
            out.write_all(line.as_bytes())?;
        }
        out.write_all(b"]\n")?;
        out.flush()?;
    }
    let mut event: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(schema)?)?;
    let defs = event.as_object_mut().and_then(|o| o.remove("$defs"));
    if let Some(o) = event.as_object_mut() {
        o.remove("$schema");
    }
    let array_schema = dir.join("array.schema.json");
    let mut wrapped = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "array",
        "items": event,
    });
    if let (Some(defs), Some(o)) = (defs, wrapped.as_object_mut()) {
        o.insert("$defs".to_owned(), defs);
    }
    std::fs::write(&array_schema, serde_json::to_string_pretty(&wrapped)?)?;
    let mut files: Vec<String> = std::fs::read_dir(corpus.join("files"))?
        .flatten()
        .map(|e| e.path().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let s = |p: &Path| p.to_string_lossy().into_owned();
    let base_files = stats(
        &(0..runs)
            .map(|_| measure(Command::new(baseline).arg(corpus.join("files"))))
            .collect::<Result<Vec<_>>>()?,
    );
    let base_ndjson = stats(&[measure(
        Command::new(baseline).arg(corpus.join("events.ndjson")),
    )?]);
    let mut rows = String::new();
    for (name, program) in found {
        let command = |array_input: bool| -> Command {
            let mut c = Command::new(&program);
            let (schema, inputs): (String, Vec<String>) = if array_input {
                (s(&array_schema), vec![s(&array)])
            } else {
                (s(schema), files.clone())
            };
            match name {
                "check-jsonschema" => {
                    c.args(["--schemafile", &schema]).args(&inputs);
                }
                "ajv" => {
                    c.args([
                        "validate",
                        "--spec=draft2020",
                        "--strict=false",
                        "-s",
                        &schema,
                    ]);
                    for input in &inputs {
                        c.args(["-d", input]);
                    }
                }
                _ => {
                    c.arg(&schema);
                    for input in &inputs {
                        c.args(["-i", input]);
                    }
                }
            }
            c
        };
        let files_label = format!("{} single-event files", files.len());
        for (label, array_input, base, n) in [
            (files_label.as_str(), false, &base_files, runs),
            (
                "the NDJSON corpus converted to one JSON array",
                true,
                &base_ndjson,
                1,
            ),
        ] {
            let samples = (0..n)
                .map(|_| measure(&mut command(array_input)))
                .collect::<Result<Vec<_>>>()?;
            let st = stats(&samples);
            let _ = writeln!(
                rows,
                "| {label} | {name} (peer) | {:.3} s | {:.3} s | | | {:.1} MiB | {:.2} | {:.2} |",
                st.wall.as_secs_f64(),
                st.cpu.as_secs_f64(),
                st.rss_kib as f64 / 1024.0,
                st.wall.as_secs_f64() / base.wall.as_secs_f64(),
                st.cpu.as_secs_f64() / base.cpu.as_secs_f64().max(1e-9),
            );
            println!("done: {name} on {label}");
        }
    }
    Ok(rows)
}

/// CPU time the hypervisor gave to other guests while this machine's CPUs wanted to run (the
/// `steal` column of /proc/stat), in seconds: on a shared host it explains a slow run.
fn stolen() -> Option<f64> {
    /// The unit of /proc/stat's times (`USER_HZ`, 100 on Linux).
    const USER_HZ: f64 = 100.0;
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let cpu = stat.lines().find(|l| l.starts_with("cpu "))?;
    let steal: f64 = cpu.split_whitespace().nth(8)?.parse().ok()?;
    Some(steal / USER_HZ)
}

/// Options of `cargo xtask bench`.
#[derive(Debug)]
pub struct Options {
    pub runs: usize,
    pub lines: u64,
    pub files: u64,
    pub big: bool,
    pub gen_script: PathBuf,
}

pub fn run(root: &Path, opts: &Options) -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(&cargo)
        .args([
            "build",
            "--release",
            "-p",
            "eventlint",
            "-p",
            "parse-baseline",
        ])
        .current_dir(root)
        .status()?;
    if !status.success() {
        bail!("release build failed");
    }
    let target = root.join("target");
    let eventlint = target.join("release/eventlint");
    let baseline = target.join("release/parse-baseline");
    let corpus = target.join(format!("bench-corpus-{}-{}", opts.lines, opts.files));
    let (lines, files) = (opts.lines.to_string(), opts.files.to_string());
    generate(
        &opts.gen_script,
        &corpus,
        &["--ndjson", &lines, "--files", &files, "--batch", "0"],
    )?;
    let invalid = invalid_corpus(&opts.gen_script, &target, opts.lines)?;

    let flags = FLAGS;
    let s = |p: &Path| p.to_string_lossy().into_owned();
    let with_flags = |input: String| {
        let mut v = vec!["check".to_owned(), input];
        v.extend(flags.iter().map(|f| (*f).to_owned()));
        v
    };
    // In a child process: this one must stay small (see `clean_subset`).
    let status = Command::new(std::env::current_exe()?)
        .args(["bench-clean-subset"])
        .arg(&eventlint)
        .arg(corpus.join("events.ndjson"))
        .args(flags)
        .status()?;
    if !status.success() {
        bail!("computing the clean subset failed");
    }
    let clean_path = corpus.join("clean.ndjson");
    let clean = (clean_path.clone(), count_lines(&clean_path)?);
    let mut names: Vec<PathBuf> = std::fs::read_dir(corpus.join("files"))?
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    let one_file = names
        .first()
        .cloned()
        .context("the corpus has no single-event files")?;
    let mut workloads = vec![
        Workload {
            name: format!("NDJSON, {} lines, 2% invalid", opts.lines),
            events: opts.lines,
            bytes: dir_size(&corpus.join("events.ndjson")),
            eventlint: with_flags(s(&corpus.join("events.ndjson"))),
            baseline: vec![s(&corpus.join("events.ndjson"))],
        },
        Workload {
            name: format!("NDJSON, {} lines, 50% invalid", opts.lines),
            events: opts.lines,
            bytes: dir_size(&invalid.join("events.ndjson")),
            eventlint: with_flags(s(&invalid.join("events.ndjson"))),
            baseline: vec![s(&invalid.join("events.ndjson"))],
        },
        Workload {
            name: format!(
                "NDJSON, the {} documents of it without findings (valid path)",
                clean.1
            ),
            events: clean.1,
            bytes: dir_size(&clean.0),
            eventlint: with_flags(s(&clean.0)),
            baseline: vec![s(&clean.0)],
        },
        Workload {
            name: format!("{} single-event files", opts.files),
            events: opts.files,
            bytes: dir_size(&corpus.join("files")),
            eventlint: with_flags(s(&corpus.join("files"))),
            baseline: vec![s(&corpus.join("files"))],
        },
        Workload {
            name: "one small file".to_owned(),
            events: 1,
            bytes: dir_size(&one_file),
            eventlint: with_flags(s(&one_file)),
            baseline: vec![s(&one_file)],
        },
    ];
    // Whole requests: a HAR of 100,000 requests against the same bodies as NDJSON.
    let har_events = opts.lines.min(100_000);
    let (har, har_bodies) = har_corpus(&corpus, har_events)?;
    let har_at = workloads.len();
    workloads.push(Workload {
        name: format!("NDJSON, the {har_events} bodies of the HAR below"),
        events: har_events,
        bytes: dir_size(&har_bodies),
        eventlint: with_flags(s(&har_bodies)),
        baseline: vec![s(&har_bodies)],
    });
    workloads.push(Workload {
        name: format!("HAR, {har_events} requests (headers, body in `postData.text`)"),
        events: har_events,
        bytes: dir_size(&har),
        eventlint: with_flags(s(&har)),
        baseline: vec![s(&har_bodies)],
    });
    if opts.big {
        let big = target.join("bench-corpus-4m");
        generate(
            &opts.gen_script,
            &big,
            &["--ndjson", "4000000", "--files", "0", "--batch", "0"],
        )?;
        workloads.push(Workload {
            name: "NDJSON, 4000000 lines, 2% invalid (memory)".to_owned(),
            events: 4_000_000,
            bytes: dir_size(&big.join("events.ndjson")),
            eventlint: with_flags(s(&big.join("events.ndjson"))),
            baseline: vec![s(&big.join("events.ndjson"))],
        });
    }

    let stolen_before = stolen();
    let mut table = String::new();
    let _ = writeln!(
        table,
        "| workload | program | wall (median) | CPU (median) | events/s | MB/s | peak RSS | wall ratio | CPU ratio |\n|---|---|---:|---:|---:|---:|---:|---:|---:|"
    );
    let mut medians = Vec::new();
    for w in &workloads {
        let runs = if w.events == 1 {
            opts.runs.max(21)
        } else {
            opts.runs
        };
        let (mut el, mut bl) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let sample = measure(Command::new(&eventlint).args(&w.eventlint))?;
            if sample.code == 2 || sample.code < 0 {
                bail!("eventlint failed (exit {}) on {}", sample.code, w.name);
            }
            el.push(sample);
            bl.push(measure(Command::new(&baseline).args(&w.baseline))?);
        }
        let (e, b) = (stats(&el), stats(&bl));
        medians.push((e.wall, e.cpu, e.rss_kib));
        for (program, st) in [("eventlint", &e), ("parse-only baseline (1 core)", &b)] {
            let secs = st.wall.as_secs_f64();
            let _ = writeln!(
                table,
                "| {} | {program} | {:.3} s | {:.3} s | {:.0} | {:.1} | {:.1} MiB | {:.2} | {:.2} |",
                w.name,
                secs,
                st.cpu.as_secs_f64(),
                w.events as f64 / secs,
                w.bytes as f64 / 1e6 / secs,
                st.rss_kib as f64 / 1024.0,
                secs / b.wall.as_secs_f64(),
                st.cpu.as_secs_f64() / b.cpu.as_secs_f64().max(1e-9),
            );
        }
        println!("done: {}", w.name);
    }
    let stolen = match (stolen_before, stolen()) {
        (Some(before), Some(after)) => format!(
            "time the host took from this machine's CPUs during the measurements (steal): {:.2} s",
            after - before
        ),
        _ => "steal time unknown (no /proc/stat)".to_owned(),
    };
    if let (Some(ndjson), Some(har)) = (medians.get(har_at), medians.get(har_at + 1)) {
        let _ = writeln!(
            table,
            "\nThe HAR against the same bodies as NDJSON: wall {:.2}×, CPU {:.2}× (peak RSS {:.1} against {:.1} MiB).",
            har.0.as_secs_f64() / ndjson.0.as_secs_f64(),
            har.1.as_secs_f64() / ndjson.1.as_secs_f64().max(1e-9),
            har.2 as f64 / 1024.0,
            ndjson.2 as f64 / 1024.0,
        );
    }
    table.push_str(&peers(&corpus, &schema_path(root), &baseline, opts.runs)?);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let same = same_with_one_thread(&eventlint, &invalid, &FLAGS, threads)?;
    let machine = format!(
        "{} cores, {}",
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get),
        std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(
                |c| c.lines().find(|l| l.starts_with("model name")).map(|l| l
                    .split(':')
                    .nth(1)
                    .unwrap_or("")
                    .trim()
                    .to_owned())
            )
            .unwrap_or_else(|| "unknown CPU".to_owned())
    );
    let load = std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "unknown".to_owned(),
        |l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
    );
    let report = format!(
        "Machine: {machine}; load average at the end: {load} (other work on the machine inflates wall times); {stolen}.\nMedian of {} runs (21 for the small file), eventlint and baseline alternating.\n\
         eventlint flags: `{}`, output to /dev/null.\n\n{table}\n{same}",
        opts.runs,
        flags.join(" ")
    );
    std::fs::write(target.join("bench-report.md"), &report)?;
    println!("\n{report}\n(written to target/bench-report.md)");
    Ok(())
}
