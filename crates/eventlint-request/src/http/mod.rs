//! The `.http`/`.rest` reader: the files of the `JetBrains` HTTP Client and of VS Code's REST
//! Client, and their environments (`http-client.env.json`, `http-client.private.env.json`).
//!
//! Hand-written because no maintained `.http` parser keeps byte offsets: findings must point at
//! the bytes of the file the user has, down to one byte of a body after its `{{variables}}` were
//! resolved (each variable's bytes map to its `{{`).
//!
//! What is read, per request (requests are separated by lines starting with `###`):
//! - before the request line, blank lines, comments (`#`, `//`) and `@name = value` file
//!   variables (for the rest of the file);
//! - the request line `METHOD URL [HTTP/1.1]` (the method in any case), or just `URL` (a `GET`),
//!   whose URL may go on over indented lines that start with `?` or `&`;
//! - `Name: value` headers up to a blank line (comments among them are skipped);
//! - the body, up to the next `###` or the end of the file, without its trailing blank lines,
//!   and without what ends it: a response handler (`> {% … %}`, `> ./handler.js`), a response
//!   redirect (`>> file`) or a response reference (`<> ./file`). A body that is one line
//!   `< ./file` (or VS Code's `<@ ./file`, whose variables are resolved) is that file's text.
//!
//! `{{name}}` resolves from the file's `@name` variables, then [`ReadContext::variables`], then
//! the dynamic variables (`{{$uuid}}`, `{{$timestamp}}`, …; random ones are fixed so reports are
//! reproducible). What cannot be resolved stays as written and is reported beside the request.

mod env;
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::missing_panics_doc)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use crate::source::{self, Line};
use crate::template::{self, Decoded, Dialect, FileVar, Vars};
use crate::{Body, BodySource, Header, Item, Problem, RawRequest, ReadContext, Spanned};

pub use env::{EnvError, PRIVATE_ENV_FILE, PUBLIC_ENV_FILE, load_env};

/// The methods a request line may start with (in any case): HTTP's, and `WebDAV`'s, which VS
/// Code's REST Client also sends.
const METHODS: &[&str] = &[
    "GET",
    "HEAD",
    "POST",
    "PUT",
    "DELETE",
    "CONNECT",
    "OPTIONS",
    "TRACE",
    "PATCH",
    "LOCK",
    "UNLOCK",
    "PROPFIND",
    "PROPPATCH",
    "COPY",
    "MOVE",
    "MKCOL",
    "MKCALENDAR",
    "ACL",
    "SEARCH",
];

/// Reads the requests of a `.http`/`.rest` file, in file order: each request, or the fatal
/// problem where one could not be read (the next ones are still read).
///
/// [`RawRequest::ordinal`] is the request's place among the file's requests, counting those
/// that could not be read.
#[must_use]
pub fn read(text: &str, ctx: &ReadContext) -> Vec<Item> {
    let lines = source::lines(text);
    let mut reader = Reader {
        text,
        ctx,
        lines: &lines,
        file_vars: BTreeMap::new(),
        runtime: handler_globals(text),
        ordinal: 0,
        items: Vec::new(),
    };
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.text(text).starts_with("###") {
            reader.block(start, i);
            start = i + 1;
        }
    }
    reader.block(start, lines.len());
    reader.items
}

/// The state of one file's reading.
struct Reader<'a> {
    text: &'a str,
    ctx: &'a ReadContext,
    lines: &'a [Line],
    /// `@name = value` variables defined so far.
    file_vars: BTreeMap<String, FileVar>,
    /// Names a response handler sets (`client.global.set("name", …)`).
    runtime: BTreeSet<String>,
    /// Requests met so far.
    ordinal: usize,
    items: Vec<Item>,
}

