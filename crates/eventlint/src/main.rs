//! `eventlint`: lint event-tracking payloads. The only place that reads files and prints.

// The CLI is the one component whose job is to print.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod input;
mod lint;
mod listing;
mod lsp;
mod output;
mod project;
mod select;
mod serve;
mod sink;
mod term;
mod watch;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use eventlint_core::{Kind, registry};

/// Lint event-tracking payloads for Sajari, Synerise, Neuralens, AWS Personalize and Glia.
#[derive(Debug, Parser)]
#[command(name = "eventlint", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per run
enum Command {
    /// Lint files, directories (walked for *.json, *.ndjson, *.jsonl, honouring .gitignore) or - for stdin.
    Check(lint::CheckArgs),
    /// Listen at the vendors' endpoint paths: check every request an application sends, answer as
    /// the vendor does, and keep a journal (default address 127.0.0.1:7313).
    Serve(serve::ServeArgs),
    /// A language server over stdio (diagnostics, hover, completion, code actions) for editors.
    Lsp,
    /// List every payload kind: id, vendor, endpoint, description.
    Kinds(listing::KindsArgs),
    /// List every rule: id, default severity, kinds, summary.
    Rules(listing::RulesArgs),
    /// Print a rule's documentation: what it checks, why, an example and the fix.
    Explain {
        /// The rule id, e.g. synerise.event/client-identifier.
        rule: String,
    },
    /// Print a kind's JSON Schema, or write every schema to a folder (`--all --out-dir DIR`).
    Schema {
        /// The kind id, e.g. synerise.custom-event.
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        kind: Option<String>,
        /// Every kind's schema, and the schema of eventlint.toml: the files under `schemas/`.
        #[arg(long, requires = "out_dir")]
        all: bool,
        /// With --all: the folder to write `<kind>.schema.json` files to (created if needed).
        #[arg(long, value_name = "DIR", requires = "all")]
        out_dir: Option<std::path::PathBuf>,
    },
    /// Print a shell completion script, e.g. `eventlint completions bash > ~/.local/share/bash-completion/completions/eventlint`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Rich diagnostics with source snippets.
    Human,
    /// One JSON object (version 1).
    Json,
    /// SARIF 2.1.0 (GitHub code scanning and other CI dashboards).
    Sarif,
    /// GitHub Actions workflow commands: one annotation per diagnostic.
    Github,
    /// JUnit XML: one test case per document.
    #[allow(clippy::doc_markdown)] // the doc comment is the --help text: no backticks
    Junit,
}

/// Exit status (design.md §2): 0 clean, 1 findings that fail the run, 2 the tool failed.
pub(crate) const EXIT_FINDINGS: u8 = 1;
pub(crate) const EXIT_FAILURE: u8 = 2;

/// A panic while checking a document is caught and reported as that document's `internal/error`
/// diagnostic (`eventlint_core::isolate`); the hook records where it happened for the message
/// (`eventlint_core::record_panic`) instead of printing a backtrace per document.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(eventlint_core::record_panic));
}

/// A panic outside a document's check (one inside is that document's `internal/error`) is
/// said, with its place, and the run exits 2: never a silent exit 101.
fn main() -> ExitCode {
    install_panic_hook();
    std::panic::catch_unwind(run).unwrap_or_else(|payload| {
        eprintln!(
            "eventlint: internal error: {} (please report it)",
            eventlint_core::panic_message(payload.as_ref())
        );
        ExitCode::from(EXIT_FAILURE)
    })
}

fn run() -> ExitCode {
    #[cfg(debug_assertions)]
    assert!(
        std::env::var_os("EVENTLINT_TEST_PANIC_AT_START").is_none(),
        "injected test panic at start-up"
    );
    let parsed = Cli::command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches).map(|cli| (cli, matches)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { EXIT_FAILURE } else { 0 });
        }
    };
    match cli.command {
        Command::Check(args) => {
            // A signal that ends the run first removes the reports' temporary files.
            output::remove_temporaries_on_signals();
            // Where each --format and --output stood: an --output belongs to the --format before it.
            let positions = |id: &str| -> Vec<usize> {
                matches
                    .subcommand_matches("check")
                    .and_then(|m| m.indices_of(id))
                    .map(Iterator::collect)
                    .unwrap_or_default()
            };
            if args.watch {
                watch::run(&args, &positions("format"), &positions("output"))
            } else {
                lint::run(&args, &positions("format"), &positions("output"))
            }
        }
        Command::Serve(args) => {
            let positions = |id: &str| -> Vec<usize> {
                matches
                    .subcommand_matches("serve")
                    .and_then(|m| m.indices_of(id))
                    .map(Iterator::collect)
                    .unwrap_or_default()
            };
            serve::run(&args, &positions("format"), &positions("output"))
        }
        Command::Lsp => lsp::run(),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut completion_command(), "eventlint", &mut out);
            print(&String::from_utf8_lossy(&out))
        }
        Command::Kinds(args) => listing::kinds(&args).map_or_else(|e| fail(&e), |t| print(&t)),
        Command::Rules(args) => listing::rules(&args).map_or_else(|e| fail(&e), |t| print(&t)),
        Command::Explain { rule } => match registry::rule(&rule) {
            Some(r) => print(&listing::explain(r)),
            None => fail(&unknown(
                "rule",
                &rule,
                &registry::rules().iter().map(|r| r.id).collect::<Vec<_>>(),
                "eventlint rules",
            )),
        },
        Command::Schema {
            kind: Some(kind), ..
        } => match Kind::find(&kind) {
            Some(k) => print(&eventlint_core::schema::schema_file(k)),
            None => fail(&unknown_kind(&kind)),
        },
        Command::Schema {
            kind: None,
            out_dir,
            ..
        } => match out_dir {
            Some(dir) => write_schemas(&dir),
            None => fail("`eventlint schema --all` needs `--out-dir DIR`"),
        },
    }
}

