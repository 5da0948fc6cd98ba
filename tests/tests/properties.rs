//! Property tests (proptest). For every kind: a generator of realistic valid payloads (ids,
//! strings with non-ASCII text, optional members present or absent, lists within bounds, times
//! in the past of the fixed clock `2026-01-01T00:00:00Z`) that must check with no error and no
//! warning; and targeted mutations of those payloads, each of which must be reported by its rule
//! at the mutated pointer.
//!
//! Case counts stay moderate (the CI time budget is tight); `PROPTEST_CASES` raises them.

#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use eventlint_core::{CheckOptions, Diagnostic, Kind, Severity, check_document};
use eventlint_tests::NOW;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use serde_json::{Map, Value, json};

// ---------------------------------------------------------------------------------------------
// Checking

fn check(kind: &str, value: &Value, pretty: bool) -> Vec<Diagnostic> {
    let mut options = CheckOptions::at(NOW.parse().unwrap());
    options.kind = Some(Kind::find(kind).unwrap_or_else(|| panic!("no kind {kind}")));
    let text = if pretty {
        serde_json::to_string_pretty(value).unwrap()
    } else {
        serde_json::to_string(value).unwrap()
    };
    check_document(text.as_bytes(), &options).diagnostics
}

fn listing(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| {
            format!(
                "{} {} at {:?}: {}",
                d.severity, d.rule, d.pointer, d.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_clean(kind: &str, value: &Value, pretty: bool) -> Result<(), TestCaseError> {
    let diagnostics = check(kind, value, pretty);
    let failing: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .cloned()
        .collect();
    prop_assert!(
        failing.is_empty(),
        "valid {kind} payload reported:\n{}\n{value:#}",
        listing(&failing)
    );
    Ok(())
}

/// A mutation: its rule, and a function that mutates a valid payload and returns the pointer
/// the rule must report.
type Mutation = (&'static str, fn(&mut Value) -> String);

fn assert_mutations(
    kind: &str,
    valid: &Value,
    mutations: &[Mutation],
) -> Result<(), TestCaseError> {
    for (rule, mutate) in mutations {
        let mut value = valid.clone();
        let pointer = mutate(&mut value);
        let diagnostics = check(kind, &value, true);
        prop_assert!(
            diagnostics
                .iter()
                .any(|d| d.rule == *rule && d.pointer == pointer),
            "{rule} not reported at {pointer:?}; reported:\n{}\n{value:#}",
            listing(&diagnostics)
        );
    }
    Ok(())
}

fn obj(value: &mut Value) -> &mut Map<String, Value> {
    value.as_object_mut().unwrap()
}

fn at<'v>(value: &'v mut Value, pointer: &str) -> &'v mut Value {
    value.pointer_mut(pointer).unwrap()
}

fn set(value: &mut Value, pointer: &str, new: Value) -> String {
    *at(value, pointer) = new;
    pointer.to_owned()
}

fn insert(value: &mut Value, object: &str, key: &str, new: Value) -> String {
    obj(at(value, object)).insert(key.to_owned(), new);
    format!("{object}/{key}")
}

fn remove(value: &mut Value, object: &str, key: &str) -> String {
    obj(at(value, object)).remove(key);
    object.to_owned()
}

// ---------------------------------------------------------------------------------------------
// Building blocks

/// Free text: ASCII or not (accents, CJK, emoji), never blank.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z][A-Za-z0-9 ,.!?'-]{0,30}",
        "[a-zé日ü😀][a-zà-ÿ日本語ñ😀 ]{0,15}",
    ]
}

fn ident() -> impl Strategy<Value = String> {
    "[a-z][a-zA-Z0-9]{0,15}"
}

fn uuid() -> impl Strategy<Value = String> {
    "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
}

/// Epoch seconds between 2001-09-09 and the clock.
fn past_secs() -> impl Strategy<Value = i64> {
    1_000_000_000_i64..1_767_225_000
}

fn iso(secs: i64, style: u8) -> String {
    let t: DateTime<Utc> = Utc.timestamp_opt(secs, 0).unwrap();
    match style % 3 {
        0 => t.to_rfc3339_opts(SecondsFormat::Secs, true),
        1 => t.to_rfc3339_opts(SecondsFormat::Millis, true),
        _ => t
            .with_timezone(&chrono::FixedOffset::east_opt(2 * 3600).unwrap())
            .to_rfc3339_opts(SecondsFormat::Secs, false),
    }
}

fn past_iso() -> impl Strategy<Value = String> {
    (past_secs(), any::<u8>()).prop_map(|(s, style)| iso(s, style))
}

/// A primitive JSON value.
fn primitive() -> impl Strategy<Value = Value> {
    prop_oneof![
        text().prop_map(Value::from),
        (-1000_i64..1000).prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        (-1000.0_f64..1000.0).prop_map(Value::from),
    ]
}

/// An object of `[a-z]+[A-Z][a-z]+` keys (camelCase, never a reserved name) to `values`.
fn camel_map<S: Strategy<Value = Value>>(
    values: S,
    size: std::ops::Range<usize>,
) -> impl Strategy<Value = Map<String, Value>> {
    proptest::collection::btree_map("x[a-z]{1,5}[A-Z][a-z]{1,6}", values, size)
        .prop_map(|m| m.into_iter().collect())
}

/// Adds each optional member that is `Some`.
fn with(mut value: Value, optional: Vec<(&str, Option<Value>)>) -> Value {
    for (key, v) in optional {
        if let Some(v) = v {
            obj(&mut value).insert(key.to_owned(), v);
        }
    }
    value
}

/// `cases` cases (or `PROPTEST_CASES`), from a fixed seed so that CI runs are reproducible
/// (`PROPTEST_RNG_SEED` explores others).
fn config_with(cases: u32) -> Config {
    let env = |name| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
    let defaults = Config::default();
    Config {
        cases: if env("PROPTEST_CASES").is_some() {
            defaults.cases
        } else {
            cases
        },
        rng_seed: if env("PROPTEST_RNG_SEED").is_some() {
            defaults.rng_seed
        } else {
            RngSeed::Fixed(20_260_101)
        },
        failure_persistence: None,
        ..defaults
    }
}

fn config() -> Config {
    config_with(64)
}

fn mutation_config() -> Config {
    config_with(24)
}

// ---------------------------------------------------------------------------------------------
// Sajari

fn sajari_send_event() -> impl Strategy<Value = Value> {
    (
        ident(),
        "[A-Za-z0-9_-]{8,60}",
        proptest::option::of(1_i64..100_000),
        proptest::option::of(camel_map(primitive(), 0..5)),
    )
        .prop_map(|(name, token, weight, metadata)| {
            with(
                json!({"name": name, "token": token}),
                vec![
                    ("weight", weight.map(Value::from)),
                    ("metadata", metadata.map(Value::Object)),
                ],
            )
        })
}

