//! The Hurl reader (`.hurl`): the request of each entry, with the byte offsets of every part.
//!
//! Hand-written rather than built on `hurl_core` (Hurl's own parser, on crates.io): its AST
//! keeps line/column positions of the parsed source, not byte offsets, and a body's decoded bytes
//! cannot be traced back through its templates; it also depends on `libxml` (a C library to link)
//! and `colored`, far more than reading requests needs. Only the request part of each entry is
//! read; the response part (`HTTP 200` and what follows) is skipped, except that the names its
//! `[Captures]` define are known to be set at run time.
//!
//! What is read, per entry:
//! - the request line `METHOD URL` (the method in capitals, as Hurl requires);
//! - `Name: value` headers;
//! - the request sections: `[QueryStringParams]`/`[Query]` (appended to the URL, percent-encoded),
//!   `[FormParams]`/`[Form]` (a `application/x-www-form-urlencoded` body), `[BasicAuth]` (an
//!   `Authorization: Basic …` header), `[Cookies]` (a `Cookie` header), `[Options]` (only
//!   `variable: name=value` is used); `[MultipartFormData]` is reported and skipped;
//! - the body: JSON (`{…}`/`[…]`, its end found by matching brackets outside strings), a multiline
//!   string (```` ``` ````, ```` ```json ````, ```` ```raw ````, …), a one-line `` `text` ``,
//!   `file,path;` (that file's text), `base64,…;`, `hex,…;` or XML (`<…`).
//!
//! Values are unquoted: `#` starts a comment, and the escapes `\#`, `\\`, `\n`, `\u{…}`, … are
//! decoded (each decoded byte maps to its `\`). `{{name}}` resolves from `variable:` options, then
//! [`ReadContext::variables`], then Hurl's functions `{{newUuid}}` (fixed, so reports are
//! reproducible) and `{{newDate}}`; what cannot be resolved stays as written and is reported.

mod bodies;
mod sections;
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::missing_panics_doc)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::source::{self, Line};
use crate::template::{self, Decoded, Dialect, FileVar, Vars};
use crate::{Item, Problem, ReadContext};

use bodies::json_end;
use sections::Section;

/// Reads the requests of a Hurl file, in file order: each entry's request, or the fatal problem
/// where one could not be read (the next entries are still read).
///
/// [`RawRequest::ordinal`] is the entry's place in the file, counting those that could not be
/// read.
///
/// [`RawRequest::ordinal`]: crate::RawRequest::ordinal
#[must_use]
pub fn read(text: &str, ctx: &ReadContext) -> Vec<Item> {
    let lines = source::lines(text);
    let mut reader = Reader {
        text,
        ctx,
        lines: &lines,
        i: 0,
        option_vars: BTreeMap::new(),
        captured: BTreeSet::new(),
        ordinal: 0,
        items: Vec::new(),
    };
    reader.run();
    reader.items
}

/// A `key: value` line: the spans of its key and value as written (trimmed, without a comment).
#[derive(Clone, Debug)]
struct KeyValue {
    key: Range<usize>,
    value: Range<usize>,
}

impl KeyValue {
    /// From the key to the end of the value.
    fn span(&self) -> Range<usize> {
        self.key.start..self.value.end.max(self.key.end)
    }
}

/// The state of one file's reading.
struct Reader<'a> {
    text: &'a str,
    ctx: &'a ReadContext,
    lines: &'a [Line],
    /// The line being read.
    i: usize,
    /// `variable: name=value` options met so far.
    option_vars: BTreeMap<String, FileVar>,
    /// Names the `[Captures]` met so far set.
    captured: BTreeSet<String>,
    /// Entries met so far.
    ordinal: usize,
    items: Vec<Item>,
}

impl Reader<'_> {
    fn trimmed(&self, i: usize) -> &str {
        self.lines[i].text(self.text).trim()
    }

    fn vars(&self) -> Vars<'_> {
        Vars {
            dialect: Dialect::Hurl,
            file: &self.option_vars,
            env: &self.ctx.variables,
            now_unix_ms: self.ctx.now_unix_ms,
            runtime: &self.captured,
        }
    }

    /// Reads every entry.
    fn run(&mut self) {
        while self.i < self.lines.len() {
            let t = self.trimmed(self.i);
            if t.is_empty() || t.starts_with('#') {
                self.i += 1;
                continue;
            }
            if let Some((method, url)) = request_line(self.text, self.lines[self.i]) {
                self.ordinal += 1;
                let item = match self.entry(method, url) {
                    Ok(request) => Item::Request(request),
                    Err(problem) => Item::Problem(problem),
                };
                self.items.push(item);
                self.skip_to_next_entry();
            } else {
                let span = self.lines[self.i].trimmed(self.text);
                let first = self.text[span.clone()]
                    .split_whitespace()
                    .next()
                    .unwrap_or_default();
                let message = if first.bytes().all(|b| b.is_ascii_alphabetic()) {
                    format!(
                        "expected an entry's request line (`METHOD URL`, the method in capitals), \
                         found `{first}`"
                    )
                } else {
                    format!(
                        "expected an entry's request line (`METHOD URL`), found `{}`",
                        &self.text[span.clone()]
                    )
                };
                self.items.push(Item::Problem(Problem {
                    message,
                    help: "start each entry with its request line, e.g. `POST https://host/path`"
                        .to_owned(),
                    span,
                    fatal: true,
                }));
                self.i += 1;
                while self.i < self.lines.len()
                    && request_line(self.text, self.lines[self.i]).is_none()
                {
                    self.i += 1;
                }
            }
        }
    }

    /// Skips what follows an entry's request up to the next entry: its response, and reports
    /// anything else.
    fn skip_to_next_entry(&mut self) {
        while self.i < self.lines.len() {
            let line = self.lines[self.i];
            let t = self.trimmed(self.i);
            if request_line(self.text, line).is_some() {
                return;
            }
            if is_response_line(t) {
                self.skip_response();
                return;
            }
            self.i += 1;
        }
    }

    /// Skips a response section (the `HTTP …` line is line `i`), up to the next entry, keeping
    /// the names its `[Captures]` set.
    fn skip_response(&mut self) {
        self.i += 1;
        let mut section = None;
        while self.i < self.lines.len() {
            let line = self.lines[self.i];
            let t = self.trimmed(self.i);
            if request_line(self.text, line).is_some() {
                return;
            }
            if let Some(s) = Section::parse(t) {
                section = Some(s);
            } else if t.starts_with("```") {
                let after = self.text[line.start..]
                    .find("```")
                    .map_or(line.end, |i| line.start + i + 3);
                let close = self.text[after..]
                    .find("```")
                    .map_or(self.text.len(), |i| after + i + 3);
                self.i = self.line_of(close.saturating_sub(1));
            } else if (t.starts_with('{') && !t.starts_with("{{")) || t.starts_with('[') {
                let start = line.trimmed(self.text).start;
                if let Some(end) = json_end(self.text, start) {
                    self.i = self.line_of(end - 1);
                }
            } else if section == Some(Section::Captures)
                && let Some(kv) = key_value(self.text, line)
            {
                let mut name = Decoded::default();
                decode(
                    &self.text[kv.key.clone()],
                    kv.key.start,
                    &self.vars(),
                    &mut name,
                    &mut Vec::new(),
                );
                self.captured.insert(name.text);
            }
            self.i += 1;
        }
    }

    /// The index of the line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1)
    }
}

