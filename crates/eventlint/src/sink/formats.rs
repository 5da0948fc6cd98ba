//! The sinks, one per report format, and [`create`], which pairs each with its [`Render`]:
//!
//! - `human` and `github` write each document's text as it arrives.
//! - `json` puts its summary first (report v1), so its entries go to an unlinked temporary file
//!   (a [`Spill`]) and are copied after the summary at the end: constant memory whatever the
//!   run's size. Every entry is rendered with its leading separator (`,`); the sink drops the
//!   report's first one.
//! - `sarif` spills its results the same way. A result's `ruleIndex` is its place in the list
//!   of the rules that have results, known only at the end: the workers write the rule's place
//!   in the registry between two marks (`sarif::RULE_MARK`, a NUL, which JSON text never holds
//!   raw), the sink notes which rules fired, and the copy after the rule list replaces each mark.
//! - `junit` spills each document's case body (its failure or output, after a `DOCUMENT LENGTH`
//!   line) and keeps each file's record; at the end it writes the totals, then each file's
//!   suite, a case per document, taking the bodies from the spill in order.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};

use eventlint_core::Severity;
use eventlint_core::registry;
use eventlint_core::render::{github, human, json, junit, sarif};
use eventlint_core::report::{FileRecord, Summary};

use super::render::{Piece, Render};
use super::target::{Spill, Target, spill_failed};
use super::{Options, Sink};
use crate::Format;
use crate::output::Destination;

/// Creates the sink of one report, and the renderer its pieces come from. The error names the
/// destination, or the temporary folder.
pub(crate) fn create(
    format: Format,
    destination: &Destination,
    style: human::Style,
    options: Options,
) -> Result<(Box<dyn Sink>, Render), String> {
    // The spill first: a destination opened for nothing would be opened in vain.
    let spill = match format {
        Format::Json | Format::Sarif | Format::Junit => Some(Spill::create(format)?),
        Format::Human | Format::Github => None,
    };
    let target = Target::create(destination)?;
    let deny_warnings = options.deny_warnings;
    Ok(match (format, spill) {
        (Format::Human, _) if options.statistics => (
            Box::new(Statistics {
                target,
                counts: BTreeMap::new(),
                show_kinds: options.show_kinds,
            }),
            Render::Statistics,
        ),
        (Format::Json, Some(spill)) => (
            Box::new(Json {
                spill,
                any: false,
                files: options.show_kinds.then(Vec::new),
                target,
            }),
            Render::Json,
        ),
        (Format::Sarif, Some(spill)) => (
            Box::new(Sarif {
                spill,
                fired: vec![false; registry::rules().len()],
                any: false,
                target,
            }),
            Render::Sarif,
        ),
        (Format::Junit, Some(spill)) => (
            Box::new(Junit {
                spill,
                suites: Vec::new(),
                target,
            }),
            Render::Junit(junit::Options { deny_warnings }),
        ),
        (Format::Github, _) => (
            Box::new(Stream {
                target,
                summary_line: false,
                show_kinds: false,
            }),
            Render::Github(github::Options { deny_warnings }),
        ),
        _ => (
            Box::new(Stream {
                target,
                summary_line: true,
                show_kinds: options.show_kinds,
            }),
            Render::Human(Box::new(human::Renderer::new(style))),
        ),
    })
}

/// `human` and `github`: each document's text as it comes.
struct Stream {
    target: Target,
    /// `human` ends with the summary line.
    summary_line: bool,
    /// `--show-kinds`: a line per file saying what its documents were checked as.
    show_kinds: bool,
}

impl Sink for Stream {
    fn outcome(&mut self, piece: Piece) -> io::Result<()> {
        match piece {
            Piece::Text(text) => self.target.writer().write_all(text.as_bytes()),
            _ => Ok(()),
        }
    }
    fn file(&mut self, record: &FileRecord) -> io::Result<()> {
        if self.show_kinds {
            writeln!(self.target.writer(), "{}", human::kinds_line(record))?;
        }
        Ok(())
    }
    fn finish(mut self: Box<Self>, summary: &Summary) -> io::Result<()> {
        if self.summary_line {
            writeln!(self.target.writer(), "{}", human::summary_line(summary))?;
        }
        self.target.commit()
    }
}

struct Json {
    spill: Spill,
    /// Whether an entry was written: every later one keeps its leading separator.
    any: bool,
    /// `--show-kinds`: every file's record, for the report's `files` member.
    files: Option<Vec<FileRecord>>,
    target: Target,
}

/// Drops the separator of a report's first entry or result.
fn first_without_separator(any: &mut bool, mut text: String) -> String {
    if !*any {
        *any = true;
        if text.starts_with(',') {
            text.remove(0);
        }
    }
    text
}

