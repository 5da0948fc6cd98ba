//! What Glia's kinds and rules share: helpers, not kinds (each kind is a file of its own beside
//! this folder, with a `Kind` static).

pub(crate) mod authorization;
#[cfg(test)]
pub(crate) mod testing;
