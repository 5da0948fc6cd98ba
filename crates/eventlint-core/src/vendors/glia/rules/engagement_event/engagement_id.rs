use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};
use crate::rule::request::RequestView;
use crate::rules::common::placeholder::{form, is_placeholder};

declare_rule! {
    /// ## What it checks
    /// That the path parameter `engagement_id` is not empty and is URL-safe: ASCII letters,
    /// digits, `-`, `.`, `_` and `~` only. The documentation's path template copied as is
    /// (`{engagement_id}`), an unexpanded shell variable (`$engagement_id`), a template
    /// variable, or a percent-encoded character is reported. A URL-safe id that is not
    /// a UUID is `glia.engagement-event/engagement-id-uuid`'s (an info).
    ///
    /// ## Why
    /// The endpoint is `POST /engagements/{engagement_id}/events`, and its examples use UUIDs
    /// such as `af8c2e16-545d-4f83-9e79-7c5ebc544b1d` (SEED-004) [D]; the JS SDK documents the
    /// id as a number (GLIA-JS). Neither ever needs another character: such a path names no
    /// engagement [I].
    ///
    /// ## Example
    /// ```http
    /// POST https://api.salemove.com/engagements/$engagement_id/events
    /// Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA
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
    pub(crate) static ENGAGEMENT_ID = {
        id: "glia.engagement-event/engagement-id",
        severity: Error,
        summary: "The `engagement_id` path parameter is empty or not URL-safe",
    };
}

/// Whether `c` is one of RFC 3986's unreserved characters.
fn url_safe(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~')
}

/// Reports an empty or not URL-safe `engagement_id`; returns the id when it is URL-safe.
pub(crate) fn check<'v>(ctx: &mut Ctx<'_>, view: &'v RequestView<'_>) -> Option<&'v str> {
    let id = view.param("engagement_id")?;
    let message = if id.is_empty() {
        "`engagement_id` is empty".to_owned()
    } else if id.starts_with('{') && id.ends_with('}') && !id.starts_with("{{") {
        format!("`engagement_id` is `{id}`, the documentation's path template, not an id")
    } else if is_placeholder(id) {
        format!("`engagement_id` `{id}` is {}, not an id", form(id))
    } else if let Some(c) = id.chars().find(|c| !url_safe(*c)) {
        if c == '%' {
            format!(
                "`engagement_id` `{id}` is percent-encoded: the id has characters no engagement id has"
            )
        } else {
            format!("`engagement_id` `{id}` has `{c}`, which is not URL-safe")
        }
    } else {
        return Some(id);
    };
    ctx.report(
        Finding::on_request(&ENGAGEMENT_ID, Location::PathParam("engagement_id"), message)
            .help("put the engagement's id in the path, e.g. `/engagements/af8c2e16-545d-4f83-9e79-7c5ebc544b1d/events`"),
    );
    None
}

#[cfg(test)]
mod tests {
    use crate::http::probe::{check, marked, rules};
    use crate::vendors::glia::shared::testing::{CLEAN, with_line};

    const ID: &str = "glia.engagement-event/engagement-id";

    fn with_id(id: &str) -> String {
        with_line(
            "POST",
            &format!("POST https://api.salemove.com/engagements/{id}/events"),
        )
    }

    #[test]
    fn an_id_that_is_not_url_safe_is_reported_on_the_parameter() {
        for (id, says) in [
            ("$engagement_id", "shell variable"),
            ("{engagement_id}", "path template"),
            ("af8c2e16%20545d", "percent-encoded"),
            ("af8c2e16,545d", "`,`"),
        ] {
            let report = check(&with_id(id));
            assert_eq!(rules(&report), [ID], "{id}");
            assert_eq!(marked(&report, ID), [id]);
            assert!(report.diagnostics[0].message.contains(says), "{id}");
        }
    }

    #[test]
    fn a_url_safe_id_is_not_reported() {
        assert!(!rules(&check(CLEAN)).contains(&ID));
        assert!(!rules(&check(&with_id("12345"))).contains(&ID));
    }
}
