pub(crate) mod placeholder;
