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

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::source::{self, Line};
use crate::template::{self, Decoded, Dialect, FileVar, Vars};
use crate::{Body, BodySource, Header, Item, Problem, RawRequest, ReadContext, Spanned};

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

/// The shared environment file, kept in version control.
pub const PUBLIC_ENV_FILE: &str = "http-client.env.json";

/// The private environment file (secrets), which overrides the shared one.
pub const PRIVATE_ENV_FILE: &str = "http-client.private.env.json";

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

/// Why an environment could not be loaded.
#[derive(Debug)]
pub enum EnvError {
    /// An environment file exists but could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// What reading it said.
        error: std::io::Error,
    },
    /// An environment file is not JSON.
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What the JSON parser said.
        message: String,
    },
    /// An environment file is JSON but not an object of environments, each an object of
    /// variables.
    Shape {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Neither file defines the environment.
    UnknownEnvironment {
        /// The environment asked for.
        name: String,
        /// The environments the files define (sorted; `$shared` left out).
        available: Vec<String>,
        /// The folder the files were looked for in.
        dir: PathBuf,
    },
}

impl fmt::Display for EnvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnvError::Io { path, error } => write!(f, "cannot read {}: {error}", path.display()),
            EnvError::Json {
                path,
                line,
                column,
                message,
            } => write!(f, "{}:{line}:{column}: not JSON: {message}", path.display()),
            EnvError::Shape { path, message } => write!(f, "{}: {message}", path.display()),
            EnvError::UnknownEnvironment {
                name,
                available,
                dir,
            } => {
                if available.is_empty() {
                    write!(
                        f,
                        "no environment `{name}`: neither {PUBLIC_ENV_FILE} nor \
                         {PRIVATE_ENV_FILE} in {} defines any",
                        dir.display()
                    )
                } else {
                    write!(
                        f,
                        "no environment `{name}` in {PUBLIC_ENV_FILE} or {PRIVATE_ENV_FILE} in \
                         {}; the environments are: {}",
                        dir.display(),
                        available.join(", ")
                    )
                }
            }
        }
    }
}

impl std::error::Error for EnvError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EnvError::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// The variables of environment `name`: from `http-client.env.json`, then
/// `http-client.private.env.json` (which overrides it), both in `dir` and either may be absent.
/// Each file's `$shared` environment (`JetBrains`) comes first, under the named one. Numbers and
/// booleans become their JSON text; objects, arrays and `null` (client settings such as
/// `SSLConfiguration`) are not variables and are left out.
pub fn load_env(dir: &Path, name: &str) -> Result<BTreeMap<String, String>, EnvError> {
    let mut files = Vec::new();
    for file in [PUBLIC_ENV_FILE, PRIVATE_ENV_FILE] {
        let path = dir.join(file);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => return Err(EnvError::Io { path, error }),
        };
        let json: serde_json::Value =
            serde_json::from_str(&text).map_err(|error| EnvError::Json {
                path: path.clone(),
                line: error.line(),
                column: error.column(),
                message: error.to_string(),
            })?;
        let serde_json::Value::Object(envs) = json else {
            return Err(EnvError::Shape {
                path,
                message: "the file is not an object of environments".to_owned(),
            });
        };
        files.push((path, envs));
    }
    let mut variables = BTreeMap::new();
    let mut found = false;
    for env_name in ["$shared", name] {
        for (path, envs) in &files {
            let Some(env) = envs.get(env_name) else {
                continue;
            };
            found |= env_name == name;
            let serde_json::Value::Object(values) = env else {
                return Err(EnvError::Shape {
                    path: path.clone(),
                    message: format!("the environment `{env_name}` is not an object of variables"),
                });
            };
            for (key, value) in values {
                let value = match value {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Number(n) => n.to_string(),
                    serde_json::Value::Bool(b) => b.to_string(),
                    _ => continue,
                };
                variables.insert(key.clone(), value);
            }
        }
    }
    if !found {
        let available: BTreeSet<String> = files
            .iter()
            .flat_map(|(_, envs)| envs.keys())
            .filter(|k| !k.starts_with('$'))
            .cloned()
            .collect();
        return Err(EnvError::UnknownEnvironment {
            name: name.to_owned(),
            available: available.into_iter().collect(),
            dir: dir.to_path_buf(),
        });
    }
    Ok(variables)
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

    /// Reads `text` and checks every request's spans and body map.
    fn read_checked(text: &str, ctx: &ReadContext) -> Vec<Item> {
        let items = read(text, ctx);
        for r in requests(&items) {
            check_request(text, r);
            for h in &r.headers {
                assert_eq!(&text[h.name.span.clone()], h.name.value);
                assert!(text[h.span.clone()].starts_with(&text[h.name.span.clone()]));
                assert!(text[h.span.clone()].ends_with(&text[h.value.span.clone()]));
            }
        }
        items
    }

    fn span_of(text: &str, needle: &str) -> std::ops::Range<usize> {
        let start = text.find(needle).unwrap();
        start..start + needle.len()
    }

    fn inline_map(body: &Body) -> &crate::OffsetMap {
        match &body.source {
            BodySource::Inline(map) => map,
            BodySource::File(path) => panic!("a file body: {}", path.display()),
        }
    }

    const SYNERISE: &str = "### custom event
