//! Credentials never reach a report whole: not its messages, helps or notes, nor the source it
//! quotes.

use super::probe::{check, check_stripped};

/// The secret of the requests below.
const SECRET: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2VjcmV0";

/// The parts of `SECRET` a report may not show: every run of 5 of its characters (a masked
/// credential shows 4).
fn windows() -> Vec<&'static str> {
    (0..=SECRET.len() - 5).map(|i| &SECRET[i..i + 5]).collect()
}

fn glia(authorization: &str, accept: &str) -> String {
    format!(
        "POST https://api.salemove.com/engagements/12345/events\n{authorization}\n{accept}Content-Type: application/json; charset=utf-8\n\n{{\"message\": \"Visitor navigated to insurance page\"}}\n"
    )
}

fn neuralens(key: &str) -> String {
    format!(
        "POST https://api.neuralens.ai/analytics/event\n{key}\nX-Neuralens-Application-ID: YOUR_APPLICATION_ID\nContent-Type: text/plain\n\n{{\"uid\": \"3845\", \"items\": [{{\"id\": \"AV768\"}}], \"page\": \"PRODUCT_PAGE\", \"event\": \"LAND_PRODUCT_PAGE\", \"timestamp\": 1715644800}}\n"
    )
}

#[test]
fn no_report_shows_a_credential_whole() {
    let split = SECRET.replacen('.', " ", 1);
    let mut requests = vec![
        glia(&format!("Authorization: Bearer {SECRET}"), ""),
        glia(&format!("Authorization: {SECRET}"), ""),
        glia(&format!("Authorization: Token {SECRET}"), ""),
        glia(&format!("Authorization: Bearer Bearer {SECRET}"), ""),
        glia(&format!("Authorization: SessionId {SECRET}"), ""),
        glia(&format!("Authorization: Bearer {split}"), ""),
        glia(&format!("Authorization: {split}"), ""),
        glia(
            &format!("Authorization: bearer {SECRET}"),
            "Accept: application/json\n",
        ),
    ];
    for key in [
        format!("X-Neuralens-API-Key: Bearer {SECRET}"),
        format!("X-Neuralens-API-Key: {SECRET}"),
        format!("X-Neuralens-API-Key: Token {SECRET}"),
        format!("X-Neuralens-API-Key: {split}"),
    ] {
        requests.push(neuralens(&key));
    }
    let windows = windows();
    let mut checked = 0;
    for text in &requests {
        for report in [check(text), check_stripped(text)] {
            assert!(!report.diagnostics.is_empty(), "{text}");
            for d in &report.diagnostics {
                for said in [Some(&d.message), d.help.as_ref(), d.note.as_ref()]
                    .into_iter()
                    .flatten()
                {
                    assert!(
                        !windows.iter().any(|w| said.contains(w)),
                        "{}: `{said}` shows the secret of\n{text}",
                        d.rule
                    );
                    checked += 1;
                }
            }
            assert!(
                !windows.iter().any(|w| report.source.contains(w)),
                "the source shows the secret:\n{}",
                report.source
            );
        }
    }
    assert!(checked > 50, "{checked} texts checked");
}

/// The transport rules that show a credential did report on these requests (the test above is
/// not vacuous).
#[test]
fn the_requests_raise_the_credential_rules() {
    let rules = |text: &str| super::probe::rules(&check(text));
    assert!(
        rules(&glia(&format!("Authorization: {SECRET}"), ""))
            .contains(&"glia.engagement-event/auth-format")
    );
    assert!(
        rules(&glia(&format!("Authorization: SessionId {SECRET}"), ""))
            .contains(&"glia.engagement-event/auth-scheme-legacy")
    );
    assert!(
        rules(&neuralens(&format!("X-Neuralens-API-Key: {SECRET}")))
            .contains(&"neuralens.event/api-key-format")
    );
}

/// A fix's text, as the file must write it where the body is.
#[test]
fn fix_content_is_written_as_the_body_is_quoted() {
    use super::encode_in;
    // Written verbatim (an `.http` body): as is.
    assert_eq!(
        encode_in("{\"a\": 1}", "{\"a\": 1}", "\"it's\"").as_deref(),
        Some("\"it's\"")
    );
    // Inside single quotes: a quote closes, escapes and reopens them.
    assert_eq!(
        encode_in("'{\"a\": 1}'", "{\"a\": 1}", "\"it's\"").as_deref(),
        Some("\"it'\\''s\"")
    );
    // Inside double quotes (a shell word or a JSON string): `\"` and `\\`.
    assert_eq!(
        encode_in("\"{\\\"a\\\": 1}\"", "{\"a\": 1}", "\"a\\\\b\"").as_deref(),
        Some("\\\"a\\\\\\\\b\\\"")
    );
    // No writing is sure for a `$` inside double quotes, a control character, or cmd's `^"`.
    assert_eq!(encode_in("\"{}\"", "{}", "\"$HOME\""), None);
    assert_eq!(encode_in("\"{}\"", "{}", "\"a\nb\""), None);
    assert_eq!(encode_in("^\"{}^\"", "{}", "1"), None);
}
