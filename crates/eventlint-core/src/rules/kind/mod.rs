pub(crate) mod undetermined;
