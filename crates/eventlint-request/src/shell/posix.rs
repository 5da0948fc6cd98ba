//! The POSIX `sh`/`bash` splitter: quotes, backslashes, bash's `$'…'`, variables kept as written.

use super::{Builder, Command, Ending, Unbalanced, Word, char_len};

/// The end of a shell variable name starting at `i` (`i` itself when there is none).
fn name_end(bytes: &[u8], i: usize) -> usize {
    let mut j = i;
    if bytes
        .get(j)
        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
    {
        while bytes
            .get(j)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            j += 1;
        }
    }
    j
}

/// The POSIX splitter over one text.
pub(super) struct Posix<'t> {
    text: &'t str,
    bytes: &'t [u8],
    words: Vec<Word>,
    word: Builder,
}

impl<'t> Posix<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        Posix {
            text,
            bytes: text.as_bytes(),
            words: Vec::new(),
            word: Builder::new(),
        }
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.bytes.get(i).copied()
    }

    fn flush(&mut self) {
        if let Some(word) = self.word.take() {
            self.words.push(word);
        }
    }

    fn done(mut self, end: usize, ending: Ending, next: usize) -> (Command, usize) {
        self.flush();
        let command = Command {
            words: self.words,
            unbalanced: None,
            end,
            ending,
        };
        (command, next)
    }

    fn unbalanced(
        mut self,
        name: &'static str,
        written: &'static str,
        open: usize,
    ) -> (Command, usize) {
        self.flush();
        let end = self.text.len();
        let command = Command {
            words: self.words,
            unbalanced: Some(Unbalanced {
                name,
                written,
                open,
            }),
            end,
            ending: Ending::Line,
        };
        (command, end)
    }

    /// Copies the character at `i` as is; returns the byte after it.
    fn literal(&mut self, i: usize) -> usize {
        let len = char_len(self.text, i);
        for k in i..(i + len).min(self.bytes.len()) {
            self.word.push(self.bytes[k], (k, k + 1));
        }
        i + len
    }

    /// A `$` at `i` outside single quotes: a variable is kept as written and recorded; returns
    /// the byte after what was copied.
    fn dollar(&mut self, i: usize) -> usize {
        let end = if self.byte(i + 1) == Some(b'{') {
            let close = self.bytes[i..]
                .iter()
                .position(|&b| b == b'}' || b == b'\n' || b == b'"' || b == b'\'')
                .map(|p| i + p);
            match close {
                Some(close) if self.bytes[close] == b'}' && name_end(self.bytes, i + 2) > i + 2 => {
                    close + 1
                }
                _ => i + 1,
            }
        } else {
            name_end(self.bytes, i + 1)
        };
        if end > i + 1 {
            self.word.vars.push(i..end);
            self.word.plain = false;
            for k in i..end {
                self.word.push(self.bytes[k], (k, k + 1));
            }
            end
        } else {
            self.literal(i)
        }
    }

    pub(super) fn split(mut self, from: usize) -> (Command, usize) {
        let mut i = from;
        while let Some(b) = self.byte(i) {
            match b {
                b' ' | b'\t' | b'\r' => {
                    self.flush();
                    i += 1;
                }
                b'\n' => return self.done(i, Ending::Line, i + 1),
                b'\\' => i = self.backslash(i),
                b'\'' => match self.bytes[i + 1..].iter().position(|&b| b == b'\'') {
                    Some(p) => {
                        let close = i + 1 + p;
                        self.word.plain = false;
                        self.word.touch(i, close + 1);
                        for k in i + 1..close {
                            self.word.push(self.bytes[k], (k, k + 1));
                        }
                        self.word.touch(i, close + 1);
                        i = close + 1;
                    }
                    None => return self.unbalanced("single quote", "'", i),
                },
                b'"' => match self.double(i, i) {
                    Some(next) => i = next,
                    None => return self.unbalanced("double quote", "\"", i),
                },
                b'$' if self.byte(i + 1) == Some(b'\'') => match self.ansi_c(i) {
                    Some(next) => i = next,
                    None => return self.unbalanced("ANSI-C quote", "$'", i),
                },
                // bash's `$"…"` (translated text) reads as `"…"`.
                b'$' if self.byte(i + 1) == Some(b'"') => match self.double(i, i + 1) {
                    Some(next) => i = next,
                    None => return self.unbalanced("double quote", "$\"", i),
                },
                b'$' => i = self.dollar(i),
                b'#' if !self.word.started() => {
                    let end = self.bytes[i..]
                        .iter()
                        .position(|&b| b == b'\n')
                        .map_or(self.bytes.len(), |p| i + p);
                    let next = (end + 1).min(self.bytes.len());
                    return self.done(i, Ending::Line, next);
                }
                b';' => return self.done(i, Ending::Separator, i + 1),
                b'&' | b'|' if self.byte(i + 1) == Some(b) => {
                    return self.done(i, Ending::Separator, i + 2);
                }
                b'&' => return self.done(i, Ending::Background(i..i + 1), i + 1),
                b'|' | b'<' | b'>' => {
                    // `2>/dev/null`: the number is the redirection's, not a word.
                    if self.word.plain && self.word.bytes.iter().all(u8::is_ascii_digit) {
                        self.word = Builder::new();
                    }
                    self.flush();
                    let next = self.skip_rest(i);
                    return self.done(i, Ending::Redirected, next);
                }
                _ => i = self.literal(i),
            }
        }
        let end = self.bytes.len();
        self.done(end, Ending::Line, end)
    }

    /// An unquoted backslash at `i`: escapes the next character, or continues the line.
    fn backslash(&mut self, i: usize) -> usize {
        match self.byte(i + 1) {
            Some(b'\n') => i + 2,
            Some(b'\r') if self.byte(i + 2) == Some(b'\n') => i + 3,
            Some(_) => {
                let len = char_len(self.text, i + 1);
                let end = (i + 1 + len).min(self.bytes.len());
                self.word.push_escape(&self.bytes[i + 1..end], (i, end));
                end
            }
            None => {
                self.word.push(b'\\', (i, i + 1));
                i + 1
            }
        }
    }

    /// A double-quoted piece opening at `quote` (written from `start`: `"` or `$"`); returns the
    /// byte after the closing quote, `None` when it is not closed.
    fn double(&mut self, start: usize, quote: usize) -> Option<usize> {
        self.word.plain = false;
        self.word.touch(start, quote + 1);
        let mut i = quote + 1;
        loop {
            match self.byte(i)? {
                b'"' => {
                    self.word.touch(start, i + 1);
                    return Some(i + 1);
                }
                b'\\' => match self.byte(i + 1) {
                    Some(b'\n') => i += 2,
                    Some(b'\r') if self.byte(i + 2) == Some(b'\n') => i += 3,
                    Some(c @ (b'"' | b'\\' | b'$' | b'`')) => {
                        self.word.push_escape(&[c], (i, i + 2));
                        i += 2;
                    }
                    _ => {
                        self.word.push(b'\\', (i, i + 1));
                        i += 1;
                    }
                },
                b'$' => i = self.dollar(i),
                _ => i = self.literal(i),
            }
        }
    }

    /// bash's ANSI-C quoting `$'…'` at `start`; returns the byte after the closing quote, `None`
    /// when it is not closed.
    fn ansi_c(&mut self, start: usize) -> Option<usize> {
        self.word.plain = false;
        self.word.touch(start, start + 2);
        let mut i = start + 2;
        loop {
            match self.byte(i)? {
                b'\'' => {
                    self.word.touch(start, i + 1);
                    return Some(i + 1);
                }
                b'\\' => {
                    let c = self.byte(i + 1)?;
                    let (decoded, end) = self.ansi_c_escape(i, c);
                    match decoded {
                        Some(bytes) => self.word.push_escape(&bytes, (i, end)),
                        None => self.word.push(b'\\', (i, i + 1)),
                    }
                    i = end;
                }
                _ => i = self.literal(i),
            }
        }
    }

    /// The escape `\c…` at `i` inside `$'…'`: its bytes (`None`: the backslash stays, the
    /// character after it is read as usual) and the byte after it.
    fn ansi_c_escape(&self, i: usize, c: u8) -> (Option<Vec<u8>>, usize) {
        let simple = match c {
            b'n' => Some(b'\n'),
            b't' => Some(b'\t'),
            b'r' => Some(b'\r'),
            b'a' => Some(0x07),
            b'b' => Some(0x08),
            b'e' | b'E' => Some(0x1b),
            b'f' => Some(0x0c),
            b'v' => Some(0x0b),
            b'\\' | b'\'' | b'"' | b'?' => Some(c),
            _ => None,
        };
        if let Some(byte) = simple {
            return (Some(vec![byte]), i + 2);
        }
        let digits = |from: usize, max: usize, radix: u32| -> (u32, usize) {
            let mut value = 0u32;
            let mut j = from;
            while j < from + max {
                match self.byte(j).and_then(|b| char::from(b).to_digit(radix)) {
                    Some(d) => value = value * radix + d,
                    None => break,
                }
                j += 1;
            }
            (value, j)
        };
        match c {
            b'0'..=b'7' => {
                let (value, end) = digits(i + 1, 3, 8);
                (Some(vec![(value & 0xff) as u8]), end)
            }
            b'x' => match digits(i + 2, 2, 16) {
                (_, end) if end == i + 2 => (None, i + 1),
                (value, end) => (Some(vec![value as u8]), end),
            },
            b'u' | b'U' => {
                let max = if c == b'u' { 4 } else { 8 };
                match digits(i + 2, max, 16) {
                    (_, end) if end == i + 2 => (None, i + 1),
                    (value, end) => {
                        let ch = char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER);
                        (Some(ch.to_string().into_bytes()), end)
                    }
                }
            }
            b'c' => match self.byte(i + 2) {
                Some(x) if x.is_ascii() && x != b'\'' => (Some(vec![x & 0x1f]), i + 3),
                _ => (None, i + 1),
            },
            _ => (None, i + 1),
        }
    }

    /// Past a pipe or redirection at `i`: to the end of the command (quotes and continuations
    /// still count); returns where the next command may start.
    fn skip_rest(&self, i: usize) -> usize {
        let mut rest = Posix::new(self.text);
        let mut j = i + 1;
        while let Some(b) = rest.byte(j) {
            match b {
                b'\n' => return j + 1,
                b'\\' => j = rest.backslash(j),
                b'\'' => match rest.bytes[j + 1..].iter().position(|&b| b == b'\'') {
                    Some(p) => j += p + 2,
                    None => return rest.bytes.len(),
                },
                b'"' => match rest.double(j, j) {
                    Some(next) => j = next,
                    None => return rest.bytes.len(),
                },
                _ => j += 1,
            }
        }
        j
    }
}
