//! Unit tests of the span resolver, the scanner and the line index.

use super::lines::CHECKPOINT;
use super::*;
use crate::message::diagnostic::Position;

#[test]
fn counts_across_checkpoints_in_any_order() {
    // Multi-byte characters straddling many checkpoints, on one line and on several.
    let unit = "aé日🦀\"x\\";
    let long: String = unit.repeat(3 * CHECKPOINT / unit.len() + 7);
    let text = format!("[\"{long}\",\n\"{long}\"]");
    let lines = LineIndex::new(&text);
    let offsets: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .step_by(97)
        .collect();
    for &offset in offsets.iter().rev().chain(offsets.iter()) {
        let before = &text[..offset];
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let naive = Position {
            line: before.matches('\n').count() + 1,
            column: text[start..offset].chars().count() + 1,
        };
        assert_eq!(lines.position(offset), naive, "offset {offset}");
        let utf16 = Position {
            column: text[start..offset].encode_utf16().count() + 1,
            ..naive
        };
        assert_eq!(lines.position_utf16(offset), utf16, "offset {offset}");
    }
}

#[test]
fn positions_count_characters_in_any_order() {
    let text = "{\"é\": \"ünï\",\n \"k\": [\"日本\", 1],\n\"z\": \"🦀x\"}";
    let naive = |offset: usize| {
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line,
            column: text[start..offset].chars().count() + 1,
        }
    };
    let offsets: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let lines = LineIndex::new(text);
    // Forwards, backwards and jumping about: the memo must never change an answer.
    let order = offsets
        .iter()
        .chain(offsets.iter().rev())
        .chain(offsets.iter().step_by(3))
        .chain(offsets.iter().rev().step_by(2));
    for &offset in order {
        assert_eq!(lines.position(offset), naive(offset), "offset {offset}");
    }
    let ascii = "{\n  \"a\": 1\n}";
    let lines = LineIndex::new(ascii);
    assert_eq!(lines.position(8), Position { line: 2, column: 7 });
}

#[test]
fn resolves_values_keys_and_duplicates() {
    let text = "{\n  \"a\": {\"b\": [1, \"x\"]},\n  \"a\": 2\n}";
    let tree = Spans::new(text);
    assert_eq!(&text[tree.resolve("/a/b/1", &Target::Value)], "\"x\"");
    assert_eq!(&text[tree.resolve("/a", &Target::Key)], "\"a\"");
    let second = tree.resolve("/a", &Target::Occurrence(1));
    assert_eq!(
        tree.duplicate_keys(),
        vec![Duplicate {
            pointer: Pointer::root().key("a"),
            occurrence: 1,
            key: second.clone(),
            first: 4..7,
        }]
    );
    assert_eq!(
        LineIndex::new(text).position(second.start),
        Position { line: 3, column: 3 }
    );
    // A pointer that does not resolve falls back to the nearest ancestor.
    assert_eq!(
        &text[tree.resolve("/a/zz", &Target::Value)],
        "{\"b\": [1, \"x\"]}"
    );
}

/// Each repeat is marked at its own key, also under the second occurrence of a repeated
/// key (a pointer names only the first) and in an object of many keys.
#[test]
fn repeated_keys_are_found_with_their_bytes() {
    let many: Vec<String> = (0..40).map(|i| format!("\"k{}\": {i}", i % 20)).collect();
    let text = format!(
        "{{\"a\": {{\"b\": 1, \"b\": 2}}, \"a\": {{\"c\": [{{\"d\": 1, \"d\": 2}}]}}, \"m\": {{{}}}}}",
        many.join(", ")
    );
    let found = Spans::new(&text).duplicate_keys();
    let named: Vec<(&str, usize, &str)> = found
        .iter()
        .map(|d| (d.pointer.as_str(), d.occurrence, &text[d.key.clone()]))
        .collect();
    assert_eq!(
        named[..3],
        [
            ("/a/b", 1, "\"b\""),
            ("/a", 1, "\"a\""),
            ("/a/c/0/d", 1, "\"d\"")
        ]
    );
    assert_eq!(found[2].key.start, text.rfind("\"d\"").unwrap_or_default());
    assert_eq!(named.len(), 3 + 20);
    assert_eq!(named[22], ("/m/k19", 1, "\"k19\""));
    assert_eq!(
        found[22].key.start,
        text.rfind("\"k19\"").unwrap_or_default()
    );
}

