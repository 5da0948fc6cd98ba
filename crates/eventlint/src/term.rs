//! The terminal: colour and width of the human report.
//!
//! Colour: `--color always|never` wins; with `auto` (the default), `NO_COLOR` (non-empty) turns
//! colour off (<https://no-color.org>), then `FORCE_COLOR` or `CLICOLOR_FORCE` (non-empty, not
//! `0`) turn it on, and otherwise there is colour only on a terminal.
//!
//! Width: on a terminal, its width (`COLUMNS` when the terminal does not say, else 80); into a
//! pipe or a file, `COLUMNS` if set, else 100 columns, so that files and snapshots are the same
//! on every machine (`PayloadReport::render_plain` uses the same 100).

use std::io::IsTerminal;

use clap::ValueEnum;
use eventlint_core::render::human;

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    #[allow(clippy::doc_markdown)] // the doc comment is the --help text: no backticks
    /// Colour on a terminal, unless NO_COLOR; FORCE_COLOR or CLICOLOR_FORCE force it.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// The narrowest report width: miette needs room for its gutter and a few words.
const MIN_WIDTH: usize = 40;
/// The width of a report into a pipe or a file, unless `COLUMNS` says otherwise.
const PIPE_WIDTH: usize = 100;
/// The width on a terminal that does not tell its size.
const UNKNOWN_WIDTH: usize = 80;

fn env_set(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Whether the report gets colour.
pub(crate) fn color(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if env_set("NO_COLOR").is_some() {
                return false;
            }
            let forced = |name| env_set(name).is_some_and(|v| v != "0");
            forced("FORCE_COLOR") || forced("CLICOLOR_FORCE") || terminal
        }
    }
}

/// `COLUMNS`, when it is a number.
fn columns() -> Option<usize> {
    env_set("COLUMNS").and_then(|v| v.trim().parse().ok())
}

/// The width of the terminal on stdout, as the kernel knows it.
#[cfg(unix)]
fn terminal_width() -> Option<usize> {
    let size = rustix::termios::tcgetwinsize(std::io::stdout()).ok()?;
    (size.ws_col > 0).then_some(usize::from(size.ws_col))
}

#[cfg(not(unix))]
fn terminal_width() -> Option<usize> {
    None
}

/// The style of the human report on stdout.
pub(crate) fn stdout_style(choice: ColorChoice) -> human::Style {
    let terminal = std::io::stdout().is_terminal();
    let width = if terminal {
        terminal_width().or_else(columns).unwrap_or(UNKNOWN_WIDTH)
    } else {
        columns().unwrap_or(PIPE_WIDTH)
    };
    human::Style {
        color: color(choice, terminal),
        width: width.max(MIN_WIDTH),
    }
}
