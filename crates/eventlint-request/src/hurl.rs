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

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use base64::Engine as _;

use crate::source::{self, Line};
use crate::template::{self, Decoded, Dialect, FileVar, Vars};
use crate::{Body, BodySource, Header, Item, Problem, RawRequest, ReadContext, Spanned};

/// Reads the requests of a Hurl file, in file order: each entry's request, or the fatal problem
/// where one could not be read (the next entries are still read).
///
/// [`RawRequest::ordinal`] is the entry's place in the file, counting those that could not be
/// read.
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

/// The sections of an entry's request and response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Query,
    Form,
    Multipart,
    Cookies,
    Options,
    BasicAuth,
    Captures,
    Asserts,
}

impl Section {
    /// The section a trimmed line `[Name]` opens.
    fn parse(trimmed: &str) -> Option<Section> {
        let name = trimmed.strip_prefix('[')?.strip_suffix(']')?;
        Some(match name {
            "QueryStringParams" | "Query" => Section::Query,
            "FormParams" | "Form" => Section::Form,
            "MultipartFormData" | "Multipart" => Section::Multipart,
            "Cookies" => Section::Cookies,
            "Options" => Section::Options,
            "BasicAuth" => Section::BasicAuth,
            "Captures" => Section::Captures,
            "Asserts" => Section::Asserts,
            _ => return None,
        })
    }
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

/// A `[Query]`, `[Form]` or `[Cookies]` parameter: decoded, with where it is written.
struct Param {
    name: String,
    value: String,
    at: KeyValue,
    /// The name and the value are written as they are sent (no escape, no variable).
    literal: bool,
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

