//! What Synerise's kinds and rules share: helpers, not kinds (each kind is a file of its own
//! beside this folder, with a `Kind` static).

pub(crate) mod actions;
pub(crate) mod ai;
pub(crate) mod auth;
pub(crate) mod event;
pub(crate) mod transport;