impl Sink for Json {
    fn outcome(&mut self, piece: Piece) -> io::Result<()> {
        let Piece::Text(text) = piece else {
            return Ok(());
        };
        if text.is_empty() {
            return Ok(());
        }
        self.spill
            .push(first_without_separator(&mut self.any, text))
    }
    fn file(&mut self, record: &FileRecord) -> io::Result<()> {
        if let Some(files) = &mut self.files {
            files.push(record.clone());
        }
        Ok(())
    }
    fn finish(mut self: Box<Self>, summary: &Summary) -> io::Result<()> {
        let mut spill = self.spill.rewound()?;
        self.target
            .writer()
            .write_all(json::head(summary).as_bytes())?;
        self.target.append(&mut spill)?;
        let tail = match &self.files {
            Some(files) => json::tail_with_files(self.any, files),
            None => json::tail(self.any).to_owned(),
        };
        self.target.writer().write_all(tail.as_bytes())?;
        self.target.commit()
    }
}

/// `sarif`: results spilled with their rules marked; the log written around them at the end.
struct Sarif {
    spill: Spill,
    /// Which rules have results, by [`sarif::rule_number`].
    fired: Vec<bool>,
    any: bool,
    target: Target,
}

impl Sink for Sarif {
    fn outcome(&mut self, piece: Piece) -> io::Result<()> {
        let Piece::Results { text, rules } = piece else {
            return Ok(());
        };
        if text.is_empty() {
            return Ok(());
        }
        for number in rules {
            if let Some(fired) = self.fired.get_mut(number) {
                *fired = true;
            }
        }
        self.spill
            .push(first_without_separator(&mut self.any, text))
    }
    fn file(&mut self, _: &FileRecord) -> io::Result<()> {
        Ok(())
    }
    fn finish(mut self: Box<Self>, summary: &Summary) -> io::Result<()> {
        let log = sarif::Log::new(&self.fired, summary);
        let mut spill = self.spill.rewound()?;
        let out = self.target.writer();
        out.write_all(log.head().as_bytes())?;
        copy_resolving(&mut spill, out, &log)?;
        out.write_all(log.tail(self.any).as_bytes())?;
        self.target.commit()
    }
}

/// Copies spilled SARIF results to `out`, each rule mark replaced by the rule's `ruleIndex`.
fn copy_resolving(spill: &mut File, out: &mut dyn Write, log: &sarif::Log) -> io::Result<()> {
    const MARK: u8 = sarif::RULE_MARK as u8;
    let mut buf = vec![0u8; 1 << 20];
    // Bytes kept from the read before: the start of a mark it cut.
    let mut kept = 0;
    loop {
        let n = match spill.read(&mut buf[kept..]) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(spill_failed(&e)),
        };
        let end = kept + n;
        let mut at = 0;
        let mut cut = end;
        while let Some(open) = memchr::memchr(MARK, &buf[at..end]).map(|i| at + i) {
            let Some(close) = memchr::memchr(MARK, &buf[open + 1..end]).map(|i| open + 1 + i)
            else {
                cut = open;
                break;
            };
            out.write_all(&buf[at..open])?;
            let number = std::str::from_utf8(&buf[open + 1..close])
                .ok()
                .and_then(|digits| digits.parse::<usize>().ok());
            let index = number.and_then(|n| log.rule_index(n)).unwrap_or_default();
            write!(out, "{index}")?;
            at = close + 1;
        }
        out.write_all(&buf[at..cut])?;
        buf.copy_within(cut..end, 0);
        kept = end - cut;
        if n == 0 {
            if kept > 0 {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "its temporary file ends inside a rule mark",
                ));
            }
            return Ok(());
        }
    }
}

/// `junit`: case bodies spilled as the documents come; the suites written at the end.
struct Junit {
    spill: Spill,
    /// Each file's cases, in report order.
    suites: Vec<Suite>,
    target: Target,
}

/// A file's part of the `JUnit` report.
struct Suite {
    path: String,
    /// `None` for a file whose record never came (it stopped being readable): its cases are
    /// left out, as its record is from every report.
    record: Option<FileRecord>,
    /// Its documents that fail.
    failures: usize,
    /// The bytes of its frames in the spill.
    bytes: u64,
}

