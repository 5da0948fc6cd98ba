//! Unit tests of the shell splitter: both dialects, escapes' places, unbalanced quotes.

use super::{Dialect, split};

fn words(text: &str, dialect: Dialect) -> Vec<String> {
    split(text, 0, dialect)
        .0
        .words
        .into_iter()
        .map(|w| w.text)
        .collect()
}

#[test]
fn posix_quotes_and_escapes() {
    assert_eq!(
        words(
            r#"a 'b c'"d\"e"f\ g $'h\'\x41\u00e9\101' '' x\"#,
            Dialect::Posix
        ),
        ["a", "b cd\"ef g", "h'Aé\u{41}", "", "x\\"]
    );
    assert_eq!(words("a\\\n b \\\r\nc", Dialect::Posix), ["a", "b", "c"]);
    assert_eq!(words(r#""a\b\$c""#, Dialect::Posix), ["a\\b$c"]);
}

#[test]
fn posix_ends_at_newline_comment_and_operators() {
    let (command, next) = split("a b\nc", 0, Dialect::Posix);
    assert_eq!(command.words.len(), 2);
    assert_eq!(next, 4);
    assert_eq!(words("a # b 'c", Dialect::Posix), ["a"]);
    assert_eq!(words("a 2>/dev/null | jq '.'", Dialect::Posix), ["a"]);
    let (command, next) = split("a && b", 0, Dialect::Posix);
    assert_eq!(command.words.len(), 1);
    assert_eq!(next, 4);
}

#[test]
fn posix_records_variables_outside_single_quotes() {
    let (command, _) = split(r#"a "$X" ${Y}z '$Z' $ $1"#, 0, Dialect::Posix);
    let vars: Vec<_> = command.words.iter().flat_map(|w| w.vars.clone()).collect();
    assert_eq!(vars, [3..5, 7..11]);
    assert_eq!(command.words[2].text, "${Y}z");
}

#[test]
fn escapes_map_to_their_first_byte() {
    let text = r"$'a\'b'";
    let (command, _) = split(text, 0, Dialect::Posix);
    let word = &command.words[0];
    assert_eq!(word.text, "a'b");
    assert_eq!(word.src, [(2, 3), (3, 5), (5, 6)]);
    assert_eq!(word.span, 0..text.len());
    assert_eq!(word.range(0..3), 2..6);
}

#[test]
fn cmd_carets_then_runtime_quotes() {
    let text = "curl ^\"a^\\^\"b^%^\" ^\n  -d \"x \"\"y\"\"\" ^\"1^\n\n2^\"";
    assert_eq!(
        words(text, Dialect::Cmd),
        ["curl", "a\"b%", "-d", "x \"y\"", "1\n2"]
    );
    assert_eq!(
        words(r#"a\\\"b c\\"d e" f\g"#, Dialect::Cmd),
        ["a\\\"b", "c\\d e", "f\\g"]
    );
}

#[test]
fn unbalanced_quotes_are_named() {
    for (text, dialect, written) in [
        ("a 'b", Dialect::Posix, "'"),
        ("a \"b", Dialect::Posix, "\""),
        ("a $'b\\'", Dialect::Posix, "$'"),
        ("a ^\"b", Dialect::Cmd, "^\""),
    ] {
        let (command, _) = split(text, 0, dialect);
        let unbalanced = command.unbalanced.expect(text);
        assert_eq!(unbalanced.written, written);
        assert_eq!(unbalanced.open, 2);
    }
}
