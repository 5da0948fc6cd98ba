//! Requests for the tests of Neuralens's transport rules.

/// A clean `POST /analytics/event` (the documentation's body without its trailing comma), as a
/// `.http` file.
pub(crate) const CLEAN: &str = "POST https://api.neuralens.ai/analytics/event
X-Neuralens-API-Key: Bearer 8d2f6b1c9e4a7f3d
X-Neuralens-Application-ID: shop-1
Content-Type: application/json

{\"uid\": \"3845\", \"items\": [{\"id\": \"AV768\"}], \"query\": \"solid wood chair\", \"page\": \"SEARCH_RESULT_PAGE\", \"event\": \"CLICK_PRODUCT\", \"index\": 3, \"geo\": {\"lat\": 31.34956697190882, \"long\": 78.44615274878441, \"region\": \"MG Road\"}, \"timestamp\": 1715644800}
";

/// [`CLEAN`] with the line starting `starts` (a header's name, or `POST`) replaced by `line`
/// (removed when `line` is empty).
pub(crate) fn with_line(starts: &str, line: &str) -> String {
    crate::http::probe::with_line(CLEAN, starts, line)
}
