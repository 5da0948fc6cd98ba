//! What a checked document becomes: its outcome placed in its file ([`report`]: outcomes,
//! [`report::OffsetMap`]), the report formats ([`render`]) and secret-hiding ([`redact`]).
//! All three are public at the crate root.

pub mod redact;
pub mod render;
pub mod report;
