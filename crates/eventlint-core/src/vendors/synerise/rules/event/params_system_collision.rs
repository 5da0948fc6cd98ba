use crate::document::value::Map;

use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding};

declare_rule! {
    /// ## What it checks
    /// `params` does not use the name of a system parameter stored on every event: `clientId`,
    /// `uuid`, `eventCreateTime`, `snr-original-time`.
    ///
    /// ## Why
    /// Every stored event carries these parameters (SYN-DEFEV); a parameter of yours with the same
    /// name collides with them (inferred), so analytics read the wrong value.
    ///
    /// ## Example
    /// ```json
    /// {"params": {"uuid": "order-17"}}
    /// ```
    ///
    /// ## Fix
    /// Rename the parameter, e.g. `orderUuid`.
    pub(crate) static PARAMS_SYSTEM_COLLISION = {
        id: "synerise.event/params-system-collision",
        severity: Warning,
        summary: "`params` uses the name of a system parameter stored on every event",
        fix: Unsafe("the parameter is renamed to a name of the workspace's own, which the author must confirm."),
    };
}

const SYSTEM: &[&str] = &["clientId", "uuid", "eventCreateTime", "snr-original-time"];

pub(crate) fn check(ctx: &mut Ctx<'_>, at: &Pointer, params: &Map<'_>) {
    for key in params.keys().filter(|k| SYSTEM.contains(&k.as_str())) {
        let renamed = format!("my{}{}", &key[..1].to_uppercase(), &key[1..]);
        ctx.report(
            Finding::new(&PARAMS_SYSTEM_COLLISION, at.key(key), format!("`params.{key}` collides with the system parameter `{key}` stored on every event"))
                .on_key()
                .help(format!("rename `params.{key}` to something specific, e.g. `{renamed}`"))
                .propose_key(&renamed),
        );
    }
}
