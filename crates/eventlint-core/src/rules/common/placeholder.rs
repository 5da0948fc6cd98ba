use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::locate::spans::Target;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// String values that are documentation placeholders left in the payload, wherever they sit:
    /// - `YOUR_…` (`YOUR_API_KEY_HERE`, `YOUR_APPLICATION_ID`, `your-api-key`) and `…_HERE`
    ///   (`API_KEY_HERE`);
    /// - a name in angle brackets, `<FORM_ID>`, `<your token>`; a template variable left
    ///   unexpanded, `{{userId}}`, `${userId}`, `$access_token` (a shell variable);
    /// - `xxx`, `XXXXXXXX`, `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (only `x`s and hyphens);
    /// - `REPLACE_ME`, `CHANGE_ME`, `TODO`, `FIXME`, `TBD`, and names starting `REPLACE_WITH_`,
    ///   `INSERT_` or `ENTER_` (`INSERT_API_KEY`);
    /// - `eyJ...` (an elided token), `STRING_VALUE`.
    ///
    /// Upper-case values that are not of these forms, such as `PURCHASE` or `ADD_TO_CART`, are
    /// real enum values and are not reported. The bare word `string`, as in the Synerise batch
    /// example's label, is `common/placeholder-string`'s business (an info: it can be a real
    /// value), except in a request-syntax template (below).
    ///
    /// Where another rule already reports the value itself (a format rule: not an email
    /// address, not a UUID; or a rule for that field's placeholders, such as
    /// `sajari.send-event/token-placeholder`), that finding names the placeholder instead of a
    /// second finding: its message says so, and its help says to put the real value in. A
    /// finding on the member's key (`params.apiKey` is reserved) does not hide the placeholder in
    /// its value.
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

/// What form of placeholder `s` is (one [`is_placeholder`] knows), in words for a message.
pub(crate) fn form(s: &str) -> &'static str {
    match s.as_bytes().first() {
        Some(b'$') => "an unexpanded shell variable",
        Some(b'{') => "an unexpanded template variable",
        Some(b'<') => "a name in angle brackets",
        _ => "a documentation placeholder",
    }
}

/// Whether `s` is a documentation placeholder (see the rule's manual for the forms). Called on
/// every string of every document: each form is looked for only after its first byte.
pub(crate) fn is_placeholder(s: &str) -> bool {
    let b = s.as_bytes();
    // `…_HERE`, whatever it starts with.
    if b.len() > 5 && b[b.len() - 5..].eq_ignore_ascii_case(b"_HERE") {
        return is_name(&s[..s.len() - 5]);
    }
    let Some(first) = b.first() else {
        return false;
    };
    let marker = || {
        matches!(
            s,
            "STRING_VALUE"
                | "eyJ..."
                | "ey..."
                | "REPLACE_ME"
                | "REPLACEME"
                | "CHANGE_ME"
                | "CHANGEME"
                | "TODO"
                | "FIXME"
                | "TBD"
        )
    };
    let prefixed = |prefix: &str| s.strip_prefix(prefix).is_some_and(is_upper_name);
    match first {
        // `$access_token`, `${userId}`
        b'$' => {
            s.strip_prefix('$').is_some_and(|name| {
                name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                    && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            }) || (s.starts_with("${") && s.ends_with('}') && s.len() > 3)
        }
        // `{{userId}}`
        b'{' => s.starts_with("{{") && s.ends_with("}}") && s.len() > 4,
        // `<FORM_ID>`
        b'<' => s
            .strip_prefix('<')
            .and_then(|t| t.strip_suffix('>'))
            .is_some_and(|inner| {
                (2..=64).contains(&inner.len())
                    && inner.starts_with(|c: char| c.is_ascii_alphabetic())
                    && inner.bytes().all(|b| {
                        b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b' ' | b'.')
                    })
                    && !HTML_TAGS.iter().any(|t| t.eq_ignore_ascii_case(inner))
            }),
        // `xxx`, `xxxxxxxx-xxxx-…`
        b'x' | b'X' => {
            b.iter().filter(|c| matches!(c, b'x' | b'X')).count() >= 3
                && b.iter().all(|c| matches!(c, b'x' | b'X' | b'-'))
        }
        // `YOUR_API_KEY`, `your-api-key`
        b'Y' | b'y' => {
            b.len() > 5
                && (b[..5].eq_ignore_ascii_case(b"your_") || b[..5].eq_ignore_ascii_case(b"your-"))
                && is_name(&s[5..])
        }
        b'R' => marker() || prefixed("REPLACE_WITH_"),
        b'I' => prefixed("INSERT_"),
        b'E' => prefixed("ENTER_"),
        b'S' | b'e' | b'C' | b'T' | b'F' => marker(),
        _ => false,
    }
}

