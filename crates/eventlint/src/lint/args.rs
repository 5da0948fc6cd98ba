//! The arguments of `eventlint check` (clap): what each flag means is its `--help` text.

use std::path::PathBuf;

use clap::Args;

use crate::Format;
use crate::input::Mode;

#[derive(Debug, Args)]
#[command(after_long_help = "\
Reports: each --output FILE belongs to the nearest --format before it; a --format without an
--output prints to stdout, and only one may. Without --format, a lone --output gets the human
report; `--output -` is stdout. For example:

  eventlint check payloads --format human --format sarif --output eventlint.sarif

prints the human report and writes the SARIF log to eventlint.sarif, from one lint. Output files
are published whole or not at all (a temporary file, then a rename), never over one of the inputs;
a device, a FIFO, /dev/stdout or /dev/fd/N is written into, never replaced.

Configuration: for each checked path, the nearest eventlint.toml from its directory upward (stdin:
from the current directory), or --config FILE for every path. Command-line flags win over it
(--now, --kind, --deny-warnings, --select, --ignore, --severity, --split-arrays).

Rules: a selector is a rule id, a group (synerise.event), a vendor (synerise) or ALL. --select
keeps json/syntax, json/encoding, kind/undetermined, internal/error and config/expectation on.

A run that checks no document exits 2 (a path that holds no payload is named on stderr), unless
--allow-empty.")]
#[allow(clippy::struct_excessive_bools)] // each is one command-line switch
pub(crate) struct CheckArgs {
    /// Files, directories or - (stdin). Default: the current directory.
    paths: Vec<PathBuf>,
    /// Check every document as KIND (no detection); see `eventlint kinds`. Wins over eventlint.toml.
    #[arg(long, value_name = "KIND")]
    pub(crate) kind: Option<String>,
    /// Report format; repeat it for several reports from one lint [default: human].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub(super) format: Vec<Format>,
    /// Write the report of the --format just before it to FILE (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(super) output: Vec<PathBuf>,
    /// The clock time rules compare against (RFC 3339). Default: `now` in eventlint.toml, else
    /// the system clock.
    #[arg(long, value_name = "RFC3339")]
    pub(super) now: Option<String>,
    /// Warnings also fail the run.
    #[arg(long)]
    pub(super) deny_warnings: bool,
    /// The name shown for stdin; its extension (.json, .ndjson, .jsonl, .http, .rest, .curl,
    /// .hurl, .har, .requests.ndjson) picks how it is read, unless --input-format says.
    #[arg(long, value_name = "NAME")]
    pub(super) stdin_filename: Option<String>,
    /// Read every input as FORMAT whatever its name: json (the whole file is one document),
    /// ndjson (one document per line), or requests: http (.http/.rest files), curl (curl
    /// command lines), hurl, har (HAR captures), requests (eventlint's request log), e.g.
    /// `--input-format ndjson <(gen-events)`. Default: by extension (.ndjson and .jsonl are
    /// ndjson, *.requests.ndjson is requests).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub(super) input_format: Option<Mode>,
    /// The configuration file for every path. Default: the nearest eventlint.toml from each
    /// path's directory upward.
    #[arg(long, value_name = "FILE")]
    pub(super) config: Option<PathBuf>,
    /// Ignore any eventlint.toml.
    #[arg(long, conflicts_with = "config")]
    pub(super) no_config: bool,
    /// Threads to check with, at most 256; never more than there are files to check when
    /// none is NDJSON. Default: one per core.
    #[arg(long, short = 'j', value_name = "N")]
    pub(super) jobs: Option<std::num::NonZeroUsize>,
    /// Hide the payloads' values (personal data) in every report: masked in snippets, replaced
    /// by ‹redacted› in messages; keys, pointers and positions are kept.
    #[arg(long)]
    pub(super) redact: bool,
    /// A run that checks no document exits 0 instead of 2.
    #[arg(long)]
    pub(super) allow_empty: bool,
    /// Check each element of a top-level JSON array as a document of its own (positions stay
    /// those of the array's file). Also `split-arrays = true` in a [[files]] entry.
    #[arg(long)]
    pub(super) split_arrays: bool,
    /// For .http and .rest files: resolve `{{variables}}` from environment NAME of
    /// `http-client.env.json` and `http-client.private.env.json` beside the file (the private
    /// file wins). An undefined variable is reported, never guessed.
    #[arg(long, value_name = "NAME")]
    pub(super) env: Option<String>,
    /// Say what each document was checked as: a line per file in the human report, a `files`
    /// member in the JSON report.
    #[arg(long)]
    pub(super) show_kinds: bool,
    /// Only the diagnostics that fail the run, and the summary (human and github reports);
    /// no warnings on stderr about paths or configuration.
    #[arg(long, short = 'q')]
    pub(super) quiet: bool,
    /// Leave out diagnostics below LEVEL from every report and count (info, warning, error).
    #[arg(long, value_name = "LEVEL", value_parser = ["info", "warning", "error"])]
    pub(super) min_severity: Option<String>,
    /// The human report counts diagnostics per rule instead of showing each one.
    #[arg(long)]
    pub(super) statistics: bool,
    /// Check only these rules: ids, groups (synerise.event), vendors (synerise) or ALL; repeatable
    /// and comma-separated. Wins over eventlint.toml.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub(super) select: Vec<String>,
    /// Do not check these rules (same forms as --select). Wins over eventlint.toml.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub(super) ignore: Vec<String>,
    /// Report a rule (or group, vendor) at LEVEL: error, warning, info or off. Repeatable; wins
    /// over eventlint.toml.
    #[arg(long, value_name = "RULE=LEVEL")]
    pub(super) severity: Vec<String>,
    #[allow(clippy::doc_markdown)] // the doc comment is the --help text: no backticks
    /// Colour in the human report: auto (a terminal, unless NO_COLOR; FORCE_COLOR or
    /// CLICOLOR_FORCE force it), always or never.
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub(super) color: crate::term::ColorChoice,
    /// Check again whenever a checked file or directory changes (Ctrl-C to stop).
    #[arg(long, conflicts_with_all = ["fix", "diff"])]
    pub(crate) watch: bool,
    /// Apply the safe fixes to the files named or walked (never stdin), then report what is
    /// left. A file is replaced atomically, its permissions kept; only the fixed bytes change.
    /// `eventlint rules` and `docs/rules.md` list the rules with fixes.
    #[arg(long)]
    pub(super) fix: bool,
    /// With --fix or --diff: the unsafe fixes too (guesses, such as seconds taken as
    /// milliseconds).
    #[arg(long)]
    pub(super) unsafe_fixes: bool,
    /// Print the unified diff the fixes would make and write nothing; exit 1 if there is one.
    #[arg(long, conflicts_with = "fix")]
    pub(super) diff: bool,
}

impl CheckArgs {
    /// The `--output` files.
    pub(crate) fn output_paths(&self) -> &[PathBuf] {
        &self.output
    }

    /// The paths to check (the current directory when none is given).
    pub(crate) fn paths(&self) -> Vec<PathBuf> {
        if self.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            self.paths.clone()
        }
    }
}