impl Reader<'_> {
    fn line(&self, i: usize) -> &str {
        self.lines[i].text(self.text)
    }

    fn vars(&self) -> Vars<'_> {
        Vars {
            dialect: Dialect::Http,
            file: &self.file_vars,
            env: &self.ctx.variables,
            now_unix_ms: self.ctx.now_unix_ms,
            runtime: &self.runtime,
        }
    }

    /// Reads the lines `from..to` between two `###` separators.
    fn block(&mut self, from: usize, to: usize) {
        let mut i = from;
        while i < to {
            let line = self.line(i);
            let t = line.trim();
            if t.is_empty() || is_comment(t) {
                i += 1;
            } else if let Some((name, value)) = variable_definition(line) {
                let var = template::expand_definition(value, &self.vars());
                self.file_vars.insert(name.to_owned(), var);
                i += 1;
            } else {
                break;
            }
        }
        if i == to {
            return;
        }
        self.ordinal += 1;
        let item = match self.request(i, to) {
            Ok(request) => Item::Request(request),
            Err(problem) => Item::Problem(problem),
        };
        self.items.push(item);
    }

    /// Reads the request whose request line is line `first`, ending before line `to`.
    fn request(&self, first: usize, to: usize) -> Result<RawRequest, Problem> {
        let text = self.text;
        let vars = self.vars();
        let mut problems = Vec::new();
        let (method, pieces) = self.request_line(first)?;
        let mut i = first + 1;
        let mut url_pieces = vec![pieces];
        while i < to {
            let line = self.line(i);
            let t = line.trim_start();
            if line.len() > t.len() && (t.starts_with('?') || t.starts_with('&')) {
                url_pieces.push(self.lines[i].trimmed(text));
                i += 1;
            } else {
                break;
            }
        }
        let mut url = Decoded::default();
        for piece in &url_pieces {
            template::expand(
                &text[piece.clone()],
                piece.start,
                &vars,
                &mut url,
                &mut problems,
            );
        }
        let url_span = url_pieces[0].start..url_pieces[url_pieces.len() - 1].end;
        let url = Spanned::new(url.text, url_span.clone());
        let method = method.unwrap_or_else(|| Spanned::new("GET".to_owned(), url_span.clone()));
        let mut end = url_span.end;

        let mut headers = Vec::new();
        let mut body_from = None;
        while i < to {
            let line = self.line(i);
            let t = line.trim();
            if t.is_empty() {
                body_from = Some(i + 1);
                break;
            }
            if ends_body(line) {
                break;
            }
            if !is_comment(t) {
                if let Some(header) = self.header(self.lines[i], &vars, &mut problems) {
                    headers.push(header);
                }
                end = self.lines[i].trimmed(text).end;
            }
            i += 1;
        }

        let body = match body_from {
            Some(from) => self.body(from, to, &vars, &mut problems)?,
            None => None,
        };
        if let Some(body) = &body {
            end = body.span.end;
        }
        Ok(RawRequest {
            ordinal: self.ordinal,
            span: method.span.start.min(url_span.start)..end,
            method,
            url,
            headers,
            body,
            problems,
            credentials_stripped: false,
            credentials_masked: false,
        })
    }

    /// The method (`None`: a bare URL, a `GET`) and the span of the URL's first piece.
    fn request_line(
        &self,
        i: usize,
    ) -> Result<(Option<Spanned<String>>, std::ops::Range<usize>), Problem> {
        let span = self.lines[i].trimmed(self.text);
        let t = &self.text[span.clone()];
        let first_end = t.find(char::is_whitespace).unwrap_or(t.len());
        let first = &t[..first_end];
        let rest = without_version(t[first_end..].trim());
        let rest_start =
            span.start + first_end + (t[first_end..].len() - t[first_end..].trim_start().len());
        let fatal = |message: String, help: &str, span: std::ops::Range<usize>| Problem {
            message,
            help: help.to_owned(),
            span,
            fatal: true,
        };
        if let Some(m) = METHODS.iter().find(|m| m.eq_ignore_ascii_case(first)) {
            if rest.is_empty() {
                return Err(fatal(
                    format!("the request line `{t}` has no URL"),
                    "write the request line as `METHOD URL`",
                    span,
                ));
            }
            let method = Spanned::new((*m).to_owned(), span.start..span.start + first_end);
            return Ok((Some(method), rest_start..rest_start + rest.len()));
        }
        let bare = without_version(t);
        if !bare.contains(char::is_whitespace) && looks_like_url(bare) {
            return Ok((None, span.start..span.start + bare.len()));
        }
        if !rest.is_empty() && first.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(fatal(
                format!(
                    "`{first}` is not an HTTP method eventlint reads, so this request is skipped"
                ),
                "use GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS (WebSocket, GraphQL and gRPC \
                 requests are not read)",
                span.start..span.start + first_end,
            ));
        }
        Err(fatal(
            format!("expected a request line (`METHOD URL`), found `{t}`"),
            "start each request with its request line, e.g. `POST https://host/path`; requests \
             are separated by `###` lines",
            span,
        ))
    }

    /// The header on `line`, or `None` (and a problem) when it is not `Name: value`.
    fn header(&self, line: Line, vars: &Vars<'_>, problems: &mut Vec<Problem>) -> Option<Header> {
        let span = line.trimmed(self.text);
        let written = &self.text[span.clone()];
        let Some(colon) = written.find(':') else {
            problems.push(Problem {
                message: format!("`{written}` is not a header (`Name: value`): it has no colon, so it is left out"),
                help: "write headers as `Name: value`, and leave a blank line before the body"
                    .to_owned(),
                span,
                fatal: false,
            });
            return None;
        };
        let name_span = source::trimmed(self.text, span.start..span.start + colon);
        let name = &self.text[name_span.clone()];
        if name.is_empty() || !name.bytes().all(is_token_byte) {
            problems.push(Problem {
                message: format!("`{name}` is not a header name, so `{written}` is left out"),
                help: "write headers as `Name: value`, and leave a blank line before the body"
                    .to_owned(),
                span,
                fatal: false,
            });
            return None;
        }
        let value_span = source::trimmed(self.text, span.start + colon + 1..span.end);
        let mut value = Decoded::default();
        template::expand(
            &self.text[value_span.clone()],
            value_span.start,
            vars,
            &mut value,
            problems,
        );
        Some(Header {
            name: Spanned::new(name.to_owned(), name_span),
            value: Spanned::new(value.text, value_span),
            span,
        })
    }

    /// The body in lines `from..to` (after the blank line that ends the headers), if any.
    fn body(
        &self,
        from: usize,
        to: usize,
        vars: &Vars<'_>,
        problems: &mut Vec<Problem>,
    ) -> Result<Option<Body>, Problem> {
        let text = self.text;
        let to = (from..to).find(|&i| ends_body(self.line(i))).unwrap_or(to);
        let Some(first) = (from..to).find(|&i| !self.line(i).trim().is_empty()) else {
            return Ok(None);
        };
        let last = (first..to)
            .rev()
            .find(|&i| !self.line(i).trim().is_empty())
            .unwrap_or(first);
        if first == last
            && let Some((written, variables)) = file_reference(self.line(first))
        {
            let span = self.lines[first].trimmed(text);
            let written_at = self.lines[first].start + subslice_offset(self.line(first), written);
            let mut path = Decoded::default();
            template::expand(written, written_at, vars, &mut path, problems);
            if path.text.is_empty() {
                return Err(Problem {
                    message: "the body file reference `<` names no file".to_owned(),
                    help: "write `< ./body.json`, relative to this file's folder".to_owned(),
                    span,
                    fatal: true,
                });
            }
            let (mut content, path) = source::body_file(self.ctx, &path.text, span.clone())?;
            if variables {
                let mut expanded = Decoded::default();
                let mut found = Vec::new();
                template::expand(&content, 0, vars, &mut expanded, &mut found);
                problems.extend(found.into_iter().map(|p| Problem {
                    message: format!("in the body file: {}", p.message),
                    span: span.clone(),
                    ..p
                }));
                content = expanded.text;
            }
            return Ok(Some(Body {
                text: content,
                source: BodySource::File(path),
                span,
            }));
        }
        let start = self.lines[first].start;
        let end = self.lines[last].end;
        let mut body = Decoded::default();
        template::expand(&text[start..end], start, vars, &mut body, problems);
        let (text, map) = body.finish(end);
        Ok(Some(Body {
            text,
            source: BodySource::Inline(map),
            span: start..end,
        }))
    }
}

