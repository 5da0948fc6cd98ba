//! eventlint-core: models, rules and diagnostics for vendor event-tracking payloads.
//!
//! The pipeline for one document (see `ARCHITECTURE.md`):
//!
//! 1. [`source`]: strict RFC 8259 parsing with `serde_json` (one pass, duplicate keys noticed);
//! 2. [`kind`]: the payload kind, forced or detected from the document's shape;
//! 3. [`schema`]: structural checks against the JSON Schema generated from the kind's Rust model;
//! 4. the kind's semantic rules (`vendors::*::rules`), Rust functions over the parsed value;
//! 5. [`source::spans`]: only for documents with findings, a span-keeping re-parse maps each
//!    finding's JSON Pointer to exact bytes, lines and columns.
//!
//! Rules never do I/O and never print: they return [`Diagnostic`] values.

pub mod check;
pub mod codegen;
pub mod config;
pub mod diagnostic;
#[doc(hidden)]
pub mod fuzzing;
pub mod kind;
pub mod pointer;
pub mod registry;
pub mod render;
pub mod report;
pub mod rule;
pub mod schema;
pub mod source;

mod describe;
mod rules;
pub mod suggest;
mod time;
mod vendors;

pub use check::{CheckOptions, DocumentReport, check_document};
pub use diagnostic::{Diagnostic, Position, Severity};
pub use kind::Kind;
pub use rule::Rule;
