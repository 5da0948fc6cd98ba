//! Where a report's bytes go ([`Target`]), and the part of a report that must wait for the end
//! of the run ([`Spill`]).
//!
//! A report written to a file is published whole or not at all (see `output.rs`): it goes to a
//! temporary file beside the destination, renamed over it only when the report is complete; a
//! report whose writing fails is dropped by the run, which removes its temporary file.

use std::fs::File;
use std::io::{self, BufWriter, IoSlice, Seek, Write};
use std::path::Path;

use crate::Format;
use crate::output::{self, Destination, Opened, Temporary};

/// Where a sink's bytes go.
pub(super) enum Target {
    Stdout(BufWriter<io::Stdout>),
    /// Written in place: a device, a FIFO, `/dev/stdout`.
    Stream(BufWriter<File>),
    /// A temporary file renamed over the destination once the report is complete.
    File(BufWriter<Temporary>),
}

impl Target {
    pub(super) fn create(destination: &Destination) -> Result<Target, String> {
        Ok(match destination {
            Destination::Stdout => Target::Stdout(BufWriter::with_capacity(1 << 16, io::stdout())),
            Destination::File(path) => match output::open(path)? {
                Opened::Stream(file) => Target::Stream(BufWriter::with_capacity(1 << 16, file)),
                Opened::Replace(temp) => Target::File(BufWriter::with_capacity(1 << 16, temp)),
            },
        })
    }

    pub(super) fn writer(&mut self) -> &mut dyn Write {
        match self {
            Target::Stdout(w) => w,
            Target::Stream(w) => w,
            Target::File(w) => w,
        }
    }

    /// Appends `file` from its current position, through the kernel where it can (`io::copy`
    /// uses `copy_file_range` or `sendfile` between concrete file types, never through a
    /// `dyn Write`).
    pub(super) fn append(&mut self, file: &mut File) -> io::Result<()> {
        match self {
            Target::Stdout(w) => {
                w.flush()?;
                // `sendfile` to a file or device; a pipe gets large writes.
                let mut out = BufWriter::with_capacity(1 << 20, w.get_mut().lock());
                io::copy(file, &mut out)?;
                out.flush()?;
            }
            Target::Stream(w) => {
                w.flush()?;
                io::copy(file, w.get_mut())?;
            }
            Target::File(w) => {
                w.flush()?;
                io::copy(file, w.get_mut().file_mut()?)?;
            }
        }
        Ok(())
    }

    /// Flushes what is written in place, or publishes the complete temporary file.
    pub(super) fn commit(self) -> io::Result<()> {
        match self {
            Target::Stdout(mut w) => w.flush(),
            Target::Stream(mut w) => w.flush(),
            Target::File(w) => w
                .into_inner()
                .map_err(io::IntoInnerError::into_error)?
                .publish(),
        }
    }
}

/// A report's part that must wait for the end of the run (JSON entries, SARIF results, `JUnit`
/// case bodies): an unlinked temporary file in the temporary folder, written in batches of about
/// [`SPILL_BATCH`] bytes, each by one vectored write of the texts as the workers made them (no
/// copy into a buffer).
pub(super) struct Spill {
    file: File,
    pending: Vec<String>,
    pending_bytes: usize,
}

/// The bytes of texts a [`Spill`] holds before writing them.
const SPILL_BATCH: usize = 1 << 20;

impl Spill {
    /// An empty spill; the error says what the temporary folder is and that TMPDIR names it.
    pub(super) fn create(format: Format) -> Result<Spill, String> {
        match tempfile::tempfile() {
            Ok(file) => Ok(Spill {
                file,
                pending: Vec::new(),
                pending_bytes: 0,
            }),
            Err(err) => {
                let (dir, tmpdir) = temp_dir();
                let report = output::name(format);
                Err(if err.kind() == io::ErrorKind::NotFound {
                    format!(
                        "the {report} report needs a temporary file, and {} does not exist",
                        shown_temp_dir(&dir, tmpdir)
                    )
                } else {
                    format!(
                        "cannot create the {report} report's temporary file in {}: {err}",
                        shown_temp_dir(&dir, tmpdir)
                    )
                })
            }
        }
    }

    /// Adds `text` after what is spilled.
    pub(super) fn push(&mut self, text: String) -> io::Result<()> {
        self.pending_bytes += text.len();
        self.pending.push(text);
        if self.pending_bytes >= SPILL_BATCH {
            self.write_pending()?;
        }
        Ok(())
    }

    /// Writes the pending texts to the file.
    fn write_pending(&mut self) -> io::Result<()> {
        let mut slices: Vec<IoSlice<'_>> = self
            .pending
            .iter()
            .map(|text| IoSlice::new(text.as_bytes()))
            .collect();
        write_all_vectored(&mut self.file, &mut slices).map_err(|e| spill_failed(&e))?;
        self.pending.clear();
        self.pending_bytes = 0;
        Ok(())
    }

    /// Everything spilled, to read from the start.
    pub(super) fn rewound(mut self) -> io::Result<File> {
        self.write_pending()?;
        self.file.rewind().map_err(|e| spill_failed(&e))?;
        Ok(self.file)
    }
}

/// The temporary folder, and whether TMPDIR names it.
fn temp_dir() -> (std::path::PathBuf, bool) {
    let tmpdir = std::env::var_os("TMPDIR").is_some_and(|v| !v.is_empty());
    (std::env::temp_dir(), tmpdir)
}

fn shown_temp_dir(dir: &Path, tmpdir: bool) -> String {
    if tmpdir {
        format!("the temporary folder `{}` (TMPDIR)", dir.display())
    } else {
        format!("the temporary folder `{}`", dir.display())
    }
}

/// A spill's write error, saying it happened in the temporary folder.
pub(super) fn spill_failed(err: &io::Error) -> io::Error {
    let (dir, tmpdir) = temp_dir();
    io::Error::new(
        err.kind(),
        format!(
            "writing its temporary file in {}: {err}",
            shown_temp_dir(&dir, tmpdir)
        ),
    )
}

/// `Write::write_all_vectored`, which is not stable yet: writes every slice, in order.
fn write_all_vectored(out: &mut impl Write, mut slices: &mut [IoSlice<'_>]) -> io::Result<()> {
    IoSlice::advance_slices(&mut slices, 0);
    while !slices.is_empty() {
        match out.write_vectored(slices) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut slices, n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
