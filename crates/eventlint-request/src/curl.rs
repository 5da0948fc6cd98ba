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

use std::ops::Range;
use std::path::PathBuf;

use base64::Engine as _;

use crate::shell::{self, Command, Dialect, Ending, Word};
use crate::{Body, BodySource, Header, Item, OffsetMap, Problem, RawRequest, ReadContext, Spanned};

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

/// What an option does with its value, if it takes one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opt {
    /// No value; nothing to read (`-s`, `--compressed`).
    Flag,
    /// A value that does not change the request (`-o out.json`, `--max-time 5`).
    Skip,
    /// `-X`: the method.
    Method,
    /// `-H`: a header.
    Header,
    /// A body piece.
    Data(Data),
    /// `--json`: a body piece and the JSON headers.
    Json,
    /// `-u user:pass`: Basic authorization.
    User,
    /// `--url`.
    Url,
    /// `-G`: the data goes into the query.
    Get,
    /// `-I`: HEAD.
    Head,
    /// `-g`: no `\[`-style glob escapes in the URL.
    Globoff,
    /// A header made from the value (`-A`, `-e`, `-b`, `--oauth2-bearer`).
    Made(Made),
    /// A value that changes the request but is not read (`-F`, `-T`, `-K`): reported.
    Unread(&'static str),
}

/// The body options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Data {
    /// `-d`, `--data`, `--data-ascii`: `@file` is read without its CR and LF bytes.
    Ascii,
    /// `--data-binary`: `@file` is read as is.
    Binary,
    /// `--data-raw`, `--data-urlencode`: the value as given.
    Raw,
}

/// The options that make a header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Made {
    UserAgent,
    Referer,
    Cookie,
    Bearer,
}

/// A long option by its name (without `--`).
fn long(name: &str) -> Option<Opt> {
    Some(match name {
        "request" => Opt::Method,
        "header" => Opt::Header,
        "data" | "data-ascii" => Opt::Data(Data::Ascii),
        "data-binary" => Opt::Data(Data::Binary),
        "data-raw" | "data-urlencode" => Opt::Data(Data::Raw),
        "json" => Opt::Json,
        "user" => Opt::User,
        "url" => Opt::Url,
        "get" => Opt::Get,
        "head" => Opt::Head,
        "globoff" => Opt::Globoff,
        "user-agent" => Opt::Made(Made::UserAgent),
        "referer" => Opt::Made(Made::Referer),
        "cookie" => Opt::Made(Made::Cookie),
        "oauth2-bearer" => Opt::Made(Made::Bearer),
        "form" | "form-string" => Opt::Unread("a multipart form body (`-F`) is not read"),
        "upload-file" => Opt::Unread("an uploaded file (`-T`) is not read as the body"),
        "config" => Opt::Unread("the options in a config file (`-K`) are not read"),
        "url-query" => Opt::Unread("`--url-query` is not added to the URL"),
        "variable" | "expand-url" | "expand-data" | "expand-header" | "expand-json"
        | "expand-user" => Opt::Unread("curl's `--variable` expansion is not done"),
        "request-target" => Opt::Unread("`--request-target` is not read: the URL's path is kept"),
        "compressed"
        | "location"
        | "location-trusted"
        | "silent"
        | "show-error"
        | "fail"
        | "fail-with-body"
        | "fail-early"
        | "insecure"
        | "http0.9"
        | "http1.0"
        | "http1.1"
        | "http2"
        | "http2-prior-knowledge"
        | "http3"
        | "http3-only"
        | "verbose"
        | "include"
        | "show-headers"
        | "progress-bar"
        | "no-progress-meter"
        | "buffer"
        | "keepalive"
        | "sessionid"
        | "alpn"
        | "npn"
        | "tcp-nodelay"
        | "tcp-fastopen"
        | "path-as-is"
        | "raw"
        | "tr-encoding"
        | "ssl"
        | "ssl-reqd"
        | "tlsv1"
        | "tlsv1.0"
        | "tlsv1.1"
        | "tlsv1.2"
        | "tlsv1.3"
        | "sslv2"
        | "sslv3"
        | "ipv4"
        | "ipv6"
        | "netrc"
        | "netrc-optional"
        | "remote-name"
        | "remote-name-all"
        | "remote-header-name"
        | "remote-time"
        | "create-dirs"
        | "disable"
        | "disable-eprt"
        | "disable-epsv"
        | "digest"
        | "basic"
        | "ntlm"
        | "ntlm-wb"
        | "negotiate"
        | "anyauth"
        | "post301"
        | "post302"
        | "post303"
        | "proxy-insecure"
        | "proxytunnel"
        | "styled-output"
        | "trace-time"
        | "xattr"
        | "parallel"
        | "parallel-immediate"
        | "junk-session-cookies"
        | "list-only"
        | "append"
        | "manual"
        | "version"
        | "help"
        | "ignore-content-length"
        | "ssl-no-revoke"
        | "ssl-allow-beast"
        | "ssl-revoke-best-effort"
        | "ssl-auto-client-cert"
        | "cert-status"
        | "false-start"
        | "suppress-connect-headers"
        | "retry-connrefused"
        | "retry-all-errors"
        | "proxy-anyauth"
        | "proxy-basic"
        | "proxy-digest"
        | "proxy-ntlm"
        | "proxy-negotiate"
        | "proxy-http2"
        | "socks5-gssapi-nec"
        | "sasl-ir"
        | "crlf"
        | "use-ascii"
        | "doh-insecure"
        | "mptcp"
        | "skip-existing"
        | "remove-on-error"
        | "clobber"
        | "ca-native"
        | "proxy-ca-native"
        | "no-clobber"
        | "ftp-pasv"
        | "ftp-create-dirs"
        | "ftp-ssl-ccc"
        | "ftp-skip-pasv-ip"
        | "ftp-pret"
        | "ftp-ssl-control"
        | "disallow-username-in-url"
        | "no-buffer"
        | "no-keepalive"
        | "no-sessionid"
        | "no-alpn"
        | "no-npn" => Opt::Flag,
        "output"
        | "max-time"
        | "connect-timeout"
        | "write-out"
        | "retry"
        | "retry-delay"
        | "retry-max-time"
        | "proxy"
        | "proxy-user"
        | "cacert"
        | "capath"
        | "cert"
        | "key"
        | "key-type"
        | "cert-type"
        | "pass"
        | "cookie-jar"
        | "dump-header"
        | "range"
        | "continue-at"
        | "speed-limit"
        | "speed-time"
        | "limit-rate"
        | "max-filesize"
        | "max-redirs"
        | "resolve"
        | "connect-to"
        | "interface"
        | "dns-servers"
        | "doh-url"
        | "trace"
        | "trace-ascii"
        | "trace-config"
        | "stderr"
        | "telnet-option"
        | "time-cond"
        | "ftp-port"
        | "quote"
        | "unix-socket"
        | "abstract-unix-socket"
        | "ciphers"
        | "tls13-ciphers"
        | "pinnedpubkey"
        | "proxy-cacert"
        | "proxy-capath"
        | "proxy-cert"
        | "proxy-key"
        | "proxy-header"
        | "aws-sigv4"
        | "local-port"
        | "keepalive-time"
        | "keepalive-cnt"
        | "expect100-timeout"
        | "happy-eyeballs-timeout-ms"
        | "output-dir"
        | "preproxy"
        | "sasl-authzid"
        | "service-name"
        | "socks4"
        | "socks4a"
        | "socks5"
        | "socks5-hostname"
        | "noproxy"
        | "hostpubmd5"
        | "hostpubsha256"
        | "pubkey"
        | "krb"
        | "egd-file"
        | "random-file"
        | "mail-from"
        | "mail-rcpt"
        | "mail-auth"
        | "login-options"
        | "proto"
        | "proto-redir"
        | "proto-default"
        | "parallel-max"
        | "curves"
        | "ech"
        | "ip-tos"
        | "vlan-priority"
        | "etag-save"
        | "etag-compare"
        | "create-file-mode"
        | "max-time-ms"
        | "rate"
        | "netrc-file"
        | "alt-svc"
        | "hsts"
        | "ssl-sessions"
        | "proxy-service-name"
        | "delegation"
        | "crlfile"
        | "engine"
        | "ftp-account"
        | "ftp-alternative-to-user"
        | "ftp-method"
        | "ftp-ssl-ccc-mode"
        | "tftp-blksize"
        | "libcurl"
        | "ignore-content-length-ms" => Opt::Skip,
        _ => return None,
    })
}

