use crate::locate::pointer::Pointer;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// No `params` key differs only in case from a reserved name (`modifiedBy`, `apiKey`,
    /// `eventUUID`, `ip`, `time`, `businessProfileId`): `IP`, `Time`, `apikey`.
    ///
    /// An exact reserved name is `synerise.event/params-reserved`'s business (a warning).
    ///
    /// ## Why
    /// The reserved parameters are "ignored or overwritten with system-assigned values" (SYN-PHP
    /// `DefaultParamSource`); whether the match is case-sensitive is undocumented
    /// (vendor-rules.md §2.3). If it is not, the value you send is lost; if it is, the parameter
    /// is kept but is easily confused with the system's. An info.
    ///
    /// ## Example
    /// ```json
    /// {"params": {"IP": "10.0.0.1"}}
    /// ```
    ///
    /// ## Fix
    /// Rename the parameter: `{"params": {"clientIp": "10.0.0.1"}}`.
    pub(crate) static PARAMS_RESERVED_CASE = {
        id: "synerise.event/params-reserved-case",
        severity: Info,
        summary: "A `params` key differs only in case from a reserved name",
        fix: Unsafe("the parameter is renamed to a name of the workspace's own, which the author must confirm."),
    };
}

/// `params.<key>` (at `at`) differs only in case from the reserved `reserved`.
pub(crate) fn finding(at: Pointer, key: &str, reserved: &str) -> Finding {
    Finding::new(
        &PARAMS_RESERVED_CASE,
        at,
        format!("`params.{key}` differs only in case from the reserved name `{reserved}`"),
    )
    .on_key()
}
