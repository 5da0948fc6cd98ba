//! One module per vendor: its models (the schema source), kinds and rules.

pub(crate) mod glia;
pub(crate) mod neuralens;
pub(crate) mod personalize;
pub(crate) mod sajari;
pub(crate) mod synerise;

use crate::kind::Kind;

/// Every vendor's kinds.
pub(crate) static KINDS: &[&[&Kind]] = &[
    glia::KINDS,
    neuralens::KINDS,
    personalize::KINDS,
    sajari::KINDS,
    synerise::KINDS,
];
