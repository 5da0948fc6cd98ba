//! `cargo xtask`: project chores.
//!
//! - `cargo xtask codegen` writes the generated files (schemas, rules reference);
//!   `cargo xtask codegen --check` fails if any is stale.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

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
        _ => Err(anyhow::anyhow!("usage: cargo xtask codegen [--check]")),
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