/// A short option by its letter, with its long name (for messages).
fn short(c: char) -> Option<(&'static str, Opt)> {
    let name = match c {
        'X' => "request",
        'H' => "header",
        'd' => "data",
        'u' => "user",
        'G' => "get",
        'I' => "head",
        'g' => "globoff",
        'A' => "user-agent",
        'e' => "referer",
        'b' => "cookie",
        'F' => "form",
        'T' => "upload-file",
        'K' => "config",
        'o' => "output",
        'm' => "max-time",
        'w' => "write-out",
        'x' => "proxy",
        'U' => "proxy-user",
        'E' => "cert",
        'c' => "cookie-jar",
        'D' => "dump-header",
        'r' => "range",
        'C' => "continue-at",
        'Y' => "speed-limit",
        'y' => "speed-time",
        'z' => "time-cond",
        't' => "telnet-option",
        'P' => "ftp-port",
        'Q' => "quote",
        's' => "silent",
        'S' => "show-error",
        'v' => "verbose",
        'i' => "include",
        'L' => "location",
        'k' => "insecure",
        'f' => "fail",
        'N' => "no-buffer",
        '#' => "progress-bar",
        '0' => "http1.0",
        '1' => "tlsv1",
        '2' => "sslv2",
        '3' => "sslv3",
        '4' => "ipv4",
        '6' => "ipv6",
        'n' => "netrc",
        'j' => "junk-session-cookies",
        'l' => "list-only",
        'O' => "remote-name",
        'J' => "remote-header-name",
        'R' => "remote-time",
        'Z' => "parallel",
        'p' => "proxytunnel",
        'B' => "use-ascii",
        'a' => "append",
        'M' => "manual",
        'V' => "version",
        'h' => "help",
        'q' => "disable",
        _ => return None,
    };
    long(name).map(|opt| (name, opt))
}

/// A body piece, in option order.
#[derive(Debug)]
struct Piece {
    text: String,
    /// Where its bytes are: the value word, or the `@file` argument.
    origin: Origin,
    /// `--json` (pieces are joined without `&`).
    json: bool,
}

#[derive(Debug)]
enum Origin {
    Inline(Word),
    File { path: PathBuf, span: Range<usize> },
}

