//! One module per vendor: its models (the schema source), kinds and rules.

pub(crate) mod glia;
pub(crate) mod neuralens;
pub(crate) mod personalize;
pub(crate) mod sajari;
pub(crate) mod synerise;

use crate::catalog::kind::Kind;

/// Every vendor's kinds.
pub(crate) static KINDS: &[&[&Kind]] = &[
    glia::KINDS,
    neuralens::KINDS,
    personalize::KINDS,
    sajari::KINDS,
    synerise::KINDS,
];

/// Where a vendor's API lives, to tell a request to an undocumented path of a known API
/// (reported) from a request to some other service (not a vendor's).
pub(crate) struct Api {
    /// The vendor's name, as its kinds give it ([`Kind::vendor`]).
    pub vendor: &'static str,
    /// Host names (or their last labels) of the API, lower-case.
    pub hosts: &'static [&'static str],
    /// Path prefixes that only this vendor's API uses.
    pub prefixes: &'static [&'static str],
}

/// The vendors' APIs (vendor-rules.md §1.1, §2.1, §3.1, §4.1, §5.1). Sajari's prefix comes
/// before Synerise's, which it extends.
pub(crate) static APIS: &[Api] = &[
    Api {
        vendor: "Sajari",
        hosts: &["sajari.com", "search.io"],
        prefixes: &["/v4/events:"],
    },
    Api {
        vendor: "Synerise",
        hosts: &["snrs.com", "synerise.com"],
        prefixes: &["/v4/events", "/events/v1/", "/v4/transactions"],
    },
    Api {
        vendor: "Glia",
        hosts: &["salemove.com", "glia.com"],
        prefixes: &["/engagements/"],
    },
    Api {
        vendor: "Neuralens",
        hosts: &["neuralens.ai"],
        prefixes: &["/analytics/"],
    },
    Api {
        vendor: "AWS Personalize Events",
        hosts: &["personalize-events"],
        prefixes: &[],
    },
];

impl Api {
    /// Whether `host` is this API's (a listed name, a subdomain of one, or for AWS a regional
    /// `personalize-events.<region>.amazonaws.com`).
    pub fn serves(&self, host: &str) -> bool {
        self.hosts.iter().any(|h| {
            host == *h
                || host.ends_with(&format!(".{h}"))
                || (h.starts_with("personalize-events") && host.starts_with("personalize-events."))
        })
    }
}

/// Said once: the key lists the rules use (`unknown-key`'s "known keys", detection) are the
/// models' members. Each list is held to the generated schema's `properties` at its place (the
/// root, or a `$defs` entry), so a field added to a model and not to its list (or the reverse)
/// fails here.
#[cfg(test)]
mod key_lists {
    use crate::catalog::registry;

    /// The member names of `kind`'s schema at `place` (`""` for the root, else a `$defs` name).
    fn members(kind: &str, place: &str) -> Vec<String> {
        let schema = registry::kinds()
            .iter()
            .find(|k| k.id == kind)
            .unwrap_or_else(|| panic!("no kind {kind}"))
            .json_schema();
        let at = if place.is_empty() {
            &schema
        } else {
            &schema["$defs"][place]
        };
        let mut names: Vec<String> = at["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("{kind} {place}: no properties"))
            .keys()
            .cloned()
            .collect();
        names.sort();
        names
    }

    #[test]
    fn every_key_list_is_its_models_members() {
        use super::{glia, neuralens, personalize, sajari, synerise};
        let lists: &[(&[&str], &str, &str)] = &[
            (glia::model::EVENT_KEYS, "glia.engagement-event", ""),
            (
                glia::model::EVENT_MESSAGE_KEYS,
                "glia.engagement-event.response",
                "",
            ),
            (
                glia::model::SENDER_KEYS,
                "glia.engagement-event.response",
                "Sender",
            ),
            (glia::model::ERROR_KEYS, "glia.error", ""),
            (neuralens::model::EVENT_KEYS, "neuralens.event", ""),
            (neuralens::model::ITEM_KEYS, "neuralens.event", "Item"),
            (neuralens::model::GEO_KEYS, "neuralens.event", "Geo"),
            (
                neuralens::model::RESPONSE_KEYS,
                "neuralens.event.response",
                "",
            ),
            (
                personalize::model::REQUEST_KEYS,
                "personalize.put-events",
                "",
            ),
            (
                personalize::model::EVENT_KEYS,
                "personalize.put-events",
                "Event",
            ),
            (
                personalize::model::ATTRIBUTION_KEYS,
                "personalize.put-events",
                "MetricAttribution",
            ),
            (personalize::model::ERROR_KEYS, "personalize.error", ""),
            (sajari::model::SEND_EVENT_KEYS, "sajari.send-event", ""),
            (sajari::model::STATUS_KEYS, "sajari.error", ""),
            (synerise::model::EVENT_KEYS, "synerise.custom-event", ""),
            (synerise::model::EVENT_KEYS, "synerise.dedicated-event", ""),
            (
                synerise::model::CLIENT_KEYS,
                "synerise.custom-event",
                "Client",
            ),
            (
                synerise::model::BATCH_EVENT_KEYS,
                "synerise.batch-events",
                "BatchEvent",
            ),
            (synerise::model::AI_EVENT_KEYS, "synerise.ai-event", ""),
            (
                synerise::model::AI_EVENT_KEYS,
                "synerise.ai-events-batch",
                "AiEvent",
            ),
            (
                synerise::model::AI_BATCH_KEYS,
                "synerise.ai-events-batch",
                "",
            ),
            (synerise::model::ERROR_KEYS, "synerise.error", ""),
            (
                synerise::model::FIELD_ERROR_KEYS,
                "synerise.error",
                "FieldError",
            ),
        ];
        for (list, kind, place) in lists {
            let mut listed: Vec<String> = list.iter().map(|k| (*k).to_owned()).collect();
            listed.sort();
            assert_eq!(listed, members(kind, place), "{kind} {place}");
        }
    }
}
