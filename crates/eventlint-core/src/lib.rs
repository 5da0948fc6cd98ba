//! eventlint-core: check the event-tracking payloads of Sajari, Synerise, Neuralens, AWS
//! Personalize and Glia from Rust, with the diagnostics the `eventlint` CLI prints.
//!
//! # Quick start
//!
//! A service that sends events checks, in its own tests, that the payloads it builds are valid,
//! and pins the exact messages of the invalid ones:
//!
//! ```
//! use eventlint_core::model::synerise::{Client, CustomEvent};
//! use eventlint_core::{CheckOptions, check_payload};
//!
//! // A fixed clock, so that "in the future" does not depend on the day the test runs.
//! let options = CheckOptions::at_rfc3339("2026-01-01T00:00:00Z")?;
//!
//! let event = CustomEvent {
//!     action: "dog.bark".to_owned(),
//!     client: Client { custom_id: Some("c-42".to_owned()), ..Client::default() },
//!     label: "bark".to_owned(),
//!     time: Some("2027-01-01T00:00:00Z".to_owned()), // a year after `now`
//!     params: None,
//!     event_salt: None,
//! };
//! let report = check_payload(&event, &options);
//! assert!(!report.has_errors()); // Synerise accepts it…
//! assert!(report.rules().contains(&"synerise.event/time-future")); // …but stores another time
//! let text = report.render_plain("dog-bark.json"); // e.g. insta::assert_snapshot!(text)
//! assert!(text.contains("synerise.event/time-future"));
//! assert!(text.ends_with("checked 1 file, 1 document: 0 errors, 1 warning, 1 info\n"));
//! # Ok::<(), chrono::ParseError>(())
//! ```
//!
//! # Entry points
//!
//! - [`check_str`] and [`check_bytes`]: a payload as text, e.g. a captured request body;
//! - [`check_value`]: an in-memory [`serde_json::Value`];
//! - [`check_payload`]: a payload built from the [`model`] types, checked as its kind;
//! - [`check_request`]: a whole HTTP request (method, URL, headers, body), as a service's HTTP
//!   client builds it: routed to its kind, its headers, path and query checked too;
//! - [`check_document`]: what the CLI calls for each document (no text kept in the report).
//!
//! Each takes [`CheckOptions`] (the clock, a forced [`Kind`] or shape detection, severity
//! overrides) and returns the kind and every [`Diagnostic`]: rule id, [`Severity`], message,
//! help, note, JSON Pointer, byte span and line/column positions. [`PayloadReport::render_plain`]
//! renders them as the CLI does without colour; [`render`] has every report format.
//!
//! [`registry`] lists every kind and rule ([`Rule::manual`] is the text of `eventlint explain`,
//! [`Rule::citations`] the sources it cites, described in [`SOURCES_PAGE`]);
//! [`Kind::find`] looks a kind up by id. [`config`] reads `eventlint.toml`.
//!
//! # How a payload is checked
//!
//! Strict RFC 8259 parsing with `serde_json`; the kind, forced or detected from the shape;
//! structural checks against the JSON Schema generated from the kind's model type; the kind's
//! semantic rules; then, only for a document with findings, a span-keeping re-parse that maps
//! each finding's JSON Pointer to exact bytes, lines and columns (see `ARCHITECTURE.md`). Rules
//! never do I/O and never print.

#![deny(missing_docs)]

// The tree is the pipeline (ARCHITECTURE.md, "Layers"): a document is read (`document`), run
// through the rules (`lint`, with `rule`, `rules`, `schema` and the vendors' kinds in `vendors`,
// listed by `catalog`), its findings placed (`locate`) and worded (`message`), and its outcome
// reported (`output`); `config` reads `eventlint.toml`; `library` is the face of it all.
mod catalog;
pub mod config;
mod document;
mod http;
mod library;
mod lint;
mod locate;
mod message;
mod output;
mod rule;
mod rules;
pub mod schema;
mod vendors;

pub use catalog::registry;
pub use library::codegen;
#[doc(hidden)]
pub use library::fuzzing;
pub use message::suggest;
pub use output::{redact, render, report};

/// Whole HTTP requests, as people keep them (`.http`, curl, Hurl, HAR, eventlint's request
/// log; the readers are [`request::read`], the `eventlint-request` crate): a file checked whole
/// ([`request::check_file`]), or one request read from a file ([`request::check`]), routed to
/// its kind, its body through the body pipeline and its headers, path and query through the
/// vendor's transport rules. [`check_request`] checks one request given as parts.
pub mod request {
    pub use crate::http::{
        RequestReport, Window, check, check_in, check_isolated, check_isolated_in,
        is_vendor_request, mask_credentials, problem, problem_in,
    };
    pub use crate::library::requests::{
        CheckedFile, Stripped, check_file, check_item, credentials_stripped_rule,
    };
    pub use eventlint_request as read;
}

/// Fixes: what a diagnostic offers to change ([`Fix`], [`TextEdit`], [`Applicability`]; a
/// rule declares its own as [`FixDoc`]), and a file fixed whole over passes ([`fix::fix_text`]),
/// as `eventlint check --fix` does.
pub mod fix {
    pub use crate::library::fix::{FixOptions, Fixed, Layout, MAX_PASSES, Refused, fix_text};
    pub use crate::message::fix::apply_edits;
}
pub use message::fix::{Applicability, Fix, FixDoc, TextEdit};

/// Bytes to documents: the NDJSON reader every front end uses ([`source::documents`]), BOM and
/// encoding handling, array splitting, and line/column positions ([`source::LineIndex`], in
/// characters or UTF-16 code units).
pub mod source {
    pub use crate::document::*;
}

pub use catalog::kind::{Kind, Role, Route};
pub use library::payload::Payload;
pub use library::request::check_request;
pub use library::{PayloadReport, check_bytes, check_payload, check_str, check_value};
pub use lint::check::{
    CheckOptions, DocumentReport, INTERNAL_ERROR_RULE, UnknownRule, check_document, internal_error,
};
pub use lint::isolation::{check_document_isolated, isolate, panic_message, record_panic};
pub use message::diagnostic::{Diagnostic, Part, Position, Related, RequestPlace, Severity};
pub use rule::{Citation, Rule, SOURCES_PAGE};

/// The payload types of every vendor, for building payloads with the compiler's help. Each
/// kind's top-level type implements [`Payload`] and serializes to exactly the vendor's wire
/// format; the JSON Schemas under `schemas/` are generated from these types.
pub mod model {
    /// AWS Personalize Events (`personalize.put-events`, `personalize.error`).
    pub mod personalize {
        pub use crate::vendors::personalize::model::*;
    }
    /// Glia engagement events (`glia.engagement-event`, `glia.engagement-event.response`,
    /// `glia.error`).
    pub mod glia {
        pub use crate::vendors::glia::model::*;
    }
    /// Neuralens event tracking (`neuralens.event`, `neuralens.event.response`).
    pub mod neuralens {
        pub use crate::vendors::neuralens::model::*;
    }
    /// Sajari send event (`sajari.send-event`, `sajari.send-event.response`, `sajari.error`).
    pub mod sajari {
        pub use crate::vendors::sajari::model::*;
    }
    /// Synerise v4 and AI events (`synerise.custom-event`, `synerise.dedicated-event`,
    /// `synerise.batch-events`, `synerise.ai-event`, `synerise.ai-events-batch`,
    /// `synerise.error`).
    pub mod synerise {
        pub use crate::vendors::synerise::model::*;
    }
}
