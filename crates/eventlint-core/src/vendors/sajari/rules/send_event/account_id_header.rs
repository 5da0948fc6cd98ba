use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;

declare_rule! {
    /// ## What it checks
    /// That a request to `POST /v4/events:send` carries an `Account-Id` header (not empty).
    ///
    /// The deprecated `POST /v4/events:sendEvent` is `sajari.send-event/account-id-recommended`'s
    /// business: the header is required on `:send` only, so a missing one is an error there and
    /// a warning on `:sendEvent` (one rule has one severity, hence two rules).
    ///
    /// ## Why
    /// The later API documentation says "You must pass an `Account-Id` header", and the
    /// vendor's generated client takes a required `account_id` argument for `/v4/events:send`
    /// and always sends it as that header (SJ-RB; vendor-rules.md §1.1, §1.3). The request is
    /// refused without it.
    ///
    /// ## Example
    /// ```http
    /// POST https://api.search.io/v4/events:send
    /// Authorization: Basic a2V5LWlkOmtleS1zZWNyZXQ=
    /// Content-Type: application/json
    ///
    /// {"name": "purchase", "token": "eyJhbGciOiJIUzI1NiJ9.eyJxIjoiMSJ9.c2lnbmF0dXJl", "weight": 1}
    /// ```
    ///
    /// ## Fix
    /// ```http
    /// POST https://api.search.io/v4/events:send
    /// Authorization: Basic a2V5LWlkOmtleS1zZWNyZXQ=
    /// Account-Id: 1618535966441231024
    /// Content-Type: application/json
    ///
    /// {"name": "purchase", "token": "eyJhbGciOiJIUzI1NiJ9.eyJxIjoiMSJ9.c2lnbmF0dXJl", "weight": 1}
    /// ```
    pub(crate) static ACCOUNT_ID_HEADER = {
        id: "sajari.send-event/account-id-header",
        severity: Error,
        summary: "A request to `/v4/events:send` lacks the `Account-Id` header",
    };
}

/// The endpoint that requires the header.
pub(crate) const SEND: &str = "/v4/events:send";

/// Whether the request has a non-empty `Account-Id` header.
pub(crate) fn has_account_id(request: &RequestView<'_>) -> bool {
    request
        .header("Account-Id")
        .is_some_and(|v| !v.trim().is_empty())
}

pub(crate) fn check(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    if request.endpoint != SEND || has_account_id(request) {
        return;
    }
    let message = if request.header("Account-Id").is_some() {
        "the `Account-Id` header is empty"
    } else {
        "the request to `/v4/events:send` has no `Account-Id` header"
    };
    ctx.report(
        Finding::on_request(
            &ACCOUNT_ID_HEADER,
            Location::Header("Account-Id".to_owned()),
            message,
        )
        .help("add the header `Account-Id` with the account's id (e.g. `Account-Id: 1618535966441231024`)"),
    );
}

#[cfg(test)]
mod tests {
    use crate::http::testing::{check, marked, of};

    const RULE: &str = "sajari.send-event/account-id-header";
    const BODY: &str = "\n{\"name\": \"click\", \"token\": \"eyJhbGciOiJIUzI1NiJ9.eyJxIjoiMSJ9.c2lnbmF0dXJl\", \"weight\": 1}\n";

    fn request(path: &str, headers: &str) -> String {
        format!(
            "POST https://api.search.io{path}\nAuthorization: Basic a2V5LWlkOmtleS1zZWNyZXQ=\n{headers}Content-Type: application/json\n{BODY}"
        )
    }

    #[test]
    fn a_missing_header_on_send_is_an_error_on_the_request_line() {
        let text = request("/v4/events:send", "");
        let report = check(&text);
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
        assert_eq!(
            marked(&report, found[0]),
            "POST https://api.search.io/v4/events:send"
        );
        assert!(found[0].message.contains("`Account-Id`"));
        assert!(of(&report, "sajari.send-event/account-id-recommended").is_empty());
    }

    #[test]
    fn an_empty_header_is_reported_on_it() {
        let text = request("/v4/events:send", "Account-Id: \n");
        let report = check(&text);
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
        assert!(marked(&report, found[0]).starts_with("Account-Id:"));
    }

    #[test]
    fn the_header_or_the_old_endpoint_is_clean() {
        let text = request("/v4/events:send", "Account-Id: 1618535966441231024\n");
        let report = check(&text);
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| d.severity < crate::Severity::Warning),
            "{:#?}",
            report.diagnostics
        );
        assert!(of(&check(&request("/v4/events:sendEvent", "")), RULE).is_empty());
    }
}
