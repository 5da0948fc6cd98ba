//! The pipeline for one document: decode, parse, detect its kind ([`detect`]), run the schema and
//! the kind's rules, place each finding ([`check`]); a panic in it is isolated ([`isolation`]) so
//! every front end reports the same `internal/error`.

pub(crate) mod check;
pub(crate) mod detect;
pub(crate) mod isolation;
