//! A request's target split into host, path and query, with the bytes of each in the file when
//! the URL is written there as sent (no variable substituted in it).

use std::ops::Range;

/// A request target, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    /// The host, lower-case, when the target is an absolute URL.
    pub host: Option<String>,
    /// The path (`/` when the URL has none), as sent.
    pub path: String,
    /// Where the path is in the file.
    pub path_span: Range<usize>,
    /// The query parameters, percent-decoded (`+` is a space), with the bytes of each
    /// `name=value` in the file.
    pub query: Vec<(String, String, Range<usize>)>,
}

/// Splits `url`, written at `span` of the file as `written` (when the caller has those bytes).
pub(crate) fn split(url: &str, span: &Range<usize>, written: Option<&str>) -> Target {
    // Offsets into `url` map to the file only when the file holds the URL as sent.
    let exact = written == Some(url);
    let at = |r: Range<usize>| {
        if exact {
            span.start + r.start..span.start + r.end
        } else {
            span.clone()
        }
    };
    let (mut rest, mut offset) = (url, 0);
    let mut host = None;
    for scheme in ["https://", "http://"] {
        if rest.len() >= scheme.len() && rest[..scheme.len()].eq_ignore_ascii_case(scheme) {
            let after = &rest[scheme.len()..];
            let end = after.find(['/', '?', '#']).unwrap_or(after.len());
            let authority = &after[..end];
            // `user:pass@host:port`: the host alone.
            let authority = authority.rsplit('@').next().unwrap_or(authority);
            let name = authority.split(':').next().unwrap_or(authority);
            host = Some(name.to_ascii_lowercase());
            offset = scheme.len() + end;
            rest = &after[end..];
            break;
        }
    }
    let rest = rest.split('#').next().unwrap_or(rest);
    let (path, query) = match rest.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (rest, None),
    };
    let path_span = at(offset..offset + path.len());
    let mut params = Vec::new();
    if let Some(query) = query {
        let mut start = offset + path.len() + 1;
        for pair in query.split('&') {
            let range = start..start + pair.len();
            start += pair.len() + 1;
            if pair.is_empty() {
                continue;
            }
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            params.push((decode(name), decode(value), at(range)));
        }
    }
    Target {
        host,
        path: if path.is_empty() {
            "/".to_owned()
        } else {
            path.to_owned()
        },
        path_span,
        query: params,
    }
}

/// Percent-decodes a query component (`+` is a space); an invalid escape stays as written.
pub(crate) fn decode(text: &str) -> String {
    let hex = |b: Option<&u8>| b.and_then(|&b| char::from(b).to_digit(16));
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                if let (Some(high), Some(low)) = (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                    // Two hex digits: at most 0xFF.
                    out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::{decode, split};

    #[test]
    fn an_absolute_url_splits_with_its_spans() {
        let file = "POST https://API.snrs.com/events/v1/batch?token=a%2Bb&x=1+2 HTTP/1.1";
        let url = "https://API.snrs.com/events/v1/batch?token=a%2Bb&x=1+2";
        let t = split(url, &(5..5 + url.len()), file.get(5..5 + url.len()));
        assert_eq!(t.host.as_deref(), Some("api.snrs.com"));
        assert_eq!(t.path, "/events/v1/batch");
        assert_eq!(&file[t.path_span.clone()], "/events/v1/batch");
        assert_eq!(t.query[0].0, "token");
        assert_eq!(t.query[0].1, "a+b");
        assert_eq!(&file[t.query[0].2.clone()], "token=a%2Bb");
        assert_eq!(t.query[1].1, "1 2");
    }

    #[test]
    fn a_path_alone_and_a_substituted_url() {
        let t = split(
            "/engagements/e-1/events",
            &(0..23),
            Some("/engagements/e-1/events"),
        );
        assert_eq!(t.host, None);
        assert_eq!(t.path_span, 0..23);
        // The file holds `{{host}}/x`: spans fall back to the whole URL.
        let t = split("https://h/x?a=1", &(4..14), "GET {{host}}/x?a=1".get(4..14));
        assert_eq!(t.path, "/x");
        assert_eq!(t.path_span, 4..14);
        assert_eq!(t.query[0].2, 4..14);
        assert_eq!(split("https://h", &(0..9), Some("https://h")).path, "/");
    }

    #[test]
    fn percent_escapes_decode_and_bad_ones_stay() {
        assert_eq!(decode("a%20b%zz%"), "a b%zz%");
        assert_eq!(decode("%E2%82%AC"), "€");
    }
}
