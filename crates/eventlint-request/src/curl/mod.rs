//! curl command lines (`.curl` files): one or more `curl …` commands, split into words exactly as
//! a shell would (POSIX `sh`/`bash`, or Windows `cmd` as Chrome's "Copy as cURL (cmd)" writes
//! it), then read as curl reads its options.
//!
//! Hand-written because the maintained shell-splitting crates (`shlex`, `shell-words`) return
//! bare strings: they keep no byte offsets, and every finding must point at the bytes of the file
//! (a header's value inside its quotes, a body byte behind a `\'` escape). The splitting lives in
//! the private `shell` module; this one knows curl's options.
//!
//! Nothing is run or expanded: `$VAR` is kept as written and reported, `@file` bodies are read
//! from [`ReadContext::base_dir`], and `@-` (standard input) is reported.

mod args;
mod body;
mod options;
#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::shell::{self, Command, Dialect, Ending};
use crate::{Header, Item, Problem, RawRequest, ReadContext, Spanned};

use body::Piece;

/// Reads every curl command of a `.curl` file, in order: a request for each one that could be
/// read, a [`Problem`] (`fatal: true`) for each one that could not and for each line that is not
/// a curl command. Blank lines and `#` comment lines between commands are skipped, and a leading
/// `$ ` prompt is tolerated.
#[must_use]
pub fn read(text: &str, ctx: &ReadContext) -> Vec<Item> {
    let bytes = text.as_bytes();
    let mut items = Vec::new();
    let mut ordinal = 0;
    let mut pos = 0;
    while let Some(&b) = bytes.get(pos) {
        if matches!(b, b' ' | b'\t' | b'\r' | b'\n') {
            pos += 1;
            continue;
        }
        let line_end = text[pos..].find('\n').map_or(text.len(), |p| pos + p);
        if b == b'#' {
            pos = line_end;
            continue;
        }
        let mut start = pos;
        if text[pos..line_end].starts_with("$ ") {
            start = pos + 2;
            while matches!(bytes.get(start), Some(b' ' | b'\t')) {
                start += 1;
            }
        }
        let line = &text[start..line_end];
        if !starts_with_curl(line) {
            let end = pos + text[pos..line_end].trim_end().len();
            items.push(Item::Problem(Problem {
                message: "this line is not a curl command".to_owned(),
                help: "a .curl file holds curl commands (`curl …`), with blank lines and `#` \
                       comments between them; continue a command over lines with `\\` (or `^` \
                       in cmd) at the end of each line"
                    .to_owned(),
                span: pos..end,
                fatal: true,
            }));
            pos = line_end;
            continue;
        }
        let (command, next) = shell::split(text, start, Dialect::of_line(line));
        ordinal += 1;
        items.push(read_command(&command, ordinal, ctx));
        pos = if next > pos { next } else { line_end + 1 };
    }
    items
}

/// Whether a line starts with the word `curl` (or `curl.exe`).
fn starts_with_curl(line: &str) -> bool {
    let end = line
        .find([' ', '\t', '\r', '\\', '^'])
        .unwrap_or(line.len());
    let word = &line[..end];
    word == "curl" || word.eq_ignore_ascii_case("curl.exe")
}

/// A fatal problem: the command is not read.
type Fatal = Box<Problem>;

fn problem(message: String, help: &str, span: Range<usize>, fatal: bool) -> Problem {
    Problem {
        message,
        help: help.to_owned(),
        span,
        fatal,
    }
}

/// What is gathered from one command's options.
#[derive(Debug)]
struct Reader<'c> {
    ctx: &'c ReadContext,
    method: Option<Spanned<String>>,
    head: bool,
    get: bool,
    globoff: bool,
    urls: Vec<Spanned<String>>,
    /// The headers, each with whether an option other than `-H` made it.
    headers: Vec<(Header, bool)>,
    /// Lower-cased names that `-H 'Name:'` removes.
    removed: Vec<String>,
    pieces: Vec<Piece>,
    problems: Vec<Problem>,
}

