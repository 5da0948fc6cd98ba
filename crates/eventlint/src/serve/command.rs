//! `eventlint serve -- COMMAND ARGS…`: the command runs with `EVENTLINT_URL` pointing at the
//! server, and the server stops when it exits.

use std::ffi::OsString;
use std::net::SocketAddr;
use std::process::{Child, Command, ExitStatus};
use std::sync::Arc;
use std::time::Duration;

use super::Server;

/// How often the command is looked at.
const POLL: Duration = Duration::from_millis(20);

/// Starts `command` (its program, then its arguments) with `EVENTLINT_URL=http://ADDRESS` added
/// to its environment. The task ends with its exit status when it exits, having set the
/// server's `stop`; when the server stops first (a signal, `--exit-after`, `--idle-timeout`),
/// the command is killed.
pub(super) fn spawn(
    command: &[OsString],
    address: SocketAddr,
    server: Arc<Server>,
) -> Result<tokio::task::JoinHandle<u8>, String> {
    let Some((program, args)) = command.split_first() else {
        return Err("no command to run after `--`".to_owned());
    };
    let mut child = Command::new(program)
        .args(args)
        .env("EVENTLINT_URL", format!("http://{address}"))
        .spawn()
        .map_err(|err| {
            format!(
                "cannot run the command `{}`: {err}",
                program.to_string_lossy()
            )
        })?;
    Ok(tokio::task::spawn_blocking(move || {
        let status = watch(&mut child, &server);
        server.stop.send_replace(true);
        status
    }))
}

/// Waits for the command, or for the server to stop: the command's exit status.
fn watch(child: &mut Child, server: &Server) -> u8 {
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return code(status),
            Ok(None) => {}
            Err(err) => {
                eprintln!("eventlint: serve: cannot wait for the command: {err}");
                let _ = child.kill();
                return crate::EXIT_FAILURE;
            }
        }
        if *server.stop.borrow() {
            eprintln!("eventlint: serve: the server stopped before the command: killing it");
            let _ = child.kill();
            return child.wait().map_or(crate::EXIT_FAILURE, code);
        }
        std::thread::sleep(POLL);
    }
}

/// An exit status as a shell says it: its code, or 128 + the signal that ended it.
fn code(status: ExitStatus) -> u8 {
    if let Some(code) = status.code() {
        return u8::try_from(code).unwrap_or(crate::EXIT_FAILURE);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt as _;
        if let Some(signal) = status.signal() {
            return u8::try_from(128 + signal).unwrap_or(crate::EXIT_FAILURE);
        }
    }
    crate::EXIT_FAILURE
}
