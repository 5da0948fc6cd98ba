//! Unit tests of the configuration: errors as diagnostics, tolerances, templates, spans.

use chrono::TimeDelta;

use super::file::parse_tolerance;
use super::*;
use crate::message::diagnostic::{Position, Severity};

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(text, "eventlint.toml")
}

/// A configuration error is a `config/invalid` diagnostic of the file, at its bytes, its
/// column counted in characters (the `é` before it is one), with its message and help.
#[test]
fn an_error_is_a_config_invalid_diagnostic_of_the_file() {
    let text = "# café\n[rules]\n\"json/syntax\" = \"warnign\"\n";
    let err = Config::parse(text, "conf/lint.toml").expect_err("a bad severity");
    let d = err.diagnostic();
    assert_eq!(d.rule, "config/invalid");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(&text[d.span.clone()], "\"warnign\"");
    assert_eq!(
        d.start,
        Position {
            line: 3,
            column: 17
        }
    );
    assert_eq!(
        d.end,
        Position {
            line: 3,
            column: 26
        }
    );
    assert_eq!(d.message, err.message);
    assert_eq!(d.help, err.help);
    assert!(d.pointer.is_empty());
    let outcome = err.outcome();
    assert_eq!(outcome.path, "conf/lint.toml");
    assert_eq!(outcome.document, 1);
    assert_eq!(outcome.source, text);
    assert_eq!(outcome.diagnostics, vec![d]);
    // A problem on the first line after a multi-byte character: columns in characters.
    let err = Config::parse("# é\nnw = 1\n", "eventlint.toml").expect_err("unknown key");
    assert_eq!(err.diagnostic().start, Position { line: 2, column: 1 });
    let err = Config::parse("exclude = [\"é/{b\"]\n", "eventlint.toml").expect_err("glob");
    assert_eq!(
        err.diagnostic().start,
        Position {
            line: 1,
            column: 12
        }
    );
    assert_eq!(
        err.diagnostic().end,
        Position {
            line: 1,
            column: 18
        }
    );
}

#[test]
fn tolerances() {
    let s = |t: &str| parse_tolerance(&toml::Value::String(t.to_owned()));
    assert_eq!(s("90s"), Ok(TimeDelta::seconds(90)));
    assert_eq!(s("5m"), Ok(TimeDelta::seconds(300)));
    assert_eq!(s("1h30m"), Ok(TimeDelta::seconds(5400)));
    assert_eq!(s("2d"), Ok(TimeDelta::seconds(172_800)));
    assert_eq!(s("300"), Ok(TimeDelta::seconds(300)));
    assert_eq!(
        parse_tolerance(&toml::Value::Integer(7)),
        Ok(TimeDelta::seconds(7))
    );
    assert!(s("5 minutes").is_err());
    assert!(s("5").is_ok());
    assert!(s("m").is_err());
    assert!(s("").is_err());
    assert!(parse_tolerance(&toml::Value::Integer(-1)).is_err());
}

#[test]
fn captures_fill_templates() {
    let config = parse(
        r#"
[[files]]
glob = "fixtures/<vendor>/<kind>/**"
kind = "<vendor>.<kind>"

[[files]]
glob = "fixtures/detect/**"
kind = "detect"

[[files]]
glob = "fixtures/**/invalid/<group>/<rule>{--*.*,.*}"
expect = "invalid"
expect-rules = ["<group>/<rule>"]
"#,
    )
    .expect("valid config");
    let s = config
        .settings("fixtures/synerise/custom-event/invalid/synerise.event/client-identifier--stream.ndjson")
        .expect("settings");
    assert_eq!(
        s.kind.flatten().map(|k| k.id),
        Some("synerise.custom-event")
    );
    let e = s.expectation.expect("expectation");
    assert_eq!(e.rules, vec!["synerise.event/client-identifier"]);
    let s = config
        .settings("fixtures/synerise/custom-event/invalid/json/syntax.json")
        .expect("settings");
    assert_eq!(s.expectation.map(|e| e.rules), Some(vec!["json/syntax"]));
    let s = config
        .settings("fixtures/detect/invalid/kind/undetermined.json")
        .expect("settings");
    assert_eq!(s.kind, Some(None));
    assert_eq!(
        s.expectation.map(|e| e.rules),
        Some(vec!["kind/undetermined"])
    );
    let err = config
        .settings("fixtures/synerise/custom-evnt/valid/a.json")
        .expect_err("unknown kind");
    assert!(
        err.contains("did you mean `synerise.custom-event`?"),
        "{err}"
    );
    assert_eq!(
        config.settings("elsewhere/a.json"),
        Ok(FileSettings::default())
    );
}

#[test]
fn errors_point_into_the_toml() {
    let text = "[[files]]\nglob = \"a/**\"\nkidn = \"x\"\n";
    let err = parse(text).expect_err("unknown key");
    assert_eq!(err.message, "unknown key `kidn`; did you mean `kind`?");
    assert_eq!(&text[err.span.clone()], "kidn");
    let text = "[rules]\n\"json/sintax\" = \"warnig\"\n";
    let err = parse(text).expect_err("bad severity");
    assert_eq!(
        err.message,
        "unknown value `warnig`; did you mean `warning`?"
    );
    let text = "[rules]\n\"json/sintax\" = \"off\"\n";
    let err = parse(text).expect_err("unknown rule");
    assert_eq!(
        err.message,
        "unknown rule `json/sintax`; did you mean `json/syntax`?"
    );
    assert_eq!(&text[err.span.clone()], "\"json/sintax\"");
    let text = "[[files]]\nglob = \"a/**\"\nkind = \"<vendor>.x\"\n";
    let err = parse(text).expect_err("uncaptured");
    assert!(err.message.contains("`<vendor>`"), "{}", err.message);
}
