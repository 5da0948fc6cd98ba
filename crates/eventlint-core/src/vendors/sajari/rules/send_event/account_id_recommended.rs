use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;
use crate::vendors::sajari::rules::send_event::account_id_header::has_account_id;

declare_rule! {
    /// ## What it checks
    /// That a request to the deprecated `POST /v4/events:sendEvent` carries an `Account-Id`
    /// header (not empty).
    ///
    /// On `POST /v4/events:send` a missing header is an error,
    /// `sajari.send-event/account-id-header`.
    ///
    /// ## Why
    /// The later documentation appends "Note: You must pass an `Account-Id` header" to both
    /// endpoints, but the vendor's generated client sends it only to `/v4/events:send`, and
    /// the 2021 documentation of `:sendEvent` does not mention it (SEED-000; SJ-RB;
    /// vendor-rules.md §1.1, §1.3). Whether `:sendEvent` refuses a request without it is not
    /// known, so this is a warning.
    ///
    /// ## Example
    /// ```http
    /// POST https://api-gateway.sajari.com/v4/events:sendEvent
    /// Authorization: Basic a2V5LWlkOmtleS1zZWNyZXQ=
    /// Content-Type: application/json
    ///
    /// {"name": "purchase", "token": "eyJhbGciOiJIUzI1NiJ9.eyJxIjoiMSJ9.c2lnbmF0dXJl", "weight": 1}
    /// ```
    ///
    /// ## Fix
    /// ```http
    /// POST https://api-gateway.sajari.com/v4/events:sendEvent
    /// Authorization: Basic a2V5LWlkOmtleS1zZWNyZXQ=
    /// Account-Id: 1618535966441231024
    /// Content-Type: application/json
    ///
    /// {"name": "purchase", "token": "eyJhbGciOiJIUzI1NiJ9.eyJxIjoiMSJ9.c2lnbmF0dXJl", "weight": 1}
    /// ```
    pub(crate) static ACCOUNT_ID_RECOMMENDED = {
        id: "sajari.send-event/account-id-recommended",
        severity: Warning,
        summary: "A request to `/v4/events:sendEvent` lacks the `Account-Id` header the later docs require",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    if request.endpoint != "/v4/events:sendEvent" || has_account_id(request) {
        return;
    }
    let message = if request.header("Account-Id").is_some() {
        "the `Account-Id` header is empty"
    } else {
        "the request to `/v4/events:sendEvent` has no `Account-Id` header"
    };
    ctx.report(
        Finding::on_request(
            &ACCOUNT_ID_RECOMMENDED,
            Location::Header("Account-Id".to_owned()),
            message,
        )
        .help("add the header `Account-Id` with the account's id (e.g. `Account-Id: 1618535966441231024`)")
        .note("the later documentation says \"You must pass an `Account-Id` header\" for this endpoint too"),
    );
}

#[cfg(test)]
mod tests {
    use crate::http::testing::{check, marked, of};

    const RULE: &str = "sajari.send-event/account-id-recommended";

    fn request(path: &str, headers: &str) -> String {
        format!(
            "POST https://api-gateway.sajari.com{path}\nAuthorization: Basic a2V5LWlkOmtleS1zZWNyZXQ=\n{headers}Content-Type: application/json\n\n{{\"name\": \"click\", \"token\": \"eyJhbGciOiJIUzI1NiJ9.eyJxIjoiMSJ9.c2lnbmF0dXJl\", \"weight\": 1}}\n"
        )
    }

    #[test]
    fn a_missing_header_on_send_event_is_a_warning() {
        let text = request("/v4/events:sendEvent", "");
        let report = check(&text);
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
        assert_eq!(found[0].severity, crate::Severity::Warning);
        assert_eq!(
            marked(&report, found[0]),
            "POST https://api-gateway.sajari.com/v4/events:sendEvent"
        );
        assert!(of(&report, "sajari.send-event/account-id-header").is_empty());
    }

    #[test]
    fn the_header_is_clean() {
        let text = request("/v4/events:sendEvent", "Account-Id: 1618535966441231024\n");
        assert!(of(&check(&text), RULE).is_empty());
    }
}
