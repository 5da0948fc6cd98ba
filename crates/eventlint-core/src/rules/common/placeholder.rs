use crate::value::Value;

use crate::check::{Ctx, Finding};
use crate::pointer::Pointer;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// String values that are documentation placeholders left in the payload: `YOUR_API_KEY_HERE`,
    /// `YOUR_APPLICATION_ID` (any `YOUR_…`), `$access_token` (an unexpanded shell variable),
    /// `eyJ...` (an elided token), `STRING_VALUE`. The bare word `string`, as in the Synerise batch
    /// example's label, is `common/placeholder-string`'s business (an info: it can be a real
    /// value), except in a request-syntax template (below).
    ///
    /// A value that a more specific rule already reports (e.g. `sajari.send-event/token-placeholder`)
    /// is not reported twice.
    ///
    /// ## Why
    /// Vendor examples are copied into code and fixtures; a placeholder that reaches the API is
    /// accepted and pollutes the data, or fails authentication later (vendor-rules.md §0.4).
    ///
    /// A document with three or more `string` values is a request-syntax template (such as the
    /// boto3 `put_events` "Request Syntax", SEED-003), so each of them is then a warning.
    ///
    /// ## Example
    /// ```json
    /// {"client": {"customId": "YOUR_CUSTOMER_ID"}}
    /// ```
    ///
    /// ## Fix
    /// Put the real value in.
    pub(crate) static PLACEHOLDER = {
        id: "common/placeholder",
        severity: Warning,
        summary: "A documentation placeholder was left in a value",
    };
}

fn is_placeholder(s: &str) -> bool {
    // Every placeholder starts with one of these bytes: reject the rest at once.
    if !matches!(s.as_bytes().first(), Some(b'Y' | b'$' | b'S' | b'e')) {
        return false;
    }
    let shell_var = s.strip_prefix('$').is_some_and(|name| {
        name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    });
    let your = s.strip_prefix("YOUR_").is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    });
    matches!(s, "STRING_VALUE" | "eyJ..." | "ey...") || shell_var || your
}

pub(crate) fn check(ctx: &mut Ctx<'_>, value: &Value) {
    // A first pass that tracks no path and allocates nothing: most documents have no candidate.
    if !any_candidate(value) {
        return;
    }
    let mut found: Vec<(Pointer, &str)> = Vec::new();
    let mut path: Vec<Segment<'_>> = Vec::new();
    collect(value, &mut path, &mut found);
    let template = found.iter().filter(|(_, s)| *s == "string").count() >= 3;
    for (at, s) in found {
        if ctx.has_finding_at(&at) {
            continue;
        }
        if !is_placeholder(s) && !template {
            ctx.report(super::placeholder_string::finding(at));
            continue;
        }
        ctx.report(
            Finding::new(
                &PLACEHOLDER,
                at.clone(),
                format!("`{at}` holds the documentation placeholder `{s}`"),
            )
            .help(format!("replace `{s}` at `{at}` with the real value")),
        );
    }
}

#[derive(Clone, Copy)]
enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

fn pointer(path: &[Segment<'_>]) -> Pointer {
    path.iter().fold(Pointer::root(), |p, s| match s {
        Segment::Key(k) => p.key(k),
        Segment::Index(i) => p.index(*i),
    })
}

/// A string the rule looks at: `"string"` (a template's type name) or a placeholder.
fn is_candidate(s: &str) -> bool {
    s == "string" || is_placeholder(s)
}

fn any_candidate(value: &Value) -> bool {
    match value {
        Value::String(s) => is_candidate(s),
        Value::Array(items) => items.iter().any(any_candidate),
        Value::Object(members) => members.iter().any(|(_, item)| any_candidate(item)),
        _ => false,
    }
}

fn collect<'v>(value: &'v Value, path: &mut Vec<Segment<'v>>, found: &mut Vec<(Pointer, &'v str)>) {
    match value {
        Value::String(s) if is_candidate(s) => found.push((pointer(path), s)),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Segment::Index(i));
                collect(item, path, found);
                path.pop();
            }
        }
        Value::Object(members) => {
            for (key, item) in members {
                path.push(Segment::Key(key));
                collect(item, path, found);
                path.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn placeholders() {
        for p in [
            "YOUR_API_KEY_HERE",
            "YOUR_APPLICATION_ID",
            "$access_token",
            "eyJ...",
            "STRING_VALUE",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        for v in [
            "string",
            "$",
            "$5 off",
            "YOUR_key",
            "dog.bark",
            "eyJhbGciOi",
        ] {
            assert!(!is_placeholder(v), "{v}");
        }
    }
}
