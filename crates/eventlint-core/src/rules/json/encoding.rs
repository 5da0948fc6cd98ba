use crate::locate::pointer::Pointer;
use crate::locate::spans::Target;
use crate::rule::declare_rule;
use crate::rule::finding::Finding;

declare_rule! {
    /// ## What it checks
    /// The document is UTF-8 (a UTF-8 byte order mark is accepted and ignored).
    ///
    /// ## Why
    /// RFC 8259 §8.1: JSON exchanged between systems must be UTF-8. A Latin-1 or UTF-16 file is
    /// rejected or, worse, silently garbled by the receiving API.
    ///
    /// ## Example
    /// A file saved as UTF-16 by a Windows editor (with or without a byte order mark), a label
    /// holding a Latin-1 byte `\xE9`, or a binary file named `.json`: each is said so.
    ///
    /// ## Fix
    /// Re-save the file as UTF-8 (`iconv -f UTF-16 -t UTF-8`).
    pub(crate) static ENCODING = {
        id: "json/encoding",
        severity: Error,
        summary: "The document is not valid UTF-8",
    };
}

pub(crate) fn finding(offset: usize, message: &str, help: &str, note: Option<&str>) -> Finding {
    let f = Finding::new(&ENCODING, Pointer::root(), message)
        .target(Target::Bytes(offset..offset))
        .help(help);
    match note {
        Some(note) => f.note(note),
        None => f,
    }
}
