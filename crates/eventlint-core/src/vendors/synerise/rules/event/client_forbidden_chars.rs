use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::locate::spans::Target;
use crate::rule::finding::{Ctx, Finding};
use crate::rule::{Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// `client.customId`, `client.uuid` and `client.email` contain none of the forbidden
    /// characters: characters outside the Basic Multilingual Plane (emoji; surrogate pairs in
    /// UTF-16), CR, LF, U+2028, U+2029, soft hyphen U+00AD, variation selectors U+FE00–U+FE0F,
    /// and NUL.
    ///
    /// ## Why
    /// The API reference publishes the pattern
    /// `([\uD800-\uDBFF][\uDC00-\uDFFF])|([\r\n\u2028\u2029\u00AD]|[\uFE00-\uFE0F]|[\u0000])` for
    /// these identifiers (SYN-PHP `Client`); rejection is inferred. Invisible characters also make
    /// two identifiers that look equal name different profiles.
    ///
    /// ## Example
    /// ```json
    /// {"client": {"customId": "c-42\n"}}
    /// ```
    ///
    /// ## Fix
    /// Trim and sanitise identifiers before sending: `{"client": {"customId": "c-42"}}`.
    pub(crate) static CLIENT_FORBIDDEN_CHARS = {
        id: "synerise.event/client-forbidden-chars",
        severity: Error,
        summary: "A `client` identifier contains a forbidden character",
    };
}

/// Whether Synerise forbids `c` in an identifier.
pub(crate) fn is_forbidden(c: char) -> bool {
    matches!(
        c,
        '\r' | '\n' | '\u{2028}' | '\u{2029}' | '\u{00AD}' | '\u{FE00}'..='\u{FE0F}' | '\0'
    ) || u32::from(c) >= 0x10000
}

/// Reports the first forbidden character of `value` at `at` (a string field named `field`).
pub(crate) fn check_string(ctx: &mut Ctx<'_>, at: &Pointer, field: &str, value: &str) {
    if let Some(finding) = forbidden_char(&CLIENT_FORBIDDEN_CHARS, at, field, value) {
        ctx.report(finding);
    }
}

/// A finding of `rule` on the first forbidden character of `value` (a string field named
/// `field` at `at`), if it has one. Also used for the AI events' `clientUUID`.
pub(crate) fn forbidden_char(
    rule: &'static Rule,
    at: &Pointer,
    field: &str,
    value: &str,
) -> Option<Finding> {
    let (i, c) = value.chars().enumerate().find(|(_, c)| is_forbidden(*c))?;
    let name = match c {
        '\r' => "a carriage return".to_owned(),
        '\n' => "a line feed".to_owned(),
        '\0' => "a NUL character".to_owned(),
        '\u{00AD}' => "a soft hyphen (U+00AD)".to_owned(),
        c if u32::from(c) >= 0x10000 => format!(
            "`{c}` (U+{:X}, outside the Basic Multilingual Plane)",
            u32::from(c)
        ),
        c => format!("U+{:04X}", u32::from(c)),
    };
    Some(
        Finding::new(rule, at.clone(), format!("`{field}` contains {name}, which Synerise forbids in identifiers"))
            .target(Target::InString(i..i + 1))
            .help(format!("remove the character from `{field}`; identifiers may not contain line breaks, emoji, soft hyphens, variation selectors or NUL")),
    )
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, client: &Map<'_>) {
    for field in ["customId", "uuid", "email"] {
        if let Some(Value::String(s)) = client.get(field) {
            check_string(ctx, &at.key(field), &format!("client.{field}"), s);
        }
    }
}
