pub(crate) mod body_object;
pub(crate) mod content_type;
pub(crate) mod epoch_unit;
pub(crate) mod placeholder;
pub(crate) mod placeholder_string;
