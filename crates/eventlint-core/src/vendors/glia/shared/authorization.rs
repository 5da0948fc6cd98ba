//! The `Authorization` header of a Glia request, read as `<token_type> <token>` (SEED-004; the
//! 401 `debug_message`: the header "must have format `token_type token`").

/// The token type this endpoint allows.
pub(crate) const BEARER: &str = "Bearer";

/// The token types the 401 `debug_message` names instead ("where `token_type` is `SessionId` or
/// `AuthToken`"), as Glia writes them.
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

#[cfg(test)]
mod tests {
    use super::{legacy, split};

    #[test]
    fn a_value_splits_at_its_first_space() {
        assert_eq!(split(" Bearer  abc "), (Some("Bearer"), "abc"));
        assert_eq!(split("abc"), (None, "abc"));
        assert_eq!(legacy("sessionid"), Some("SessionId"));
        assert_eq!(legacy("Bearer"), None);
    }
}
