//! Renderers: turn outcomes into text. They never print; the CLI writes what they return.

pub mod human;
pub mod json;
