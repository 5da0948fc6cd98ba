//! The `Authorization` header of a Glia request, read as `<token_type> <token>` (SEED-004; the
//! 401 `debug_message`: "Authorization header must have format 'token_type token'").

use crate::rule::request::{masked_credential, shown_credential};

/// The token type this endpoint allows.
pub(crate) const BEARER: &str = "Bearer";

/// The token types the 401 `debug_message` names instead ("where token_type is SessionId or
/// AuthToken"), as Glia writes them.
pub(crate) const LEGACY: &[&str] = &["SessionId", "AuthToken"];

/// A value split at its first space or tab: the token type and the token (the token type is
/// `None`, and the token the whole value, when it has none).
pub(crate) fn split(value: &str) -> (Option<&str>, &str) {
    let value = value.trim();
    match value.split_once([' ', '\t']) {
        Some((scheme, token)) => (Some(scheme), token.trim_start()),
        None => (None, value),
    }
}

/// The legacy token type `scheme` is (case-insensitive), as Glia writes it.
pub(crate) fn legacy(scheme: &str) -> Option<&'static str> {
    LEGACY
        .iter()
        .find(|l| l.eq_ignore_ascii_case(scheme))
        .copied()
}

/// Whether `word` reads as a token type (`Bearer`, `Basic`, `AuthToken`), so that a message
/// may name it: ASCII letters and `-`, at most 20. A word with digits may be part of a secret.
pub(crate) fn is_scheme_word(word: &str) -> bool {
    (1..=20).contains(&word.len())
        && word.starts_with(|c: char| c.is_ascii_alphabetic())
        && word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
}

/// `value` as a message may show it: its token type (when it reads as one) and four characters
/// of the token; a documented placeholder whole.
pub(crate) fn shown(value: &str) -> String {
    match split(value) {
        (Some(scheme), token) if is_scheme_word(scheme) => {
            shown_credential(&format!("{scheme} {token}"))
        }
        // The first word may be part of the secret: only four characters of it.
        (Some(first), _) => masked_credential(first),
        (None, token) => shown_credential(token),
    }
}

#[cfg(test)]
mod tests {
    use super::{legacy, shown, split};

    #[test]
    fn a_value_splits_at_its_first_space() {
        assert_eq!(split(" Bearer  abc "), (Some("Bearer"), "abc"));
        assert_eq!(split("abc"), (None, "abc"));
        assert_eq!(legacy("sessionid"), Some("SessionId"));
        assert_eq!(legacy("Bearer"), None);
    }

    #[test]
    fn a_value_is_shown_masked() {
        assert_eq!(shown("Bearer abcdefgh"), "Bearer abcd…");
        assert_eq!(shown("Bearer $access_token"), "Bearer $access_token");
        assert_eq!(shown("s3cr3tpart1 s3cr3tpart2"), "s3cr…");
        assert_eq!(shown("abcdefgh"), "abcd…");
    }
}
