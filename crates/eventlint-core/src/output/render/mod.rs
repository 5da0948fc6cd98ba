//! Renderers: turn outcomes into text. They never print; the CLI writes what they return.
//!
//! Every renderer keeps the report order: path, then document, then position.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
