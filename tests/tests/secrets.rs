//! Credentials stay secret: no report, in any format, with or without `--redact`, shows the
//! whole value of an `Authorization` or API-key header, a `token` query parameter or a curl
//! `-u` password, for any request fixture (issue "Whole HTTP requests", item 5).

use std::path::Path;

use eventlint_tests::cli::{bin, stderr, stdout};
use eventlint_tests::{fixture_files, root};

/// Headers whose values are credentials.
const SECRET_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "x-neuralens-api-key",
    "x-api-key",
    "api-key",
];

/// The secrets a request file holds: each credential past its scheme, at least 8 characters
/// long (shorter values are placeholders or fragments that occur elsewhere).
fn secrets(rel: &str, text: &str) -> Vec<String> {
    let Some(format) = eventlint_request::Format::from_name(rel) else {
        return Vec::new();
    };
    let ctx = eventlint_request::ReadContext {
        base_dir: root()
            .join(rel)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
        ..eventlint_request::ReadContext::default()
    };
    let items = eventlint_request::read(format, text, &ctx);
    let mut out = Vec::new();
    for item in items {
        let eventlint_request::Item::Request(request) = item else {
            continue;
        };
        for header in &request.headers {
            if SECRET_HEADERS.contains(&header.name.value.to_ascii_lowercase().as_str()) {
                let value = &header.value.value;
                let secret = value
                    .split_once(' ')
                    .map_or(value.as_str(), |(_, s)| s.trim());
                out.push(secret.to_owned());
                // What the file holds for it (curl's `-u user:password`).
                if let Some(written) = text.get(header.value.span.clone()) {
                    out.push(written.trim_matches(['\'', '"']).to_owned());
                }
            }
        }
        if let Some((_, query)) = request.url.value.split_once('?') {
            for pair in query.split('&') {
                if let Some(("token", value)) = pair.split_once('=') {
                    out.push(value.to_owned());
                }
            }
        }
    }
    out.retain(|s| s.chars().count() >= 8 && !s.contains("{{") && !s.starts_with('$'));
    out.sort();
    out.dedup();
    out
}

#[test]
fn no_report_shows_a_credential_whole() {
    // The rules' manuals (SARIF carries them) quote the vendors' own placeholders
    // (`Bearer ey...RtH_g`, `$access_token`): documentation, not a user's credential.
    let manuals: String = eventlint_core::registry::rules()
        .iter()
        .map(|r| r.manual())
        .collect();
    let mut checked = 0;
    let mut leaks = Vec::new();
    for path in fixture_files() {
        let rel = path
            .strip_prefix(root())
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        if eventlint_request::Format::from_name(&rel).is_none() {
            continue;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("a fixture")).into_owned();
        let mut secrets = secrets(&rel, &text);
        secrets.retain(|s| !manuals.contains(s.as_str()));
        if secrets.is_empty() {
            continue;
        }
        checked += secrets.len();
        for format in ["human", "json", "sarif", "github", "junit"] {
            for redact in [false, true] {
                let mut cmd = std::process::Command::new(bin());
                cmd.current_dir(root()).args([
                    "check",
                    "--no-config",
                    "--now",
                    "2026-01-01T00:00:00Z",
                    "--color",
                    "never",
                    "--format",
                    format,
                ]);
                if redact {
                    cmd.arg("--redact");
                }
                let output = cmd.arg(&rel).output().expect("eventlint runs");
                let all = format!("{}{}", stdout(&output), stderr(&output));
                for secret in &secrets {
                    if all.contains(secret.as_str()) {
                        leaks.push(format!(
                            "{rel} --format {format} (redact: {redact}) shows `{secret}`"
                        ));
                    }
                }
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "credentials shown whole:\n{}",
        leaks.join("\n")
    );
    // The fixtures hold credentials of every kind that has them; the test is not vacuous.
    assert!(
        checked >= 4,
        "only {checked} credentials found in the request fixtures"
    );
}
