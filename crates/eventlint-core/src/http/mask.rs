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
    use super::kept_bytes;

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
}
