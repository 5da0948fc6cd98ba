//! Command lines split into words the way a shell would, every decoded byte remembering the file
//! bytes it was written as.
//!
//! Two dialects: POSIX `sh`/`bash` (quotes, backslashes, bash's `$'…'`), and Windows `cmd.exe`
//! followed by the Microsoft C runtime's argument rules, which is what a `curl.exe` started from
//! `cmd` receives (`^` escapes for `cmd`, then `"…"` and `\"` for the runtime).
//!
//! Nothing is expanded: `$NAME` and `${NAME}` are kept as written and their places are recorded,
//! since this reader cannot know what a shell would have put there.

mod cmd;
mod posix;
#[cfg(test)]
mod tests;

use std::ops::Range;

use cmd::split_cmd;
use posix::Posix;

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
