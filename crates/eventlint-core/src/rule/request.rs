//! What a transport rule reads: the request around a body (method, path, query, headers, the
//! route's path parameters), decoded. Part of the rule API, a leaf like [`super::finding`]: it
//! holds no positions (the request layer places a finding's [`Location`](super::finding::Location)
//! in the file) and imports nothing above it.

/// A request as transport rules see it.
#[derive(Debug, Clone)]
pub(crate) struct RequestView<'a> {
    /// The method, upper-case.
    pub method: &'a str,
    /// The path, without the query (`/v4/events/custom`).
    pub path: &'a str,
    /// The query parameters, percent-decoded, in order.
    pub query: Vec<(String, String)>,
    /// The headers as sent (names in their case), in order.
    pub headers: Vec<(&'a str, &'a str)>,
    /// The path of the endpoint the request was routed to, as the kind's route declares it
    /// (`/engagements/{engagement_id}/events`).
    pub endpoint: &'static str,
    /// The vendor documents that endpoint as deprecated.
    pub deprecated: bool,
    /// The path parameters the route captured (`engagement_id`), in order.
    pub params: &'a [(&'static str, String)],
    /// Whether the request has a body.
    pub has_body: bool,
    /// The body's text (a rule that compares the body with the path reads it; the body's own
    /// rules run in the body pipeline).
    pub body: Option<&'a str>,
    /// The capture is known to strip credentials (a browser's HAR export).
    pub credentials_stripped: bool,
}

impl RequestView<'_> {
    /// The first header named `name` (case-insensitive), with its index among the headers.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }

    /// The first query parameter named `name` (case-sensitive, as servers read them).
    pub fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The top-level string member `key` of a JSON object body.
    pub fn body_string(&self, key: &str) -> Option<String> {
        let value: serde_json::Value = serde_json::from_str(self.body?).ok()?;
        value.get(key)?.as_str().map(str::to_owned)
    }

    /// The path parameter `name` the route captured.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The transport rules of a kind whose requests carry nothing to check beyond the common ones.
pub(crate) fn no_transport(_: &mut crate::rule::finding::Ctx<'_>, _: &RequestView<'_>) {}

/// A credential as a message may show it: the scheme and a few characters, never the whole
/// secret (`Bearer eyJh…`, `Basic dXNl…`, `56ba…`). A first word that does not read as a scheme
/// ([`is_scheme_word`]) may be part of the secret: it is not shown whole.
pub(crate) fn masked_credential(value: &str) -> String {
    let (scheme, secret) = match value.split_once(' ') {
        Some((scheme, secret)) if is_scheme_word(scheme) => (Some(scheme), secret.trim_start()),
        _ => (None, value),
    };
    let head: String = secret.chars().take(4).collect();
    let shown = if secret.chars().count() > 4 {
        format!("{head}…")
    } else {
        "…".to_owned()
    };
    match scheme {
        Some(scheme) => format!("{scheme} {shown}"),
        None => shown,
    }
}

/// The vendors' documented placeholders, which a message may quote whole: their own example
/// text, never a secret.
const DOC_PLACEHOLDERS: &[&str] = &[
    "$access_token",
    "$ACCESS_TOKEN",
    "{{token}}",
    "{{access_token}}",
    "<token>",
    "<access_token>",
    "YOUR_TOKEN",
    "YOUR_ACCESS_TOKEN",
    "YOUR_API_KEY",
    "YOUR_API_KEY_HERE",
    "eyJ...",
];

/// Whether `word` reads as an authentication scheme (`Bearer`, `Basic`, `AuthToken`), so that a
/// message may name it: ASCII letters and `-`, at most 20. A word with digits may be part of a
/// secret.
pub(crate) fn is_scheme_word(word: &str) -> bool {
    (1..=20).contains(&word.len())
        && word.starts_with(|c: char| c.is_ascii_alphabetic())
        && word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
}

/// A credential as a message may show it: the secret whole when it is one of the vendors'
/// documented placeholders (`Bearer $access_token`), else [`masked_credential`].
pub(crate) fn shown_credential(value: &str) -> String {
    let value = value.trim();
    let (scheme, secret) = match value.split_once(' ') {
        Some((scheme, secret)) if is_scheme_word(scheme) => (Some(scheme), secret.trim_start()),
        _ => (None, value),
    };
    match (DOC_PLACEHOLDERS.iter().find(|p| **p == secret), scheme) {
        (Some(placeholder), Some(scheme)) => format!("{scheme} {placeholder}"),
        (Some(placeholder), None) => (*placeholder).to_owned(),
        (None, _) => masked_credential(value),
    }
}

#[cfg(test)]
mod tests {
    use super::{masked_credential, shown_credential};

    #[test]
    fn a_documented_placeholder_is_shown_whole_and_a_credential_masked() {
        assert_eq!(
            shown_credential("Bearer $access_token"),
            "Bearer $access_token"
        );
        assert_eq!(shown_credential("YOUR_API_KEY_HERE"), "YOUR_API_KEY_HERE");
        assert_eq!(shown_credential("Bearer eyJhbGciOi.x.y"), "Bearer eyJh…");
        assert_eq!(shown_credential("$access_token2"), "$acc…");
        assert_eq!(shown_credential(" Bearer  abcdefgh "), "Bearer abcd…");
        // A first word that does not read as a scheme may be part of the secret.
        assert_eq!(shown_credential("s3cr3tpart1 s3cr3tpart2"), "s3cr…");
    }

    #[test]
    fn a_credential_keeps_its_scheme_and_four_characters() {
        assert_eq!(masked_credential("Bearer eyJhbGciOi.x.y"), "Bearer eyJh…");
        assert_eq!(masked_credential("Token abc"), "Token …");
        assert_eq!(masked_credential("56ba9d02-aaaa-4bbb"), "56ba…");
        assert_eq!(masked_credential(""), "…");
        assert_eq!(masked_credential("eyJhbGciOiJIUzI1NiJ9 eyJz"), "eyJh…");
    }
}
