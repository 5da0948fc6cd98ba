//! eventlint-request: read the HTTP requests people keep (`.http`/`.rest` files, curl command
//! lines, Hurl files, HAR captures, eventlint's own `*.requests.ndjson` log) into [`RawRequest`]s
//! that remember where every part is in the file: the method, the URL, each header's name and
//! value, and the body, whose decoded text maps back to file bytes through an [`OffsetMap`] (shell
//! quoting, JSON string escapes).
//!
//! This crate knows nothing of vendors or rules: it only reads. `eventlint-core` checks what it
//! reads (routes, transport rules, the body pipeline) and the CLI chooses the reader by extension.
//!
//! Why hand-written readers: the maintained crates for these formats (`shell-words`/`shlex` for
//! shell quoting, `har` for HAR, `hurl_core` for Hurl, `http` for requests) keep no byte offsets,
//! and every finding here must point at the exact bytes of the file the user has. Where a crate
//! does the decoding and offsets can be recovered around it, it is used (`jsonc-parser`, which
//! keeps ranges, parses each HAR entry whose byte range the streaming scanner found).

#![deny(missing_docs)]

use std::ops::Range;
use std::path::PathBuf;

pub mod curl;
pub mod har;
pub mod http;
pub mod hurl;
pub mod json_string;
pub mod offsets;
pub mod requests;
mod shell;
mod source;
mod template;

pub use offsets::OffsetMap;

/// The formats a request can be read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// The HTTP Client of `JetBrains` IDEs and VS Code's REST Client: files (`.http`, `.rest`).
    Http,
    /// curl command lines (`.curl`), POSIX shell or Windows `cmd` quoting.
    Curl,
    /// Hurl files (`.hurl`): their request sections.
    Hurl,
    /// HAR 1.2 captures (`.har`).
    Har,
    /// eventlint's own request log, one JSON request per line (`*.requests.ndjson`).
    Requests,
}

impl Format {
    /// The format a file name says, by its extension (`None` for a body file: `.json`, …).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".requests.ndjson") {
            return Some(Format::Requests);
        }
        let ext = lower.rsplit_once('.').map(|(_, e)| e)?;
        Some(match ext {
            "http" | "rest" => Format::Http,
            "curl" => Format::Curl,
            "hurl" => Format::Hurl,
            "har" => Format::Har,
            _ => return None,
        })
    }

    /// The name `--input-format` takes for it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Http => "http",
            Format::Curl => "curl",
            Format::Hurl => "hurl",
            Format::Har => "har",
            Format::Requests => "requests",
        }
    }
}

/// Reads `text` as `format`: the reader of each format, for a file read whole (a HAR can also
/// be streamed with [`har::Entries`]).
#[must_use]
pub fn read(format: Format, text: &str, ctx: &ReadContext) -> Vec<Item> {
    match format {
        Format::Http => http::read(text, ctx),
        Format::Curl => curl::read(text, ctx),
        Format::Hurl => hurl::read(text, ctx),
        Format::Har => har::read(text, ctx),
        Format::Requests => requests::read(text, ctx),
    }
}

/// A text and the bytes of the file it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value, decoded (quotes removed, escapes and variables resolved).
    pub value: T,
    /// Where it is written in the file.
    pub span: Range<usize>,
}

impl<T> Spanned<T> {
    /// `value` written at `span`.
    pub fn new(value: T, span: Range<usize>) -> Self {
        Spanned { value, span }
    }
}

/// One header as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The name, as written (case kept).
    pub name: Spanned<String>,
    /// The value, decoded, without surrounding whitespace.
    pub value: Spanned<String>,
    /// The whole header (`Name: value`, or curl's `-H '…'` argument).
    pub span: Range<usize>,
}

/// Where a body's text comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodySource {
    /// Written in the file read; the map takes body bytes to file bytes.
    Inline(OffsetMap),
    /// Read from another file (`< ./body.json`, `-d @body.json`): the body's bytes are that
    /// file's bytes. The span of the reference is [`Body::span`].
    File(PathBuf),
}

/// A request's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Body {
    /// The body's text, as sent.
    pub text: String,
    /// Where the text is.
    pub source: BodySource,
    /// Where the body (or the reference to its file) is written in the file read.
    pub span: Range<usize>,
}

/// One request, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawRequest {
    /// 1-based place of the request in its file (for a HAR, the entry's index + 1).
    pub ordinal: usize,
    /// The method, upper-cased as sent (`GET` when the format defaults to it; its span is then
    /// the URL's).
    pub method: Spanned<String>,
    /// The URL or path, as sent (variables resolved): `https://host/path?query` or `/path?query`.
    pub url: Spanned<String>,
    /// The headers, in order (curl's `-u` becomes `Authorization: Basic …`, `--json` its two
    /// headers, each spanned at the option that makes it).
    pub headers: Vec<Header>,
    /// The body, if any.
    pub body: Option<Body>,
    /// The whole request in the file.
    pub span: Range<usize>,
    /// What the reader noticed but could still read past (an unresolved `{{variable}}`, an
    /// unknown curl option), reported with the request.
    pub problems: Vec<Problem>,
    /// HAR only: the capture strips credentials (browsers do by default), so a missing
    /// `Authorization` says nothing.
    pub credentials_stripped: bool,
    /// Request log only (`"credentials": "masked"`, as `eventlint serve --log` writes it): the
    /// values of the credential headers and query parameters are masked (their first
    /// characters, then a `*` per byte), so a present credential's value says nothing, as a
    /// stripped one's absence says nothing.
    pub credentials_masked: bool,
}

/// What a reader could not read, at its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What went wrong; names the part (`unbalanced single quote in the curl command`).
    pub message: String,
    /// What to do.
    pub help: String,
    /// Where, in the file read.
    pub span: Range<usize>,
    /// `true` when nothing of the request could be read (no request line, unbalanced quote);
    /// `false` for a problem reported beside a request that was still read.
    pub fatal: bool,
}

/// What a reader yields, in file order: a request, or a problem where a request should have been.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A request that was read.
    Request(RawRequest),
    /// A part of the file that is not a request (it is reported and the next one is read).
    Problem(Problem),
}

/// What a reader may need beside the text.
#[derive(Clone, Debug, Default)]
pub struct ReadContext {
    /// The folder of the file read: `@file` and `< ./file` bodies are relative to it.
    pub base_dir: PathBuf,
    /// `.http` variables (`{{name}}`), from `http-client.env.json` and
    /// `http-client.private.env.json` for the environment `--env` names.
    pub variables: std::collections::BTreeMap<String, String>,
    /// The clock, in Unix milliseconds, for `.http` dynamic variables (`{{$timestamp}}`,
    /// `{{$isoTimestamp}}`); `None` leaves them unresolved (reported).
    pub now_unix_ms: Option<i64>,
}