impl Origin {
    fn span(&self) -> Range<usize> {
        match self {
            Origin::Inline(word) => word.span.clone(),
            Origin::File { span, .. } => span.clone(),
        }
    }
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
    /// Reads the options after `curl`.
    fn options(&mut self, words: &[Word]) -> Result<(), Fatal> {
        let mut i = 1;
        while let Some(word) = words.get(i) {
            i += 1;
            let text = word.text.as_str();
            if let Some(body) = text.strip_prefix("--").filter(|b| !b.is_empty()) {
                let (name, attached) = match body.find('=') {
                    Some(eq) => (&body[..eq], Some(word.tail(2 + eq + 1))),
                    None => (body, None),
                };
                let opt = long(name).or_else(|| {
                    name.strip_prefix("no-")
                        .and_then(long)
                        .filter(|o| *o == Opt::Flag || *o == Opt::Globoff)
                        .map(|_| Opt::Flag)
                });
                let Some(opt) = opt else {
                    self.problems
                        .push(unknown(&format!("--{name}"), word.span.clone()));
                    continue;
                };
                if matches!(opt, Opt::Flag | Opt::Get | Opt::Head | Opt::Globoff) {
                    self.apply(opt, name, word.span.clone(), None)?;
                    continue;
                }
                let value = match attached {
                    Some(value) => value,
                    None => take_value(words, &mut i, &format!("--{name}"), word)?,
                };
                self.apply(opt, name, word.span.clone(), Some(value))?;
            } else if text.len() > 1 && text.starts_with('-') {
                for (at, c) in text.char_indices().skip(1) {
                    let Some((name, opt)) = short(c) else {
                        let end = word.range(at..at + c.len_utf8()).end;
                        self.problems
                            .push(unknown(&format!("-{c}"), word.span.start..end));
                        break;
                    };
                    if matches!(opt, Opt::Flag | Opt::Get | Opt::Head | Opt::Globoff) {
                        self.apply(opt, name, word.span.clone(), None)?;
                        continue;
                    }
                    let rest = at + c.len_utf8();
                    let value = if rest < text.len() {
                        word.tail(rest)
                    } else {
                        take_value(words, &mut i, &format!("-{c}"), word)?
                    };
                    self.apply(opt, name, word.span.clone(), Some(value))?;
                    break;
                }
            } else {
                self.urls
                    .push(Spanned::new(text.to_owned(), word.span.clone()));
            }
        }
        Ok(())
    }

    /// Does what option `name` (`opt`, written at `option`) says with its value.
    fn apply(
        &mut self,
        opt: Opt,
        name: &str,
        option: Range<usize>,
        value: Option<Word>,
    ) -> Result<(), Fatal> {
        let Some(value) = value else {
            match opt {
                Opt::Get => self.get = true,
                Opt::Head => self.head = true,
                Opt::Globoff => self.globoff = true,
                _ => {}
            }
            return Ok(());
        };
        let whole = option.start.min(value.span.start)..option.end.max(value.span.end);
        match opt {
            Opt::Flag | Opt::Get | Opt::Head | Opt::Globoff | Opt::Skip => {}
            Opt::Method => {
                let method = value.text.to_ascii_uppercase();
                if method != value.text {
                    self.problems.push(problem(
                        format!(
                            "curl sends the method as written (`{}`), and methods are case-sensitive",
                            value.text
                        ),
                        "write the method in upper case",
                        value.span.clone(),
                        false,
                    ));
                }
                self.method = Some(Spanned::new(method, value.span.clone()));
            }
            Opt::Header => self.header(&value),
            Opt::Data(data) => self.data(data, &value)?,
            Opt::Json => {
                self.data(Data::Binary, &value)?;
                if let Some(piece) = self.pieces.last_mut() {
                    piece.json = true;
                }
                for name in ["Content-Type", "Accept"] {
                    let made = ("application/json".to_owned(), option.clone());
                    self.made(name, made, &option, whole.clone());
                }
            }
            Opt::User => {
                if !value.text.contains(':') {
                    self.problems.push(problem(
                        "`-u` without a password: curl would ask for it".to_owned(),
                        "write `-u user:password`; the request is read with an empty password",
                        value.span.clone(),
                        false,
                    ));
                }
                let credentials = if value.text.contains(':') {
                    value.text.clone()
                } else {
                    format!("{}:", value.text)
                };
                let encoded = base64::engine::general_purpose::STANDARD.encode(credentials);
                let made = (format!("Basic {encoded}"), value.range(0..value.text.len()));
                self.made("Authorization", made, &option, whole);
            }
            Opt::Url => self
                .urls
                .push(Spanned::new(value.text.clone(), value.span.clone())),
            Opt::Made(made) => {
                let (header, content) = match made {
                    Made::UserAgent => ("User-Agent", value.text.clone()),
                    Made::Referer => ("Referer", value.text.trim_end_matches(";auto").to_owned()),
                    // Without `=`, the value names a cookie file to read: no header.
                    Made::Cookie if !value.text.contains('=') => return Ok(()),
                    Made::Cookie => ("Cookie", value.text.clone()),
                    Made::Bearer => ("Authorization", format!("Bearer {}", value.text)),
                };
                let made = (content, value.range(0..value.text.len()));
                self.made(header, made, &option, whole);
            }
            Opt::Unread(what) => self.problems.push(problem(
                format!("{what}: `--{name}` changes the request, and eventlint does not read it"),
                "lint what it sends another way: put the body in the command with `--data-raw`, or \
                 lint the body file itself",
                whole,
                false,
            )),
        }
        Ok(())
    }

    /// A header made by an option (`-u`, `--json`, `-A`, …): named at the option, its value
    /// spanned where it comes from (the option's value, or the option for `--json`'s), the
    /// header spanning both.
    fn made(
        &mut self,
        name: &str,
        (value, at): (String, Range<usize>),
        option: &Range<usize>,
        whole: Range<usize>,
    ) {
        let header = Header {
            name: Spanned::new(name.to_owned(), option.clone()),
            value: Spanned::new(value, at),
            span: whole,
        };
        self.headers.push((header, true));
    }

