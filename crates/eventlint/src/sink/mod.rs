//! Report sinks: each receives the run's documents in report order (path, document) as they are
//! checked, so memory does not grow with the input.
//!
//! A report has two halves. Its [`Render`] runs on the worker threads: a document is counted,
//! redacted (`--redact`, before any report sees it) and turned into one [`Piece`] per report right
//! after it is checked ([`Renderers::prepare`], in `render`); the pieces depend on nothing before
//! them. Its [`Sink`] runs on the thread that drives the run and receives the pieces in report
//! order: one sink per format (`formats`, made by [`create`]), writing to its target or spilling
//! what must wait for the end of the run (`target`).

mod formats;
mod render;
mod target;

use std::io;

use eventlint_core::report::{FileRecord, Summary};

pub(crate) use self::formats::create;
pub(crate) use self::render::{Piece, Prepared, Render, Renderers};

/// One report being produced.
pub(crate) trait Sink: Send {
    /// A document with diagnostics, in report order: the piece this report's [`Render`] made.
    fn outcome(&mut self, piece: Piece) -> io::Result<()>;
    /// A file is complete (after its documents' outcomes).
    fn file(&mut self, record: &FileRecord) -> io::Result<()>;
    /// The run is complete.
    fn finish(self: Box<Self>, summary: &Summary) -> io::Result<()>;
}

/// What the command line asks of the reports beyond their format.
#[derive(Debug, Clone, Copy)]
#[allow(clippy::struct_excessive_bools)] // each is one command-line switch
pub(crate) struct Options {
    pub(crate) deny_warnings: bool,
    /// `--show-kinds`: the human report names each file's kinds, the JSON report lists them.
    pub(crate) show_kinds: bool,
    /// `--statistics`: the human report counts diagnostics per rule.
    pub(crate) statistics: bool,
}