    /// Reads the request of the entry whose request line is line `i`.
    fn entry(
        &mut self,
        method: Range<usize>,
        url_span: Range<usize>,
    ) -> Result<RawRequest, Problem> {
        let text = self.text;
        let mut problems = Vec::new();
        let mut url = Decoded::default();
        decode(
            &text[url_span.clone()],
            url_span.start,
            &self.vars(),
            &mut url,
            &mut problems,
        );
        let mut url = Spanned::new(url.text, url_span.clone());
        let mut end = url_span.end;
        self.i += 1;

        let mut headers = Vec::new();
        let mut section: Option<(Section, Range<usize>)> = None;
        let mut query = Vec::new();
        let mut form: Vec<Param> = Vec::new();
        let mut form_section = None;
        let mut cookies: Vec<Param> = Vec::new();
        let mut cookies_section = None;
        let mut basic_auth = None;
        let mut body = None;
        while self.i < self.lines.len() {
            let line = self.lines[self.i];
            let t = self.trimmed(self.i);
            if t.is_empty() || t.starts_with('#') {
                self.i += 1;
                continue;
            }
            if is_response_line(t) || request_line(text, line).is_some() {
                break;
            }
            if let Some(s) = Section::parse(t) {
                let span = line.trimmed(text);
                match s {
                    Section::Form => form_section = Some(span.clone()),
                    Section::Cookies => cookies_section = Some(span.clone()),
                    Section::Multipart => problems.push(Problem {
                        message: "multipart bodies ([MultipartFormData]) are not read, so this \
                                  request is checked without its body"
                            .to_owned(),
                        help: "check the parts' files on their own".to_owned(),
                        span: span.clone(),
                        fatal: false,
                    }),
                    _ => {}
                }
                end = span.end;
                section = Some((s, span));
                self.i += 1;
                continue;
            }
            if starts_body(t) {
                body = self.body(&mut problems)?;
                if let Some(b) = &body {
                    end = end.max(b.span.end);
                }
                break;
            }
            let vars = self.vars();
            let Some(kv) = key_value(text, line) else {
                let span = line.trimmed(text);
                problems.push(Problem {
                    message: format!(
                        "`{}` is not `name: value`, so it is left out",
                        &text[span.clone()]
                    ),
                    help: "write headers and section entries as `name: value`; a body starts \
                           with `{`, `[`, a backtick or `file,`"
                        .to_owned(),
                    span,
                    fatal: false,
                });
                self.i += 1;
                continue;
            };
            end = kv.span().end;
            let mut name = Decoded::default();
            decode(
                &text[kv.key.clone()],
                kv.key.start,
                &vars,
                &mut name,
                &mut problems,
            );
            let mut value = Decoded::default();
            decode(
                &text[kv.value.clone()],
                kv.value.start,
                &vars,
                &mut value,
                &mut problems,
            );
            let literal = name.text == text[kv.key.clone()] && value.text == text[kv.value.clone()];
            let param = Param {
                name: name.text,
                value: value.text,
                at: kv,
                literal,
            };
            match &section {
                None => headers.push(Header {
                    name: Spanned::new(param.name, param.at.key.clone()),
                    value: Spanned::new(param.value, param.at.value.clone()),
                    span: param.at.span(),
                }),
                Some((Section::Query, _)) => {
                    url.span.end = param.at.span().end;
                    query.push(param);
                }
                Some((Section::Form, _)) => form.push(param),
                Some((Section::Cookies, _)) => cookies.push(param),
                Some((Section::BasicAuth, span)) => {
                    if basic_auth.is_none() {
                        basic_auth = Some((param, span.clone()));
                    }
                }
                Some((Section::Options, _)) => {
                    if param.name == "variable" {
                        self.define(&text[param.at.value.clone()]);
                    }
                }
                Some((Section::Multipart | Section::Captures | Section::Asserts, _)) => {}
            }
            self.i += 1;
        }

        if !query.is_empty() {
            let mut sep = if url.value.contains('?') { '&' } else { '?' };
            for p in &query {
                url.value.push(sep);
                url.value.push_str(&percent_encode(&p.name));
                url.value.push('=');
                url.value.push_str(&percent_encode(&p.value));
                sep = '&';
            }
        }
        if let Some((param, section)) = basic_auth {
            let credentials = format!("{}:{}", param.name, param.value);
            let value = format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(credentials)
            );
            headers.push(Header {
                name: Spanned::new("Authorization".to_owned(), section.clone()),
                value: Spanned::new(value, param.at.span()),
                span: section.start..param.at.span().end,
            });
        }
        if let (Some(section), Some(first), Some(last)) =
            (cookies_section, cookies.first(), cookies.last())
        {
            let value: Vec<String> = cookies
                .iter()
                .map(|c| format!("{}={}", c.name, c.value))
                .collect();
            headers.push(Header {
                name: Spanned::new("Cookie".to_owned(), section.clone()),
                value: Spanned::new(value.join("; "), first.at.key.start..last.at.span().end),
                span: section.start..last.at.span().end,
            });
        }
        if let (Some(section), Some(last)) = (form_section, form.last()) {
            let span = section.start..last.at.span().end;
            if body.is_some() {
                problems.push(Problem {
                    message: "the entry has both [FormParams] and a body; the body is read"
                        .to_owned(),
                    help: "keep one of them".to_owned(),
                    span: section.clone(),
                    fatal: false,
                });
            } else {
                body = Some(form_body(&form, span));
                if !headers
                    .iter()
                    .any(|h| h.name.value.eq_ignore_ascii_case("content-type"))
                {
                    headers.push(Header {
                        name: Spanned::new("Content-Type".to_owned(), section.clone()),
                        value: Spanned::new(
                            "application/x-www-form-urlencoded".to_owned(),
                            section.clone(),
                        ),
                        span: section,
                    });
                }
            }
        }
        Ok(RawRequest {
            ordinal: self.ordinal,
            method: Spanned::new(text[method.clone()].to_owned(), method.clone()),
            span: method.start..end.max(url.span.end),
            url,
            headers,
            body,
            problems,
            credentials_stripped: false,
        })
    }

    /// `variable: name=value` in `[Options]`: `name` is `value` from this entry on.
    fn define(&mut self, written: &str) {
        let Some((name, value)) = written.split_once('=') else {
            return;
        };
        let var = template::expand_definition(value.trim(), &self.vars());
        self.option_vars.insert(name.trim().to_owned(), var);
    }

