pub(crate) mod expectation;
pub(crate) mod invalid;
