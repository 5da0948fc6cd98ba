use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `token` is a documentation placeholder rather than a real token: the elided `eyJ...` of
    /// the vendor's example (any token ending in `...` or `…`), the API client generator's sample
    /// value `token_example` (SJ-PY, SJ-RB docs), or a `<token>`-style stand-in.
    ///
    /// `common/placeholder` does not report the same value again.
    ///
    /// ## Why
    /// The vendor's own example (SEED-000) sends `"token": "eyJ..."`: real tokens are long
    /// base64 strings from the query response, and a copied placeholder is either rejected or
    /// records feedback against nothing [I].
    ///
    /// ## Example
    /// ```json
    /// {"name": "purchase", "token": "eyJ...", "weight": 1}
    /// ```
    ///
    /// ## Fix
    /// Send the token of the result, as returned by the query (`token.click.token`):
    /// ```json
    /// {"name": "purchase", "token": "eyJhbGciOiJIUzI1NiJ9.eyJxIjoiMSJ9.c2lnbmF0dXJl", "weight": 1}
    /// ```
    pub(crate) static TOKEN_PLACEHOLDER = {
        id: "sajari.send-event/token-placeholder",
        severity: Warning,
        summary: "`token` is a documentation placeholder",
    };
}

/// What kind of placeholder `token` is, if it is one.
fn placeholder_kind(token: &str) -> Option<&'static str> {
    if token.ends_with("...") || token.ends_with('…') {
        Some("an elided token from the documentation")
    } else if token == "token_example" {
        Some("the OpenAPI generator's sample value")
    } else if token.len() > 2 && token.starts_with('<') && token.ends_with('>') {
        Some("a placeholder")
    } else {
        None
    }
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, token: &str) {
    let Some(what) = placeholder_kind(token) else {
        return;
    };
    ctx.report(
        Finding::new(
            &TOKEN_PLACEHOLDER,
            at.clone(),
            format!("`token` `{token}` is {what}, not a real token"),
        )
        .help("send the token of the result from the query response (`token.click.token`, or `token.pos_neg.pos`/`.neg`)"),
    );
}

#[cfg(test)]
mod tests {
    use super::placeholder_kind;

    #[test]
    fn placeholders() {
        for p in ["eyJ...", "eyJ…", "ey...", "token_example", "<token>"] {
            assert!(placeholder_kind(p).is_some(), "{p}");
        }
        for t in ["eyJhbGciOiJIUzI1NiJ9", "abc", "<", "<>"] {
            assert!(placeholder_kind(t).is_none(), "{t}");
        }
    }
}
