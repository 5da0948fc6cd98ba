use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;
use crate::rules::request::credentials_stripped::CREDENTIALS_STRIPPED;

declare_rule! {
    /// ## What it checks
    /// That the request carries an `Authorization` header, and that it is not empty.
    ///
    /// A request read from a browser's HAR export is not reported: browsers strip
    /// `Authorization` from their exports, so its absence says nothing. Such a request gets
    /// `request/credentials-stripped` (an info) instead.
    ///
    /// ## Why
    /// `Authorization` is required: it authenticates the visitor. Without it Glia answers 401
    /// "Authorization information missing" (SEED-004) [D].
    ///
    /// ## Example
    /// ```http
    /// POST https://api.salemove.com/engagements/af8c2e16-545d-4f83-9e79-7c5ebc544b1d/events
    /// Accept: application/vnd.salemove.v1+json
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
    pub(crate) static AUTH_MISSING = {
        id: "glia.engagement-event/auth-missing",
        severity: Error,
        summary: "The request has no `Authorization` header",
    };
}

/// Reports a missing or empty `Authorization` (in a HAR that strips credentials,
/// `request/credentials-stripped` instead), and returns the value to check further.
pub(crate) fn check<'v>(ctx: &mut Ctx<'_>, view: &'v RequestView<'_>) -> Option<&'v str> {
    let value = view.header("Authorization");
    if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
        return Some(value);
    }
    let at = Location::Header("Authorization".to_owned());
    if view.credentials_stripped {
        ctx.report(
            Finding::on_request(
                &CREDENTIALS_STRIPPED,
                at,
                "the capture strips credentials, so whether the request carried `Authorization` is unknown",
            )
            .help("to check it, export the HAR with sensitive data, or capture the requests with a proxy"),
        );
        return None;
    }
    let message = if value.is_some() {
        "the `Authorization` header is empty"
    } else {
        "the request has no `Authorization` header"
    };
    ctx.report(
        Finding::on_request(&AUTH_MISSING, at, message)
            .help("send the visitor's access token: `Authorization: Bearer <token>`")
            .note("Glia answers 401 \"Authorization information missing\""),
    );
    None
}

#[cfg(test)]
mod tests {
    use crate::http::probe::{check, check_stripped, marked, rules};
    use crate::vendors::glia::shared::testing::{CLEAN, with_line};

    const ID: &str = "glia.engagement-event/auth-missing";

    #[test]
    fn a_request_without_authorization_is_reported_on_its_request_line() {
        let report = check(&with_line("Authorization", ""));
        assert_eq!(
            marked(&report, ID),
            [
                "POST https://api.salemove.com/engagements/af8c2e16-545d-4f83-9e79-7c5ebc544b1d/events"
            ]
        );
        let report = check(&with_line("Authorization", "Authorization:"));
        assert_eq!(marked(&report, ID), ["Authorization:"]);
        assert!(report.diagnostics[0].message.contains("empty"));
        assert!(!rules(&check(CLEAN)).contains(&ID));
    }

    #[test]
    fn a_har_that_strips_credentials_gets_the_info_instead() {
        let report = check_stripped(&with_line("Authorization", ""));
        assert_eq!(rules(&report), ["request/credentials-stripped"]);
        // A request that kept its credentials is checked as any other.
        assert!(rules(&check_stripped(CLEAN)).is_empty());
    }
}