    /// The body starting on line `i`; leaves `i` after it.
    fn body(&mut self, problems: &mut Vec<Problem>) -> Result<Option<Body>, Problem> {
        let text = self.text;
        let line = self.lines[self.i];
        let start = line.trimmed(text).start;
        let t = &text[start..line.end];
        if t.starts_with("```") {
            return self.multiline_body(start, problems).map(Some);
        }
        if let Some(rest) = t.strip_prefix('`') {
            let Some(close) = closing_backtick(rest) else {
                return Err(fatal(
                    "the one-line body has no closing backtick",
                    "close it on the same line: `text`",
                    line.trimmed(text),
                ));
            };
            let inner = start + 1..start + 1 + close;
            let mut body = Decoded::default();
            decode(
                &text[inner.clone()],
                inner.start,
                &self.vars(),
                &mut body,
                problems,
            );
            let (body_text, map) = body.finish(inner.end);
            self.i += 1;
            return Ok(Some(Body {
                text: body_text,
                source: BodySource::Inline(map),
                span: start..inner.end + 1,
            }));
        }
        if let Some(kind) = ["file,", "base64,", "hex,"]
            .into_iter()
            .find(|k| t.starts_with(k))
        {
            let content = start + kind.len();
            let Some(semicolon) = text[content..].find(';').map(|i| content + i) else {
                return Err(fatal(
                    &format!("the `{kind}` body has no closing `;`"),
                    "end it with `;`, e.g. `file,body.json;`",
                    line.trimmed(text),
                ));
            };
            let span = start..semicolon + 1;
            self.i = self.line_of(semicolon) + 1;
            let written = text[content..semicolon].trim();
            if kind == "file," {
                let mut path = Decoded::default();
                let at = content
                    + (text[content..semicolon].len()
                        - text[content..semicolon].trim_start().len());
                decode(written, at, &self.vars(), &mut path, problems);
                let (body_text, path) = source::body_file(self.ctx, &path.text, span.clone())?;
                return Ok(Some(Body {
                    text: body_text,
                    source: BodySource::File(path),
                    span,
                }));
            }
            let compact: String = written.chars().filter(|c| !c.is_whitespace()).collect();
            let bytes = if kind == "hex," {
                decode_hex(&compact)
            } else {
                base64::engine::general_purpose::STANDARD
                    .decode(&compact)
                    .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(&compact))
                    .ok()
            };
            return Ok(match bytes.map(String::from_utf8) {
                Some(Ok(decoded)) => {
                    let mut body = Decoded::default();
                    body.produced(&decoded, start);
                    let (body_text, map) = body.finish(span.end);
                    Some(Body {
                        text: body_text,
                        source: BodySource::Inline(map),
                        span,
                    })
                }
                Some(Err(_)) => {
                    problems.push(Problem {
                        message: "the body is binary (not UTF-8 text), so it is not checked"
                            .to_owned(),
                        help: "eventlint checks text bodies".to_owned(),
                        span,
                        fatal: false,
                    });
                    None
                }
                None => {
                    problems.push(Problem {
                        message: format!("the `{kind}` body does not decode, so it is not checked"),
                        help: "check the encoded bytes".to_owned(),
                        span,
                        fatal: false,
                    });
                    None
                }
            });
        }
        // JSON (bracket matched) or XML (up to the next response or entry).
        let end = if t.starts_with('<') {
            None
        } else {
            json_end(text, start)
        };
        let end = end.unwrap_or_else(|| self.until_next_part(self.i));
        self.i = self.line_of(end.saturating_sub(1).max(start)) + 1;
        let mut body = Decoded::default();
        if t.starts_with('<') {
            body.literal(&text[start..end], start);
        } else {
            template::expand(&text[start..end], start, &self.vars(), &mut body, problems);
        }
        let (body_text, map) = body.finish(end);
        Ok(Some(Body {
            text: body_text,
            source: BodySource::Inline(map),
            span: start..end,
        }))
    }

    /// A multiline string body (```` ``` ```` at byte `start`); leaves `i` after it.
    fn multiline_body(
        &mut self,
        start: usize,
        problems: &mut Vec<Problem>,
    ) -> Result<Body, Problem> {
        let text = self.text;
        let line = self.lines[self.i];
        let hint = text[start + 3..line.end].trim();
        let content = self.lines.get(self.i + 1).map_or(text.len(), |l| l.start);
        let Some(close) = text[content..].find("```").map(|i| content + i) else {
            return Err(fatal(
                "the multiline body has no closing ```",
                "end it with a line ```",
                line.trimmed(text),
            ));
        };
        let span = start..close + 3;
        self.i = self.line_of(close) + 1;
        let templated = match hint {
            "" | "json" | "xml" => true,
            "raw" => false,
            "graphql" => {
                return Err(Problem {
                    message: "GraphQL bodies are not read".to_owned(),
                    help: "check the JSON request Hurl sends for it".to_owned(),
                    span,
                    fatal: true,
                });
            }
            other => {
                problems.push(Problem {
                    message: format!(
                        "`{other}` is not a language Hurl knows for a multiline body; it is read as text"
                    ),
                    help: "use ```json, ```xml, ```graphql, ```raw or plain ```".to_owned(),
                    span: line.trimmed(text),
                    fatal: false,
                });
                true
            }
        };
        let mut body = Decoded::default();
        if templated {
            template::expand(
                &text[content..close],
                content,
                &self.vars(),
                &mut body,
                problems,
            );
        } else {
            body.literal(&text[content..close], content);
        }
        let (body_text, map) = body.finish(close);
        Ok(Body {
            text: body_text,
            source: BodySource::Inline(map),
            span,
        })
    }

    /// Where a body without a closing bracket ends: the end of the last line with text before
    /// the response or the next entry (from line `from` on).
    fn until_next_part(&self, from: usize) -> usize {
        let mut end = self.lines[from].end;
        for i in from..self.lines.len() {
            let t = self.trimmed(i);
            if i > from && (is_response_line(t) || request_line(self.text, self.lines[i]).is_some())
            {
                break;
            }
            if !t.is_empty() && !t.starts_with('#') {
                end = self.lines[i].end;
            }
        }
        end
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

/// A trimmed line that starts a body.
fn starts_body(trimmed: &str) -> bool {
    (trimmed.starts_with('{') && !trimmed.starts_with("{{"))
        || trimmed.starts_with(['[', '`', '<'])
        || ["file,", "base64,", "hex,"]
            .iter()
            .any(|k| trimmed.starts_with(k))
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

/// Where the backtick closing a one-line string is, in `rest` (after the opening one).
fn closing_backtick(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'`' => return Some(i),
            b'\n' | b'\r' => return None,
            _ => i += 1,
        }
    }
    None
}

