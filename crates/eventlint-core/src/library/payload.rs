//! Typed payloads: the model type of every kind, and what links it to its kind.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::catalog::kind::Kind;
use crate::vendors::{glia, neuralens, personalize, sajari, synerise};

/// A kind's model type: a payload built in Rust that [`check_payload`](crate::check_payload)
/// checks as its kind.
///
/// Implemented for the top-level type of every kind under [`model`](crate::model), e.g.
/// [`model::synerise::CustomEvent`](crate::model::synerise::CustomEvent) for
/// `synerise.custom-event`. Each serializes to exactly the vendor's wire format. The trait is
/// sealed: to check a payload of your own type, serialize it and use
/// [`check_value`](crate::check_value).
pub trait Payload: Serialize + DeserializeOwned + sealed::Sealed {
    /// The kind this type models.
    fn kind() -> &'static Kind;
}

mod sealed {
    pub trait Sealed {}
}

macro_rules! payloads {
    ($($ty:ty => $kind:expr),* $(,)?) => {
        $(
            impl sealed::Sealed for $ty {}
            impl Payload for $ty {
                fn kind() -> &'static Kind {
                    &$kind
                }
            }
        )*
    };
}

payloads! {
    glia::model::EngagementEvent => glia::engagement_event::ENGAGEMENT_EVENT,
    glia::model::EventMessage => glia::engagement_event_response::ENGAGEMENT_EVENT_RESPONSE,
    glia::model::Error => glia::error::ERROR,
    neuralens::model::EventRequest => neuralens::event::EVENT,
    neuralens::model::EventResponse => neuralens::event_response::EVENT_RESPONSE,
    personalize::model::PutEvents => personalize::put_events::PUT_EVENTS,
    personalize::model::ErrorBody => personalize::error::ERROR,
    sajari::model::SendEventRequest => sajari::send_event::SEND_EVENT,
    sajari::model::SendEventResponse => sajari::send_event_response::SEND_EVENT_RESPONSE,
    sajari::model::Status => sajari::error::ERROR,
    synerise::model::CustomEvent => synerise::custom_event::CUSTOM_EVENT,
    synerise::model::DedicatedEvent => synerise::dedicated_event::DEDICATED_EVENT,
    synerise::model::BatchEvents => synerise::batch_events::BATCH_EVENTS,
    synerise::model::AiEvent => synerise::ai_event::AI_EVENT,
    synerise::model::AiEventsBatch => synerise::ai_events_batch::AI_EVENTS_BATCH,
    synerise::model::ErrorBody => synerise::error_body::ERROR,
}

#[cfg(test)]
mod tests {
    use super::Payload;
    use crate::catalog::registry;

    /// Every kind has exactly one model type implementing `Payload`, and it names that kind.
    #[test]
    fn every_kind_has_its_payload_type() {
        let ids = [
            super::glia::model::EngagementEvent::kind().id,
            super::glia::model::EventMessage::kind().id,
            super::glia::model::Error::kind().id,
            super::neuralens::model::EventRequest::kind().id,
            super::neuralens::model::EventResponse::kind().id,
            super::personalize::model::PutEvents::kind().id,
            super::personalize::model::ErrorBody::kind().id,
            super::sajari::model::SendEventRequest::kind().id,
            super::sajari::model::SendEventResponse::kind().id,
            super::sajari::model::Status::kind().id,
            super::synerise::model::CustomEvent::kind().id,
            super::synerise::model::DedicatedEvent::kind().id,
            super::synerise::model::BatchEvents::kind().id,
            super::synerise::model::AiEvent::kind().id,
            super::synerise::model::AiEventsBatch::kind().id,
            super::synerise::model::ErrorBody::kind().id,
        ];
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        let all: Vec<&str> = registry::kinds().iter().map(|k| k.id).collect();
        assert_eq!(sorted, all);
    }
}
