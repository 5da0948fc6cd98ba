pub(crate) mod expectation;