/// Every pointer and target the scanner resolves as the tree does, on escaped keys,
/// whitespace everywhere, nesting, missing members and out-of-range indexes.
#[test]
fn the_scanner_agrees_with_the_tree() {
    let text = " {\"a\\u0062\" : 1 ,\r\n\t\"a~b\":{\"c/d\":[ 1 , {\"x\" : \"y\\\"}\"} , [ ] , { } ,-1.5e+3,true,null]},\"s\":\"\\u00e9x\",\"ab\":2} ";
    let tree = Spans::new(text);
    let pointers = [
        "",
        "/ab",
        "/a~0b",
        "/a~0b/c~1d",
        "/a~0b/c~1d/0",
        "/a~0b/c~1d/1/x",
        "/a~0b/c~1d/2",
        "/a~0b/c~1d/3",
        "/a~0b/c~1d/4",
        "/a~0b/c~1d/5",
        "/a~0b/c~1d/6",
        "/a~0b/c~1d/7",
        "/a~0b/c~1d/+1",
        "/a~0b/c~1d/x",
        "/s",
        "/zz",
        "/ab/deeper",
        "/a~0b/c~1d/2/0",
    ];
    let targets = [
        Target::Value,
        Target::Key,
        Target::Occurrence(0),
        Target::Occurrence(1),
        Target::InString(1..2),
    ];
    for pointer in pointers {
        for target in &targets {
            assert_eq!(
                tree.resolve_by_scan(pointer, target),
                Some(tree.resolve_in_tree(pointer, target)),
                "{pointer:?} {target:?}"
            );
        }
    }
    assert_eq!(&text[tree.resolve("/ab", &Target::Occurrence(1))], "\"ab\"");
    assert_eq!(
        &text[tree.resolve("/a~0b/c~1d/1/x", &Target::Value)],
        "\"y\\\"}\""
    );
    assert_eq!(
        &text[tree.resolve("/s", &Target::InString(0..1))],
        "\\u00e9"
    );
}

/// Past its scan budget, a document's pointers are resolved with the tree, built once.
#[test]
fn many_findings_switch_to_the_tree() {
    let members: Vec<String> = (0..2000).map(|i| format!("\"k{i}\": [{i}]")).collect();
    let text = format!("{{{}}}", members.join(", "));
    let tree = Spans::new(&text);
    for i in (0..2000).rev() {
        let pointer = format!("/k{i}/0");
        let span = tree.resolve(&pointer, &Target::Value);
        assert_eq!(&text[span], i.to_string());
    }
    assert!(tree.tree.get().is_some(), "the tree was built");
    assert!(tree.scanned.get() <= 5 * text.len() + (64 << 10) + text.len());
}

#[test]
fn in_string_ranges_skip_escapes() {
    let text = r#"{"p": "{\"userId\": \"\u00e9\"}"}"#;
    let tree = Spans::new(text);
    // decoded: {"userId": "é"}  chars 1..9 are "userId"
    assert_eq!(
        &text[tree.resolve("/p", &Target::InString(1..9))],
        r#"\"userId\""#
    );
    assert_eq!(
        &text[tree.resolve("/p", &Target::InString(12..13))],
        r"\u00e9"
    );
}

#[test]
fn byte_ranges_snap_to_characters() {
    // Found by fuzzing: a byte range inside `é` (the batch size limit can fall there), an
    // inverted range, and the fallback span of text that does not parse.
    let text = "{\"é\": 1}";
    let tree = Spans::new(text);
    assert_eq!(tree.resolve("", &Target::Bytes(3..4)), 2..4);
    #[allow(clippy::reversed_empty_ranges)] // the point of the case
    let inverted = 7..3;
    assert_eq!(tree.resolve("", &Target::Bytes(inverted)), 7..7);
    assert_eq!(tree.resolve("", &Target::Bytes(3..99)), 2..text.len());
    assert_eq!(Spans::new("é").resolve("", &Target::Value), 0..2);
}

#[test]
fn columns_count_scalar_values() {
    let text = "{\"é\": \"😀\", \"x\": 1}";
    let index = LineIndex::new(text);
    let x = text.find("\"x\"").unwrap();
    assert_eq!(
        index.position(x),
        Position {
            line: 1,
            column: 12
        }
    );
}
