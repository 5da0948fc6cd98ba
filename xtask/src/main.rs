//! `cargo xtask`: project chores.
//!
//! - `cargo xtask codegen` writes the generated files (schemas, rules reference);
//!   `cargo xtask codegen --check` fails if any is stale.
//! - `cargo xtask bench [--runs N] [--lines N] [--files N] [--big] [--gen PATH]` measures eventlint
//!   against the parse-only baseline (see `bench.rs`).
//! - `cargo xtask bench --serve [--seconds N] [--requests N]` measures `eventlint serve` under
//!   `wrk` against the same HTTP stack answering without checking (see `bench_serve.rs`).
//! - `cargo xtask same-reports EVENTLINT LINES [--gen PATH]` generates a corpus of LINES events,
//!   half of them invalid, and fails unless EVENTLINT reports the same bytes with `-j 1` and
//!   `-j 4`, on the whole stream and on its invalid lines alone (CI runs it on the debug build).

mod bench;
mod bench_serve;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

/// The benchmark corpus generator, kept in the repository (a copy of the project's shared
/// `bench/gen_corpus.py`) so that `cargo xtask bench` and `same-reports` work in a fresh clone.
const GEN_CORPUS: &str = "xtask/bench/gen_corpus.py";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn codegen(check: bool) -> Result<()> {
    let root = root();
    let mut stale = Vec::new();
    for (rel, content) in eventlint_core::codegen::files() {
        let path = root.join(&rel);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == content {
            continue;
        }
        if check {
            stale.push(rel);
        } else {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
            }
            std::fs::write(&path, content).with_context(|| format!("writing {rel}"))?;
            #[allow(clippy::print_stdout)]
            {
                println!("wrote {rel}");
            }
        }
    }
    if !stale.is_empty() {
        bail!(
            "stale generated files: {}; run `{}`",
            stale.join(", "),
            eventlint_core::codegen::COMMAND
        );
    }
    Ok(())
}

fn bench_options(args: &[&str]) -> Result<bench::Options> {
    let mut opts = bench::Options {
        runs: 5,
        lines: 1_000_000,
        files: 10_000,
        big: false,
        gen_script: root().join(GEN_CORPUS),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .copied()
                .with_context(|| format!("{arg} needs a value"))
        };
        match *arg {
            "--runs" => opts.runs = value()?.parse()?,
            "--lines" => opts.lines = value()?.parse()?,
            "--files" => opts.files = value()?.parse()?,
            "--gen" => opts.gen_script = PathBuf::from(value()?),
            "--big" => opts.big = true,
            other => bail!("unknown bench option `{other}`"),
        }
    }
    if !opts.gen_script.exists() {
        bail!(
            "corpus generator not found at {} (pass --gen PATH)",
            opts.gen_script.display()
        );
    }
    Ok(opts)
}

/// `cargo xtask bench --serve [--seconds N] [--requests N]`: N seconds a load (default 5), and
/// about N requests for the memory run (default 1,000,000).
fn serve_bench(args: &[&str]) -> Result<()> {
    let (mut seconds, mut requests) = (5, 1_000_000);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let value = it.next().with_context(|| format!("{arg} needs a value"))?;
        match *arg {
            "--seconds" => seconds = value.parse()?,
            "--requests" => requests = value.parse()?,
            other => bail!("unknown bench --serve option `{other}`"),
        }
    }
    bench_serve::run(&root(), seconds, requests)
}

fn bail_usage<T>() -> Result<T> {
    Err(anyhow::anyhow!(
        "usage: cargo xtask codegen [--check] | cargo xtask bench [--runs N] [--lines N] [--files N] [--big] [--gen PATH] | cargo xtask bench --serve [--seconds N] [--requests N] | cargo xtask same-reports EVENTLINT LINES [--gen PATH]"
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["codegen"] => codegen(false),
        ["codegen", "--check"] => codegen(true),
        ["bench-clean-subset", eventlint, ndjson, flags @ ..] => {
            bench::clean_subset(Path::new(eventlint), Path::new(ndjson), flags).map(|_| ())
        }
        ["bench", "--serve", rest @ ..] => serve_bench(rest),
        ["bench", rest @ ..] => bench_options(rest).and_then(|o| bench::run(&root(), &o)),
        ["same-reports", eventlint, lines, rest @ ..] => {
            let gen_script = match rest {
                ["--gen", path] => Ok(PathBuf::from(path)),
                [] => Ok(root().join(GEN_CORPUS)),
                _ => bail_usage(),
            };
            gen_script.and_then(|gen_script| {
                let lines = lines.parse().context("LINES")?;
                bench::same_reports(&root(), Path::new(eventlint), lines, &gen_script)
            })
        }
        _ => bail_usage(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("xtask: {err:#}");
            }
            ExitCode::FAILURE
        }
    }
}
