//! Where the cursor is in a JSON document that is often incomplete while it is typed: a
//! tolerant scan from the document's start to the cursor that keeps the stack of open objects
//! and arrays, each with its current key or index. It never fails: whatever it cannot make
//! sense of is skipped (a parser would stop at the first error, usually the one being typed).

use std::ops::Range;

/// One step of a JSON Pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token {
    Key(String),
    Index(usize),
}

/// What the cursor is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A member's key, or where one goes.
    Key,
    /// A member's value or an array's element, or where one goes.
    Value,
    /// Anything else (between a value and the comma after it, …).
    Other,
}

/// The cursor's place in the document.
#[derive(Debug, Clone)]
pub(super) struct Cursor {
    /// The pointer of the object or array the cursor is directly in (empty: the top level).
    pub(super) container: Vec<Token>,
    pub(super) role: Role,
    /// For a value: its key in the object, or its index in the array.
    pub(super) member: Option<Token>,
    /// The bytes a completion replaces: the string or literal the cursor is in (a string from
    /// its opening quote to its closing one, when that is on the same line), else empty at
    /// the cursor.
    pub(super) replace: Range<usize>,
    /// The keys already in the object, before the cursor.
    pub(super) present: Vec<String>,
    /// The key string the cursor is in, decoded.
    pub(super) key: Option<String>,
}

impl Cursor {
    /// The pointer of the value the cursor is on (`container` and `member`).
    pub(super) fn value_path(&self) -> Vec<Token> {
        let mut path = self.container.clone();
        path.extend(self.member.clone());
        path
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Key,
    Colon,
    Value,
    Comma,
}

#[derive(Debug)]
struct Frame {
    object: bool,
    expect: Expect,
    key: Option<String>,
    index: usize,
    keys: Vec<String>,
    /// The token this container is under in its parent.
    token: Option<Token>,
}

impl Frame {
    fn member(&self) -> Option<Token> {
        if self.object {
            self.key.clone().map(Token::Key)
        } else {
            Some(Token::Index(self.index))
        }
    }
}

/// Scans `text` up to `cursor` (a byte offset into it).
pub(super) fn scan(text: &str, cursor: usize) -> Cursor {
    let bytes = text.as_bytes();
    let cursor = cursor.min(bytes.len());
    let mut stack = vec![Frame {
        object: false,
        expect: Expect::Value,
        key: None,
        index: 0,
        keys: Vec::new(),
        token: None,
    }];
    let mut i = usize::from(text.starts_with('\u{feff}')) * 3;
    while i < cursor {
        let b = bytes[i];
        let top = stack.len() - 1;
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'"' => {
                let (end, closed) = string_end(bytes, i);
                if cursor < end || (!closed && cursor <= end) {
                    let replace = i..if closed && !bytes[i..end].contains(&b'\n') {
                        end
                    } else {
                        cursor
                    };
                    return at(&stack, Some(replace), Some(decode(&text[i..end])));
                }
                let frame = &mut stack[top];
                match frame.expect {
                    Expect::Key if frame.object => {
                        let key = decode(&text[i..end]);
                        frame.keys.push(key.clone());
                        frame.key = Some(key);
                        frame.expect = Expect::Colon;
                    }
                    _ => frame.expect = Expect::Comma,
                }
                i = end;
            }
            b'{' | b'[' => {
                // The top level is no container: its value has no token.
                let token = if top == 0 { None } else { stack[top].member() };
                stack[top].expect = Expect::Comma;
                stack.push(Frame {
                    object: b == b'{',
                    expect: if b == b'{' {
                        Expect::Key
                    } else {
                        Expect::Value
                    },
                    key: None,
                    index: 0,
                    keys: Vec::new(),
                    token,
                });
                i += 1;
            }
            b'}' | b']' => {
                if stack.len() > 1 {
                    stack.pop();
                }
                i += 1;
            }
            b':' => {
                stack[top].expect = Expect::Value;
                i += 1;
            }
            b',' => {
                let frame = &mut stack[top];
                if frame.object {
                    frame.expect = Expect::Key;
                    frame.key = None;
                } else {
                    frame.index += 1;
                    frame.expect = Expect::Value;
                }
                i += 1;
            }
            _ => {
                // A literal (number, true, false, null) or stray characters: to the next
                // delimiter.
                let start = i;
                while i < bytes.len() && !b" \t\r\n\"{}[]:,".contains(&bytes[i]) {
                    i += 1;
                }
                if cursor <= i {
                    return at(&stack, Some(start..cursor), None);
                }
                stack[top].expect = Expect::Comma;
            }
        }
    }
    at(&stack, None, None)
}

/// The cursor in the innermost open container; `string`: the string or literal it is in.
fn at(stack: &[Frame], replace: Option<Range<usize>>, key: Option<String>) -> Cursor {
    let container: Vec<Token> = stack
        .iter()
        .skip(1)
        .filter_map(|f| f.token.clone())
        .collect();
    let Some(frame) = stack.last() else {
        return Cursor {
            container,
            role: Role::Other,
            member: None,
            replace: 0..0,
            present: Vec::new(),
            key: None,
        };
    };
    let end = replace.as_ref().map_or(0, |r| r.end);
    let role = match frame.expect {
        Expect::Key | Expect::Colon if frame.object => Role::Key,
        Expect::Value => Role::Value,
        _ => Role::Other,
    };
    Cursor {
        container,
        role,
        member: if role == Role::Value && stack.len() > 1 {
            frame.member()
        } else {
            None
        },
        replace: replace.unwrap_or(end..end),
        present: frame.keys.clone(),
        key: if role == Role::Key { key } else { None },
    }
}

/// The end (after the closing quote) of the string starting at `start`, and whether it was
/// closed; an unclosed string ends at the line's end.
fn string_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut j = start + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'"' => return (j + 1, true),
            b'\n' => return (j, false),
            _ => j += 1,
        }
    }
    (bytes.len(), false)
}

/// A string's text as JSON decodes it (its raw characters when it does not decode).
fn decode(raw: &str) -> String {
    serde_json::from_str::<String>(raw)
        .unwrap_or_else(|_| raw.trim_start_matches('"').trim_end_matches('"').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_mark(text: &str) -> Cursor {
        let cursor = text.find('|').unwrap_or_default();
        scan(&text.replace('|', ""), cursor)
    }

    #[test]
    fn finds_the_pointer_of_an_incomplete_document() {
        let c = at_mark(r#"{"client": {"customId": "x", |"#);
        assert_eq!(c.role, Role::Key);
        assert_eq!(c.container, [Token::Key("client".to_owned())]);
        assert_eq!(c.present, ["customId"]);

        let c = at_mark(r#"{"events": [{"eventType": "click"}, {"eventType": |"#);
        assert_eq!(c.role, Role::Value);
        assert_eq!(
            c.value_path(),
            [
                Token::Key("events".to_owned()),
                Token::Index(1),
                Token::Key("eventType".to_owned())
            ]
        );

        let c = at_mark(r#"{"client": {"cu|"}}"#);
        assert_eq!(c.role, Role::Key);
        assert_eq!(c.replace, 12..16);
        assert_eq!(c.key.as_deref(), Some("cu"));

        let c = at_mark(r#"{"a": tr|"#);
        assert_eq!((c.role, c.replace), (Role::Value, 6..8));
    }
}
