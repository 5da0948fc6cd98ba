//! The options table: what each of curl's options (long and short) does with its value.

/// What an option does with its value, if it takes one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Opt {
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
pub(super) enum Data {
    /// `-d`, `--data`, `--data-ascii`: `@file` is read without its CR and LF bytes.
    Ascii,
    /// `--data-binary`: `@file` is read as is.
    Binary,
    /// `--data-raw`, `--data-urlencode`: the value as given.
    Raw,
}

/// The options that make a header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Made {
    UserAgent,
    Referer,
    Cookie,
    Bearer,
}

/// A long option by its name (without `--`).
pub(super) fn long(name: &str) -> Option<Opt> {
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
pub(super) fn short(c: char) -> Option<(&'static str, Opt)> {
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
