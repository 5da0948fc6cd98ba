use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;

declare_rule! {
    /// ## What it checks
    /// Notes a request to `POST /v4/events:sendEvent`, which the later API specification marks
    /// deprecated in favour of `POST /v4/events:send`.
    ///
    /// ## Why
    /// The seed documentation (SEED-000, 2021) names `:sendEvent`; the vendor's later API
    /// specification keeps the path with `deprecated: true` (operation `SendEvent2`) and adds
    /// `:send` (operation `SendEvent`), served from `https://api.search.io` (SJ-GO-OAS;
    /// vendor-rules.md §1.1, §1.3). The body is the same. An info: the old path still works as
    /// far as is documented.
    ///
    /// ## Example
    /// ```http
    /// POST https://api-gateway.sajari.com/v4/events:sendEvent
    /// Authorization: Basic a2V5LWlkOmtleS1zZWNyZXQ=
    /// Account-Id: 1618535966441231024
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
    pub(crate) static DEPRECATED_ENDPOINT = {
        id: "sajari.send-event/deprecated-endpoint",
        severity: Info,
        summary: "`/v4/events:sendEvent` is deprecated in favour of `/v4/events:send`",
    };
}

pub(crate) fn check(ctx: &mut Ctx<'_>, request: &RequestView<'_>) {
    if !request.deprecated {
        return;
    }
    ctx.report(
        Finding::on_request(
            &DEPRECATED_ENDPOINT,
            Location::Path,
            format!("`{} {}` is deprecated", request.method, request.path),
        )
        .help("send the event to `POST /v4/events:send`, with an `Account-Id` header; the body stays the same"),
    );
}

#[cfg(test)]
mod tests {
    use crate::http::testing::{check, marked, of};

    const RULE: &str = "sajari.send-event/deprecated-endpoint";

    fn request(path: &str) -> String {
        format!(
            "POST https://api.search.io{path}\nAuthorization: Basic a2V5LWlkOmtleS1zZWNyZXQ=\nAccount-Id: 1618535966441231024\nContent-Type: application/json\n\n{{\"name\": \"click\", \"token\": \"eyJhbGciOiJIUzI1NiJ9.eyJxIjoiMSJ9.c2lnbmF0dXJl\", \"weight\": 1}}\n"
        )
    }

    #[test]
    fn send_event_is_noted_on_its_path() {
        let text = request("/v4/events:sendEvent");
        let report = check(&text);
        let found = of(&report, RULE);
        assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
        assert_eq!(marked(&report, found[0]), "/v4/events:sendEvent");
        assert_eq!(
            found[0].message,
            "`POST /v4/events:sendEvent` is deprecated"
        );
        assert_eq!(found[0].severity, crate::Severity::Info);
    }

    #[test]
    fn send_is_clean() {
        assert!(of(&check(&request("/v4/events:send")), RULE).is_empty());
    }
}
