//! Creator detection: `log.creator.name`, and whether its tool strips credentials.

use std::io::Read;

use super::{Entries, Fail};

impl<R: Read> Entries<R> {
    /// Reads `log.creator` (after its key), keeping its `name`.
    pub(super) fn creator(&mut self) -> Result<(), Fail> {
        if self.skip_ws()? != Some(b'{') {
            self.skip_value()?;
            return Ok(());
        }
        self.pos += 1;
        let mut first = true;
        while let Some(key) = self.next_key(&mut first)? {
            if key == "name" && self.skip_ws()? == Some(b'"') {
                self.string(true)?;
                self.creator = self.captured();
            } else {
                self.skip_value()?;
            }
        }
        Ok(())
    }
}

/// Tools that record requests as they were sent, credentials included (lower case, matched as
/// parts of `log.creator.name`).
const RECORDING_TOOLS: &[&str] = &[
    "mitmproxy",
    "charles",
    "fiddler",
    "proxyman",
    "insomnia",
    "http toolkit",
    "httptoolkit",
    "postman",
    "burp",
    "zap",
    "proxy",
];

/// Whether a capture by `creator` (its `log.creator.name`) leaves credentials out: browsers'
/// devtools do, and so is taken any creator that is not a known recording tool.
pub(super) fn strips_credentials(creator: &str) -> bool {
    let lower = creator.to_ascii_lowercase();
    !RECORDING_TOOLS.iter().any(|tool| lower.contains(tool))
}
