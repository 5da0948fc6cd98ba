//! Unit tests of the parsed value: borrowing, repeated keys, conversions, the fast parser.

use std::cell::Cell;

use bumpalo::Bump;
use serde::de::DeserializeSeed;

use super::parse::{FAST_NESTING, Seed};
use super::*;

fn parsed(text: &str) -> (Value<'_>, bool) {
    let duplicates = Cell::new(false);
    let value = parse(text, Box::leak(Box::default()), &duplicates).expect("valid JSON");
    (value, duplicates.get())
}

#[test]
fn strings_without_escapes_are_borrowed() {
    let (value, _) = parsed(r#"{"a": "plain", "b\n": "esc\"aped"}"#);
    let Value::Object(map) = &value else {
        panic!("an object")
    };
    let (key, a) = map.iter().next().expect("a member");
    assert!(key.is_borrowed() && key.as_str() == "a");
    assert!(matches!(a, Value::String(s) if s.is_borrowed() && s.as_str() == "plain"));
    assert!(
        matches!(map.get("b\n"), Some(Value::String(s)) if !s.is_borrowed() && s.as_str() == "esc\"aped")
    );
}

#[test]
fn a_repeated_key_keeps_its_first_place_and_last_value_as_serde_json_does() {
    for n in [3, 40] {
        let members = (0..n)
            .map(|i| format!("\"m{i}\": {i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let text = format!("{{\"k\": 1, {members}, \"k\": 2}}");
        let (value, repeated) = parsed(&text);
        assert!(repeated);
        let serde: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(value.to_json(), serde);
        let map = value.as_object().expect("an object");
        assert_eq!(map.len(), n + 1);
        assert_eq!(map.keys().next().map(Str::as_str), Some("k"));
        assert_eq!(map.get("k").and_then(Value::as_u64), Some(2));
    }
    assert!(!parsed(r#"{"a": {"a": 1}, "b": [{"a": 1, "b": 2}]}"#).1);
}

fn members<'a>(keys: &[&'a str]) -> Vec<(Str<'a>, Value<'a>)> {
    keys.iter()
        .map(|k| (Str::borrowed(k), Value::Null))
        .collect()
}

#[test]
fn repeated_keys_are_found_whatever_their_prints() {
    // Keys that share a print but differ (same length, same first and last eight bytes),
    // keys of every length up to 20, and one repeat anywhere, among few and many members.
    let twins = ["abcdefgh_X_12345678", "abcdefgh_Y_12345678"];
    assert_eq!(key_print(twins[0]), key_print(twins[1]));
    let mut keys: Vec<String> = twins.iter().map(|k| (*k).to_owned()).collect();
    keys.extend((0..=20).map(|n| "k".repeat(n)));
    keys.extend((0..=20).map(|n| format!("{}\u{e9}", "a".repeat(n))));
    for n in [2, 5, 16, 17, keys.len()] {
        let some = &keys[..n];
        let naive = |k: &[&str]| (0..k.len()).any(|i| k[..i].contains(&k[i]));
        let distinct: Vec<&str> = some.iter().map(String::as_str).collect();
        assert!(!naive(&distinct));
        assert!(!any_repeated(&members(&distinct)), "{n} distinct keys");
        for at in 0..n {
            for again in 0..=n {
                let mut with: Vec<&str> = distinct.clone();
                with.insert(again, distinct[at]);
                assert!(
                    any_repeated(&members(&with)),
                    "{n} keys, {at} again at {again}"
                );
            }
        }
    }
}

#[test]
fn converts_to_and_from_serde_json_and_prints_the_same() {
    let text = r#"{"z": [1, -2, 3.5, true, null, "s\u00e9"], "a": {"x~/y": {}}, "e": []}"#;
    let serde: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
    let (value, _) = parsed(text);
    assert_eq!(value.to_json(), serde);
    assert_eq!(Value::from_json(&serde, &Bump::new()).to_json(), serde);
    assert_eq!(value.to_string(), serde.to_string());
    for pointer in [
        "",
        "/z",
        "/z/0",
        "/z/5",
        "/a/x~0~1y",
        "/e",
        "/z/6",
        "/z/01",
        "/q",
        "z",
    ] {
        assert_eq!(
            value.pointer(pointer).map(Value::to_json),
            serde.pointer(pointer).cloned(),
            "{pointer}"
        );
        if pointer.starts_with('/') || pointer.is_empty() {
            let tokens: Vec<_> = tokens(pointer).collect();
            let path: Vec<&str> = tokens.iter().map(AsRef::as_ref).collect();
            assert_eq!(
                value.at(&path).map(Value::to_json),
                serde.pointer(pointer).cloned(),
                "{pointer}"
            );
        }
    }
}

/// `sonic-rs` parses first; on every edge case where the two parsers could part, the result
/// is `serde_json`'s: the same acceptance and the same value.
#[test]
fn the_fast_parser_agrees_with_serde_json() {
    let mut cases: Vec<String> = [
        r#""\ud800""#,
        r#""\udc00""#,
        r#""\ud800\u0041""#,
        r#""\ud83d\ude00""#,
        r#""\x""#,
        r#""\u12""#,
        "\"\u{1}\"",
        "\"\t\"",
        "\"\u{7f}\"",
        "\"\u{feff}\"",
        "\u{feff}1",
        "1e400",
        "-1e400",
        "1e-400",
        "-0",
        "-0.0",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "2.2250738585072011e-308",
        "4.9e-324",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "9007199254740993",
        "1e23",
        "0.30000000000000004",
        "1.",
        ".5",
        "01",
        "+1",
        "-",
        "1e",
        "1e+",
        "NaN",
        "Infinity",
        "[1,]",
        r#"{"a":1,}"#,
        "'a'",
        "/**/1",
        "{} x",
        "{}{}",
        "\u{c}1",
        "\u{b}1",
        " 1\n",
        "tru",
        "truee",
        "nul",
        "[1 2]",
        r#"{"a" 1}"#,
        "{1:2}",
        r#"{"\u0041":1,"A":2}"#,
        r#"{"a":1,"a":2}"#,
        "[[]]",
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    for depth in [126, 127, 128, 129, 300] {
        cases.push(format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        cases.push(format!(
            "{}1{}",
            r#"{"a":"#.repeat(depth),
            "}".repeat(depth)
        ));
    }
    // Numbers with long mantissas, exponents up to ±350 (past `f64`'s range), negative
    // integers past 64 bits: the value must be `serde_json`'s.
    let mut x: u64 = 0x1234_5678_9abc_def1;
    for _ in 0..20_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let exponent = i64::try_from(x % 700).unwrap_or(0) - 350;
        cases.push(format!("{}.{}{}e{exponent}", x % 10, x, x >> 5));
        cases.push(format!("{}", f64::from_bits(x)));
        cases.push(format!("[0.{x}, -{x}{x}, {}]", x >> 1));
    }
    for case in &cases {
        let mut fast = sonic_rs::Deserializer::from_str(case);
        let duplicates = Cell::new(false);
        let arena = Bump::new();
        let fast = Seed::new(&arena, &duplicates, FAST_NESTING)
            .deserialize(&mut fast)
            .and_then(|v| fast.end().map(|()| v));
        let reference = serde_json::from_str::<serde_json::Value>(case);
        if let Ok(value) = fast {
            let reference = reference
                .unwrap_or_else(|e| panic!("sonic-rs accepts {case:?}, serde_json does not: {e}"));
            assert_eq!(value.to_json(), reference, "{case:?}");
        }
        assert_eq!(
            parse(case, &Bump::new(), &duplicates)
                .map(|v| v.to_json())
                .ok(),
            serde_json::from_str::<serde_json::Value>(case).ok(),
            "{case:?}"
        );
    }
}