/// A comment line (trimmed): `# …` or `// …`.
fn is_comment(trimmed: &str) -> bool {
    trimmed.starts_with('#') || trimmed.starts_with("//")
}

/// A line that ends a body: a response handler (`> {% … %}`, `> ./handler.js`), a response
/// redirect (`>> file`, `>>! file`) or a response reference (`<> ./file`).
fn ends_body(line: &str) -> bool {
    line.starts_with("> ")
        || line.starts_with(">{%")
        || line.starts_with(">>")
        || line.starts_with("<> ")
}

/// `@name = value`: the name and the value (trimmed).
fn variable_definition(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_start().strip_prefix('@')?;
    let name_end = rest
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .unwrap_or(rest.len());
    let name = &rest[..name_end];
    let value = rest[name_end..].trim_start().strip_prefix('=')?;
    (!name.is_empty()).then(|| (name, value.trim()))
}

/// A body line `< ./file` (`false`) or `<@ ./file`, `<@latin1 ./file` (`true`: the file's
/// variables are resolved): the path as written.
fn file_reference(line: &str) -> Option<(&str, bool)> {
    let rest = line.trim().strip_prefix('<')?;
    if let Some(rest) = rest.strip_prefix('@') {
        // An optional encoding name, then the path.
        let path = match rest.find(char::is_whitespace) {
            Some(i) => rest[i..].trim(),
            None => return None,
        };
        return Some((path, true));
    }
    rest.starts_with(char::is_whitespace)
        .then(|| (rest.trim(), false))
}

/// Where `inner`, a slice of `outer`, starts in it.
fn subslice_offset(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// `text` without a final ` HTTP/1.1` (or any ` HTTP/…`).
fn without_version(text: &str) -> &str {
    match text.rsplit_once(char::is_whitespace) {
        Some((before, last)) if last.starts_with("HTTP/") => before.trim_end(),
        _ => text,
    }
}

/// A request line that is just a URL: `https://…`, `/path`, `{{host}}/path`, `localhost:8080/…`,
/// `example.com/path`.
fn looks_like_url(word: &str) -> bool {
    if word.ends_with(':') || word.is_empty() {
        return false;
    }
    if word.starts_with('/') || word.starts_with("{{") || word.contains("://") {
        return true;
    }
    let host = word.split(['/', '?']).next().unwrap_or_default();
    let (name, port) = host.split_once(':').unwrap_or((host, ""));
    port.bytes().all(|b| b.is_ascii_digit())
        && (name == "localhost" || name.contains('.'))
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
}

/// A byte of an HTTP token (a header name).
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// The names response handlers set for later requests: `client.global.set("name", …)`.
fn handler_globals(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (i, _) in text.match_indices("client.global.set(") {
        let rest = text[i + "client.global.set(".len()..].trim_start();
        let Some(quote) = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\'' | '`'))
        else {
            continue;
        };
        let rest = &rest[1..];
        if let Some(end) = rest.find(quote) {
            names.insert(rest[..end].to_owned());
        }
    }
    names
}
