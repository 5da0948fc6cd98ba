//! Command lines split into words the way a shell would, every decoded byte remembering the file
//! bytes it was written as.
//!
//! Two dialects: POSIX `sh`/`bash` (quotes, backslashes, bash's `$'…'`), and Windows `cmd.exe`
//! followed by the Microsoft C runtime's argument rules, which is what a `curl.exe` started from
//! `cmd` receives (`^` escapes for `cmd`, then `"…"` and `\"` for the runtime).
//!
//! Nothing is expanded: `$NAME` and `${NAME}` are kept as written and their places are recorded,
//! since this reader cannot know what a shell would have put there.

use std::ops::Range;

/// One word (argument) of a command, decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    /// The word as the program receives it.
    pub text: String,
    /// For each byte of `text`, the file bytes it was written as: itself, or the whole escape
    /// (`\'`, `^"`, `\u00e9`) that produced it.
    pub src: Vec<(usize, usize)>,
    /// The word as written, quotes included.
    pub span: Range<usize>,
    /// Where a `$NAME` or `${NAME}` outside single quotes is written (left unexpanded).
    pub vars: Vec<Range<usize>>,
}

impl Word {
    /// The file offset where text byte `i` was written (the end of the content for `i == len`).
    pub fn at(&self, i: usize) -> usize {
        match self.src.get(i) {
            Some(&(start, _)) => start,
            None => self.src.last().map_or(self.span.start, |&(_, end)| end),
        }
    }

    /// The file bytes that text bytes `range` were written as.
    pub fn range(&self, range: Range<usize>) -> Range<usize> {
        if range.start >= range.end {
            let at = self.at(range.start);
            return at..at;
        }
        let start = self.at(range.start);
        let end = self.src.get(range.end - 1).map_or(start, |&(_, end)| end);
        start..end.max(start)
    }

    /// The word from text byte `from` on (`from` on a char boundary), spanned from where the first
    /// byte kept is written: an option's value attached to it (`-XPOST`, `--data=…`).
    pub fn tail(&self, from: usize) -> Word {
        let from = from.min(self.text.len());
        let start = if from == 0 {
            self.span.start
        } else {
            self.src
                .get(from - 1)
                .map_or(self.span.start, |&(_, end)| end)
        };
        let start = start.min(self.span.end);
        Word {
            text: self.text.get(from..).unwrap_or_default().to_owned(),
            src: self.src.get(from..).unwrap_or_default().to_vec(),
            span: start..self.span.end,
            vars: self
                .vars
                .iter()
                .filter(|v| v.start >= start)
                .cloned()
                .collect(),
        }
    }
}

/// How a command is quoted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// `sh`/`bash`: `'…'`, `"…"`, `\`, `$'…'`, `\` + newline continues the command.
    Posix,
    /// `cmd.exe` then the C runtime: `^` escapes, `"…"`, `\"`, `^` + newline continues.
    Cmd,
}

impl Dialect {
    /// The dialect of a command by its first line: `cmd` when it holds `^"` (Chrome's "Copy as
    /// cURL (cmd)" quotes every word so) or ends with the `^` that continues a `cmd` line.
    pub fn of_line(line: &str) -> Dialect {
        if line.contains("^\"") || line.trim_end().ends_with('^') {
            Dialect::Cmd
        } else {
            Dialect::Posix
        }
    }
}

/// A quote that is never closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unbalanced {
    /// The quote, as a message names it (`single quote`).
    pub name: &'static str,
    /// How it is written (`'`, `$'`, `^"`).
    pub written: &'static str,
    /// Where it opens.
    pub open: usize,
}

/// What ends a command, when it is not a newline or the end of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Ending {
    /// A newline, the end of the text, or a comment.
    Line,
    /// `;`, `&&`, `||`: another command may follow on the line.
    Separator,
    /// A lone `&`: the shell runs the command in the background and reads on.
    Background(Range<usize>),
    /// A pipe or a redirection: the rest of the command is not curl's (`| jq .`, `> out.json`).
    Redirected,
}

/// One command: its words, up to its end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Command {
    /// The words, in order (the program's name first).
    pub words: Vec<Word>,
    /// A quote left open: the command runs to the end of the text (POSIX) or line (`cmd`).
    pub unbalanced: Option<Unbalanced>,
    /// Where the command's text ends (before the newline or operator that ends it).
    pub end: usize,
    /// What ended it.
    pub ending: Ending,
}

