//! Starts `eventlint lsp` (the `eventlint` on the worktree's `PATH`) for Zed.

use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Eventlint;

impl zed::Extension for Eventlint {
    fn new() -> Self {
        Eventlint
    }

    fn language_server_command(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let command = worktree.which("eventlint").ok_or_else(|| {
            "eventlint is not on the PATH (cargo install --locked --path <a clone of eventlint>)"
                .to_owned()
        })?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".to_owned()],
            env: Vec::new(),
        })
    }
}

zed::register_extension!(Eventlint);
