use crate::rule::declare_rule;
use crate::rule::finding::{Ctx, Finding, Location};

declare_rule! {
    /// ## What it checks
    /// That the path parameter `engagement_id`, when URL-safe, is a UUID in the 8-4-4-4-12 hex
    /// form (in any case). A UUID written as 32 hex digits without its hyphens is named as
    /// such, with its canonical form.
    ///
    /// The body's `engagement_id` in the response is
    /// `glia.engagement-event.response/engagement-id-format`'s.
    ///
    /// ## Why
    /// The REST API's examples use UUIDs (`af8c2e16-545d-4f83-9e79-7c5ebc544b1d`, SEED-004), but
    /// the JS SDK documents `engagementId` as a number (GLIA-JS); the sources conflict
    /// (vendor-rules.md §8.10), so another id is only an info.
    ///
    /// ## Example
    /// ```http
    /// POST https://api.salemove.com/engagements/12345/events
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
    pub(crate) static ENGAGEMENT_ID_UUID = {
        id: "glia.engagement-event/engagement-id-uuid",
        severity: Info,
        summary: "The `engagement_id` path parameter is not a UUID",
    };
}

/// Whether `s` is a UUID in the 8-4-4-4-12 form, in any case.
fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// Reports a (URL-safe) `engagement_id` that is not a UUID.
pub(crate) fn check(ctx: &mut Ctx<'_>, id: &str) {
    if is_uuid(id) {
        return;
    }
    let at = Location::PathParam("engagement_id");
    let finding = if let Some(canonical) = crate::rule::uuid::hyphenated(id) {
        Finding::on_request(
            &ENGAGEMENT_ID_UUID,
            at,
            format!("`engagement_id` `{id}` is a UUID without its hyphens"),
        )
        .help(format!("write it with its hyphens: `{canonical}`"))
    } else {
        let what = if id.bytes().all(|b| b.is_ascii_digit()) {
            "is a number"
        } else {
            "is not a UUID"
        };
        Finding::on_request(&ENGAGEMENT_ID_UUID, at, format!("`engagement_id` `{id}` {what}"))
            .help("check that this is the engagement's id: the REST API shows UUIDs such as `af8c2e16-545d-4f83-9e79-7c5ebc544b1d`")
    };
    ctx.report(
        finding
            .note("the REST API shows UUIDs, but the JS SDK documents engagement ids as numbers"),
    );
}

#[cfg(test)]
mod tests {
    use crate::http::probe::{check, marked, rules};
    use crate::vendors::glia::shared::testing::{CLEAN, with_line};

    const ID: &str = "glia.engagement-event/engagement-id-uuid";

    fn with_id(id: &str) -> String {
        with_line(
            "POST",
            &format!("POST https://api.salemove.com/engagements/{id}/events"),
        )
    }

    #[test]
    fn an_id_that_is_not_a_uuid_is_reported_on_the_parameter() {
        for (id, says) in [
            ("12345", "is a number"),
            ("af8c2e16545d4f839e797c5ebc544b1d", "without its hyphens"),
            ("engagement-1", "not a UUID"),
        ] {
            let report = check(&with_id(id));
            assert_eq!(rules(&report), [ID], "{id}");
            assert_eq!(marked(&report, ID), [id]);
            assert!(report.diagnostics[0].message.contains(says), "{id}");
        }
    }

    #[test]
    fn a_uuid_in_any_case_and_an_id_that_is_not_url_safe_are_not_reported() {
        assert!(rules(&check(CLEAN)).is_empty());
        assert!(rules(&check(&with_id("AF8C2E16-545D-4F83-9E79-7C5EBC544B1D"))).is_empty());
        assert_eq!(
            rules(&check(&with_id("$engagement_id"))),
            ["glia.engagement-event/engagement-id"]
        );
    }
}