/// Reads one split command into a request, or the problem that stops it.
fn read_command(command: &Command, ordinal: usize, ctx: &ReadContext) -> Item {
    let start = command.words.first().map_or(0, |w| w.span.start);
    if let Some(open) = &command.unbalanced {
        let help = match open.written {
            "'" => {
                "close the single quote; inside single quotes nothing is special, so write a \
                    quote in the value as `'\\''`"
            }
            "$'" => "close the `$'…'` quote; inside it write a quote as `\\'`",
            "^\"" => {
                "close the `^\"…^\"` quote; inside it write a quote in the value as `^\\^\"` \
                      (cmd) so that curl receives `\"`"
            }
            _ => "close the double quote; inside it write a quote in the value as `\\\"`",
        };
        return Item::Problem(problem(
            format!(
                "unbalanced {} (`{}`) in the curl command",
                open.name, open.written
            ),
            help,
            open.open..command.end.max(open.open),
            true,
        ));
    }
    let end = command
        .words
        .iter()
        .map(|w| w.span.end)
        .max()
        .unwrap_or(start);
    let span = start..end;
    let mut reader = Reader {
        ctx,
        method: None,
        head: false,
        get: false,
        globoff: false,
        urls: Vec::new(),
        headers: Vec::new(),
        removed: Vec::new(),
        pieces: Vec::new(),
        problems: Vec::new(),
    };
    match reader.options(&command.words) {
        Ok(()) => {}
        Err(fatal) => return Item::Problem(*fatal),
    }
    for var in command.words.iter().flat_map(|w| &w.vars) {
        let name = command_text(command, var.clone());
        reader.problems.push(problem(
            format!("`{name}` is a shell variable; eventlint does not expand it"),
            "a shell would send its value (or nothing, when it is unset): write the value in \
             the file, or single-quote the word if the request really holds the text",
            var.clone(),
            false,
        ));
    }
    if let Ending::Background(amp) = &command.ending {
        reader.problems.push(problem(
            "an unquoted `&` ends the curl command here (the shell runs it in the background)"
                .to_owned(),
            "quote the word that holds the `&` (a URL's query, say): `'https://…?a=1&b=2'`",
            amp.clone(),
            false,
        ));
    }
    match reader.finish(ordinal, span) {
        Ok(request) => Item::Request(request),
        Err(fatal) => Item::Problem(*fatal),
    }
}

/// The decoded text of a variable's place: variables are written literally, so the word that
/// holds the place has it; the text is looked up there.
fn command_text(command: &Command, place: Range<usize>) -> String {
    for word in &command.words {
        if let Some(i) = word.src.iter().position(|s| s.0 == place.start) {
            let len = place.end - place.start;
            if let Some(text) = word.text.get(i..i + len) {
                return text.to_owned();
            }
        }
    }
    "$…".to_owned()
}

impl Reader<'_> {
    /// The request, once every option is read.
    fn finish(mut self, ordinal: usize, span: Range<usize>) -> Result<RawRequest, Fatal> {
        let mut urls = std::mem::take(&mut self.urls).into_iter();
        let Some(mut url) = urls.next() else {
            return Err(Box::new(problem(
                "the curl command has no URL".to_owned(),
                "add the URL, quoted: `curl 'https://…'`",
                span,
                true,
            )));
        };
        for extra in urls {
            self.problems.push(problem(
                format!("a second URL (`{}`): only the first is read", extra.value),
                "keep one request per curl command",
                extra.span,
                false,
            ));
        }
        if !self.globoff {
            url.value = unescape_globs(&url.value);
        }
        let mut body = self.body();
        if self.get
            && let Some(body) = body.take()
        {
            let separator = if url.value.contains('?') { '&' } else { '?' };
            url.value.push(separator);
            url.value.push_str(&body.text);
        }
        let method = self.method.take().unwrap_or_else(|| {
            let method = if self.head {
                "HEAD"
            } else if body.is_some() {
                "POST"
            } else {
                "GET"
            };
            Spanned::new(method.to_owned(), url.span.clone())
        });
        let given: Vec<String> = self
            .headers
            .iter()
            .filter(|(_, made)| !made)
            .map(|(h, _)| h.name.value.to_ascii_lowercase())
            .chain(self.removed.iter().cloned())
            .collect();
        let headers = self
            .headers
            .into_iter()
            .filter(|(h, made)| !made || !given.contains(&h.name.value.to_ascii_lowercase()))
            .map(|(h, _)| h)
            .collect();
        Ok(RawRequest {
            ordinal,
            method,
            url,
            headers,
            body,
            span,
            problems: self.problems,
            credentials_stripped: false,
            credentials_masked: false,
        })
    }
}

/// The URL as curl's globbing reads it: `\[`, `\]`, `\{`, `\}` are the brackets themselves
/// (Chrome's copies escape them so).
fn unescape_globs(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    let mut chars = url.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next @ ('[' | ']' | '{' | '}')) = chars.peek()
        {
            out.push(next);
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}
