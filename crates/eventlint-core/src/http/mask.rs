//! Credentials never appear whole in a report: the request text renderers quote has every
//! credential's bytes past its scheme and first four characters replaced by `*` (one per byte,
//! so spans stay exact).

use std::ops::Range;

use eventlint_request::RawRequest;

use super::target::Target;

/// Headers whose value is a credential (lower-case).
pub(crate) const SECRET_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "x-neuralens-api-key",
    "x-api-key",
    "api-key",
    "cookie",
];

/// Query parameters whose value is a credential.
pub(crate) const SECRET_QUERY: &[&str] = &["token", "access_token", "api_key", "apikey", "key"];

/// `text`, the bytes `region` of the file, with the credentials of `request` masked.
pub(crate) fn masked(
    text: &str,
    region: &Range<usize>,
    request: &RawRequest,
    target: &Target,
) -> String {
    let mut out = text.to_owned();
    let mut mask = |span: &Range<usize>, skip_name: bool| {
        let start = span.start.max(region.start) - region.start;
        let end = span.end.min(region.end).saturating_sub(region.start);
        if start >= end {
            return;
        }
        let Some(written) = text.get(start..end) else {
            return;
        };
        let kept = kept_bytes(written, skip_name);
        let mut masked = String::with_capacity(written.len() - kept);
        for c in written[kept..].chars() {
            if c.is_whitespace() || matches!(c, '"' | '\'') {
                masked.push(c);
            } else {
                // One `*` per byte: the text keeps its length, and every span its place.
                for _ in 0..c.len_utf8() {
                    masked.push('*');
                }
            }
        }
        out.replace_range(start + kept..end, &masked);
    };
    for header in &request.headers {
        if SECRET_HEADERS.contains(&header.name.value.to_ascii_lowercase().as_str()) {
            mask(&header.value.span, false);
        }
    }
    for (name, _, span) in &target.query {
        if SECRET_QUERY.contains(&name.as_str()) {
            mask(span, true);
        }
    }
    out
}

/// Whether a header's value is a credential (any case of the name).
pub(crate) fn is_secret_header(name: &str) -> bool {
    SECRET_HEADERS
        .iter()
        .any(|secret| secret.eq_ignore_ascii_case(name))
}

/// `value` masked as [`masked`] masks a written credential: the scheme and four characters
/// kept, every other character but whitespace replaced by one `*` per byte.
fn mask_value(value: &str) -> String {
    let kept = kept_bytes(value, false);
    let mut out = value[..kept].to_owned();
    for c in value[kept..].chars() {
        if c.is_whitespace() {
            out.push(c);
        } else {
            for _ in 0..c.len_utf8() {
                out.push('*');
            }
        }
    }
    out
}

/// A request's target (`/path?query`, or a URL) and headers with their credentials masked as
/// reports mask them (the scheme and four characters kept, then one `*` per byte): the
/// credential headers ([`SECRET_HEADERS`], any case) and query parameters (`token`, `api_key`,
/// …). Also whether anything was masked. What `eventlint serve --log` writes: a log that
/// `check` reads back with `"credentials": "masked"`, whose masked values are not judged.
#[must_use]
pub(crate) fn mask_credentials(
    target: &str,
    headers: &[(String, String)],
) -> (String, Vec<(String, String)>, bool) {
    let mut any = false;
    let headers = headers
        .iter()
        .map(|(name, value)| {
            if is_secret_header(name) {
                let masked = mask_value(value);
                any |= masked != *value;
                (name.clone(), masked)
            } else {
                (name.clone(), value.clone())
            }
        })
        .collect();
    let (before, fragment) = match target.find('#') {
        Some(at) => target.split_at(at),
        None => (target, ""),
    };
    let target = match before.split_once('?') {
        None => target.to_owned(),
        Some((path, query)) => {
            let pairs: Vec<String> = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((name, value)) if SECRET_QUERY.contains(&name) => {
                        let masked = mask_value(value);
                        any |= masked != value;
                        format!("{name}={masked}")
                    }
                    _ => pair.to_owned(),
                })
                .collect();
            format!("{path}?{}{fragment}", pairs.join("&"))
        }
    };
    (target, headers, any)
}

/// Whether a credential's value was masked (by [`mask_credentials`]).
pub(crate) fn is_masked(value: &str) -> bool {
    value.trim_end().ends_with('*')
}

/// How many bytes of a written credential stay: opening quotes, `name=` (for a query
/// parameter), a scheme word and its spaces (`Bearer `), then four characters.
fn kept_bytes(written: &str, skip_name: bool) -> usize {
    let mut i = written.len() - written.trim_start_matches(['"', '\'']).len();
    if skip_name && let Some(eq) = written[i..].find('=') {
        i += eq + 1;
    }
    let rest = &written[i..];
    // A first word with digits may be part of the secret (`eyJhbGciOiJIUzI1NiJ9 eyJz…`): it
    // is kept only when it reads as a scheme.
    if let Some((scheme, after)) = rest.split_once(' ')
        && crate::rule::request::is_scheme_word(scheme)
    {
        i += scheme.len() + (after.len() + 1 - after.trim_start().len());
    }
    written[i..]
        .char_indices()
        .nth(4)
        .map_or(written.len(), |(j, _)| i + j)
}

#[cfg(test)]
mod tests {
    use super::{kept_bytes, mask_credentials};

    #[test]
    fn a_credential_keeps_its_scheme_and_four_characters() {
        fn keep(s: &str, name: bool) -> &str {
            &s[..kept_bytes(s, name)]
        }
        assert_eq!(keep("Bearer eyJhbGciOi", false), "Bearer eyJh");
        assert_eq!(keep("'Bearer  abcdefgh'", false), "'Bearer  abcd");
        assert_eq!(keep("token=56ba9d02-aaaa", true), "token=56ba");
        assert_eq!(keep("abc", false), "abc");
        assert_eq!(keep("ééééé", false), "éééé");
        assert_eq!(keep("eyJhbGciOiJIUzI1NiJ9 eyJzdWIi", false), "eyJh");
    }

    #[test]
    fn a_request_s_credentials_are_masked_for_the_log() {
        let headers = vec![
            (
                "authorization".to_owned(),
                "Bearer eyJhbGciOi.x.y".to_owned(),
            ),
            (
                "X-Neuralens-API-Key".to_owned(),
                "Bearer 7d1f0c9e".to_owned(),
            ),
            ("content-type".to_owned(), "application/json".to_owned()),
        ];
        let (target, masked, any) =
            mask_credentials("/events/v1?token=98A5FC55-0000&x=secretive", &headers);
        assert!(any);
        assert_eq!(target, "/events/v1?token=98A5*********&x=secretive");
        assert_eq!(masked[0].1, "Bearer eyJh**********");
        assert_eq!(masked[1].1, "Bearer 7d1f****");
        assert_eq!(masked[2].1, "application/json");
        let (target, _, any) = mask_credentials("/v4/events/custom", &headers[2..]);
        assert_eq!((target.as_str(), any), ("/v4/events/custom", false));
    }
}
