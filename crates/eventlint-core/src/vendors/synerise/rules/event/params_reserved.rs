use crate::document::value::Map;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `params` does not use a reserved name: `modifiedBy`, `apiKey`, `eventUUID`, `ip`, `time`,
    /// `businessProfileId`. A name that differs only in case (e.g. `IP`, `Time`) is
    /// `synerise.event/params-reserved-case`'s business (an info, since case sensitivity is
    /// undocumented).
    ///
    /// ## Why
    /// These parameters are "ignored or overwritten with system-assigned values" (SYN-PHP
    /// `DefaultParamSource`, every event body); the value you send is lost. `params.time` in
    /// particular does not set the event's time: the top-level `time` does.
    ///
    /// ## Example
    /// ```json
    /// {"params": {"time": "2022-11-28T12:18:27Z", "ip": "10.0.0.1"}}
    /// ```
    ///
    /// ## Fix
    /// Move the time to the top-level `time`, and rename other parameters (`clientIp`).
    pub(crate) static PARAMS_RESERVED = {
        id: "synerise.event/params-reserved",
        severity: Warning,
        summary: "`params` uses a reserved name that the system overwrites",
        fix: Unsafe("the parameter is renamed to a name of the workspace's own, which the author must confirm."),
    };
}

pub(crate) const RESERVED: &[&str] = &[
    "modifiedBy",
    "apiKey",
    "eventUUID",
    "ip",
    "time",
    "businessProfileId",
];

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, params: &Map<'_>) {
    for key in params.keys() {
        let exact = RESERVED.contains(&key.as_str());
        let Some(reserved) = RESERVED.iter().find(|r| r.eq_ignore_ascii_case(key)) else {
            continue;
        };
        let renamed = format!("custom{}{}", &key[..1].to_uppercase(), &key[1..]);
        let help = if reserved == &"time" {
            "move the value to the event's top-level `time`; `params.time` is overwritten"
                .to_owned()
        } else {
            format!("rename `params.{key}`, e.g. `{renamed}`")
        };
        let finding = if exact {
            Finding::new(
                &PARAMS_RESERVED,
                at.key(key),
                format!("`params.{key}` is reserved and overwritten by Synerise"),
            )
            .on_key()
        } else {
            super::params_reserved_case::finding(at.key(key), key, reserved)
        };
        let finding = finding.help(help);
        ctx.report(if reserved == &"time" {
            finding
        } else {
            finding.propose_key(&renamed)
        });
    }
}