    /// `-H 'Name: value'`.
    fn header(&mut self, word: &Word) {
        let text = word.text.as_str();
        if let Some(file) = text.strip_prefix('@') {
            self.problems.push(problem(
                format!("the headers in `{file}` (`-H @file`) are not read"),
                "write the headers in the command, one `-H 'Name: value'` each",
                word.span.clone(),
                false,
            ));
            return;
        }
        let trim = |range: Range<usize>| -> Range<usize> {
            let piece = &text[range.clone()];
            let start = range.start + (piece.len() - piece.trim_start().len());
            start..range.start + piece.trim_end().len().max(start - range.start)
        };
        let (name, value) = match text.find(':') {
            Some(colon) => (trim(0..colon), Some(trim(colon + 1..text.len()))),
            None => match text.trim_end().strip_suffix(';') {
                // `Name;`: the header is sent with an empty value.
                Some(name) if !name.trim().is_empty() => (trim(0..name.len()), None),
                _ => {
                    self.problems.push(problem(
                        format!("the header `{text}` has no colon: curl does not send it"),
                        "write the header as `Name: value` (or `Name;` for an empty value)",
                        word.span.clone(),
                        false,
                    ));
                    return;
                }
            },
        };
        if name.is_empty() {
            self.problems.push(problem(
                format!("the header `{text}` has no name"),
                "write the header as `Name: value`",
                word.span.clone(),
                false,
            ));
            return;
        }
        let value = match value {
            // `Name:` with nothing after it removes the header curl would send.
            Some(value) if value.is_empty() => {
                self.removed.push(text[name].to_ascii_lowercase());
                return;
            }
            Some(value) => value,
            None => {
                let at = word.range(name.end..name.end).start;
                let header = Header {
                    name: Spanned::new(text[name.clone()].to_owned(), word.range(name)),
                    value: Spanned::new(String::new(), at..at),
                    span: word.span.clone(),
                };
                self.headers.push((header, false));
                return;
            }
        };
        let header = Header {
            name: Spanned::new(text[name.clone()].to_owned(), word.range(name)),
            value: Spanned::new(text[value.clone()].to_owned(), word.range(value)),
            span: word.span.clone(),
        };
        self.headers.push((header, false));
    }

    /// A body piece: the value, or the file it names with `@`.
    fn data(&mut self, data: Data, word: &Word) -> Result<(), Fatal> {
        let file = match data {
            Data::Raw => None,
            Data::Ascii | Data::Binary => word.text.strip_prefix('@'),
        };
        let Some(file) = file else {
            self.pieces.push(Piece {
                text: word.text.clone(),
                origin: Origin::Inline(word.clone()),
                json: false,
            });
            return Ok(());
        };
        if file == "-" {
            return Err(Box::new(problem(
                "the body is read from standard input (`@-`), which eventlint does not have"
                    .to_owned(),
                "put the body in a file and name it (`-d @body.json`), or write it in the command",
                word.span.clone(),
                true,
            )));
        }
        let path = self.ctx.base_dir.join(file);
        let text = match std::fs::read(&path) {
            Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
                Box::new(problem(
                    format!("the body file `{file}` is not UTF-8 text"),
                    "eventlint lints text bodies: save the file as UTF-8",
                    word.span.clone(),
                    true,
                ))
            })?,
            Err(error) => {
                let message = if error.kind() == std::io::ErrorKind::NotFound {
                    format!("the body file `{file}` does not exist")
                } else {
                    format!("the body file `{file}` cannot be read: {error}")
                };
                return Err(Box::new(problem(
                    message,
                    "`@file` is read relative to the folder of the .curl file; fix the name, or \
                     use `--data-raw` if the body really starts with `@`",
                    word.span.clone(),
                    true,
                )));
            }
        };
        let text = match data {
            // curl strips carriage returns and newlines from a `-d @file`.
            Data::Ascii => text.replace(['\r', '\n'], ""),
            Data::Binary | Data::Raw => text,
        };
        self.pieces.push(Piece {
            text,
            origin: Origin::File {
                path,
                span: word.span.clone(),
            },
            json: false,
        });
        Ok(())
    }

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
        })
    }

    /// The body: the pieces joined (`&` between `-d` pieces, nothing between `--json` ones).
    fn body(&mut self) -> Option<Body> {
        let pieces = std::mem::take(&mut self.pieces);
        let first = pieces.first()?;
        let last = pieces.last()?;
        let span = first.origin.span().start..last.origin.span().end;
        if let [
            Piece {
                text,
                origin: Origin::File { path, span },
                ..
            },
        ] = pieces.as_slice()
        {
            return Some(Body {
                text: text.clone(),
                source: BodySource::File(path.clone()),
                span: span.clone(),
            });
        }
        let mut text = String::new();
        let mut map = OffsetMap::new();
        let mut end = span.start;
        for (n, piece) in pieces.iter().enumerate() {
            if n > 0 && !(piece.json && pieces[n - 1].json) {
                // The `&` curl puts between two pieces maps to where the first one ends (its
                // range runs to the second): each piece's own range stays exact.
                map.push(text.len(), end);
                text.push('&');
            }
            match &piece.origin {
                Origin::Inline(word) => {
                    for (i, src) in word.src.iter().enumerate() {
                        map.push(text.len() + i, src.0);
                    }
                    end = word.at(word.text.len());
                }
                // A file's bytes are not in the file read: they map to the `@file` argument.
                Origin::File { span, .. } => {
                    for i in 0..piece.text.len() {
                        map.push(text.len() + i, span.start);
                    }
                    end = span.end;
                }
            }
            text.push_str(&piece.text);
        }
        map.finish(text.len(), end);
        Some(Body {
            text,
            source: BodySource::Inline(map),
            span,
        })
    }
}

