//! What Synerise's credentials look like: `Authorization: Bearer <JWT>` (v4 events, and the AI
//! events API beside its `token` query parameter). Shared by `synerise.event/authorization` and
//! `synerise.ai-event/auth`; a message shows a credential masked, never whole.

use crate::rule::request::masked_credential;

/// What is wrong with an `Authorization` value that should be `Bearer <JWT>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BearerProblem {
    /// No value after the header name.
    Empty,
    /// Another scheme (`Basic …`, `Token …`), or a bare credential without one.
    NotBearer,
    /// `Bearer` and nothing after it.
    NoToken,
    /// A documentation placeholder or an unexpanded shell variable (`$access_token`,
    /// `ey...RtH_g`, `<JWT>`); the placeholder, as it may be shown.
    Placeholder(String),
    /// A Bearer token that is not three base64url parts separated by dots.
    NotJwt,
}

impl BearerProblem {
    /// What is wrong, naming the header; the credential masked.
    pub(crate) fn message(&self, value: &str) -> String {
        match self {
            BearerProblem::Empty => "`Authorization` is empty".to_owned(),
            BearerProblem::NotBearer => format!(
                "`Authorization` is `{}`, not `Bearer <JWT>`",
                masked_credential(value)
            ),
            BearerProblem::NoToken => "`Authorization` is `Bearer` without a token".to_owned(),
            BearerProblem::Placeholder(shown) => {
                format!("`Authorization` carries the placeholder `{shown}`, not a JWT")
            }
            BearerProblem::NotJwt => format!(
                "the Bearer token of `Authorization` (`{}`) is not a JWT (three base64url parts separated by dots)",
                masked_credential(value)
            ),
        }
    }

    /// What to do.
    pub(crate) fn help(&self) -> &'static str {
        match self {
            BearerProblem::Placeholder(shown) if shown.starts_with('$') => {
                "the shell sent the variable's name: put the header in double quotes (`-H \"Authorization: Bearer $TOKEN\"`) or paste the JWT of a profile or workspace"
            }
            BearerProblem::Placeholder(_) => {
                "replace the placeholder with the JWT of a profile or workspace (`Authorization: Bearer eyJ…`)"
            }
            _ => "send `Authorization: Bearer <JWT>` with the JWT of a profile or workspace",
        }
    }
}

/// What is wrong with `value` as `Bearer <JWT>`; `None` when it is one.
pub(crate) fn bearer_problem(value: &str) -> Option<BearerProblem> {
    let value = value.trim();
    if value.is_empty() {
        return Some(BearerProblem::Empty);
    }
    let (scheme, token) = value.split_once(' ').unwrap_or((value, ""));
    if !scheme.eq_ignore_ascii_case("Bearer") {
        return Some(match placeholder(value) {
            Some(shown) => BearerProblem::Placeholder(shown),
            None => BearerProblem::NotBearer,
        });
    }
    let token = token.trim();
    if token.is_empty() {
        return Some(BearerProblem::NoToken);
    }
    if let Some(shown) = placeholder(token) {
        return Some(BearerProblem::Placeholder(shown));
    }
    (!is_jwt(token)).then_some(BearerProblem::NotJwt)
}

/// Whether `token` has a JWT's shape: three non-empty base64url parts separated by dots.
pub(crate) fn is_jwt(token: &str) -> bool {
    let parts: Vec<&str> = token.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// A credential that is a placeholder, as a message may show it: an unexpanded shell variable
/// (`$access_token`, `${TOKEN}`), shown whole (it is a name, not a secret); the documentation's
/// elided form (`ey...RtH_g`, `eyJ…`), shown as at most four characters and `...`; or a
/// bracketed or spelled-out stand-in (`<JWT>`, `YOUR_TOKEN`), shown whole.
pub(crate) fn placeholder(token: &str) -> Option<String> {
    let name = token
        .strip_prefix("${")
        .and_then(|t| t.strip_suffix('}'))
        .or_else(|| token.strip_prefix('$'));
    if let Some(name) = name
        && !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !name.as_bytes()[0].is_ascii_digit()
    {
        return Some(token.to_owned());
    }
    if let Some(at) = token.find("...").or_else(|| token.find('…')) {
        // What the documentation writes (`eyJ...`): at most four characters before the elision.
        let head: String = token[..at].chars().take(4).collect();
        return Some(format!("{head}..."));
    }
    let upper = token.to_ascii_uppercase();
    let bracketed = token.starts_with('<') && token.ends_with('>');
    let spelled = upper.starts_with("YOUR_") || upper.starts_with("YOUR-") || upper == "TOKEN";
    (bracketed || spelled).then(|| token.to_owned())
}

#[cfg(test)]
mod tests {
    use super::{BearerProblem, bearer_problem, is_jwt, placeholder};

    const JWT: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2VjcmV0";

    #[test]
    fn a_jwt_is_three_base64url_parts() {
        assert!(is_jwt(JWT));
        assert!(!is_jwt("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0"));
        assert!(!is_jwt("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0."));
        assert!(!is_jwt("a.b+c.d"));
        assert!(!is_jwt("98A5FC55-0000-4000-8000-00000000cafe"));
    }

    #[test]
    fn bearer_values_are_told_apart() {
        assert_eq!(bearer_problem(&format!("Bearer {JWT}")), None);
        assert_eq!(bearer_problem(&format!("bearer  {JWT}")), None);
        assert_eq!(bearer_problem(""), Some(BearerProblem::Empty));
        assert_eq!(bearer_problem("Bearer"), Some(BearerProblem::NoToken));
        assert_eq!(
            bearer_problem("Basic dXNlcjpwYXNz"),
            Some(BearerProblem::NotBearer)
        );
        assert_eq!(bearer_problem(JWT), Some(BearerProblem::NotBearer));
        assert_eq!(bearer_problem("Bearer abc123"), Some(BearerProblem::NotJwt));
        assert_eq!(
            bearer_problem("Bearer $access_token"),
            Some(BearerProblem::Placeholder("$access_token".to_owned()))
        );
        assert_eq!(
            bearer_problem("Bearer ey...RtH_g"),
            Some(BearerProblem::Placeholder("ey...".to_owned()))
        );
    }

    #[test]
    fn a_placeholder_shows_no_secret() {
        assert_eq!(placeholder("${TOKEN}").as_deref(), Some("${TOKEN}"));
        assert_eq!(placeholder("<JWT>").as_deref(), Some("<JWT>"));
        assert_eq!(placeholder("$1abc"), None);
        assert_eq!(
            placeholder("eyJhbGciOiJIUzI1NiJ9...secret").as_deref(),
            Some("eyJh...")
        );
        assert_eq!(placeholder(JWT), None);
    }

    #[test]
    fn messages_mask_the_credential() {
        let value = "Bearer abcdefghijkl";
        let message = bearer_problem(value).map(|p| p.message(value));
        assert_eq!(
            message.as_deref(),
            Some(
                "the Bearer token of `Authorization` (`Bearer abcd…`) is not a JWT (three base64url parts separated by dots)"
            )
        );
    }
}