/// `eventlint schema --all --out-dir DIR`: the files `cargo xtask codegen` writes under
/// `schemas/`, byte for byte, into DIR.
fn write_schemas(dir: &std::path::Path) -> ExitCode {
    if let Err(err) = std::fs::create_dir_all(dir) {
        return fail(&format!("cannot create `{}`: {err}", dir.display()));
    }
    let mut written = 0;
    for (path, text) in eventlint_core::codegen::files() {
        let Some(name) = path.strip_prefix("schemas/") else {
            continue;
        };
        let target = dir.join(name);
        if let Err(err) = std::fs::write(&target, text) {
            return fail(&format!("cannot write `{}`: {err}", target.display()));
        }
        written += 1;
    }
    eprintln!("eventlint: wrote {written} schemas to {}", dir.display());
    ExitCode::SUCCESS
}

/// `eventlint check ARGS` run in this process, exactly as typed on a command line (`serve`'s
/// reports): its exit status (0, 1 or 2).
pub(crate) fn check_in_process(args: &[std::ffi::OsString]) -> u8 {
    let command_line = ["eventlint".into(), "check".into()]
        .into_iter()
        .chain(args.iter().cloned());
    let matches = match Cli::command().try_get_matches_from(command_line) {
        Ok(matches) => matches,
        Err(err) => {
            let _ = err.print();
            return EXIT_FAILURE;
        }
    };
    let Ok(Cli {
        command: Command::Check(args),
    }) = Cli::from_arg_matches(&matches)
    else {
        return EXIT_FAILURE;
    };
    output::remove_temporaries_on_signals();
    let positions = |id: &str| -> Vec<usize> {
        matches
            .subcommand_matches("check")
            .and_then(|m| m.indices_of(id))
            .map(Iterator::collect)
            .unwrap_or_default()
    };
    let code = lint::run(&args, &positions("format"), &positions("output"));
    if code == ExitCode::SUCCESS {
        0
    } else if code == ExitCode::from(EXIT_FINDINGS) {
        EXIT_FINDINGS
    } else {
        EXIT_FAILURE
    }
}

/// The command line as completion scripts see it: the same as the parser's, with the kind and
/// rule ids as the values of the arguments that take them, so that a shell completes
/// `--kind syn<TAB>` and `explain synerise.event/<TAB>`. (The parser itself keeps its own
/// messages for an unknown id, with a "did you mean".)
fn completion_command() -> clap::Command {
    let kinds: Vec<&'static str> = registry::kinds().iter().map(|k| k.id).collect();
    let rules: Vec<&'static str> = registry::rules().iter().map(|r| r.id).collect();
    let mut selectors = rules.clone();
    selectors.extend(registry::rules().iter().map(|r| r.group()));
    selectors.sort_unstable();
    selectors.dedup();
    let values = |ids: &[&'static str]| clap::builder::PossibleValuesParser::new(ids.to_vec());
    Cli::command()
        .mut_subcommand("check", |c| {
            c.mut_arg("kind", |a| a.value_parser(values(&kinds)))
                .mut_arg("select", |a| a.value_parser(values(&selectors)))
                .mut_arg("ignore", |a| a.value_parser(values(&selectors)))
        })
        .mut_subcommand("explain", |c| {
            c.mut_arg("rule", |a| a.value_parser(values(&rules)))
        })
        .mut_subcommand("schema", |c| {
            c.mut_arg("kind", |a| a.value_parser(values(&kinds)))
        })
        .mut_subcommand("rules", |c| {
            c.mut_arg("kind", |a| a.value_parser(values(&kinds)))
        })
}

pub(crate) fn unknown(what: &str, name: &str, known: &[&str], list_cmd: &str) -> String {
    let near = eventlint_core::suggest::did_you_mean(name, known)
        .map(eventlint_core::suggest::did_you_mean_suffix)
        .unwrap_or_default();
    format!("unknown {what} `{name}`{near} (`{list_cmd}` lists them)")
}

pub(crate) fn unknown_kind(name: &str) -> String {
    unknown(
        "kind",
        name,
        &registry::kinds().iter().map(|k| k.id).collect::<Vec<_>>(),
        "eventlint kinds",
    )
}

/// Writes to stdout; a closed pipe is not an error worth a panic.
pub(crate) fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return ExitCode::from(EXIT_FAILURE);
    }
    ExitCode::SUCCESS
}

pub(crate) fn fail(message: &str) -> ExitCode {
    eprintln!("eventlint: {message}");
    ExitCode::from(EXIT_FAILURE)
}