/// A fatal problem.
fn fatal(message: &str, help: &str, span: Range<usize>) -> Problem {
    Problem {
        message: message.to_owned(),
        help: help.to_owned(),
        span,
        fatal: true,
    }
}

/// `METHOD URL` on `line`: the spans of the method and of the URL (without a comment).
fn request_line(text: &str, line: Line) -> Option<(Range<usize>, Range<usize>)> {
    let span = line.trimmed(text);
    let t = &text[span.clone()];
    let method_len = t.bytes().take_while(u8::is_ascii_uppercase).count();
    if method_len == 0 || &t[..method_len] == "HTTP" {
        return None;
    }
    let rest = &t[method_len..];
    let url_rest = rest.trim_start();
    if url_rest.len() == rest.len() {
        return None;
    }
    let url_start = span.start + method_len + (rest.len() - url_rest.len());
    let url_len = url_rest[..value_end(url_rest)].trim_end().len();
    (url_len > 0).then(|| {
        (
            span.start..span.start + method_len,
            url_start..url_start + url_len,
        )
    })
}

/// A response's status line: `HTTP 200`, `HTTP/1.1 200`, `HTTP *`.
fn is_response_line(trimmed: &str) -> bool {
    trimmed
        .strip_prefix("HTTP")
        .is_some_and(|rest| rest.starts_with([' ', '\t', '/']))
}

/// Where an unquoted value ends: at an unescaped `#` (a comment) or its end.
fn value_end(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'#' => return i,
            _ => i += 1,
        }
    }
    s.len()
}

/// `key: value` on `line`: the first unescaped `:` ends the key.
fn key_value(text: &str, line: Line) -> Option<KeyValue> {
    let span = line.trimmed(text);
    let t = &text[span.clone()];
    let bytes = t.as_bytes();
    let mut i = 0;
    let colon = loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b':' => break i,
            b'#' => return None,
            _ => i += 1,
        }
    };
    let key = source::trimmed(text, span.start..span.start + colon);
    if key.is_empty() {
        return None;
    }
    let after = &t[colon + 1..];
    let value_start = span.start + colon + 1 + (after.len() - after.trim_start().len());
    let rest = after.trim_start();
    let value = value_start..value_start + rest[..value_end(rest)].trim_end().len();
    Some(KeyValue { key, value })
}

/// Appends the unquoted Hurl value `raw`, written at file byte `at`, decoded: escapes
/// (`\#`, `\n`, `\u{…}`, …; each decoded character maps to its `\`) and `{{variables}}`.
fn decode(raw: &str, at: usize, vars: &Vars<'_>, out: &mut Decoded, problems: &mut Vec<Problem>) {
    let bytes = raw.as_bytes();
    let mut segment = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        template::expand(&raw[segment..i], at + segment, vars, out, problems);
        if let Some((c, len)) = escape(&raw[i..]) {
            out.produced(c.encode_utf8(&mut [0; 4]), at + i);
            i += len;
        } else {
            out.literal("\\", at + i);
            i += 1;
        }
        segment = i;
    }
    template::expand(&raw[segment..], at + segment, vars, out, problems);
}

/// The character the escape at the start of `s` (`\…`) stands for, and its length.
fn escape(s: &str) -> Option<(char, usize)> {
    let c = match s.as_bytes().get(1)? {
        b'#' => '#',
        b'"' => '"',
        b'`' => '`',
        b'\\' => '\\',
        b'/' => '/',
        b':' => ':',
        b'b' => '\x08',
        b'f' => '\x0c',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let hex = s.get(2..)?.strip_prefix('{')?;
            let close = hex.find('}')?;
            let c = char::from_u32(u32::from_str_radix(hex.get(..close)?, 16).ok()?)?;
            return Some((c, 2 + 1 + close + 1));
        }
        _ => return None,
    };
    Some((c, 2))
}