/// The value of the option in `word`, from the next word; a missing value is fatal.
fn take_value(words: &[Word], i: &mut usize, name: &str, word: &Word) -> Result<Word, Fatal> {
    match words.get(*i) {
        Some(value) => {
            *i += 1;
            Ok(value.clone())
        }
        None => Err(Box::new(problem(
            format!("the curl option `{name}` has no value"),
            "give the option its value, or remove it (curl refuses the command)",
            word.span.clone(),
            true,
        ))),
    }
}

fn unknown(name: &str, span: Range<usize>) -> Problem {
    problem(
        format!("unknown curl option `{name}`"),
        "check the spelling (`curl --help all` lists the options); eventlint reads on past it",
        span,
        false,
    )
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

#[cfg(test)]
mod tests {
    use super::read;
    use crate::{BodySource, Item, Problem, RawRequest, ReadContext};

    fn items(text: &str) -> Vec<Item> {
        read(text, &ReadContext::default())
    }

    fn request(text: &str) -> RawRequest {
        let mut items = items(text);
        assert_eq!(items.len(), 1, "{items:#?}");
        match items.remove(0) {
            Item::Request(request) => request,
            Item::Problem(problem) => panic!("not read: {problem:#?}"),
        }
    }

    fn fatal(text: &str) -> Problem {
        match items(text).as_slice() {
            [Item::Problem(problem)] => {
                assert!(problem.fatal);
                problem.clone()
            }
            other => panic!("expected one problem: {other:#?}"),
        }
    }

    fn headers(request: &RawRequest) -> Vec<(&str, &str)> {
        request
            .headers
            .iter()
            .map(|h| (h.name.value.as_str(), h.value.value.as_str()))
            .collect()
    }

    /// Every header's spans slice the file to its name and value (as written: `value` when it
    /// has no escapes), and its whole span is its `-H` argument.
    fn assert_header_spans(text: &str, request: &RawRequest) {
        for header in &request.headers {
            assert_eq!(&text[header.name.span.clone()], header.name.value);
            assert_eq!(&text[header.value.span.clone()], header.value.value);
            let word = &text[header.span.clone()];
            assert!(word.contains(&header.name.value), "{word}");
        }
    }

    /// Each body byte maps to the same byte in the file, or to the first byte of the escape that
    /// wrote it (one of `escapes`).
    fn assert_body_map(text: &str, request: &RawRequest, escapes: &[u8]) {
        let body = request.body.as_ref().expect("a body");
        let BodySource::Inline(map) = &body.source else {
            panic!("an inline body");
        };
        for (i, &byte) in body.text.as_bytes().iter().enumerate() {
            let at = map.file_offset(i);
            let written = text.as_bytes()[at];
            assert!(
                written == byte || escapes.contains(&written),
                "body byte {i} ({:?}) maps to {at} ({:?})",
                char::from(byte),
                char::from(written),
            );
        }
        let range = map.file_range(0..body.text.len());
        assert!(range.start >= body.span.start && range.end <= body.span.end);
    }

    const SNRS: &str = r#"curl -X POST "https://api.snrs.com/v4/events/custom" \
  -H 'Authorization: Bearer $access_token' \
  -H 'Api-Version: 4.4' \
  -H 'Content-Type: application/json' \
  -d '{"action":"dog.bark","label":"bark","client":{"customId":"c-1"}}'
"#;

    const SALEMOVE: &str = "curl --request POST --url https://api.salemove.com/engagements/123/events --header 'Accept: application/vnd.salemove.v1+json' --header 'Authorization: Token abc' --data-raw '{\"type\":\"custom\",\"content\":\"x\"}'";

    const CMD: &str = r#"curl ^"https://example.com/v1/events^" -H ^"content-type: application/json^" --data-raw ^"^{^\^"a^\^":1^}^""#;

    /// As Chrome's "Copy as cURL (bash)" writes a body with a quote, a JSON escape and a `!`.
    const CHROME_BASH: &str = r#"curl 'https://api.example.com/v1/events?x=1' \
  -H 'accept: */*' \
  -H 'content-type: application/json' \
  --data-raw $'{"label":"it\'s","note":"a\\nb","w":"hi\u0021"}' \
  --compressed
"#;

    /// As Chrome's "Copy as cURL (cmd)" writes a multi-line command.
    const CHROME_CMD: &str = "curl ^\"https://api.example.com/v1/events^\" ^\r\n  -H ^\"accept: */*^\" ^\r\n  -H ^\"content-type: application/json^\" ^\r\n  --data-raw ^\"^{^\\^\"label^\\^\":^\\^\"50^% off ^%^a^\\^\",^\\^\"path^\\^\":^\\^\"C:^\\^\\x^\\^\"^}^\" ^\r\n  --compressed\r\n";

    #[test]
    fn the_synerise_example_reads_exactly() {
        let request = request(SNRS);
        assert_eq!(request.ordinal, 1);
        assert_eq!(request.method.value, "POST");
        assert_eq!(&SNRS[request.method.span.clone()], "POST");
        assert_eq!(request.url.value, "https://api.snrs.com/v4/events/custom");
        assert_eq!(
            &SNRS[request.url.span.clone()],
            "\"https://api.snrs.com/v4/events/custom\""
        );
        assert_eq!(
            headers(&request),
            [
                ("Authorization", "Bearer $access_token"),
                ("Api-Version", "4.4"),
                ("Content-Type", "application/json"),
            ]
        );
        assert_header_spans(SNRS, &request);
        assert_eq!(
            &SNRS[request.headers[0].span.clone()],
            "'Authorization: Bearer $access_token'"
        );
        let body = request.body.as_ref().unwrap();
        assert_eq!(
            body.text,
            r#"{"action":"dog.bark","label":"bark","client":{"customId":"c-1"}}"#
        );
        let BodySource::Inline(map) = &body.source else {
            panic!()
        };
        assert_eq!(&SNRS[map.file_range(0..body.text.len())], body.text);
        assert_eq!(&SNRS[body.span.clone()], format!("'{}'", body.text));
        assert_body_map(SNRS, &request, &[]);
        assert_eq!(request.span, 0..SNRS.trim_end().len());
        // Single-quoted `$access_token` is literal: nothing to report.
        assert!(request.problems.is_empty(), "{:#?}", request.problems);
    }

    #[test]
    fn the_glia_example_reads_exactly() {
        let request = request(SALEMOVE);
        assert_eq!(request.method.value, "POST");
        assert_eq!(
            request.url.value,
            "https://api.salemove.com/engagements/123/events"
        );
        assert_eq!(
            headers(&request),
            [
                ("Accept", "application/vnd.salemove.v1+json"),
                ("Authorization", "Token abc"),
            ]
        );
        assert_header_spans(SALEMOVE, &request);
        let body = request.body.as_ref().unwrap();
        assert_eq!(body.text, r#"{"type":"custom","content":"x"}"#);
        let BodySource::Inline(map) = &body.source else {
            panic!()
        };
        assert_eq!(&SALEMOVE[map.file_range(0..body.text.len())], body.text);
        assert!(request.problems.is_empty());
    }

    /// cmd.exe drops the carets, then the C runtime reads `"…"` and `\"`: curl receives
    /// `{"a":1}`, not `{\"a\":1}`.
    #[test]
    fn the_cmd_example_reads_as_curl_receives_it() {
        let request = request(CMD);
        assert_eq!(request.method.value, "POST");
        assert_eq!(request.url.value, "https://example.com/v1/events");
        assert_eq!(headers(&request), [("content-type", "application/json")]);
        assert_header_spans(CMD, &request);
        assert_eq!(
            &CMD[request.headers[0].span.clone()],
            "^\"content-type: application/json^\""
        );
        let body = request.body.as_ref().unwrap();
        assert_eq!(body.text, r#"{"a":1}"#);
        assert_eq!(&CMD[body.span.clone()], r#"^"^{^\^"a^\^":1^}^""#);
        assert_body_map(CMD, &request, b"^");
        let BodySource::Inline(map) = &body.source else {
            panic!()
        };
        // The first `"` of the body is the `^\^"` after `^{`.
        assert_eq!(&CMD[map.file_range(1..2)], r#"^\^""#);
    }

    #[test]
    fn a_chrome_bash_copy_reads_ansi_c_quotes() {
        let request = request(CHROME_BASH);
        assert_eq!(request.method.value, "POST");
        assert_eq!(request.url.value, "https://api.example.com/v1/events?x=1");
        assert_eq!(
            headers(&request),
            [("accept", "*/*"), ("content-type", "application/json")]
        );
        assert_header_spans(CHROME_BASH, &request);
        let body = request.body.as_ref().unwrap();
        assert_eq!(body.text, r#"{"label":"it's","note":"a\nb","w":"hi!"}"#);
        assert_body_map(CHROME_BASH, &request, b"\\");
        let BodySource::Inline(map) = &body.source else {
            panic!()
        };
        let quote = body.text.find('\'').unwrap();
        assert_eq!(&CHROME_BASH[map.file_range(quote..quote + 1)], r"\'");
        let bang = body.text.find('!').unwrap();
        assert_eq!(&CHROME_BASH[map.file_range(bang..bang + 1)], r"\u0021");
        assert!(request.problems.is_empty(), "{:#?}", request.problems);
    }

    #[test]
    fn a_chrome_cmd_copy_reads_over_its_lines() {
        let request = request(CHROME_CMD);
        assert_eq!(request.method.value, "POST");
        assert_eq!(request.url.value, "https://api.example.com/v1/events");
        assert_eq!(
            headers(&request),
            [("accept", "*/*"), ("content-type", "application/json")]
        );
        assert_header_spans(CHROME_CMD, &request);
        let body = request.body.as_ref().unwrap();
        // Chrome doubles a backslash, and the C runtime keeps both when no quote follows them:
        // what curl receives has two (`C:\x`), as here.
        assert_eq!(body.text, r#"{"label":"50% off %a","path":"C:\\x"}"#);
        assert_body_map(CHROME_CMD, &request, b"^");
        assert!(request.problems.is_empty(), "{:#?}", request.problems);
    }

    #[test]
    fn continuations_and_quote_pieces_make_one_word() {
        let text = "curl https://x.test/e \\\n  -d \"{\\\"a\\\":\"'\"b\"'\\\n\"}\"\n";
        let request = request(text);
        let body = request.body.as_ref().unwrap();
        assert_eq!(body.text, r#"{"a":"b"}"#);
        assert_body_map(text, &request, b"\\");
        assert_eq!(&text[body.span.clone()], "\"{\\\"a\\\":\"'\"b\"'\\\n\"}\"");
    }

    #[test]
    fn several_commands_comments_and_a_stray_line() {
        let text = "# two events\n\ncurl https://x.test/a -d 'a=1'\n\n$ curl -X PUT https://x.test/b\nhttp GET https://x.test/c\n  # done\ncurl https://x.test/d; curl https://x.test/e\n";
        let items = items(text);
        assert_eq!(items.len(), 5, "{items:#?}");
        let Item::Request(a) = &items[0] else {
            panic!()
        };
        assert_eq!((a.ordinal, a.method.value.as_str()), (1, "POST"));
        let Item::Request(b) = &items[1] else {
            panic!()
        };
        assert_eq!((b.ordinal, b.method.value.as_str()), (2, "PUT"));
        assert_eq!(b.url.value, "https://x.test/b");
        let Item::Problem(stray) = &items[2] else {
            panic!()
        };
        assert!(stray.fatal);
        assert_eq!(&text[stray.span.clone()], "http GET https://x.test/c");
        let Item::Request(d) = &items[3] else {
            panic!()
        };
        assert_eq!((d.ordinal, d.url.value.as_str()), (3, "https://x.test/d"));
        let Item::Request(e) = &items[4] else {
            panic!()
        };
        assert_eq!((e.ordinal, e.url.value.as_str()), (4, "https://x.test/e"));
    }

    #[test]
    fn user_becomes_basic_authorization() {
        let text = "curl -u user:pass https://x.test/";
        let request = request(text);
        assert_eq!(headers(&request), [("Authorization", "Basic dXNlcjpwYXNz")]);
        let header = &request.headers[0];
        assert_eq!(&text[header.name.span.clone()], "-u");
        assert_eq!(&text[header.value.span.clone()], "user:pass");
        assert_eq!(&text[header.span.clone()], "-u user:pass");
        // A header given with -H wins.
        let request =
            self::request("curl -uuser:pass -H 'authorization: Bearer t' https://x.test/");
        assert_eq!(headers(&request), [("authorization", "Bearer t")]);
    }

    #[test]
    fn json_adds_its_headers_unless_given() {
        let text = "curl --json '{\"a\":1}' https://x.test/";
        let request = request(text);
        assert_eq!(request.method.value, "POST");
        assert_eq!(&text[request.method.span.clone()], "https://x.test/");
        assert_eq!(
            headers(&request),
            [
                ("Content-Type", "application/json"),
                ("Accept", "application/json")
            ]
        );
        assert_eq!(&text[request.headers[0].span.clone()], "--json '{\"a\":1}'");
        assert_eq!(request.body.as_ref().unwrap().text, r#"{"a":1}"#);
        assert_body_map(text, &request, &[]);
        let request = self::request(
            "curl --json '{}' -H 'Accept: text/plain' -H 'Content-Type:' https://x.test/",
        );
        assert_eq!(headers(&request), [("Accept", "text/plain")]);
    }

    #[test]
    fn get_puts_the_data_in_the_query() {
        let request = request("curl -G -d a=1 --data 'b=2' 'https://x.test/s?q=x'");
        assert_eq!(request.method.value, "GET");
        assert_eq!(request.url.value, "https://x.test/s?q=x&a=1&b=2");
        assert!(request.body.is_none());
        let request = self::request("curl --get https://x.test/s --data-urlencode 'q=a b'");
        assert_eq!(request.url.value, "https://x.test/s?q=a b");
        let request = self::request("curl -I https://x.test/");
        assert_eq!(request.method.value, "HEAD");
    }

    #[test]
    fn several_data_are_joined_with_ampersands() {
        let text = "curl https://x.test/ -d 'a=1' --data-raw \"b=2\" -d c=3";
        let request = request(text);
        let body = request.body.as_ref().unwrap();
        assert_eq!(body.text, "a=1&b=2&c=3");
        let BodySource::Inline(map) = &body.source else {
            panic!()
        };
        for (piece, written) in [(0..3, "a=1"), (4..7, "b=2"), (8..11, "c=3")] {
            assert_eq!(&text[map.file_range(piece)], written);
        }
        // Each `&` covers what lies between the two arguments.
        assert_eq!(&text[map.file_range(3..4)], "' --data-raw \"");
        assert_eq!(&text[map.file_range(7..8)], "\" -d ");
        assert_eq!(&text[body.span.clone()], "'a=1' --data-raw \"b=2\" -d c=3");
    }

    #[test]
    fn attached_values_grouped_flags_and_made_headers() {
        let text = "curl -sSLXput -H'X-A: b' --data=x -A agent/1 -e https://r.test/ -b 'a=1; b=2' -b jar.txt --oauth2-bearer tok -o out.json --max-time 5 'https://x.test/\\[1\\]'";
        let request = request(text);
        assert_eq!(request.method.value, "PUT");
        assert_eq!(&text[request.method.span.clone()], "put");
        assert_eq!(request.url.value, "https://x.test/[1]");
        assert_eq!(
            headers(&request),
            [
                ("X-A", "b"),
                ("User-Agent", "agent/1"),
                ("Referer", "https://r.test/"),
                ("Cookie", "a=1; b=2"),
                ("Authorization", "Bearer tok"),
            ]
        );
        assert_eq!(&text[request.headers[0].span.clone()], "'X-A: b'");
        assert_eq!(&text[request.headers[0].value.span.clone()], "b");
        assert_eq!(request.body.as_ref().unwrap().text, "x");
        assert_body_map(text, &request, &[]);
        // The lower-case method is upper-cased and reported.
        assert_eq!(request.problems.len(), 1, "{:#?}", request.problems);
        assert!(!request.problems[0].fatal);
    }

    #[test]
    fn unknown_options_and_headers_without_colon_are_reported() {
        let text = "curl --frobnicate -H 'NoColon' -H 'Empty;' -Z -@ -H @h.txt https://x.test/";
        let request = request(text);
        assert_eq!(headers(&request), [("Empty", "")]);
        let spans: Vec<&str> = request
            .problems
            .iter()
            .map(|p| &text[p.span.clone()])
            .collect();
        assert_eq!(spans, ["--frobnicate", "'NoColon'", "-@", "@h.txt"]);
        assert!(request.problems.iter().all(|p| !p.fatal));
        assert!(request.problems[1].message.contains("no colon"));
    }

    #[test]
    fn shell_variables_are_reported_not_expanded() {
        let text = "curl -H \"Authorization: Bearer $TOKEN\" \"https://x.test/${ID}\"";
        let request = request(text);
        assert_eq!(headers(&request), [("Authorization", "Bearer $TOKEN")]);
        assert_eq!(request.url.value, "https://x.test/${ID}");
        let spans: Vec<&str> = request
            .problems
            .iter()
            .map(|p| &text[p.span.clone()])
            .collect();
        assert_eq!(spans, ["$TOKEN", "${ID}"]);
        assert_eq!(
            request.problems[0].message,
            "`$TOKEN` is a shell variable; eventlint does not expand it"
        );
    }

    #[test]
    fn unbalanced_quotes_are_fatal_from_the_quote() {
        for (text, quote, name) in [
            ("curl https://x.test/ -d '{\"a\":1}\n", "'{", "single quote"),
            ("curl https://x.test/ -d \"{\n", "\"{", "double quote"),
            ("curl https://x.test/ -d $'{\\'}\n", "$'{", "ANSI-C quote"),
            (
                "curl ^\"https://x.test/^\" -d ^\"{\ncurl https://x.test/\n",
                "^\"{",
                "double quote",
            ),
        ] {
            let items = items(text);
            let Item::Problem(problem) = &items[0] else {
                panic!("{text}: {items:#?}")
            };
            assert!(problem.fatal);
            assert!(text[problem.span.clone()].starts_with(quote), "{text}");
            assert!(problem.message.contains(name), "{}", problem.message);
            assert!(!problem.help.is_empty());
        }
        // cmd: the command ends with its line, and the next one is read.
        let items = items("curl ^\"https://x.test/^\" -d ^\"{\ncurl https://x.test/\n");
        assert!(matches!(
            items.as_slice(),
            [Item::Problem(_), Item::Request(_)]
        ));
    }

    #[test]
    fn missing_values_and_urls_are_fatal() {
        let problem = fatal("curl https://x.test/ -H");
        assert_eq!(problem.span, 21..23);
        let problem = fatal("curl -d a=1");
        assert!(problem.message.contains("no URL"));
    }

    #[test]
    fn file_bodies_are_read_from_the_base_dir() {
        let dir = std::env::temp_dir().join(format!(
            "eventlint-curl-test-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("body.json"), "{\r\n  \"a\": 1\r\n}\n").unwrap();
        let ctx = ReadContext {
            base_dir: dir.clone(),
            ..ReadContext::default()
        };
        let text = "curl https://x.test/ -d @body.json\ncurl https://x.test/ --data-binary '@body.json'\ncurl https://x.test/ --json @missing.json\ncurl https://x.test/ -d @-\ncurl https://x.test/ --data-raw @body.json\n";
        let items = read(text, &ctx);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(items.len(), 5, "{items:#?}");
        let Item::Request(stripped) = &items[0] else {
            panic!("{items:#?}")
        };
        let body = stripped.body.as_ref().unwrap();
        assert_eq!(body.text, "{  \"a\": 1}");
        assert_eq!(body.source, BodySource::File(dir.join("body.json")));
        assert_eq!(&text[body.span.clone()], "@body.json");
        let Item::Request(binary) = &items[1] else {
            panic!()
        };
        assert_eq!(binary.body.as_ref().unwrap().text, "{\r\n  \"a\": 1\r\n}\n");
        let Item::Problem(missing) = &items[2] else {
            panic!()
        };
        assert!(missing.fatal && missing.message.contains("does not exist"));
        assert_eq!(&text[missing.span.clone()], "@missing.json");
        let Item::Problem(stdin) = &items[3] else {
            panic!()
        };
        assert_eq!(&text[stdin.span.clone()], "@-");
        let Item::Request(raw) = &items[4] else {
            panic!()
        };
        assert_eq!(raw.body.as_ref().unwrap().text, "@body.json");
        assert_eq!(raw.ordinal, 5);
    }

    /// A tiny xorshift: reproducible noise without a dependency.
    fn xorshift(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    #[test]
    fn no_input_makes_it_panic() {
        let ctx = ReadContext::default();
        let inputs = [
            SNRS,
            SALEMOVE,
            CMD,
            CHROME_BASH,
            CHROME_CMD,
            "curl -sSLXput -H'X-A: b' --data=x -b 'a=1' 'https://x.test/\\[1\\]' $'\\x\\u\\U\\c\\777\\xff\\ud800é'",
            "$ curl \"a$\" ${ ${X $'\\' ^ ^\r\n \"\\\r\n\" 2>&1 | x & y || z && w ; \\",
            "curl ^\"a\\\\\\\\\\^\" ^\r\n\r\n \"\"\"\" ^é é^ ^",
        ];
        for input in inputs {
            for (i, _) in input.char_indices().chain([(input.len(), ' ')]) {
                let _ = read(&input[..i], &ctx);
            }
        }
        let pieces: [&str; 24] = [
            "curl ", " ", "\n", "\\", "\\\n", "'", "\"", "$'", "$", "${A}", "^", "^\"", "^\n",
            "-H", "-d", "--json", "@", "-u", ":", "é", "\r\n", "&", "|", "#",
        ];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..3000 {
            let len = xorshift(&mut state) % 24;
            let mut text = String::new();
            for _ in 0..len {
                let r = xorshift(&mut state);
                if r.is_multiple_of(5) {
                    // A raw byte, made text the lossy way.
                    text.push_str(&String::from_utf8_lossy(&[(r >> 8) as u8]));
                } else {
                    text.push_str(pieces[(r >> 8) as usize % pieces.len()]);
                }
            }
            let items = read(&text, &ctx);
            for item in items {
                let span = match &item {
                    Item::Request(r) => r.span.clone(),
                    Item::Problem(p) => p.span.clone(),
                };
                assert!(span.start <= span.end && span.end <= text.len(), "{text:?}");
            }
        }
    }
}
