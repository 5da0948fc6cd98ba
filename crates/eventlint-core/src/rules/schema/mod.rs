pub(crate) mod violation;