const SAJARI_SEND_EVENT: &[Mutation] = &[
    ("sajari.send-event/name-required", |v| remove(v, "", "name")),
    ("sajari.send-event/name-type", |v| set(v, "/name", json!(5))),
    ("sajari.send-event/token-required", |v| {
        remove(v, "", "token")
    }),
    ("sajari.send-event/token-type", |v| {
        set(v, "/token", json!(["t"]))
    }),
    ("sajari.send-event/weight-integer", |v| {
        insert(v, "", "weight", json!(1.5))
    }),
    ("sajari.send-event/weight-range", |v| {
        insert(v, "", "weight", json!(3_000_000_000_i64))
    }),
    ("sajari.send-event/weight-negative", |v| {
        insert(v, "", "weight", json!(-2))
    }),
    ("sajari.send-event/weight-string", |v| {
        insert(v, "", "weight", json!("3"))
    }),
    ("sajari.send-event/metadata-object", |v| {
        insert(v, "", "metadata", json!([1]))
    }),
    ("sajari.send-event/metadata-null", |v| {
        insert(v, "", "metadata", Value::Null)
    }),
    ("sajari.send-event/metadata-primitive", |v| {
        insert(v, "", "metadata", json!({}));
        insert(v, "/metadata", "nested", json!({"a": 1}))
    }),
    ("sajari.send-event/unknown-key", |v| {
        insert(v, "", "userId", json!("u"))
    }),
    ("sajari.send-event/token-placeholder", |v| {
        set(v, "/token", json!("eyJ..."))
    }),
];

const SAJARI_SEND_EVENT_RESPONSE: &[Mutation] = &[
    ("sajari.send-event.response/unknown-key", |v| {
        insert(v, "", "ok", json!(true))
    }),
    ("sajari.send-event.response/body-object", |v| {
        *v = json!([]);
        String::new()
    }),
];

fn sajari_error() -> impl Strategy<Value = Value> {
    (
        1_i64..=16,
        text(),
        proptest::option::of(proptest::collection::vec(
            ("[A-Z][a-zA-Z]{2,12}", camel_map(primitive(), 0..3)),
            0..3,
        )),
    )
        .prop_map(|(code, message, details)| {
            let details = details.map(|ds| {
                Value::Array(
                    ds.into_iter()
                        .map(|(name, mut extra)| {
                            extra.insert(
                                "@type".to_owned(),
                                json!(format!("type.googleapis.com/google.rpc.{name}")),
                            );
                            Value::Object(extra)
                        })
                        .collect(),
                )
            });
            with(
                json!({"code": code, "message": message}),
                vec![("details", details)],
            )
        })
}

const SAJARI_ERROR: &[Mutation] = &[
    ("sajari.error/code-required", |v| remove(v, "", "code")),
    ("sajari.error/code-integer", |v| {
        set(v, "/code", json!("NOT_FOUND"))
    }),
    ("sajari.error/code-string", |v| set(v, "/code", json!("5"))),
    ("sajari.error/code-unknown", |v| set(v, "/code", json!(99))),
    ("sajari.error/message-required", |v| {
        remove(v, "", "message")
    }),
    ("sajari.error/details-array", |v| {
        insert(v, "", "details", json!({"@type": "x"}))
    }),
    ("sajari.error/details-type", |v| {
        insert(v, "", "details", json!([{"reason": "r"}]));
        "/details/0".to_owned()
    }),
    ("sajari.error/details-null", |v| {
        insert(v, "", "details", Value::Null)
    }),
    ("sajari.error/details-empty", |v| {
        insert(v, "", "details", json!([{}]));
        "/details/0".to_owned()
    }),
    ("sajari.error/legacy-error-key", |v| {
        insert(v, "", "error", json!("token: required"))
    }),
    ("sajari.error/unknown-key", |v| {
        insert(v, "", "status", json!("NOT_FOUND"))
    }),
    ("sajari.error/body-object", |v| {
        *v = json!([v.clone()]);
        String::new()
    }),
];

// ---------------------------------------------------------------------------------------------
// Synerise

fn client() -> impl Strategy<Value = Value> {
    prop_oneof![
        (1_i64..i64::MAX).prop_map(|id| json!({"id": id})),
        "[a-zA-Z0-9-]{1,24}".prop_map(|id| json!({"customId": id})),
        uuid().prop_map(|id| json!({"uuid": id})),
        (
            "[a-z][a-z0-9_-]{0,8}(\\.[a-z0-9]{1,6})?",
            "[a-z]{2,10}",
            "[a-z]{2,4}"
        )
            .prop_map(|(user, host, tld)| json!({"email": format!("{user}@{host}.{tld}")})),
    ]
}

/// An event's common members: client, label, an optional past time (then maybe a salt) and
/// optional params.
fn synerise_event_base() -> impl Strategy<Value = Value> {
    (
        client(),
        text(),
        proptest::option::of((past_iso(), proptest::option::of("[a-z0-9-]{4,20}"))),
        proptest::option::of(camel_map(primitive(), 0..5)),
    )
        .prop_map(|(client, label, time, params)| {
            let (time, salt) = match time {
                Some((time, salt)) => (Some(json!(time)), salt.map(Value::from)),
                None => (None, None),
            };
            with(
                json!({"client": client, "label": label}),
                vec![
                    ("time", time),
                    ("eventSalt", salt),
                    ("params", params.map(Value::Object)),
                ],
            )
        })
}

fn custom_action() -> impl Strategy<Value = String> {
    "x[a-z]{1,8}\\.[a-z]{2,8}(-[a-z0-9_]{1,6})?"
}

fn synerise_custom_event() -> impl Strategy<Value = Value> {
    (synerise_event_base(), custom_action()).prop_map(|(mut event, action)| {
        obj(&mut event).insert("action".to_owned(), json!(action));
        event
    })
}