/// Splits the command that starts at byte `from` of `text`; also returns where the next command
/// may start.
pub(crate) fn split(text: &str, from: usize, dialect: Dialect) -> (Command, usize) {
    match dialect {
        Dialect::Posix => Posix::new(text).split(from),
        Dialect::Cmd => split_cmd(text, from),
    }
}

/// A word being put together.
#[derive(Debug, Default)]
struct Builder {
    bytes: Vec<u8>,
    src: Vec<(usize, usize)>,
    span: Option<Range<usize>>,
    vars: Vec<Range<usize>>,
    /// Only unquoted, unescaped bytes so far (a redirection's file descriptor number).
    plain: bool,
}

impl Builder {
    fn new() -> Self {
        Builder {
            plain: true,
            ..Builder::default()
        }
    }

    /// The word covers file bytes `start..end` (a quote, an escape, a character).
    fn touch(&mut self, start: usize, end: usize) {
        self.span = Some(match self.span.take() {
            Some(span) => span.start..end.max(span.end),
            None => start..end,
        });
    }

    /// Byte `byte` decoded from file bytes `src`.
    fn push(&mut self, byte: u8, src: (usize, usize)) {
        self.bytes.push(byte);
        self.src.push(src);
        self.touch(src.0, src.1);
    }

    /// Bytes decoded from one escape at file bytes `src`: each maps to the whole escape.
    fn push_escape(&mut self, bytes: &[u8], src: (usize, usize)) {
        self.plain = false;
        for &byte in bytes {
            self.push(byte, src);
        }
        self.touch(src.0, src.1);
    }

    fn started(&self) -> bool {
        self.span.is_some()
    }

    /// The word, if one was begun (an empty `''` is a word).
    fn take(&mut self) -> Option<Word> {
        let built = std::mem::replace(self, Builder::new());
        let span = built.span?;
        let (text, src) = to_utf8(built.bytes, built.src);
        Some(Word {
            text,
            src,
            span,
            vars: built.vars,
        })
    }
}

/// The decoded bytes as a `String`: bytes an escape made that are not UTF-8 (`\xff`) become
/// U+FFFD, mapped where those bytes were.
fn to_utf8(bytes: Vec<u8>, src: Vec<(usize, usize)>) -> (String, Vec<(usize, usize)>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, src),
        Err(error) => {
            let bytes = error.into_bytes();
            let mut text = String::with_capacity(bytes.len());
            let mut mapped = Vec::with_capacity(src.len());
            let mut at = 0;
            for chunk in bytes.utf8_chunks() {
                let valid = chunk.valid();
                text.push_str(valid);
                mapped.extend_from_slice(src.get(at..at + valid.len()).unwrap_or_default());
                at += valid.len();
                let invalid = chunk.invalid();
                if !invalid.is_empty() {
                    let first = src.get(at).copied().unwrap_or_default();
                    let last = src.get(at + invalid.len() - 1).copied().unwrap_or(first);
                    text.push(char::REPLACEMENT_CHARACTER);
                    mapped.extend(std::iter::repeat_n((first.0, last.1), 3));
                    at += invalid.len();
                }
            }
            (text, mapped)
        }
    }
}

/// The length in bytes of the character at byte `i` of `text` (1 past its end or off a boundary).
fn char_len(text: &str, i: usize) -> usize {
    text.get(i..)
        .and_then(|rest| rest.chars().next())
        .map_or(1, char::len_utf8)
}

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
struct Posix<'t> {
    text: &'t str,
    bytes: &'t [u8],
    words: Vec<Word>,
    word: Builder,
}

