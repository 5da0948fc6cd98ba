pub(crate) mod duplicate_key;
pub(crate) mod encoding;
pub(crate) mod syntax;