impl Sink for Junit {
    fn outcome(&mut self, piece: Piece) -> io::Result<()> {
        let Piece::Cases {
            path,
            text,
            failures,
        } = piece
        else {
            return Ok(());
        };
        if text.is_empty() {
            return Ok(());
        }
        let bytes = text.len() as u64;
        match self.suites.last_mut() {
            Some(suite) if suite.record.is_none() && suite.path == path => {
                suite.failures += failures;
                suite.bytes += bytes;
            }
            _ => self.suites.push(Suite {
                path,
                record: None,
                failures,
                bytes,
            }),
        }
        self.spill.push(text)
    }
    fn file(&mut self, record: &FileRecord) -> io::Result<()> {
        match self.suites.last_mut() {
            Some(suite) if suite.record.is_none() && suite.path == record.path => {
                suite.record = Some(record.clone());
            }
            _ => self.suites.push(Suite {
                path: record.path.clone(),
                record: Some(record.clone()),
                failures: 0,
                bytes: 0,
            }),
        }
        Ok(())
    }
    fn finish(mut self: Box<Self>, summary: &Summary) -> io::Result<()> {
        let (tests, failures) = self
            .suites
            .iter()
            .filter_map(|s| s.record.as_ref().map(|r| (r.documents(), s.failures)))
            .fold((0, 0), |(t, f), (tests, failures)| {
                (t + tests, f + failures)
            });
        let mut spill = BufReader::with_capacity(1 << 20, self.spill.rewound()?);
        let out = self.target.writer();
        out.write_all(junit::head(tests, failures, summary).as_bytes())?;
        for suite in &self.suites {
            let mut frames = Frames {
                spill: &mut spill,
                left: suite.bytes,
            };
            let Some(record) = &suite.record else {
                frames.skip_rest()?;
                continue;
            };
            out.write_all(junit::suite_head(record, suite.failures).as_bytes())?;
            let mut next = frames.next()?;
            for (document, line, kind) in record.iter_with_lines() {
                out.write_all(junit::case_head(record, line, kind).as_bytes())?;
                while let Some((earlier, len)) = next
                    && earlier < document
                {
                    frames.skip(len)?;
                    next = frames.next()?;
                }
                match next {
                    Some((number, len)) if number == document => {
                        frames.copy(len, out)?;
                        next = frames.next()?;
                    }
                    _ => out.write_all(b"/>\n")?,
                }
            }
            if let Some((_, len)) = next {
                frames.skip(len)?;
            }
            frames.skip_rest()?;
            out.write_all(junit::SUITE_END.as_bytes())?;
        }
        out.write_all(junit::END.as_bytes())?;
        self.target.commit()
    }
}

/// The frames of one suite in the `JUnit` spill: `DOCUMENT LENGTH` lines, each followed by a
/// case body of LENGTH bytes.
struct Frames<'a> {
    spill: &'a mut BufReader<File>,
    /// The suite's bytes not read yet.
    left: u64,
}

impl Frames<'_> {
    /// The next frame's document and body length.
    fn next(&mut self) -> io::Result<Option<(usize, u64)>> {
        if self.left == 0 {
            return Ok(None);
        }
        let mut line = Vec::with_capacity(24);
        let n = self
            .spill
            .read_until(b'\n', &mut line)
            .map_err(|e| spill_failed(&e))?;
        self.left = self.left.saturating_sub(n as u64);
        let frame = std::str::from_utf8(&line)
            .ok()
            .and_then(|l| l.trim_end().split_once(' '))
            .and_then(|(d, len)| Some((d.parse().ok()?, len.parse().ok()?)));
        frame.map(Some).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                "its temporary file holds a damaged frame",
            )
        })
    }

    /// Copies a body of `len` bytes to `out`.
    fn copy(&mut self, len: u64, out: &mut dyn Write) -> io::Result<()> {
        self.left = self.left.saturating_sub(len);
        let copied = io::copy(&mut self.spill.by_ref().take(len), out)?;
        if copied < len {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        Ok(())
    }

    /// Skips a body of `len` bytes.
    fn skip(&mut self, len: u64) -> io::Result<()> {
        self.left = self.left.saturating_sub(len);
        self.spill
            .seek_relative(i64::try_from(len).unwrap_or(i64::MAX))
            .map_err(|e| spill_failed(&e))
    }

    /// Skips the rest of the suite.
    fn skip_rest(&mut self) -> io::Result<()> {
        let left = std::mem::take(&mut self.left);
        self.skip(left)
    }
}

/// `--statistics`: the human report counts diagnostics per rule.
struct Statistics {
    target: Target,
    counts: BTreeMap<(&'static str, Severity), usize>,
    show_kinds: bool,
}

impl Sink for Statistics {
    fn outcome(&mut self, piece: Piece) -> io::Result<()> {
        if let Piece::Counts(counts) = piece {
            for (key, n) in counts {
                *self.counts.entry(key).or_default() += n;
            }
        }
        Ok(())
    }
    fn file(&mut self, record: &FileRecord) -> io::Result<()> {
        if self.show_kinds {
            writeln!(self.target.writer(), "{}", human::kinds_line(record))?;
        }
        Ok(())
    }
    fn finish(mut self: Box<Self>, summary: &Summary) -> io::Result<()> {
        let rows: Vec<(usize, &str, Severity)> = self
            .counts
            .iter()
            .map(|(&(rule, severity), &n)| (n, rule, severity))
            .collect();
        let text = human::statistics(&rows);
        let out = self.target.writer();
        out.write_all(text.as_bytes())?;
        writeln!(out, "{}", human::summary_line(summary))?;
        self.target.commit()
    }
}