/// One past the bracket that closes the JSON value opening at byte `start` (`{` or `[`), the
/// brackets inside strings left aside; `None` if it never closes.
fn json_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
        }
        i += 1;
    }
    None
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

/// `s` percent-encoded for a URL's query (all but the unreserved characters).
fn percent_encode(s: &str) -> Cow<'_, str> {
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
    if s.bytes().all(unreserved) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if unreserved(b) {
            out.push(char::from(b));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
    }
    Cow::Owned(out)
}

/// The bytes of a hex string (`None` if it is not one).
fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The `a=b&c=d` body of `[FormParams]` written in `span`: a parameter written as sent maps
/// byte for byte; an encoded or decoded one maps to its start, `=` to the end of the name and `&`
/// to the start of the next parameter.
fn form_body(form: &[Param], span: Range<usize>) -> Body {
    let mut body = Decoded::default();
    for (n, p) in form.iter().enumerate() {
        if n > 0 {
            body.produced("&", p.at.key.start);
        }
        for (j, (value, at)) in [(&p.name, &p.at.key), (&p.value, &p.at.value)]
            .into_iter()
            .enumerate()
        {
            if j == 1 {
                body.produced("=", p.at.key.end);
            }
            let encoded = percent_encode(value);
            if p.literal && encoded == value.as_str() {
                body.literal(&encoded, at.start);
            } else {
                body.produced(&encoded, at.start.min(span.end.saturating_sub(1)));
            }
        }
    }
    let (text, map) = body.finish(span.end);
    Body {
        text,
        source: BodySource::Inline(map),
        span,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::missing_panics_doc)]
mod tests {
    use super::*;
    use crate::source::test_support::{check_request, random_texts, read_every_prefix, requests};

