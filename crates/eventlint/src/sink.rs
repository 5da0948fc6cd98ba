//! Report sinks: each receives the run's documents in report order (path, document) as they are
//! checked, so memory does not grow with the input.
//!
//! - `human` and `github` write each document's diagnostics as soon as they arrive.
//! - `json` puts its summary first (report v1), so its entries go to an unlinked temporary file and
//!   are copied after the summary at the end: constant memory whatever the run's size.
//! - `sarif` and `junit` build their document at the end from what they collected (their results,
//!   or one test case per document), so they hold the run's findings in memory.
//!
//! A report written to a file goes to a temporary file in the same directory, renamed over the
//! destination only when the report is complete (atomic; see `output.rs`).

use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};
use std::path::PathBuf;

use eventlint_core::render::{github, human, json, junit, sarif};
use eventlint_core::report::{DocumentOutcome, FileRecord, Summary};

use crate::Format;
use crate::output::{self, Destination};

/// Where a sink's bytes go.
enum Target {
    Stdout(BufWriter<io::Stdout>),
    File {
        path: PathBuf,
        temp: BufWriter<tempfile::NamedTempFile>,
    },
}

impl Target {
    fn create(destination: &Destination) -> io::Result<Target> {
        Ok(match destination {
            Destination::Stdout => Target::Stdout(BufWriter::with_capacity(1 << 16, io::stdout())),
            Destination::File(path) => Target::File {
                path: path.clone(),
                temp: BufWriter::with_capacity(1 << 16, output::temp_beside(path)?),
            },
        })
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Target::Stdout(w) => w,
            Target::File { temp, .. } => temp,
        }
    }

    /// Flushes stdout, or moves the complete temporary file over the destination.
    fn commit(self) -> io::Result<()> {
        match self {
            Target::Stdout(mut w) => w.flush(),
            Target::File { path, temp } => {
                let temp = temp.into_inner().map_err(io::IntoInnerError::into_error)?;
                output::persist(temp, &path)
            }
        }
    }
}

/// One report being produced.
pub(crate) trait Sink: Send {
    /// A document with diagnostics, in report order.
    fn outcome(&mut self, outcome: &DocumentOutcome) -> io::Result<()>;
    /// A file is complete (after its documents' outcomes).
    fn file(&mut self, record: &FileRecord) -> io::Result<()>;
    /// The run is complete.
    fn finish(self: Box<Self>, summary: &Summary) -> io::Result<()>;
}

/// Creates the sink of one report.
pub(crate) fn create(
    format: Format,
    destination: &Destination,
    style: human::Style,
    deny_warnings: bool,
) -> io::Result<Box<dyn Sink>> {
    let target = Target::create(destination)?;
    Ok(match format {
        Format::Human => Box::new(Human {
            renderer: human::Renderer::new(style),
            target,
            buf: String::new(),
        }),
        Format::Github => Box::new(Github { target }),
        Format::Json => Box::new(Json {
            spill: BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
            any: false,
            buf: String::new(),
            target,
        }),
        Format::Sarif | Format::Junit => Box::new(Collect {
            format,
            outcomes: Vec::new(),
            files: Vec::new(),
            deny_warnings,
            target,
        }),
    })
}

struct Human {
    renderer: human::Renderer,
    target: Target,
    buf: String,
}

impl Sink for Human {
    fn outcome(&mut self, outcome: &DocumentOutcome) -> io::Result<()> {
        self.buf.clear();
        self.renderer.outcome(outcome, &mut self.buf);
        self.target.writer().write_all(self.buf.as_bytes())
    }
    fn file(&mut self, _: &FileRecord) -> io::Result<()> {
        Ok(())
    }
    fn finish(mut self: Box<Self>, summary: &Summary) -> io::Result<()> {
        writeln!(self.target.writer(), "{}", human::summary_line(summary))?;
        self.target.commit()
    }
}

struct Github {
    target: Target,
}

impl Sink for Github {
    fn outcome(&mut self, outcome: &DocumentOutcome) -> io::Result<()> {
        let text = github::render(std::slice::from_ref(outcome));
        self.target.writer().write_all(text.as_bytes())
    }
    fn file(&mut self, _: &FileRecord) -> io::Result<()> {
        Ok(())
    }
    fn finish(self: Box<Self>, _: &Summary) -> io::Result<()> {
        self.target.commit()
    }
}

struct Json {
    spill: BufWriter<File>,
    any: bool,
    buf: String,
    target: Target,
}

impl Sink for Json {
    fn outcome(&mut self, outcome: &DocumentOutcome) -> io::Result<()> {
        self.buf.clear();
        json::entries(outcome, &mut self.buf, &mut self.any);
        self.spill.write_all(self.buf.as_bytes())
    }
    fn file(&mut self, _: &FileRecord) -> io::Result<()> {
        Ok(())
    }
    fn finish(mut self: Box<Self>, summary: &Summary) -> io::Result<()> {
        let mut spill = self
            .spill
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        spill.rewind()?;
        let out = self.target.writer();
        out.write_all(json::head(summary).as_bytes())?;
        io::copy(&mut spill, out)?;
        out.write_all(json::tail(self.any).as_bytes())?;
        self.target.commit()
    }
}

struct Collect {
    format: Format,
    outcomes: Vec<DocumentOutcome>,
    files: Vec<FileRecord>,
    deny_warnings: bool,
    target: Target,
}

impl Sink for Collect {
    fn outcome(&mut self, outcome: &DocumentOutcome) -> io::Result<()> {
        self.outcomes.push(outcome.clone());
        Ok(())
    }
    fn file(&mut self, record: &FileRecord) -> io::Result<()> {
        if self.format == Format::Junit {
            self.files.push(record.clone());
        }
        Ok(())
    }
    fn finish(mut self: Box<Self>, summary: &Summary) -> io::Result<()> {
        let text = match self.format {
            Format::Junit => junit::render(
                &self.files,
                &self.outcomes,
                summary,
                junit::Options {
                    deny_warnings: self.deny_warnings,
                },
            ),
            _ => sarif::render(&self.outcomes, summary),
        };
        self.target.writer().write_all(text.as_bytes())?;
        self.target.commit()
    }
}
