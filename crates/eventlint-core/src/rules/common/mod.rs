pub(crate) mod epoch_unit;
pub(crate) mod placeholder;
pub(crate) mod placeholder_string;
