pub(crate) mod error;
