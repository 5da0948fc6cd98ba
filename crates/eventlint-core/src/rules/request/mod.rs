//! What every request is checked for, whatever its vendor: that it could be read, that its
//! method and path are a documented endpoint, that it has the body its endpoint takes.

pub(crate) mod body_missing;
pub(crate) mod credentials_stripped;
pub(crate) mod method;
pub(crate) mod reader;
pub(crate) mod syntax;
pub(crate) mod unknown_endpoint;
