use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// When both `client.email` and `params.email` are present, they are equal.
    ///
    /// ## Why
    /// `params.email` "must be exactly the same as the email of the profile which generated the
    /// event" (SYN-PHP). A different address is a sign of an event attributed to the wrong
    /// profile.
    ///
    /// ## Example
    /// ```json
    /// {"client": {"email": "jan@example.com"}, "params": {"email": "anna@example.com"}}
    /// ```
    ///
    /// ## Fix
    /// Send the profile's own address in `params.email`, or leave it out.
    pub(crate) static PARAMS_EMAIL = {
        id: "synerise.event/params-email",
        severity: Warning,
        summary: "`params.email` differs from `client.email`",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, params: &Map<'_>, client: Option<&Value>) {
    let client_email = client.and_then(|c| c.get("email")).and_then(Value::as_str);
    if let (Some(Value::String(email)), Some(client_email)) = (params.get("email"), client_email)
        && email != client_email
    {
        ctx.report(
            Finding::new(
                &PARAMS_EMAIL,
                at.key("email"),
                format!("`params.email` `{email}` differs from `client.email` `{client_email}`"),
            )
            .help("make `params.email` the profile's own address, `client.email`, or remove it"),
        );
    }
}