    fn ctx(vars: &[(&str, &str)]) -> ReadContext {
        ReadContext {
            variables: vars
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            ..ReadContext::default()
        }
    }

    fn read_checked(text: &str, ctx: &ReadContext) -> Vec<Item> {
        let items = read(text, ctx);
        for r in requests(&items) {
            check_request(text, r);
        }
        items
    }

    fn span_of(text: &str, needle: &str) -> Range<usize> {
        let start = text.find(needle).unwrap();
        start..start + needle.len()
    }

    const TWO_ENTRIES: &str = "# Synerise custom event
POST https://api.snrs.com/v4/events/custom
Authorization: Bearer {{token}}
Api-Version: 4.4 # the API version
Content-Type: application/json
{
  \"action\": \"dog.bark\",
  \"label\": \"a } in a string\",
  \"client\": {\"customId\": \"{{customer}}\"}
}
HTTP 202
[Asserts]
status == 202
jsonpath \"$.ok\" == true

GET https://api.snrs.com/v4/clients/{{customer}}
HTTP/1.1 200
";

    #[test]
    fn two_entries_with_a_json_body_and_a_response_section() {
        let ctx = ctx(&[("token", "t0k"), ("customer", "c-1")]);
        let items = read_checked(TWO_ENTRIES, &ctx);
        let reqs = requests(&items);
        assert_eq!(reqs.len(), 2, "{items:?}");
        let r = reqs[0];
        assert_eq!((r.ordinal, r.method.value.as_str()), (1, "POST"));
        assert_eq!(r.method.span, span_of(TWO_ENTRIES, "POST"));
        assert_eq!(
            r.url.span,
            span_of(TWO_ENTRIES, "https://api.snrs.com/v4/events/custom")
        );
        assert_eq!(r.headers.len(), 3);
        assert_eq!(r.headers[0].value.value, "Bearer t0k");
        assert_eq!(
            r.headers[0].span,
            span_of(TWO_ENTRIES, "Authorization: Bearer {{token}}")
        );
        assert_eq!(r.headers[1].value.value, "4.4");
        assert_eq!(r.headers[1].span, span_of(TWO_ENTRIES, "Api-Version: 4.4"));
        assert_eq!(&TWO_ENTRIES[r.headers[2].name.span.clone()], "Content-Type");
        let body = r.body.as_ref().unwrap();
        assert!(body.text.starts_with("{\n  \"action\"") && body.text.ends_with("\"c-1\"}\n}"));
        let written = &TWO_ENTRIES[body.span.clone()];
        assert!(written.starts_with('{') && written.ends_with("}\n}"));
        assert_eq!(r.span.end, body.span.end);
        assert!(r.problems.is_empty());
        assert_eq!(reqs[1].ordinal, 2);
        assert_eq!(reqs[1].url.value, "https://api.snrs.com/v4/clients/c-1");
        assert!(reqs[1].body.is_none());
    }

    #[test]
    fn a_multiline_body_keeps_its_lines_and_a_raw_one_its_braces() {
        let text = "POST https://h/e\n```json\n{\"id\": \"{{id}}\"}\n```\n\nPOST https://h/raw\n```raw\n{{id}}\n```\n";
        let items = read_checked(text, &ctx(&[("id", "7")]));
        let reqs = requests(&items);
        let body = reqs[0].body.as_ref().unwrap();
        assert_eq!(body.text, "{\"id\": \"7\"}\n");
        let BodySource::Inline(map) = &body.source else {
            panic!()
        };
        assert_eq!(map.file_offset(0), span_of(text, "{\"id\"").start);
        assert_eq!(
            body.span,
            span_of(text, "```json\n{\"id\": \"{{id}}\"}\n```")
        );
        assert_eq!(reqs[1].body.as_ref().unwrap().text, "{{id}}\n");
        assert!(reqs[1].problems.is_empty());
    }