/// Mutations of any Synerise custom or dedicated event at `$base` (a pointer literal).
macro_rules! synerise_event_mutations {
    ($base:literal) => {{
        const MUTATIONS: &[Mutation] = &[
            ("synerise.event/client-required", |v: &mut Value| {
                remove(v, $base, "client")
            }),
            ("synerise.event/client-identifier", |v: &mut Value| {
                set(v, concat!($base, "/client"), json!({}))
            }),
            ("synerise.event/client-id-type", |v: &mut Value| {
            set(v, concat!($base, "/client"), json!({"id": -4}));
                concat!($base, "/client/id").to_owned()
            }),
            ("synerise.event/client-id-coercible", |v: &mut Value| {
            set(v, concat!($base, "/client"), json!({"id": "42"}));
                concat!($base, "/client/id").to_owned()
            }),
            ("synerise.event/client-email-format", |v: &mut Value| {
            set(v, concat!($base, "/client"), json!({"email": "no-at-sign"}));
                concat!($base, "/client/email").to_owned()
            }),
            ("synerise.event/client-forbidden-chars", |v: &mut Value| {
            set(v, concat!($base, "/client"), json!({"customId": "a\nb"}));
                concat!($base, "/client/customId").to_owned()
            }),
            ("synerise.event/client-string-types", |v: &mut Value| {
            set(v, concat!($base, "/client"), json!({"customId": 42}));
                concat!($base, "/client/customId").to_owned()
            }),
            ("synerise.event/client-uuid-format", |v: &mut Value| {
            set(v, concat!($base, "/client"), json!({"uuid": "ABC"}));
                concat!($base, "/client/uuid").to_owned()
            }),
            ("synerise.event/unknown-client-key", |v: &mut Value| {
                insert(v, concat!($base, "/client"), "customID", json!("c-1"))
            }),
            ("synerise.event/label-required", |v: &mut Value| {
                remove(v, $base, "label")
            }),
            ("synerise.event/null-value", |v: &mut Value| {
                insert(v, $base, "time", Value::Null)
            }),
            ("synerise.event/time-iso8601", |v: &mut Value| {
                insert(v, $base, "time", json!("yesterday"))
            }),
            ("synerise.event/time-type", |v: &mut Value| {
                insert(v, $base, "time", json!(1_700_000_000))
            }),
            ("synerise.event/time-future", |v: &mut Value| {
                insert(v, $base, "time", json!("2027-03-01T10:00:00Z"))
            }),
            ("synerise.event/time-no-offset", |v: &mut Value| {
                insert(v, $base, "time", json!("2024-03-01T10:00:00"))
            }),
            ("synerise.event/eventsalt-type", |v: &mut Value| {
                insert(v, $base, "eventSalt", json!(7))
            }),
            ("synerise.event/eventsalt-no-time", |v: &mut Value| {
                remove(v, $base, "time");
                insert(v, $base, "eventSalt", json!("salt-1"))
            }),
            ("synerise.event/params-object", |v: &mut Value| {
                insert(v, $base, "params", json!(["a"]))
            }),
            ("synerise.event/params-reserved", |v: &mut Value| {
                insert(v, $base, "params", json!({}));
                insert(v, concat!($base, "/params"), "apiKey", json!("k"))
            }),
            ("synerise.event/params-reserved-case", |v: &mut Value| {
                insert(v, $base, "params", json!({}));
                insert(v, concat!($base, "/params"), "IP", json!("10.0.0.1"))
            }),
            ("synerise.event/params-system-collision", |v: &mut Value| {
                insert(v, $base, "params", json!({}));
                insert(v, concat!($base, "/params"), "clientId", json!(1))
            }),
            ("synerise.event/unknown-top-level-key", |v: &mut Value| {
                insert(v, $base, "clientId", json!(1))
            }),
        ];
        MUTATIONS
    }};
}

const SYNERISE_CUSTOM_EVENT: &[Mutation] = &[
    ("synerise.custom-event/action-required", |v| {
        remove(v, "", "action")
    }),
    ("synerise.custom-event/action-length", |v| {
        set(v, "/action", json!("a".repeat(33)))
    }),
    ("synerise.custom-event/action-pattern", |v| {
        set(v, "/action", json!("page visit"))
    }),
    ("synerise.custom-event/action-min2", |v| {
        set(v, "/action", json!("x"))
    }),
    ("synerise.custom-event/transaction-as-custom", |v| {
        set(v, "/action", json!("transaction.charge"))
    }),
    ("synerise.custom-event/ai-event-as-custom", |v| {
        set(v, "/action", json!("recommendation.view"))
    }),
];

fn synerise_dedicated_event() -> impl Strategy<Value = Value> {
    synerise_event_base()
}

const SYNERISE_DEDICATED_EVENT: &[Mutation] = &[("synerise.dedicated-event/action-ignored", |v| {
    insert(v, "", "action", json!("page.visit"))
})];

fn synerise_batch_events() -> impl Strategy<Value = Value> {
    proptest::collection::vec(synerise_custom_event(), 1..6).prop_map(|events| {
        Value::Array(
            events
                .into_iter()
                .enumerate()
                .map(|(i, mut e)| {
                    obj(&mut e).insert("type".to_owned(), json!("custom"));
                    // Salts stay unique across the batch.
                    if let Some(Value::String(salt)) = obj(&mut e).get_mut("eventSalt") {
                        let _ = write!(salt, "-{i}");
                    }
                    e
                })
                .collect(),
        )
    })
}

const SYNERISE_BATCH_EVENTS: &[Mutation] = &[
    ("synerise.batch-events/empty", |v| {
        *v = json!([]);
        String::new()
    }),
    ("synerise.batch-events/array", |v| {
        set(v, "/0", json!("event"))
    }),
    ("synerise.batch-events/type-required", |v| {
        remove(v, "/0", "type")
    }),
    ("synerise.batch-events/type-known", |v| {
        set(v, "/0/type", json!("custom-event"))
    }),
    ("synerise.batch-events/transaction", |v| {
        set(v, "/0/action", json!("transaction.charge"))
    }),
    ("synerise.custom-event/action-pattern", |v| {
        set(v, "/0/action", json!("a b"))
    }),
    ("synerise.event/client-identifier", |v| {
        set(v, "/0/client", json!({}))
    }),
    ("synerise.event/eventsalt-uniqueness", |v| {
        let first = at(v, "/0").clone();
        let mut second = first.clone();
        obj(&mut second).insert("action".to_owned(), json!("xother.action"));
        obj(&mut second).insert("client".to_owned(), json!({"customId": "other-profile"}));
        *v = json!([first, second]);
        insert(v, "/0", "time", json!("2024-01-01T00:00:00Z"));
        insert(v, "/1", "time", json!("2024-01-01T00:00:00Z"));
        insert(v, "/0", "eventSalt", json!("shared-salt"));
        insert(v, "/1", "eventSalt", json!("shared-salt"))
    }),
];

fn ai_event() -> impl Strategy<Value = Value> {
    (
        uuid(),
        uuid(),
        proptest::collection::vec("[0-9]{3,12}", 1..5),
        proptest::option::of(past_secs()),
        proptest::option::of("[A-Za-z0-9]{6,16}"),
    )
        .prop_map(|(correlation, client, items, time, campaign)| {
            with(
                json!({"correlationId": correlation, "clientUUID": client, "items": items}),
                vec![
                    ("eventTimestamp", time.map(|s| json!(s * 1000))),
                    ("campaignId", campaign.map(Value::from)),
                ],
            )
        })
}