impl<'t> Posix<'t> {
    fn new(text: &'t str) -> Self {
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

    fn split(mut self, from: usize) -> (Command, usize) {
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

/// One byte of the command line `cmd.exe` hands to the program, and the file bytes it came from.
type Unit = (u8, (usize, usize));

/// Splits a `cmd` command: `cmd.exe`'s carets first (what the program's command line is), then
/// the C runtime's rules (what its arguments are).
fn split_cmd(text: &str, from: usize) -> (Command, usize) {
    let (line, end, ending, next) = cmd_line(text, from);
    let mut words = Vec::new();
    let mut word = Builder::new();
    let mut open: Option<(usize, bool)> = None;
    let mut k = 0;
    while let Some(&(c, src)) = line.get(k) {
        match c {
            b' ' | b'\t' if open.is_none() => {
                words.extend(word.take());
                k += 1;
            }
            b'\\' => {
                let run = line[k..].iter().take_while(|u| u.0 == b'\\').count();
                if line.get(k + run).is_some_and(|u| u.0 == b'"') {
                    // 2n backslashes and a quote: n backslashes, the quote quotes; 2n + 1: n
                    // backslashes and a literal quote.
                    for pair in line[k..k + run - run % 2].chunks(2) {
                        word.push_escape(b"\\", (pair[0].1.0, pair[pair.len() - 1].1.1));
                    }
                    if run % 2 == 1 {
                        let first = line[k + run - 1].1.0;
                        word.push_escape(b"\"", (first, line[k + run].1.1));
                        k += run + 1;
                    } else {
                        k += run;
                    }
                } else {
                    for u in &line[k..k + run] {
                        word.push(u.0, u.1);
                    }
                    k += run;
                }
            }
            b'"' => {
                if open.is_some() && line.get(k + 1).is_some_and(|u| u.0 == b'"') {
                    // `""` inside quotes: a literal quote, still quoted.
                    word.push_escape(b"\"", (src.0, line[k + 1].1.1));
                    k += 2;
                } else {
                    open = match open {
                        Some(_) => None,
                        None => Some((src.0, src.1 - src.0 == 2)),
                    };
                    word.plain = false;
                    word.touch(src.0, src.1);
                    k += 1;
                }
            }
            _ => {
                word.push(c, src);
                k += 1;
            }
        }
    }
    words.extend(word.take());
    let unbalanced = open.map(|(open, careted)| Unbalanced {
        name: "double quote",
        written: if careted { "^\"" } else { "\"" },
        open,
    });
    let command = Command {
        words,
        unbalanced,
        end,
        ending,
    };
    (command, next)
}

/// What `cmd.exe` makes of the command from `from`: the command line's bytes, where the command
/// ends, how, and where the next may start.
fn cmd_line(text: &str, from: usize) -> (Vec<Unit>, usize, Ending, usize) {
    let bytes = text.as_bytes();
    let mut line: Vec<Unit> = Vec::new();
    let mut quoted = false;
    let mut escape_next = false;
    let mut i = from;
    let push_char = |line: &mut Vec<Unit>, i: usize, src: Option<(usize, usize)>| -> usize {
        let len = char_len(text, i);
        let end = (i + len).min(bytes.len());
        for (k, &b) in bytes.iter().enumerate().take(end).skip(i) {
            line.push((b, src.unwrap_or((k, k + 1))));
        }
        end
    };
    while let Some(&c) = bytes.get(i) {
        // cmd.exe reads lines without their carriage returns.
        if c == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i += 1;
            continue;
        }
        if escape_next {
            // The character after a `^` + newline continuation is taken as is (Chrome writes a
            // newline in a value as `^` and two newlines).
            escape_next = false;
            i = push_char(&mut line, i, None);
            continue;
        }
        if c == b'\n' {
            return (line, i, Ending::Line, i + 1);
        }
        if quoted {
            quoted = c != b'"';
            i = push_char(&mut line, i, None);
            continue;
        }
        match c {
            b'^' => match bytes.get(i + 1) {
                Some(b'\n') => {
                    escape_next = true;
                    i += 2;
                }
                Some(b'\r') if bytes.get(i + 2) == Some(&b'\n') => {
                    escape_next = true;
                    i += 3;
                }
                Some(_) => {
                    let end = (i + 1 + char_len(text, i + 1)).min(bytes.len());
                    push_char(&mut line, i + 1, Some((i, end)));
                    i = end;
                }
                None => i += 1,
            },
            b'"' => {
                quoted = true;
                i = push_char(&mut line, i, None);
            }
            b'&' | b'|' if bytes.get(i + 1) == Some(&c) => {
                return (line, i, Ending::Separator, i + 2);
            }
            b'&' => return (line, i, Ending::Background(i..i + 1), i + 1),
            b'|' | b'<' | b'>' => {
                let next = bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |p| i + p + 1);
                return (line, i, Ending::Redirected, next);
            }
            _ => i = push_char(&mut line, i, None),
        }
    }
    (line, bytes.len(), Ending::Line, bytes.len())
}

#[cfg(test)]
mod tests {
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
}
