use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;
use crate::rules::common::content_type::media_type;

declare_rule! {
    /// ## What it checks
    /// That the request has an `Accept` header naming `application/vnd.salemove.v1+json` (the
    /// media type in any case; parameters are ignored). A missing header, `application/json`,
    /// `*/*` or another API version (`application/vnd.salemove.v2+json`) is reported. A list
    /// that names the v1 type among others is not [I].
    ///
    /// ## Why
    /// "The current API version is v1. Must be `application/vnd.salemove.v1+json`" (SEED-004)
    /// [D]: Glia selects the API version by `Accept`; the older visitor API says the same, "The
    /// API version must be explicitly set in the request Accept header" (GLIA-OLD). Without it
    /// the request is rejected [I].
    ///
    /// ## Example
    /// ```http
    /// POST https://api.salemove.com/engagements/af8c2e16-545d-4f83-9e79-7c5ebc544b1d/events
    /// Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA
    /// Accept: application/json
    /// Content-Type: application/json
    ///
    /// {"message": "Visitor navigated to insurance page"}
    /// ```
    ///
    /// ## Fix
    /// ```http
    /// POST https://api.salemove.com/engagements/af8c2e16-545d-4f83-9e79-7c5ebc544b1d/events
    /// Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA
    /// Accept: application/vnd.salemove.v1+json
    /// Content-Type: application/json
    ///
    /// {"message": "Visitor navigated to insurance page"}
    /// ```
    pub(crate) static ACCEPT = {
        id: "glia.engagement-event/accept",
        severity: Error,
        summary: "`Accept` is not `application/vnd.salemove.v1+json`",
        fix: Safe("when the header is there: its value is set to `application/vnd.salemove.v1+json` (a missing header has no fix)."),
    };
}

/// The media type Glia's API v1 takes.
const V1: &str = "application/vnd.salemove.v1+json";

/// Reports a missing `Accept`, or one that does not name [`V1`].
pub(crate) fn check(ctx: &mut Ctx<'_>, view: &RequestView<'_>) {
    let message = match view.header("Accept").map(str::trim) {
        None => "the request has no `Accept` header".to_owned(),
        Some("") => "the `Accept` header is empty".to_owned(),
        Some(value) => {
            let types: Vec<String> = value.split(',').map(media_type).collect();
            if types.iter().any(|t| t == V1) {
                return;
            }
            match types.as_slice() {
                [t] if t == "application/json" => {
                    "`Accept` is `application/json`, not Glia's versioned `application/vnd.salemove.v1+json`".to_owned()
                }
                [t] if t.starts_with("application/vnd.salemove.") => format!(
                    "`Accept` is `{t}`: v1 is the only documented API version"
                ),
                [t] => format!("`Accept` is `{t}`, not `{V1}`"),
                _ => format!("`Accept` (`{value}`) does not name `{V1}`"),
            }
        }
    };
    ctx.report(
        Finding::on_request(&ACCEPT, Location::Header("Accept".to_owned()), message)
            .help(format!("send `Accept: {V1}`"))
            .propose_if_header(view.header("Accept").is_some(), V1)
            .note("Glia selects the API version by `Accept`: \"Must be `application/vnd.salemove.v1+json`\""),
    );
}

#[cfg(test)]
mod tests {
    use crate::http::probe::{check, marked, rules};
    use crate::vendors::glia::shared::testing::{CLEAN, with_line};

    const ID: &str = "glia.engagement-event/accept";

    #[test]
    fn a_missing_or_other_accept_is_reported_on_the_header() {
        for (line, says) in [
            ("Accept: application/json", "`application/json`"),
            (
                "Accept: application/vnd.salemove.v2+json",
                "only documented",
            ),
            ("Accept: */*", "`*/*`"),
            ("Accept: text/html, application/json", "does not name"),
            ("Accept:", "empty"),
        ] {
            let report = check(&with_line("Accept", line));
            assert_eq!(marked(&report, ID), [line]);
            assert!(report.diagnostics[0].message.contains(says), "{line}");
        }
        let report = check(&with_line("Accept", ""));
        assert_eq!(marked(&report, ID).len(), 1);
        assert!(marked(&report, ID)[0].starts_with("POST "));
    }

    #[test]
    fn the_v1_media_type_in_any_case_is_not_reported() {
        assert!(!rules(&check(CLEAN)).contains(&ID));
        for line in [
            "Accept: Application/VND.Salemove.V1+JSON",
            "Accept: application/vnd.salemove.v1+json; charset=utf-8",
            "Accept: application/vnd.salemove.v1+json, */*",
        ] {
            assert!(
                rules(&check(&with_line("Accept", line))).is_empty(),
                "{line}"
            );
        }
    }
}