/// Mutations of an AI event at `$base`.
macro_rules! ai_event_mutations {
    ($base:literal) => {{
        const MUTATIONS: &[Mutation] = &[
            ("synerise.ai-event/clientuuid-required", |v: &mut Value| {
                set(v, concat!($base, "/clientUUID"), json!(""))
            }),
            ("synerise.ai-event/clientuuid-format", |v: &mut Value| {
                set(v, concat!($base, "/clientUUID"), json!("not-a-uuid"))
            }),
            ("synerise.ai-event/correlation-required", |v: &mut Value| {
                remove(v, $base, "correlationId")
            }),
            ("synerise.ai-event/items-required", |v: &mut Value| {
                set(v, concat!($base, "/items"), json!("sku-1"))
            }),
            ("synerise.ai-event/timestamp-future", |v: &mut Value| {
                insert(v, $base, "eventTimestamp", json!(1_800_000_000_000_i64))
            }),
            ("synerise.ai-event/timestamp-format", |v: &mut Value| {
                insert(v, $base, "eventTimestamp", json!("1700000000000"))
            }),
            ("synerise.ai-event/timestamp-fraction", |v: &mut Value| {
                insert(v, $base, "eventTimestamp", json!(1_700_000_000_000.5))
            }),
            ("synerise.ai-event/unknown-key", |v: &mut Value| {
                insert(v, $base, "clientUuid", json!("x"))
            }),
            ("common/epoch-unit", |v: &mut Value| {
                insert(v, $base, "eventTimestamp", json!(1_700_000_000_i64))
            }),
        ];
        MUTATIONS
    }};
}

const SYNERISE_AI_EVENT: &[Mutation] = ai_event_mutations!("");

fn ai_events_batch() -> impl Strategy<Value = Value> {
    (
        prop_oneof![Just("recommendation.view"), Just("recommendation.click")],
        proptest::collection::vec(ai_event(), 1..5),
    )
        .prop_map(|(kind, items)| json!({"eventType": kind, "items": items}))
}

const SYNERISE_AI_EVENTS_BATCH_OWN: &[Mutation] = &[
    ("synerise.ai-events-batch/shape", |v| {
        *v = at(v, "/items").clone();
        String::new()
    }),
    ("synerise.ai-events-batch/same-type", |v| {
        insert(v, "/items/0", "eventType", json!("other"))
    }),
    // An empty `items` is a warning in a click, an info in a view.
    ("synerise.ai-event/items-empty", |v| {
        set(v, "/eventType", json!("recommendation.click"));
        set(v, "/items/0/items", json!([]))
    }),
    ("synerise.ai-event/items-empty-view", |v| {
        set(v, "/eventType", json!("recommendation.view"));
        set(v, "/items/0/items", json!([]))
    }),
];

const SYNERISE_AI_EVENTS_BATCH: &[Mutation] = ai_event_mutations!("/items/0");

fn synerise_error() -> impl Strategy<Value = Value> {
    (
        proptest::option::of(past_iso()),
        proptest::option::of(400_i64..600),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of("(/[a-z]{1,8}){1,4}"),
        proptest::option::of(proptest::collection::vec((ident(), text(), primitive()), 0..3)),
    )
        .prop_map(|(timestamp, status, error, message, path, errors)| {
            let errors = errors.map(|es| {
                Value::Array(
                    es.into_iter()
                        .map(|(field, message, rejected)| {
                            json!({"field": field, "message": message, "rejectedValue": rejected, "code": 1})
                        })
                        .collect(),
                )
            });
            with(
                json!({}),
                vec![
                    ("timestamp", timestamp.map(Value::from)),
                    ("status", status.map(Value::from)),
                    ("error", error.map(Value::from)),
                    ("message", message.map(Value::from)),
                    ("path", path.map(Value::from)),
                    ("errors", errors),
                ],
            )
        })
}

const SYNERISE_ERROR: &[Mutation] = &[
    ("synerise.error/field-type", |v| {
        insert(v, "", "status", json!("400"))
    }),
    ("synerise.error/field-null", |v| {
        insert(v, "", "message", Value::Null)
    }),
    ("synerise.error/unknown-key", |v| {
        insert(v, "", "details", json!("d"))
    }),
    ("synerise.error/body-object", |v| {
        *v = json!("error");
        String::new()
    }),
];

// ---------------------------------------------------------------------------------------------
// Neuralens

const WITH_INDEX: &[&str] = &[
    "VIEW_PRODUCT",
    "CLICK_PRODUCT",
    "VIEW_SUGGESTION",
    "CLICK_SUGGESTION",
    "FAVORITE",
    "ADD_TO_CART",
];

fn neuralens_event() -> impl Strategy<Value = Value> {
    let event = prop_oneof![
        Just("VIEW_PRODUCT"),
        Just("CLICK_PRODUCT"),
        Just("VIEW_SUGGESTION"),
        Just("CLICK_SUGGESTION"),
        Just("LAND_PRODUCT_PAGE"),
        Just("FAVORITE"),
        Just("SHARE"),
        Just("ADD_TO_CART"),
        Just("PURCHASE"),
    ];
    let page = proptest::option::of(prop_oneof![
        Just("SEARCH_RESULT_PAGE"),
        Just("AUTOCOMPLETE"),
        Just("CATEGORY_PAGE"),
        Just("PRODUCT_PAGE"),
    ]);
    (
        event,
        page,
        proptest::option::of(uuid()),
        proptest::collection::vec("[A-Z0-9]{2,10}", 1..5),
        0_u64..200,
        text(),
        proptest::option::of(past_secs()),
        proptest::option::of((-90.0_f64..=90.0, -180.0_f64..=180.0, text())),
    )
        .prop_map(|(event, page, uid, items, index, query, timestamp, geo)| {
            let page = match event {
                "VIEW_SUGGESTION" | "CLICK_SUGGESTION" => Some("AUTOCOMPLETE"),
                "LAND_PRODUCT_PAGE" => page.map(|_| "PRODUCT_PAGE"),
                _ => page,
            };
            let items = if event == "PURCHASE" { &items[..] } else { &items[..1] };
            let items: Vec<Value> = items.iter().map(|id| json!({"id": id})).collect();
            let needs_query = matches!(page, Some("SEARCH_RESULT_PAGE" | "AUTOCOMPLETE"));
            with(
                json!({"uid": uid, "items": items, "event": event}),
                vec![
                    ("page", page.map(Value::from)),
                    ("index", WITH_INDEX.contains(&event).then(|| json!(index))),
                    ("query", needs_query.then(|| json!(query))),
                    ("timestamp", timestamp.map(Value::from)),
                    (
                        "geo",
                        geo.map(|(lat, long, region)| json!({"lat": lat, "long": long, "region": region})),
                    ),
                ],
            )
        })
}

