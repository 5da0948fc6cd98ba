pub(crate) mod epoch_unit;
pub(crate) mod placeholder;