POST https://api.snrs.com/v4/events/custom
Authorization: Bearer {{token}}
Api-Version: 4.4
Content-Type: application/json

{\"action\":\"dog.bark\",\"label\":\"bark\",\"client\":{\"customId\":\"c-1\"}}
";

    #[test]
    fn the_synerise_example_is_read_with_its_spans() {
        let items = read_checked(SYNERISE, &ctx(&[("token", "abc")]));
        let [Item::Request(r)] = items.as_slice() else {
            panic!("{items:?}")
        };
        assert_eq!(r.ordinal, 1);
        assert_eq!(r.method.value, "POST");
        assert_eq!(r.method.span, span_of(SYNERISE, "POST"));
        assert_eq!(r.url.value, "https://api.snrs.com/v4/events/custom");
        assert_eq!(
            r.url.span,
            span_of(SYNERISE, "https://api.snrs.com/v4/events/custom")
        );
        let names: Vec<&str> = r.headers.iter().map(|h| h.name.value.as_str()).collect();
        assert_eq!(names, ["Authorization", "Api-Version", "Content-Type"]);
        assert_eq!(r.headers[0].value.value, "Bearer abc");
        assert_eq!(
            r.headers[0].span,
            span_of(SYNERISE, "Authorization: Bearer {{token}}")
        );
        assert_eq!(
            r.headers[0].value.span,
            span_of(SYNERISE, "Bearer {{token}}")
        );
        let body = r.body.as_ref().unwrap();
        assert!(body.text.starts_with("{\"action\"") && body.text.ends_with("}}"));
        assert_eq!(&SYNERISE[body.span.clone()], body.text);
        assert_eq!(
            *inline_map(body),
            crate::OffsetMap::shifted(body.span.start, body.text.len())
        );
        assert_eq!(r.span, SYNERISE.find("POST").unwrap()..body.span.end);
        assert!(r.problems.is_empty());
    }

    #[test]
    fn requests_are_separated_comments_skipped_and_methods_defaulted() {
        let text = "# a comment before anything
// another
GET https://h/one HTTP/1.1
Accept: */*

### second
# comment between
post /two
# comment among headers
X-A: 1

body two

###

https://h/three
";
        let items = read_checked(text, &ReadContext::default());
        let reqs = requests(&items);
        assert_eq!(reqs.len(), 3);
        assert_eq!(
            reqs.iter().map(|r| r.ordinal).collect::<Vec<_>>(),
            [1, 2, 3]
        );
        assert_eq!(reqs[0].url.value, "https://h/one");
        assert_eq!(reqs[0].url.span, span_of(text, "https://h/one"));
        assert!(reqs[0].body.is_none());
        assert_eq!(
            reqs[0].span,
            span_of(text, "GET https://h/one HTTP/1.1\nAccept: */*")
        );
        assert_eq!(reqs[1].method.value, "POST");
        assert_eq!(reqs[1].method.span, span_of(text, "post"));
        assert_eq!(reqs[1].headers.len(), 1);
        assert_eq!(reqs[1].body.as_ref().unwrap().text, "body two");
        assert_eq!(reqs[2].method.value, "GET");
        assert_eq!(reqs[2].method.span, reqs[2].url.span);
        assert_eq!(reqs[2].url.value, "https://h/three");
    }

    #[test]
    fn file_variables_then_the_environment_resolve_and_map_to_their_braces() {
        let text = "@host = https://api.example.com
@auth = Bearer {{secret}}
@host2 = {{host}}/v2

POST {{host2}}/events
Authorization: {{auth}}

{\"id\": \"{{id}}\", \"n\": 1}
";
        let items = read_checked(
            text,
            &ctx(&[("secret", "s3"), ("id", "u-1"), ("host", "ignored")]),
        );
        let r = requests(&items)[0];
        assert_eq!(r.url.value, "https://api.example.com/v2/events");
        assert_eq!(r.url.span, span_of(text, "{{host2}}/events"));
        assert_eq!(r.headers[0].value.value, "Bearer s3");
        let body = r.body.as_ref().unwrap();
        assert_eq!(body.text, "{\"id\": \"u-1\", \"n\": 1}");
        let map = inline_map(body);
        let braces = text.find("{{id}}").unwrap();
        for i in 8..11 {
            assert_eq!(map.file_offset(i), braces);
        }
        assert_eq!(map.file_range(8..11), braces..braces + "{{id}}".len());
        assert_eq!(map.file_offset(11), braces + "{{id}}".len());
        assert!(r.problems.is_empty(), "{:?}", r.problems);
    }

    #[test]
    fn dynamic_variables_resolve_from_the_clock_and_fixed_values() {
        let text = "POST https://h/e?t={{$timestamp}}
X-Id: {{$uuid}}
X-Rid: {{$random.uuid}}
X-Int: {{$randomInt}}

{\"at\":\"{{$isoTimestamp}}\"}
";
        let with_clock = ReadContext {
            now_unix_ms: Some(1_767_225_600_123),
            ..ReadContext::default()
        };
        let items = read_checked(text, &with_clock);
        let r = requests(&items)[0];
        assert_eq!(r.url.value, "https://h/e?t=1767225600");
        assert_eq!(r.headers[0].value.value, template::FIXED_UUID);
        assert_eq!(r.headers[1].value.value, template::FIXED_UUID);
        assert_eq!(r.headers[2].value.value, template::FIXED_RANDOM_INT);
        assert_eq!(
            r.body.as_ref().unwrap().text,
            "{\"at\":\"2026-01-01T00:00:00Z\"}"
        );
        assert!(r.problems.is_empty());

        let items = read_checked(text, &ReadContext::default());
        let r = requests(&items)[0];
        assert_eq!(r.url.value, "https://h/e?t={{$timestamp}}");
        assert_eq!(
            r.body.as_ref().unwrap().text,
            "{\"at\":\"{{$isoTimestamp}}\"}"
        );
        let spans: Vec<_> = r.problems.iter().map(|p| p.span.clone()).collect();
        assert_eq!(
            spans,
            [
                span_of(text, "{{$timestamp}}"),
                span_of(text, "{{$isoTimestamp}}")
            ]
        );
        assert!(r.problems.iter().all(|p| !p.fatal));
    }

    #[test]
    fn an_unresolved_variable_stays_literal_and_is_reported_at_its_bytes() {
        let items = read_checked(SYNERISE, &ReadContext::default());
        let r = requests(&items)[0];
        assert_eq!(r.headers[0].value.value, "Bearer {{token}}");
        let [problem] = r.problems.as_slice() else {
            panic!("{:?}", r.problems)
        };
        assert!(!problem.fatal);
        assert_eq!(problem.span, span_of(SYNERISE, "{{token}}"));
        assert!(
            problem
                .message
                .starts_with("`{{token}}` is not defined in the environment")
        );
        assert!(problem.help.contains("http-client.env.json") && problem.help.contains("--env"));

        let text = "POST /e\n\n{\"a\": \"{{nope}}\", \"b\": {{ $what }}}";
        let items = read_checked(text, &ReadContext::default());
        let r = requests(&items)[0];
        let body = r.body.as_ref().unwrap();
        assert_eq!(body.text, "{\"a\": \"{{nope}}\", \"b\": {{ $what }}}");
        assert_eq!(r.problems.len(), 2);
        assert_eq!(r.problems[1].span, span_of(text, "{{ $what }}"));
        assert!(r.problems[1].message.contains("not a dynamic variable"));
    }

    #[test]
    fn a_variable_set_by_a_response_handler_is_reported_as_known_at_run_time() {
        let text = "POST /login\n\n{}\n\n> {%\n  client.global.set(\"token\", response.body.t);\n%}\n\n###\nGET /me\nAuthorization: Bearer {{token}}\n";
        let items = read_checked(text, &ReadContext::default());
        let reqs = requests(&items);
        assert_eq!(reqs[0].body.as_ref().unwrap().text, "{}");
        assert!(reqs[1].problems[0].message.contains("at run time"));
    }

    /// A folder of its own under the system's temporary folder, removed when dropped.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> Self {
            let dir = std::env::temp_dir().join(format!(
                "eventlint-request-http-{}-{name}",
                std::process::id()
            ));
            std::fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn a_body_file_is_read_and_a_missing_one_is_fatal_for_its_request_only() {
        let dir = TempDir::new("body-file");
        std::fs::write(dir.0.join("event.json"), "{\"action\":\"x\"}\n").unwrap();
        std::fs::write(dir.0.join("tpl.json"), "{\"id\":\"{{id}}\"}").unwrap();
        let text = "POST /a\nContent-Type: application/json\n\n< ./event.json\n\n###\nPOST /b\n\n< ./missing.json\n\n###\nPOST /c\n\n<@ ./tpl.json\n";
        let ctx = ReadContext {
            base_dir: dir.0.clone(),
            variables: [("id".to_owned(), "7".to_owned())].into(),
            ..ReadContext::default()
        };
        let items = read_checked(text, &ctx);
        assert_eq!(items.len(), 3);
        let Item::Request(a) = &items[0] else {
            panic!("{:?}", items[0])
        };
        let body = a.body.as_ref().unwrap();
        assert_eq!(body.text, "{\"action\":\"x\"}\n");
        assert_eq!(body.source, BodySource::File(dir.0.join("./event.json")));
        assert_eq!(body.span, span_of(text, "< ./event.json"));
        let Item::Problem(missing) = &items[1] else {
            panic!("{:?}", items[1])
        };
        assert!(missing.fatal);
        assert_eq!(missing.span, span_of(text, "< ./missing.json"));
        assert!(missing.message.contains("missing.json"));
        let Item::Request(c) = &items[2] else {
            panic!("{:?}", items[2])
        };
        assert_eq!(c.ordinal, 3);
        assert_eq!(c.body.as_ref().unwrap().text, "{\"id\":\"7\"}");
    }

    #[test]
    fn a_multi_line_url_is_joined_and_spanned_whole() {
        let text = "GET https://h/search\n    ?q={{q}}\n    &page=2\nAccept: x\n";
        let items = read_checked(text, &ctx(&[("q", "dog")]));
        let r = requests(&items)[0];
        assert_eq!(r.url.value, "https://h/search?q=dog&page=2");
        assert_eq!(
            r.url.span,
            span_of(text, "https://h/search\n    ?q={{q}}\n    &page=2")
        );
        assert_eq!(r.headers.len(), 1);
    }

    #[test]
    fn a_crlf_file_keeps_its_bytes_in_the_body() {
        let text =
            "POST /e\r\nContent-Type: application/json\r\n\r\n{\r\n  \"a\": \"{{v}}\"\r\n}\r\n\r\n";
        let items = read_checked(text, &ctx(&[("v", "1")]));
        let r = requests(&items)[0];
        assert_eq!(r.headers[0].value.value, "application/json");
        assert_eq!(
            r.headers[0].span,
            span_of(text, "Content-Type: application/json")
        );
        let body = r.body.as_ref().unwrap();
        assert_eq!(body.text, "{\r\n  \"a\": \"1\"\r\n}");
        assert_eq!(body.span, span_of(text, "{\r\n  \"a\": \"{{v}}\"\r\n}"));
    }

    #[test]
    fn a_response_handler_ends_the_body() {
        let text = "POST /e\n\n{\"a\":1}\n\n> {%\n  client.test(\"ok\", () => {});\n%}\n<> ./previous.json\n";
        let items = read_checked(text, &ReadContext::default());
        let r = requests(&items)[0];
        assert_eq!(r.body.as_ref().unwrap().text, "{\"a\":1}");
        assert_eq!(r.span.end, span_of(text, "{\"a\":1}").end);

        let text = "POST /e\n\n{\"a\":1}\n> ./handler.js\n";
        let items = read_checked(text, &ReadContext::default());
        assert_eq!(requests(&items)[0].body.as_ref().unwrap().text, "{\"a\":1}");
    }

    #[test]
    fn a_request_without_a_request_line_is_a_fatal_problem_and_the_next_is_read() {
        let text = "Content-Type: x\n\n{}\n###\nFETCH https://h/x\n###\nGET\n###\nGET /ok\n";
        let items = read_checked(text, &ReadContext::default());
        assert_eq!(items.len(), 4);
        let Item::Problem(p) = &items[0] else {
            panic!("{:?}", items[0])
        };
        assert!(p.fatal);
        assert_eq!(p.span, span_of(text, "Content-Type: x"));
        let Item::Problem(p) = &items[1] else {
            panic!("{:?}", items[1])
        };
        assert_eq!(p.span, span_of(text, "FETCH"));
        assert!(p.message.contains("not an HTTP method"));
        assert!(matches!(&items[2], Item::Problem(p) if p.message.contains("no URL")));
        let Item::Request(r) = &items[3] else {
            panic!("{:?}", items[3])
        };
        assert_eq!((r.ordinal, r.url.value.as_str()), (4, "/ok"));
    }

    #[test]
    fn a_header_without_a_colon_is_dropped_and_reported() {
        let text = "GET /x\nAccept: a\nnot a header\nX-B: b\n";
        let items = read_checked(text, &ReadContext::default());
        let r = requests(&items)[0];
        assert_eq!(r.headers.len(), 2);
        let [p] = r.problems.as_slice() else {
            panic!("{:?}", r.problems)
        };
        assert!(!p.fatal);
        assert_eq!(p.span, span_of(text, "not a header"));
    }

    #[test]
    fn environments_load_with_overrides_and_clear_errors() {
        let dir = TempDir::new("env");
        std::fs::write(
            dir.0.join(PUBLIC_ENV_FILE),
            r#"{"$shared": {"v": "shared"}, "dev": {"token": "public", "n": 3, "b": true, "ssl": {}}, "prod": {}}"#,
        )
        .unwrap();
        std::fs::write(
            dir.0.join(PRIVATE_ENV_FILE),
            r#"{"dev": {"token": "private"}, "local": {}}"#,
        )
        .unwrap();
        let vars = load_env(&dir.0, "dev").unwrap();
        let expected: BTreeMap<String, String> = [
            ("b", "true"),
            ("n", "3"),
            ("token", "private"),
            ("v", "shared"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        assert_eq!(vars, expected);
        assert!(load_env(&dir.0, "local").is_ok());

        let error = load_env(&dir.0, "staging").unwrap_err();
        let EnvError::UnknownEnvironment { available, .. } = &error else {
            panic!("{error:?}")
        };
        assert_eq!(available, &["dev", "local", "prod"]);
        assert!(error.to_string().contains("dev, local, prod"));

        std::fs::write(dir.0.join(PRIVATE_ENV_FILE), "{\n  \"dev\": {,}\n}").unwrap();
        let error = load_env(&dir.0, "dev").unwrap_err();
        let EnvError::Json {
            path, line, column, ..
        } = &error
        else {
            panic!("{error:?}")
        };
        assert_eq!(
            (path, *line, *column),
            (&dir.0.join(PRIVATE_ENV_FILE), 2, 11)
        );

        let empty = TempDir::new("env-empty");
        assert!(matches!(
            load_env(&empty.0, "dev"),
            Err(EnvError::UnknownEnvironment { available, .. }) if available.is_empty()
        ));
    }

    #[test]
    fn no_input_makes_the_reader_panic() {
        let ctx = ctx(&[("token", "t"), ("host", "https://h")]);
        let inputs = [
            SYNERISE,
            "@host = https://h\nGET {{host}}/x\n    ?a=1\n    &b={{$uuid}}\nX: {{nope}}\n\n< ./nope.json\n",
            "POST /e\r\nA: b\r\n\r\n{\r\n}\r\n> {%\r\n%}\r\n###\r\nContent-Type: x\r\n",
            "GET /x\nnot a header\n\n{{",
            "é\n###é\n@é=é{{é}}\npost é",
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
