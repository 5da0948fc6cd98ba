use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `client.uuid` is a lowercase canonical UUID,
    /// `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`. A UUID in uppercase,
    /// or written as 32 hex digits without its hyphens, is named as such, with its canonical
    /// form.
    ///
    /// ## Why
    /// The API text only says "UUID of the Profile", but the official PHP SDK's `ClientValidator`
    /// rejects anything else, and an uppercase UUID names a different profile than its lowercase
    /// form (vendor-rules.md §2.3). Warning, since the API itself may accept it.
    ///
    /// ## Example
    /// ```json
    /// {"client": {"uuid": "E0097757-D1E2-44AC-BA3C-D97979A354C1"}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"client": {"uuid": "e0097757-d1e2-44ac-ba3c-d97979a354c1"}}
    /// ```
    pub(crate) static CLIENT_UUID_FORMAT = {
        id: "synerise.event/client-uuid-format",
        severity: Warning,
        summary: "`client.uuid` is not a lowercase canonical UUID",
        fix: Safe("when the value is a UUID written another way (capitals, no hyphens): its canonical form is written."),
    };
}

/// Whether `s` is a canonical UUID (`lowercase` demands lowercase hex).
pub(crate) fn is_uuid(s: &str, lowercase: bool) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => {
                c.is_ascii_digit()
                    || (b'a'..=b'f').contains(c)
                    || (!lowercase && (b'A'..=b'F').contains(c))
            }
        })
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, client: &Map<'_>) {
    let Some(Value::String(uuid)) = client.get("uuid") else {
        return;
    };
    if uuid.is_empty() || is_uuid(uuid, true) {
        return;
    }
    let at = at.key("uuid");
    let finding = if let Some(canonical) = crate::rule::uuid::hyphenated(uuid) {
        let canonical = canonical.to_lowercase();
        Finding::new(
            &CLIENT_UUID_FORMAT,
            at,
            format!("`client.uuid` `{uuid}` is a UUID without its hyphens, not in the canonical 8-4-4-4-12 form"),
        )
        .help(if uuid.bytes().any(|b| b.is_ascii_uppercase()) {
            format!("write it with its hyphens, in lowercase: `{canonical}`")
        } else {
            format!("write it with its hyphens: `{canonical}`")
        })
        .propose_string(&canonical)
    } else if is_uuid(uuid, false) {
        Finding::new(
            &CLIENT_UUID_FORMAT,
            at,
            "`client.uuid` has uppercase letters",
        )
        .help(format!("send it in lowercase: `{}`", uuid.to_lowercase()))
        .propose_string(&uuid.to_lowercase())
    } else {
        Finding::new(&CLIENT_UUID_FORMAT, at, format!("`client.uuid` `{uuid}` is not a UUID"))
            .help("send the profile's UUID (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, lowercase) in `client.uuid`, or use `client.customId` for your own identifier")
    };
    ctx.report(finding);
}
