use crate::document::value::Value;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// `client.email` matches the email pattern of the API reference (SYN-PHP `Client.email`):
    /// a local part, `@`, and a domain with a dot and a top-level domain of at least two letters
    /// (or an IP address in brackets). Checked by the generated schema (`pattern`).
    ///
    /// ## Why
    /// The API validates the address with this pattern; rejection is inferred from the documented
    /// constraint.
    ///
    /// ## Example
    /// ```json
    /// {"client": {"email": "jan.kowalski@example"}}
    /// ```
    ///
    /// ## Fix
    /// ```json
    /// {"client": {"email": "jan.kowalski@example.com"}}
    /// ```
    pub(crate) static CLIENT_EMAIL_FORMAT = {
        id: "synerise.event/client-email-format",
        severity: Error,
        summary: "`client.email` is not a valid email address",
        structural: true,
    };
}

pub(crate) fn finding(at: Pointer, value: Option<&Value>) -> Finding {
    let email = value.and_then(Value::as_str).unwrap_or_default();
    let why = if !email.contains('@') {
        "it has no `@`"
    } else if email.chars().any(char::is_whitespace) {
        "it contains white space"
    } else if !email.rsplit('@').next().unwrap_or_default().contains('.') {
        "its domain has no top-level domain"
    } else {
        "it does not match the documented email pattern"
    };
    let message = if email.is_empty() {
        "`client.email` is empty, which is not a valid email address".to_owned()
    } else {
        format!("`client.email` `{email}` is not a valid email address: {why}")
    };
    let help = if email.is_empty() {
        "remove the empty `email`: `client` is identified by its other identifier"
    } else {
        "send a full address such as `name@example.com` in `client.email`, or identify the profile with `customId`"
    };
    Finding::new(&CLIENT_EMAIL_FORMAT, at, message).help(help)
}