    #[test]
    fn query_params_are_appended_encoded_and_the_url_spans_them() {
        let text = "GET https://h/search?x=1\n[QueryStringParams]\nq: dog bark # a comment\nlang: {{lang}}\n\nGET https://h/b\n[Query]\na\\:b: é&\n";
        let items = read_checked(text, &ctx(&[("lang", "pl")]));
        let reqs = requests(&items);
        assert_eq!(
            reqs[0].url.value,
            "https://h/search?x=1&q=dog%20bark&lang=pl"
        );
        assert_eq!(
            reqs[0].url.span,
            span_of(
                text,
                "https://h/search?x=1\n[QueryStringParams]\nq: dog bark # a comment\nlang: {{lang}}"
            )
            .start..span_of(text, "lang: {{lang}}").end
        );
        assert_eq!(reqs[1].url.value, "https://h/b?a%3Ab=%C3%A9%26");
    }

    #[test]
    fn basic_auth_cookies_and_form_params_become_headers_and_a_body() {
        let text = "POST https://h/login\n[BasicAuth]\nbob: s3cr\\#t\n[Cookies]\nsid: 1\ntheme: dark\n[FormParams]\nuser: bob\nnote: a b\n";
        let items = read_checked(text, &ReadContext::default());
        let r = requests(&items)[0];
        let auth = &r.headers[0];
        assert_eq!(auth.name.value, "Authorization");
        // base64("bob:s3cr#t")
        assert_eq!(auth.value.value, "Basic Ym9iOnMzY3IjdA==");
        assert_eq!(auth.span, span_of(text, "[BasicAuth]\nbob: s3cr\\#t"));
        assert_eq!(auth.name.span, span_of(text, "[BasicAuth]"));
        let cookie = &r.headers[1];
        assert_eq!(
            (cookie.name.value.as_str(), cookie.value.value.as_str()),
            ("Cookie", "sid=1; theme=dark")
        );
        assert_eq!(cookie.value.span, span_of(text, "sid: 1\ntheme: dark"));
        let ct = &r.headers[2];
        assert_eq!(ct.value.value, "application/x-www-form-urlencoded");
        let body = r.body.as_ref().unwrap();
        assert_eq!(body.text, "user=bob&note=a%20b");
        assert_eq!(
            body.span,
            span_of(text, "[FormParams]\nuser: bob\nnote: a b")
        );
        let BodySource::Inline(map) = &body.source else {
            panic!()
        };
        assert_eq!(map.file_offset(0), span_of(text, "user: bob").start);
        assert_eq!(map.file_offset(5), span_of(text, "bob\nnote").start);
        assert_eq!(map.file_offset(14), span_of(text, "a b").start);
    }

    #[test]
    fn options_variables_and_functions_resolve_and_captures_are_known_at_run_time() {
        let text = "POST https://h/login\n[Options]\nvariable: host=https://api.h\n`{\"id\":\"{{newUuid}}\",\"at\":\"{{newDate}}\"}`\nHTTP 200\n[Captures]\ntoken: jsonpath \"$.token\"\n\nGET {{host}}/me\nAuthorization: Bearer {{token}}\nX-Missing: {{missing}}\n";
        let ctx = ReadContext {
            now_unix_ms: Some(1_767_225_600_000),
            ..ReadContext::default()
        };
        let items = read_checked(text, &ctx);
        let reqs = requests(&items);
        assert_eq!(
            reqs[0].body.as_ref().unwrap().text,
            format!(
                "{{\"id\":\"{}\",\"at\":\"2026-01-01T00:00:00Z\"}}",
                template::FIXED_UUID
            )
        );
        assert_eq!(reqs[1].url.value, "https://api.h/me");
        assert_eq!(reqs[1].headers[0].value.value, "Bearer {{token}}");
        assert!(reqs[1].problems[0].message.contains("at run time"));
        assert_eq!(reqs[1].problems[1].span, span_of(text, "{{missing}}"));
        assert!(
            reqs[1].problems[1]
                .message
                .starts_with("`{{missing}}` is not defined in the environment")
        );
        assert!(!reqs[1].problems[1].fatal);
    }