/// A name as placeholders spell it: letters, digits, `_` and `-`, at least one letter.
fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().any(|b| b.is_ascii_alphabetic())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// An upper-case name: `API_KEY`.
fn is_upper_name(s: &str) -> bool {
    is_name(s) && !s.bytes().any(|b| b.is_ascii_lowercase())
}

/// Tags a string in angle brackets may be rather than a placeholder.
const HTML_TAGS: &[&str] = &[
    "br", "hr", "em", "li", "ul", "ol", "div", "span", "strong", "img",
];

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
        // A finding on this very value (not on its key) explains it already: it names the
        // placeholder rather than being joined by a second finding.
        let on_value = ctx
            .findings
            .iter_mut()
            .filter(|f| {
                f.pointer() == &at
                    && !matches!(f.location.target(), Target::Key | Target::Occurrence(_))
            })
            .collect::<Vec<_>>();
        if !on_value.is_empty() {
            if is_placeholder(s) {
                for f in on_value {
                    name_placeholder(f, s);
                }
            }
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

/// Makes `finding`, on the value `s`, say that `s` is a documentation placeholder (unless it
/// says so already), with the help to put the real value in; a value derived from the
/// placeholder is no longer proposed.
fn name_placeholder(finding: &mut Finding, s: &str) {
    // A rule about this field's placeholders (`sajari.send-event/token-placeholder`) has said it.
    if finding.rule.id.contains("placeholder") || finding.message.contains("placeholder") {
        return;
    }
    finding
        .message
        .push_str("; the value is a documentation placeholder");
    finding.help = Some(format!("replace the placeholder `{s}` with the real value"));
    finding.proposal.clear();
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
            "YOUR_EMAIL_HERE",
            "your-api-key",
            "Your_Key",
            "API_KEY_HERE",
            "form_id_here",
            "<FORM_ID>",
            "<your token>",
            "<api-key>",
            "{{userId}}",
            "${USER_ID}",
            "$access_token",
            "xxx",
            "XXXXXXXX",
            "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
            "REPLACE_ME",
            "CHANGEME",
            "TODO",
            "FIXME",
            "REPLACE_WITH_YOUR_TOKEN",
            "INSERT_API_KEY",
            "ENTER_EMAIL",
            "eyJ...",
            "STRING_VALUE",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        for v in [
            "string",
            "$",
            "$5 off",
            "YOUR_key!",
            "YOUR_",
            "dog.bark",
            "eyJhbGciOi",
            // Upper-case enum values are real values.
            "PURCHASE",
            "ADD_TO_CART",
            "VIEW_PRODUCT",
            "SEARCH_RESULT_PAGE",
            "TYPE_UNSPECIFIED",
            "POS_NEG",
            "PERMISSION_DENIED",
            "WEB_DESKTOP",
            "INSERT",
            "ENTERPRISE",
            "TODOS",
            "Todo list",
            "todo",
            // Real values that merely look a little like the forms.
            "x",
            "xx",
            "x-ray",
            "Xbox",
            "<br>",
            "<>",
            "< 5",
            "a < b > c",
            "{{",
            "{}",
            "${}",
            "HERE",
            "_HERE",
            "WHERE",
            "go here",
            "e0097757-d1e2-44ac-ba3c-d97979a354c1",
            "jane@example.com",
            "2022-11-28T12:18:27Z",
        ] {
            assert!(!is_placeholder(v), "{v}");
        }
    }
}