const NEURALENS_EVENT: &[Mutation] = &[
    ("neuralens.event/event-required", |v| {
        set(v, "/event", json!("VIEW"))
    }),
    ("neuralens.event/uid", |v| remove(v, "", "uid")),
    ("neuralens.event/items-shape", |v| {
        set(v, "/items", json!(["AV768"]));
        "/items/0".to_owned()
    }),
    ("neuralens.event/items-count", |v| {
        set(v, "/event", json!("SHARE"));
        set(v, "/items", json!([{"id": "a"}, {"id": "b"}]))
    }),
    ("neuralens.event/items-required", |v| {
        set(v, "/items", json!([]))
    }),
    ("neuralens.event/items-id-number", |v| {
        set(v, "/items", json!([{"id": 768}]));
        "/items/0/id".to_owned()
    }),
    ("neuralens.event/items-id-empty", |v| {
        set(v, "/items", json!([{"id": ""}]));
        "/items/0/id".to_owned()
    }),
    ("neuralens.event/index-type", |v| {
        insert(v, "", "index", json!(-1))
    }),
    ("neuralens.event/page-enum", |v| {
        insert(v, "", "page", json!("HOME_PAGE"))
    }),
    ("neuralens.event/query-type", |v| {
        insert(v, "", "query", json!(3))
    }),
    ("neuralens.event/timestamp-future", |v| {
        insert(v, "", "timestamp", json!(1_900_000_000_i64))
    }),
    ("neuralens.event/timestamp", |v| {
        insert(v, "", "timestamp", json!("1715644800"))
    }),
    ("neuralens.event/geo-range", |v| {
        insert(v, "", "geo", json!({"lat": 95.5, "long": 120.0}));
        "/geo/lat".to_owned()
    }),
    ("neuralens.event/geo-swapped", |v| {
        insert(v, "", "geo", json!({"lat": 139.69, "long": 35.69}));
        "/geo/lat".to_owned()
    }),
    ("neuralens.event/geo-shape", |v| {
        insert(v, "", "geo", json!("52.1,21.0"))
    }),
    ("neuralens.event/unknown-key", |v| {
        insert(v, "", "userId", json!("u"))
    }),
    ("neuralens.event/page-event-consistency", |v| {
        set(v, "/event", json!("CLICK_SUGGESTION"));
        set(v, "/items", json!([{"id": "a"}]));
        insert(v, "", "index", json!(0));
        insert(v, "", "page", json!("CATEGORY_PAGE"))
    }),
    ("neuralens.event/query-expected", |v| {
        set(v, "/event", json!("SHARE"));
        set(v, "/items", json!([{"id": "a"}]));
        obj(v).remove("query");
        insert(v, "", "page", json!("SEARCH_RESULT_PAGE"));
        String::new()
    }),
    ("neuralens.event/index-relevance", |v| {
        set(v, "/event", json!("CLICK_PRODUCT"));
        set(v, "/items", json!([{"id": "a"}]));
        insert(v, "", "page", json!("CATEGORY_PAGE"));
        remove(v, "", "index")
    }),
];

fn neuralens_event_response() -> impl Strategy<Value = Value> {
    prop_oneof![
        proptest::option::of(text()).prop_map(|m| with(
            json!({"status": "success"}),
            vec![("message", m.map(Value::from))]
        )),
        text().prop_map(|m| json!({"status": "failure", "message": m})),
    ]
}

const NEURALENS_EVENT_RESPONSE: &[Mutation] = &[
    ("neuralens.event.response/status-enum", |v| {
        set(v, "/status", json!("ok"))
    }),
    ("neuralens.event.response/message-type", |v| {
        insert(v, "", "message", json!(["m"]))
    }),
    ("neuralens.event.response/unknown-key", |v| {
        insert(v, "", "code", json!(1))
    }),
    ("neuralens.event.response/failure-message-empty", |v| {
        set(v, "/status", json!("failure"));
        remove(v, "", "message")
    }),
];

// ---------------------------------------------------------------------------------------------
// AWS Personalize

fn personalize_event() -> impl Strategy<Value = Value> {
    (
        "[a-z][a-zA-Z-]{1,20}",
        past_secs(),
        "[a-zA-Z0-9-]{1,40}",
        proptest::option::of("[a-zA-Z0-9-]{1,40}"),
        proptest::option::of(-100.0_f64..100.0),
        proptest::option::of(camel_map(text().prop_map(Value::from), 1..4)),
        proptest::option::of("[A-Za-z0-9-]{1,40}"),
        proptest::option::of(proptest::collection::vec("[a-zA-Z0-9-]{1,20}", 1..25)),
        proptest::option::of("[a-z][ -~]{0,20}[!-~]"),
    )
        .prop_map(
            |(event_type, sent_at, item, event_id, value, properties, rec, impression, source)| {
                // An event carries recommendationId or impression, not both (info otherwise).
                let (rec, impression) = match (rec, impression) {
                    (Some(r), Some(_)) => (Some(r), None),
                    pair => pair,
                };
                with(
                    json!({"eventType": event_type, "sentAt": sent_at, "itemId": item}),
                    vec![
                        ("eventId", event_id.map(Value::from)),
                        ("eventValue", value.map(Value::from)),
                        (
                            "properties",
                            properties.map(|p| json!(Value::Object(p).to_string())),
                        ),
                        ("recommendationId", rec.map(Value::from)),
                        ("impression", impression.map(Value::from)),
                        (
                            "metricAttribution",
                            source.map(|s| json!({"eventAttributionSource": s})),
                        ),
                    ],
                )
            },
        )
}

fn personalize_put_events() -> impl Strategy<Value = Value> {
    (
        uuid(),
        "[a-zA-Z0-9-]{1,60}",
        proptest::option::of("[a-zA-Z0-9@.-]{1,60}"),
        proptest::collection::vec(personalize_event(), 1..=10),
    )
        .prop_map(|(tracking, session, user, mut events)| {
            // Distinct events: distinct times and ids.
            for (i, e) in events.iter_mut().enumerate() {
                let sent_at = e["sentAt"].as_i64().unwrap() + i64::try_from(i).unwrap();
                obj(e).insert("sentAt".to_owned(), json!(sent_at));
                if let Some(Value::String(id)) = obj(e).get_mut("eventId") {
                    let _ = write!(id, "-{i}");
                }
            }
            with(
                json!({"trackingId": tracking, "sessionId": session, "eventList": events}),
                vec![("userId", user.map(Value::from))],
            )
        })
}

