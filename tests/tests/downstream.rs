//! eventlint-core as a downstream service uses it: build payloads with the model types, check
//! them before sending, and pin the exact diagnostics with insta. Nothing here uses the
//! repository's test helpers; a service's `tests/` would look like this, with `eventlint-core`,
//! `serde_json` and `insta` as dev-dependencies.

use eventlint_core::model::personalize::{Event, PutEvents};
use eventlint_core::model::synerise::{Client, CustomEvent};
use eventlint_core::{CheckOptions, check_payload};

/// A fixed clock: time rules ("in the future") must not depend on the day the tests run.
fn options() -> CheckOptions {
    CheckOptions::at_rfc3339("2026-01-01T00:00:00Z").expect("an RFC 3339 date-time")
}

/// What the service would send to Synerise when a dog barks.
fn dog_barked(profile: &str, at: &str) -> CustomEvent {
    let mut params = serde_json::Map::new();
    params.insert("loudness".to_owned(), 3.into());
    params.insert("mood".to_owned(), "happy".into());
    CustomEvent {
        action: "dog.bark".to_owned(),
        client: Client {
            custom_id: Some(profile.to_owned()),
            ..Client::default()
        },
        label: "bark".to_owned(),
        time: Some(at.to_owned()),
        params: Some(params),
        event_salt: None,
    }
}

/// What the service would send to AWS Personalize for a click; `sent_at_ms` is what the
/// service's clock gives, in milliseconds.
fn clicked(item: &str, sent_at_ms: u64) -> PutEvents {
    PutEvents {
        tracking_id: "a1b2c3d4-tracker".to_owned(),
        user_id: Some("user-7".to_owned()),
        session_id: "session-42".to_owned(),
        event_list: vec![Event {
            event_id: None,
            event_type: "click".to_owned(),
            event_value: None,
            item_id: Some(item.to_owned()),
            properties: Some(r#"{"numberOfRatings": "12"}"#.to_owned()),
            // The mistake: Personalize takes epoch *seconds*.
            sent_at: sent_at_ms.into(),
            recommendation_id: None,
            impression: None,
            metric_attribution: None,
        }],
    }
}

#[test]
fn a_well_formed_synerise_event_is_clean() {
    let report = check_payload(&dog_barked("c-42", "2025-12-31T23:59:00Z"), &options());
    assert_eq!(report.kind.map(|k| k.id), Some("synerise.custom-event"));
    assert!(
        report.is_clean(),
        "{}",
        report.render_plain("dog-barked.json")
    );
    assert!(report.diagnostics.is_empty());
}

#[test]
fn a_synerise_event_from_the_future_is_flagged() {
    let report = check_payload(&dog_barked("c-42", "2026-03-01T00:00:00+01:00"), &options());
    assert!(!report.has_errors());
    insta::assert_snapshot!(report.render_plain("dog-barked.json"));
}

/// A whole report pinned as JSON: the kind, every diagnostic (with the JSON report's field
/// names) and the checked text.
#[test]
fn a_report_pins_as_json() {
    let report = check_payload(&dog_barked("c-42", "2026-03-01T00:00:00+01:00"), &options());
    insta::assert_json_snapshot!(report);
}

#[test]
fn a_personalize_click_with_milliseconds_is_flagged() {
    let report = check_payload(&clicked("item-9", 1_767_225_600_000), &options());
    assert_eq!(report.rules(), ["common/epoch-unit"]);
    let d = &report.diagnostics[0];
    assert_eq!(d.pointer, "/eventList/0/sentAt");
    insta::assert_snapshot!(report.render_plain("click.json"));
}

#[test]
fn the_same_click_in_seconds_is_clean() {
    let report = check_payload(&clicked("item-9", 1_767_225_600), &options());
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        report.render_plain("click.json")
    );
}
