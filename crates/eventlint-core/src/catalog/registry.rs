//! The one sorted registry of kinds and rules.

use std::sync::LazyLock;

use crate::catalog::kind::{Kind, Route};
use crate::rule::Rule;
use crate::{rules, vendors};

static KINDS: LazyLock<Vec<&'static Kind>> = LazyLock::new(|| {
    let mut kinds: Vec<&'static Kind> = vendors::KINDS
        .iter()
        .flat_map(|v| v.iter().copied())
        .collect();
    kinds.sort_by_key(|k| k.id);
    kinds
});

static RULES: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    let mut all: Vec<&'static Rule> = rules::GENERIC.to_vec();
    for kind in kinds() {
        all.extend(kind.rules.iter().copied());
    }
    all.sort_by_key(|r| r.id);
    all.dedup_by_key(|r| r.id);
    all
});

impl crate::catalog::kind::Kind {
    /// Looks a kind up by id, e.g. `Kind::find("synerise.custom-event")`. (Defined here, not
    /// beside the type: the registry lists the kinds, and `kind` stays below it.)
    #[must_use]
    pub fn find(id: &str) -> Option<&'static Kind> {
        kinds().iter().copied().find(|k| k.id == id)
    }
}

/// Every kind, sorted by id.
#[must_use]
pub fn kinds() -> &'static [&'static Kind] {
    &KINDS
}

/// Every rule, sorted by id.
#[must_use]
pub fn rules() -> &'static [&'static Rule] {
    &RULES
}

/// A rule by id.
#[must_use]
pub fn rule(id: &str) -> Option<&'static Rule> {
    rules().iter().copied().find(|r| r.id == id)
}

/// The kinds a rule reports on; `None` for the generic rules that apply to every kind.
#[must_use]
pub fn kinds_of(rule: &Rule) -> Option<Vec<&'static str>> {
    if rules::GENERIC.iter().any(|r| r.id == rule.id) {
        return None;
    }
    Some(
        kinds()
            .iter()
            .filter(|k| k.rules.iter().any(|r| r.id == rule.id))
            .map(|k| k.id)
            .collect(),
    )
}

/// The request kind a `method` and `path` (no query) are sent to, by the kinds' routes: the most
/// specific route that matches (`/v4/events/custom` before `/v4/events/{endpoint}`), with the
/// path parameters it captured. `None` when no request kind's route matches.
///
/// ```
/// use eventlint_core::registry::route;
///
/// let (kind, found, params) = route("POST", "/v4/events/custom").expect("a Synerise endpoint");
/// assert_eq!(kind.id, "synerise.custom-event");
/// assert_eq!(found.path, "/v4/events/custom");
/// assert!(params.is_empty());
/// let (kind, _, params) = route("POST", "/v4/events/hit-timer").expect("a dedicated endpoint");
/// assert_eq!(kind.id, "synerise.dedicated-event");
/// assert_eq!(params, [("endpoint", "hit-timer".to_owned())]);
/// assert!(route("POST", "/nowhere").is_none());
/// ```
#[must_use]
#[allow(clippy::type_complexity)] // a kind, its route and the captured parameters
pub fn route(
    method: &str,
    path: &str,
) -> Option<(
    &'static Kind,
    &'static crate::catalog::kind::Route,
    Vec<(&'static str, String)>,
)> {
    kinds()
        .iter()
        .filter(|k| k.role == crate::catalog::kind::Role::Request)
        .flat_map(|k| k.routes.iter().map(move |r| (*k, r)))
        .filter_map(|(k, r)| r.matches(method, path).map(|params| (k, r, params)))
        .max_by_key(|(_, r, _)| r.specificity())
}

/// What a request's method, path and host are to eventlint.
#[derive(Debug)]
pub(crate) enum Routing {
    /// A documented endpoint: its kind, route and captured path parameters.
    Endpoint {
        kind: &'static Kind,
        route: &'static Route,
        params: Vec<(&'static str, String)>,
    },
    /// A documented path that does not take the method: the endpoint's kind and route.
    Method {
        kind: &'static Kind,
        route: &'static Route,
    },
    /// A path of a vendor's API (by host or prefix) that is no documented endpoint, with the
    /// vendor's documented paths nearest first.
    Undocumented {
        vendor: &'static str,
        nearest: Option<&'static str>,
    },
    /// Not a vendor's API.
    Unknown,
}

/// Routes a request. A request to a vendor's host is routed among that vendor's endpoints only;
/// without a host (a path alone), among every vendor's. The most specific route wins.
pub(crate) fn route_request(method: &str, path: &str, host: Option<&str>) -> Routing {
    let by_host = host.and_then(|h| vendors::APIS.iter().find(|api| api.serves(h)));
    let candidates = || {
        kinds()
            .iter()
            .filter(|k| k.role == crate::catalog::kind::Role::Request)
            .filter(move |k| by_host.is_none_or(|api| api.vendor == k.vendor))
            .flat_map(|k| k.routes.iter().map(move |r| (*k, r)))
            .filter(|(_, r)| r.path != "*")
    };
    if let Some((kind, route, params)) = candidates()
        .filter_map(|(k, r)| r.matches(method, path).map(|params| (k, r, params)))
        .max_by_key(|(_, r, _)| r.specificity())
    {
        return Routing::Endpoint {
            kind,
            route,
            params,
        };
    }
    if let Some((kind, route)) = candidates()
        .filter(|(_, r)| any_method(r).matches(method, path).is_some())
        .max_by_key(|(_, r)| r.specificity())
    {
        return Routing::Method { kind, route };
    }
    let vendor = by_host.or_else(|| {
        vendors::APIS
            .iter()
            .find(|api| api.prefixes.iter().any(|p| path.starts_with(p)))
    });
    match vendor {
        Some(api) => {
            let paths: Vec<&'static str> = candidates()
                .filter(|(k, _)| k.vendor == api.vendor)
                .map(|(_, r)| r.path)
                .collect();
            Routing::Undocumented {
                vendor: api.vendor,
                nearest: crate::message::suggest::did_you_mean(path, &paths),
            }
        }
        None => Routing::Unknown,
    }
}

/// `route` for any method.
fn any_method(route: &Route) -> Route {
    Route {
        method: "*",
        ..*route
    }
}