    #[test]
    fn escapes_map_to_their_backslash() {
        let text = "POST https://h/e\n`a\\u{e9}\\nb\\`c`\n";
        let items = read_checked(text, &ReadContext::default());
        let body = requests(&items)[0].body.as_ref().unwrap();
        assert_eq!(body.text, "aé\nb`c");
        let BodySource::Inline(map) = &body.source else {
            panic!()
        };
        let esc = text.find("\\u{e9}").unwrap();
        assert_eq!((map.file_offset(1), map.file_offset(2)), (esc, esc));
        assert_eq!(map.file_offset(3), text.find("\\n").unwrap());
    }

    #[test]
    fn file_bodies_are_read_and_a_missing_one_is_fatal() {
        let dir =
            std::env::temp_dir().join(format!("eventlint-request-hurl-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("e.json"), "{\"a\":1}").unwrap();
        let text = "POST https://h/a\nfile,e.json;\n\nPOST https://h/b\nfile, nope.json ;\n\nPOST https://h/c\nbase64,eyJhIjoxfQ==;\n";
        let ctx = ReadContext {
            base_dir: dir.clone(),
            ..ReadContext::default()
        };
        let items = read_checked(text, &ctx);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(items.len(), 3, "{items:?}");
        let Item::Request(a) = &items[0] else {
            panic!()
        };
        let body = a.body.as_ref().unwrap();
        assert_eq!(
            (body.text.as_str(), &body.source),
            ("{\"a\":1}", &BodySource::File(dir.join("e.json")))
        );
        assert_eq!(body.span, span_of(text, "file,e.json;"));
        let Item::Problem(p) = &items[1] else {
            panic!()
        };
        assert!(p.fatal && p.message.contains("nope.json"));
        assert_eq!(p.span, span_of(text, "file, nope.json ;"));
        let Item::Request(c) = &items[2] else {
            panic!()
        };
        assert_eq!(
            (c.ordinal, c.body.as_ref().unwrap().text.as_str()),
            (3, "{\"a\":1}")
        );
    }

    #[test]
    fn a_line_that_is_no_request_is_fatal_and_the_next_entry_is_read() {
        let text = "post https://h/lower\nX: y\nGET https://h/ok\nnot a header\n";
        let items = read_checked(text, &ReadContext::default());
        let Item::Problem(p) = &items[0] else {
            panic!("{items:?}")
        };
        assert!(p.fatal);
        assert_eq!(p.span, span_of(text, "post https://h/lower"));
        let Item::Request(r) = &items[1] else {
            panic!("{items:?}")
        };
        assert_eq!(r.url.value, "https://h/ok");
        assert_eq!(r.problems[0].span, span_of(text, "not a header"));
        assert!(!r.problems[0].fatal);
    }

    #[test]
    fn a_crlf_file_keeps_its_bytes() {
        let text = "POST https://h/e\r\nA: b\r\n```\r\nx {{v}}\r\ny\r\n```\r\nHTTP 200\r\n";
        let items = read_checked(text, &ctx(&[("v", "1")]));
        let r = requests(&items)[0];
        assert_eq!(r.headers[0].span, span_of(text, "A: b"));
        assert_eq!(r.body.as_ref().unwrap().text, "x 1\r\ny\r\n");
    }

    #[test]
    fn no_input_makes_the_reader_panic() {
        let ctx = ctx(&[("token", "t"), ("customer", "c")]);
        let inputs = [
            TWO_ENTRIES,
            "POST https://h/login\n[BasicAuth]\nbob: s\\#t\n[Cookies]\nsid: 1\n[FormParams]\nuser: b b\n[Query]\nq: \\u{e9}\n",
            "POST https://h/e\r\n```json\r\n{\"a\": \"{{x}}\"}\r\n```\r\nHTTP 200\r\n[Captures]\nid: jsonpath \"$.id\"\n```\nGET x\n```\nGET https://h/{{id}}\n",
            "PUT https://h/x\n`a\\u{1F600}b`\nHTTP *\n{\"r\": [1, 2]}\nDELETE https://h/y\nhex,48656c6c6f;\n",
            "GET é\n[Query]\né: é\n<é>\n",
        ];
        for input in inputs {
            read_every_prefix(input, |t| read(t, &ctx));
        }
        for input in random_texts(3000) {
            for item in read(&input, &ctx) {
                if let Item::Request(r) = item {
                    check_request(&input, &r);
                }
            }
        }
    }
}