const PERSONALIZE_PUT_EVENTS: &[Mutation] = &[
    ("personalize.put-events/required", |v| {
        remove(v, "", "trackingId")
    }),
    ("personalize.put-events/required", |v| {
        remove(v, "/eventList/0", "eventType")
    }),
    ("personalize.put-events/container-types", |v| {
        set(v, "/eventList", json!({}))
    }),
    ("personalize.put-events/eventlist-size", |v| {
        set(v, "/eventList", json!([]))
    }),
    ("personalize.put-events/string-types", |v| {
        set(v, "/sessionId", json!(12))
    }),
    ("personalize.put-events/length", |v| {
        set(v, "/sessionId", json!("s".repeat(257)))
    }),
    ("personalize.put-events/sentat-type", |v| {
        set(v, "/eventList/0/sentAt", json!("1700000000"))
    }),
    ("personalize.put-events/sentat-sanity", |v| {
        set(v, "/eventList/0/sentAt", json!(1_900_000_000_i64))
    }),
    ("personalize.put-events/eventvalue-type", |v| {
        insert(v, "/eventList/0", "eventValue", json!("4.5"))
    }),
    ("personalize.put-events/eventvalue-non-finite", |v| {
        insert(v, "/eventList/0", "eventValue", json!("Infinity"))
    }),
    ("personalize.put-events/itemid-missing", |v| {
        remove(v, "/eventList/0", "itemId")
    }),
    ("personalize.put-events/properties-string", |v| {
        insert(
            v,
            "/eventList/0",
            "properties",
            json!({"numberOfRatings": "12"}),
        )
    }),
    ("personalize.put-events/properties-parse", |v| {
        insert(
            v,
            "/eventList/0",
            "properties",
            json!("{numberOfRatings: 12}"),
        )
    }),
    ("personalize.put-events/properties-reserved", |v| {
        insert(v, "/eventList/0", "properties", json!(r#"{"userId": "u"}"#))
    }),
    ("personalize.put-events/properties-camelcase", |v| {
        insert(
            v,
            "/eventList/0",
            "properties",
            json!(r#"{"number_of_ratings": "12"}"#),
        )
    }),
    ("personalize.put-events/properties-values", |v| {
        insert(
            v,
            "/eventList/0",
            "properties",
            json!(r#"{"numberOfRatings": 12}"#),
        )
    }),
    ("personalize.put-events/properties-empty", |v| {
        insert(v, "/eventList/0", "properties", json!("{}"))
    }),
    ("personalize.put-events/recommendationid-length", |v| {
        obj(at(v, "/eventList/0")).remove("impression");
        insert(v, "/eventList/0", "recommendationId", json!("r".repeat(41)))
    }),
    ("personalize.put-events/impression-size", |v| {
        obj(at(v, "/eventList/0")).remove("recommendationId");
        insert(v, "/eventList/0", "impression", json!([]))
    }),
    ("personalize.put-events/attribution-pattern", |v| {
        insert(
            v,
            "/eventList/0",
            "metricAttribution",
            json!({"eventAttributionSource": "   "}),
        );
        "/eventList/0/metricAttribution/eventAttributionSource".to_owned()
    }),
    ("personalize.put-events/session-null-literal", |v| {
        set(v, "/sessionId", json!("undefined"))
    }),
    ("personalize.put-events/unknown-key", |v| {
        insert(v, "/eventList/0", "timestamp", json!(1))
    }),
    ("personalize.put-events/duplicate-eventid", |v| {
        let first = at(v, "/eventList/0").clone();
        let mut second = first.clone();
        obj(&mut second).insert("sentAt".to_owned(), json!(1_600_000_000));
        set(v, "/eventList", json!([first, second]));
        insert(v, "/eventList/0", "eventId", json!("same"));
        insert(v, "/eventList/1", "eventId", json!("same"))
    }),
];

fn personalize_error() -> impl Strategy<Value = Value> {
    (
        prop_oneof![Just("message"), Just("Message")],
        text(),
        proptest::option::of((
            prop_oneof![Just("code"), Just("Code"), Just("__type")],
            "[A-Z][a-zA-Z]{3,30}Exception",
        )),
    )
        .prop_map(|(key, message, code)| {
            let mut value = json!({ key: message });
            if let Some((key, code)) = code {
                obj(&mut value).insert(key.to_owned(), json!(code));
            }
            value
        })
}

const PERSONALIZE_ERROR: &[Mutation] = &[
    ("personalize.error/string-types", |v| {
        insert(v, "", "code", json!(400))
    }),
    ("personalize.error/unknown-key", |v| {
        insert(v, "", "status", json!("x"))
    }),
    ("personalize.error/body-object", |v| {
        *v = json!(null);
        String::new()
    }),
];

// ---------------------------------------------------------------------------------------------
// Glia

fn glia_engagement_event() -> impl Strategy<Value = Value> {
    text().prop_map(|m| json!({ "message": m }))
}

const GLIA_ENGAGEMENT_EVENT: &[Mutation] = &[
    ("glia.engagement-event/message-required", |v| {
        remove(v, "", "message")
    }),
    ("glia.engagement-event/message-required", |v| {
        set(v, "/message", json!(1))
    }),
    ("glia.engagement-event/message-empty", |v| {
        set(v, "/message", json!("  \t"))
    }),
    ("glia.engagement-event/message-length", |v| {
        set(v, "/message", json!("é".repeat(10_001)))
    }),
    ("glia.engagement-event/unknown-key", |v| {
        insert(v, "", "type", json!("text"))
    }),
];

fn glia_engagement_event_response() -> impl Strategy<Value = Value> {
    (
        past_secs(),
        any::<bool>(),
        uuid(),
        uuid(),
        1_u64..1_000_000,
        text(),
        text(),
        text(),
    )
        .prop_map(
            |(secs, millis, id, engagement, sub, content, status, target)| {
                let time = iso(secs, u8::from(millis));
                json!({
                    "timestamp": time,
                    "id": id,
                    "engagement_id": engagement,
                    "sub_engagement_id": sub.to_string(),
                    "content": content,
                    "status": status,
                    "sender": {"type": "visitor"},
                    "target": target,
                })
            },
        )
}

const GLIA_ENGAGEMENT_EVENT_RESPONSE: &[Mutation] = &[
    ("glia.engagement-event.response/field-required", |v| {
        remove(v, "", "content")
    }),
    ("glia.engagement-event.response/field-type", |v| {
        set(v, "/content", json!(5))
    }),
    (
        "glia.engagement-event.response/sub-engagement-id-string",
        |v| set(v, "/sub_engagement_id", json!(339)),
    ),
    ("glia.engagement-event.response/timestamp-iso8601", |v| {
        set(v, "/timestamp", json!("28 Aug 2019"))
    }),
    ("glia.engagement-event.response/timestamp-utc", |v| {
        set(v, "/timestamp", json!("2019-08-28T13:55:24"))
    }),
    ("glia.engagement-event.response/uuid-format", |v| {
        set(v, "/id", json!("42"))
    }),
    ("glia.engagement-event.response/timestamp-offset", |v| {
        set(v, "/timestamp", json!("2019-08-28T15:55:24+02:00"))
    }),
    ("glia.engagement-event.response/engagement-id-format", |v| {
        set(v, "/engagement_id", json!("42"))
    }),
    (
        "glia.engagement-event.response/sub-engagement-id-digits",
        |v| set(v, "/sub_engagement_id", json!("sub-339")),
    ),
    ("glia.engagement-event.response/sender-not-visitor", |v| {
        set(v, "/sender/type", json!("operator"))
    }),
    ("glia.engagement-event.response/unknown-key", |v| {
        insert(v, "", "visitor_id", json!("v"))
    }),
];

fn glia_error() -> impl Strategy<Value = Value> {
    (text(), prop_oneof![Just(String::new()), text()])
        .prop_map(|(m, d)| json!({"message": m, "debug_message": d}))
}

const GLIA_ERROR: &[Mutation] = &[
    ("glia.error/message-required", |v| remove(v, "", "message")),
    ("glia.error/debug-message-required", |v| {
        set(v, "/debug_message", json!(5))
    }),
    ("glia.error/debug-message-missing", |v| {
        remove(v, "", "debug_message")
    }),
    ("glia.error/unknown-key", |v| {
        insert(v, "", "error", json!("e"))
    }),
];

// ---------------------------------------------------------------------------------------------
// More mutations: the rest of what one local change can trigger (infos included).

fn wrap(v: &mut Value) -> String {
    *v = json!([v.clone()]);
    String::new()
}

const BODY_OBJECT_SAJARI: &[Mutation] = &[
    ("sajari.send-event/body-object", wrap),
    ("sajari.send-event/weight-missing-or-zero", |v| {
        insert(v, "", "weight", json!(0))
    }),
];

const MORE_GLIA_ENGAGEMENT_EVENT: &[Mutation] = &[("glia.engagement-event/body-object", wrap)];
const MORE_GLIA_ERROR: &[Mutation] = &[("glia.error/body-object", wrap)];
const MORE_GLIA_RESPONSE: &[Mutation] = &[("glia.engagement-event.response/body-object", wrap)];

const MORE_SYNERISE_CUSTOM_EVENT: &[Mutation] = &[
    ("synerise.custom-event/body-object", wrap),
    ("synerise.custom-event/params-missing", |v| {
        remove(v, "", "params")
    }),
    ("synerise.custom-event/action-format", |v| {
        set(v, "/action", json!("pagevisit"))
    }),
    ("synerise.custom-event/dedicated-action", |v| {
        set(v, "/action", json!("product.addToCart"))
    }),
    ("common/placeholder", |v| {
        set(v, "/client", json!({"customId": "YOUR_CUSTOMER_ID"}));
        "/client/customId".to_owned()
    }),
    ("common/placeholder-string", |v| {
        set(v, "/client", json!({"customId": "string"}));
        "/client/customId".to_owned()
    }),
];

const MORE_SYNERISE_EVENT: &[Mutation] = &[
    ("synerise.event/time-missing", |v| remove(v, "", "time")),
    ("synerise.event/label-placeholder", |v| {
        set(v, "/label", json!("string"))
    }),
    ("synerise.event/client-multiple-ids", |v| {
        set(v, "/client", json!({"id": 1, "customId": "c-1"}))
    }),
    ("synerise.event/eventsalt-future-time", |v| {
        insert(v, "", "time", json!("2027-03-01T10:00:00Z"));
        insert(v, "", "eventSalt", json!("salt-1"))
    }),
    ("synerise.event/params-datetime-tz", |v| {
        insert(v, "", "params", json!({}));
        insert(v, "/params", "xBoughtAt", json!("2024-03-01T10:00:00"))
    }),
    ("synerise.event/params-email", |v| {
        set(v, "/client", json!({"email": "jane@example.com"}));
        insert(v, "", "params", json!({}));
        insert(v, "/params", "email", json!("john@example.com"))
    }),
];

const MORE_SYNERISE_DEDICATED_EVENT: &[Mutation] =
    &[("synerise.dedicated-event/body-object", wrap)];

const MORE_SYNERISE_AI_EVENT: &[Mutation] = &[
    ("synerise.ai-event/body-object", wrap),
    // The single event's type is the path parameter: an empty `items` may be a view's.
    ("synerise.ai-event/items-empty-view", |v| {
        set(v, "/items", json!([]))
    }),
    ("synerise.ai-event/campaignid", |v| {
        insert(v, "", "campaignId", json!(""))
    }),
    ("synerise.ai-event/timestamp-missing", |v| {
        remove(v, "", "eventTimestamp")
    }),
    ("synerise.ai-event/timestamp-contradiction", |v| {
        insert(v, "", "eventTimestamp", json!("2024-01-01T00:00:00Z"))
    }),
    ("synerise.ai-event/click-item-shape", |v| {
        remove(v, "", "items");
        insert(v, "", "item", json!("89435879453"))
    }),
];

const MORE_PERSONALIZE_PUT_EVENTS: &[Mutation] = &[
    ("personalize.put-events/userid-missing", |v| {
        remove(v, "", "userId")
    }),
    ("personalize.put-events/properties-legacy-keys", |v| {
        insert(
            v,
            "/eventList/0",
            "properties",
            json!(r#"{"itemId": "i-1"}"#),
        )
    }),
    ("personalize.put-events/impression-and-recid", |v| {
        insert(v, "/eventList/0", "impression", json!(["i-1"]));
        insert(v, "/eventList/0", "recommendationId", json!("r-1"));
        "/eventList/0/impression".to_owned()
    }),
    ("personalize.put-events/duplicate-event", |v| {
        let first = at(v, "/eventList/0").clone();
        set(v, "/eventList", json!([first.clone(), first]));
        obj(at(v, "/eventList/1")).remove("eventId");
        obj(at(v, "/eventList/0")).remove("eventId");
        "/eventList/1".to_owned()
    }),
];

const MORE_SYNERISE_BATCH_EVENTS: &[Mutation] = &[
    ("synerise.batch-events/salt-dup", |v| {
        insert(v, "/0", "time", json!("2024-01-01T00:00:00Z"));
        insert(v, "/0", "eventSalt", json!("salt-1"));
        let first = at(v, "/0").clone();
        *v = json!([first.clone(), first]);
        "/1/eventSalt".to_owned()
    }),
    ("synerise.dedicated-event/min-api-version", |v| {
        obj(at(v, "/0")).remove("action");
        set(v, "/0/type", json!("application-started"))
    }),
    ("synerise.batch-events/dedicated-action", |v| {
        set(v, "/0/type", json!("hit-timer"));
        "/0/action".to_owned()
    }),
    ("synerise.dedicated-event/cart-params", |v| {
        obj(at(v, "/0")).remove("action");
        insert(v, "/0", "params", json!({"sku": "s-1"}));
        set(v, "/0/type", json!("added-to-cart"));
        "/0/params".to_owned()
    }),
    ("synerise.custom-event/new-definition", |v| {
        set(v, "/0/action", json!("page.vist"))
    }),
    ("synerise.dedicated-event/item-search-click-params", |v| {
        obj(at(v, "/0")).remove("action");
        insert(v, "/0", "params", json!({"item": "sku-1", "position": 1}));
        set(v, "/0/type", json!("item-search-click"));
        "/0/params".to_owned()
    }),
];

const MORE_PERSONALIZE_EVENT_TYPE: &[Mutation] =
    &[("personalize.put-events/eventtype-placeholder", |v| {
        set(v, "/eventList/0/eventType", json!("EVENT_TYPE"))
    })];

const MORE_PERSONALIZE_ERROR: &[Mutation] = &[("personalize.error/message-missing", |v| {
    obj(v).remove("message");
    obj(v).remove("Message");
    String::new()
})];

// ---------------------------------------------------------------------------------------------
// Properties

/// The kinds the properties below cover; a test checks it is every registered kind.
const COVERED: &[&str] = &[
    "glia.engagement-event",
    "glia.engagement-event.response",
    "glia.error",
    "neuralens.event",
    "neuralens.event.response",
    "personalize.error",
    "personalize.put-events",
    "sajari.error",
    "sajari.send-event",
    "sajari.send-event.response",
    "synerise.ai-event",
    "synerise.ai-events-batch",
    "synerise.batch-events",
    "synerise.custom-event",
    "synerise.dedicated-event",
    "synerise.error",
];

#[test]
fn every_kind_has_properties() {
    let kinds: Vec<&str> = eventlint_core::registry::kinds()
        .iter()
        .map(|k| k.id)
        .collect();
    assert_eq!(kinds, COVERED);
}

macro_rules! kind_properties {
    ($name:ident, $kind:literal, $gen:expr, $mutations:expr) => {
        mod $name {
            use super::*;

            proptest! {
                #![proptest_config(config())]
                #[test]
                fn valid_payloads_are_clean(value in $gen, pretty in any::<bool>()) {
                    assert_clean($kind, &value, pretty)?;
                }
            }

            proptest! {
                #![proptest_config(mutation_config())]
                #[test]
                fn mutations_are_reported_at_their_pointer(value in $gen) {
                    for mutations in $mutations {
                        assert_mutations($kind, &value, mutations)?;
                    }
                }
            }
        }
    };
}

kind_properties!(
    sajari_send_event_props,
    "sajari.send-event",
    sajari_send_event(),
    [SAJARI_SEND_EVENT, BODY_OBJECT_SAJARI]
);
kind_properties!(
    sajari_send_event_response_props,
    "sajari.send-event.response",
    Just(json!({})),
    [SAJARI_SEND_EVENT_RESPONSE]
);
kind_properties!(
    sajari_error_props,
    "sajari.error",
    sajari_error(),
    [SAJARI_ERROR]
);
kind_properties!(
    synerise_custom_event_props,
    "synerise.custom-event",
    synerise_custom_event(),
    [
        SYNERISE_CUSTOM_EVENT,
        synerise_event_mutations!(""),
        MORE_SYNERISE_CUSTOM_EVENT,
        MORE_SYNERISE_EVENT
    ]
);
kind_properties!(
    synerise_dedicated_event_props,
    "synerise.dedicated-event",
    synerise_dedicated_event(),
    [
        SYNERISE_DEDICATED_EVENT,
        synerise_event_mutations!(""),
        MORE_SYNERISE_DEDICATED_EVENT,
        MORE_SYNERISE_EVENT
    ]
);
kind_properties!(
    synerise_batch_events_props,
    "synerise.batch-events",
    synerise_batch_events(),
    [
        SYNERISE_BATCH_EVENTS,
        synerise_event_mutations!("/0"),
        MORE_SYNERISE_BATCH_EVENTS
    ]
);
kind_properties!(
    synerise_ai_event_props,
    "synerise.ai-event",
    ai_event(),
    [SYNERISE_AI_EVENT, MORE_SYNERISE_AI_EVENT]
);
kind_properties!(
    synerise_ai_events_batch_props,
    "synerise.ai-events-batch",
    ai_events_batch(),
    [SYNERISE_AI_EVENTS_BATCH_OWN, SYNERISE_AI_EVENTS_BATCH]
);
kind_properties!(
    synerise_error_props,
    "synerise.error",
    synerise_error(),
    [SYNERISE_ERROR]
);
kind_properties!(
    neuralens_event_props,
    "neuralens.event",
    neuralens_event(),
    [NEURALENS_EVENT]
);
kind_properties!(
    neuralens_event_response_props,
    "neuralens.event.response",
    neuralens_event_response(),
    [NEURALENS_EVENT_RESPONSE]
);
kind_properties!(
    personalize_put_events_props,
    "personalize.put-events",
    personalize_put_events(),
    [
        PERSONALIZE_PUT_EVENTS,
        MORE_PERSONALIZE_PUT_EVENTS,
        MORE_PERSONALIZE_EVENT_TYPE
    ]
);
kind_properties!(
    personalize_error_props,
    "personalize.error",
    personalize_error(),
    [PERSONALIZE_ERROR, MORE_PERSONALIZE_ERROR]
);
kind_properties!(
    glia_engagement_event_props,
    "glia.engagement-event",
    glia_engagement_event(),
    [GLIA_ENGAGEMENT_EVENT, MORE_GLIA_ENGAGEMENT_EVENT]
);
kind_properties!(
    glia_engagement_event_response_props,
    "glia.engagement-event.response",
    glia_engagement_event_response(),
    [GLIA_ENGAGEMENT_EVENT_RESPONSE, MORE_GLIA_RESPONSE]
);
kind_properties!(
    glia_error_props,
    "glia.error",
    glia_error(),
    [GLIA_ERROR, MORE_GLIA_ERROR]
);
