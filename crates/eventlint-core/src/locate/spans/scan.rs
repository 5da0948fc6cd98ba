//! The scanner: a forward-only cursor that resolves a pointer over text `serde_json` accepted,
//! skipping strings and balanced brackets (no tree, no allocation).

use std::ops::Range;

use crate::locate::pointer::tokens;

use super::Target;

/// What [`Scan::resolve`] found: the range to mark, or the string literal whose characters a
/// [`Target::InString`] names ([`Spans::in_string`](super::Spans::in_string) finds them).
pub(super) enum Scanned {
    Range(Range<usize>),
    InString(Range<usize>),
}

/// What [`Scan::member`] found.
pub(super) enum Member {
    /// The member's key (the cursor is at its value).
    Key(Range<usize>),
    /// No such member.
    Absent,
}

/// A forward-only cursor over JSON text that `serde_json` accepted. Every step is checked: on
/// text it cannot walk it returns `None` (the caller falls back to the tree), never panics.
pub(super) struct Scan<'a> {
    text: &'a str,
    b: &'a [u8],
    pub(super) i: usize,
}

impl<'a> Scan<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Scan {
            text,
            b: text.as_bytes(),
            i: 0,
        }
    }

    /// Resolves `pointer` from the value at the cursor; `parent_at` is set to where the value
    /// of the pointer's parent starts, when the walk reaches it.
    pub(super) fn resolve(
        &mut self,
        pointer: &str,
        target: &Target,
        parent_at: &mut Option<usize>,
    ) -> Option<Scanned> {
        self.ws();
        let mut key_range = None;
        let mut segs = tokens(pointer).peekable();
        while let Some(seg) = segs.next() {
            let last = segs.peek().is_none();
            let start = self.i;
            if last {
                *parent_at = Some(start);
            }
            match self.peek()? {
                b'{' => {
                    let nth = match target {
                        Target::Occurrence(n) if last => *n,
                        _ => 0,
                    };
                    match self.member(&seg, nth)? {
                        Member::Key(key) => key_range = Some(key),
                        Member::Absent => return Some(Scanned::Range(start..self.i)),
                    }
                }
                b'[' => {
                    let Ok(index) = seg.parse::<usize>() else {
                        return self.value().map(Scanned::Range);
                    };
                    if !self.element(index)? {
                        return Some(Scanned::Range(start..self.i));
                    }
                    key_range = None;
                }
                _ => return self.value().map(Scanned::Range),
            }
        }
        let node = self.value()?;
        Some(match target {
            Target::Key | Target::Occurrence(_) => Scanned::Range(key_range.unwrap_or(node)),
            Target::InString(_) if self.b[node.start] == b'"' => Scanned::InString(node),
            Target::InString(_) | Target::Value | Target::Bytes(_) => Scanned::Range(node),
        })
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    pub(super) fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.i += 1)
    }

    pub(super) fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    /// At an object's `{`: moves to the value of the `nth` member named `name` and returns the
    /// range of its key, or `Absent` (after the `}`) when there is no such member.
    pub(super) fn member(&mut self, name: &str, mut nth: usize) -> Option<Member> {
        self.eat(b'{')?;
        self.ws();
        if self.eat(b'}').is_some() {
            return Some(Member::Absent);
        }
        loop {
            self.ws();
            let key = self.string()?;
            self.ws();
            self.eat(b':')?;
            self.ws();
            if self.key_is(&key, name)? {
                if nth == 0 {
                    return Some(Member::Key(key));
                }
                nth -= 1;
            }
            if !self.skip_item(b'}')? {
                return Some(Member::Absent);
            }
        }
    }

    /// Skips a member's value or an element, then its `,` (`true`: another follows) or the
    /// container's `close` (`false`, after it).
    pub(super) fn skip_item(&mut self, close: u8) -> Option<bool> {
        self.value()?;
        self.ws();
        let byte = self.peek()?;
        self.i += 1;
        match byte {
            b',' => Some(true),
            _ if byte == close => Some(false),
            _ => None,
        }
    }

    /// At an array's `[`: moves to element `index`; `Some(false)` (after the `]`) when the array
    /// is shorter.
    pub(super) fn element(&mut self, index: usize) -> Option<bool> {
        self.eat(b'[')?;
        self.ws();
        if self.eat(b']').is_some() {
            return Some(false);
        }
        for at in 0.. {
            self.ws();
            if at == index {
                return Some(true);
            }
            if !self.skip_item(b']')? {
                return Some(false);
            }
        }
        None
    }

    /// Whether the key literal at `key` (quotes included) decodes to `name`.
    pub(super) fn key_is(&self, key: &Range<usize>, name: &str) -> Option<bool> {
        let raw = self.text.get(key.start + 1..key.end - 1)?;
        if raw.contains('\\') {
            let decoded: String = serde_json::from_str(self.text.get(key.clone())?).ok()?;
            Some(decoded == name)
        } else {
            Some(raw == name)
        }
    }

    /// Skips a string; its range, quotes included.
    pub(super) fn string(&mut self) -> Option<Range<usize>> {
        let start = self.i;
        self.eat(b'"')?;
        loop {
            let at = memchr::memchr2(b'"', b'\\', self.b.get(self.i..)?)?;
            self.i += at;
            if self.b[self.i] == b'"' {
                self.i += 1;
                return Some(start..self.i);
            }
            self.i += 2; // the backslash and the escaped character
        }
    }

    /// Skips one value; its range.
    pub(super) fn value(&mut self) -> Option<Range<usize>> {
        let start = self.i;
        match self.peek()? {
            b'"' => self.string(),
            b'{' | b'[' => {
                let mut depth = 0_usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.checked_sub(1)?;
                            if depth == 0 {
                                self.i += 1;
                                return Some(start..self.i);
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
            }
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => {
                while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = self.peek() {
                    self.i += 1;
                }
                Some(start..self.i)
            }
            _ => None,
        }
    }

    pub(super) fn literal(&mut self, word: &[u8]) -> Option<Range<usize>> {
        let start = self.i;
        self.b.get(start..)?.starts_with(word).then(|| {
            self.i += word.len();
            start..self.i
        })
    }
}
