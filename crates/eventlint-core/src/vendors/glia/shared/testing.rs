//! Requests for the tests of Glia's transport rules.

/// A clean `POST /engagements/{engagement_id}/events`, as a `.http` file.
pub(crate) const CLEAN: &str =
    "POST https://api.salemove.com/engagements/af8c2e16-545d-4f83-9e79-7c5ebc544b1d/events
Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA
Accept: application/vnd.salemove.v1+json
Content-Type: application/json

{\"message\": \"Visitor navigated to insurance page\"}
";

/// [`CLEAN`] with the line starting `starts` (a header's name, or `POST`) replaced by `line`
/// (removed when `line` is empty).
pub(crate) fn with_line(starts: &str, line: &str) -> String {
    crate::http::probe::with_line(CLEAN, starts, line)
}
