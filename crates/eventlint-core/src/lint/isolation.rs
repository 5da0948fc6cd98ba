//! Panic isolation: a bug in eventlint that panics while one document is checked becomes that
//! document's `internal/error` diagnostic ([`internal_error`]), the same in every front end (the
//! CLI, the test suites, [`check_bytes`](crate::check_bytes) and the other library calls),
//! instead of taking the run, or the caller, down.
//!
//! Where the panic happened is known only to a panic hook. A front end that installs one may
//! call [`record_panic`] from it: the diagnostic's message then says where (`… at
//! src/file.rs:12`), not only what. The library installs no hook (that is the program's to
//! decide); without one, the message is the panic's own.

use std::any::Any;
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, PanicHookInfo};

use crate::lint::check::{CheckOptions, DocumentReport, check_document, internal_error};

thread_local! {
    /// What the last panic on this thread said, and where (see [`record_panic`]).
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Records what a panic says and where it happened, for [`panic_message`]: call it from a panic
/// hook (`std::panic::set_hook(Box::new(eventlint_core::record_panic))`, which also stops the
/// default hook from printing a backtrace per document).
pub fn record_panic(info: &PanicHookInfo<'_>) {
    let location = info
        .location()
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    let what = payload_text(info.payload());
    LAST_PANIC.with_borrow_mut(|p| *p = Some(format!("{what}{location}")));
}

/// The message of a panic caught on this thread: what [`record_panic`] recorded of it, else
/// what its payload says (a `&str` or a `String`; "unknown panic" for anything else).
#[must_use]
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    LAST_PANIC
        .with_borrow_mut(Option::take)
        .unwrap_or_else(|| payload_text(payload))
}

fn payload_text(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned())
}

/// Runs `check`, the check of one document: a panic inside it becomes the document's report,
/// one `internal/error` diagnostic ([`internal_error`]) saying what failed ([`panic_message`]),
/// instead of unwinding into the caller. (Built with `panic = "abort"`, a panic still aborts.)
///
/// [`check_document_isolated`] is this around [`check_document`]; a front end that does more
/// per document (the CLI's test builds inject panics) passes its own closure.
pub fn isolate(options: &CheckOptions, check: impl FnOnce() -> DocumentReport) -> DocumentReport {
    // A message recorded of a panic that someone else caught is not this document's.
    LAST_PANIC.with_borrow_mut(|p| *p = None);
    std::panic::catch_unwind(AssertUnwindSafe(check))
        .unwrap_or_else(|payload| internal_error(&panic_message(payload.as_ref()), options))
}

/// [`check_document`], with a panic inside eventlint reported as the document's `internal/error`
/// diagnostic ([`isolate`]): what the CLI calls for every document.
///
/// ```
/// let options = eventlint_core::CheckOptions::at_rfc3339("2026-01-01T00:00:00Z")?;
/// let report = eventlint_core::check_document_isolated(b"{\"message\": \"hi\"}", &options);
/// assert!(report.diagnostics.is_empty());
/// # Ok::<(), chrono::ParseError>(())
/// ```
#[must_use]
pub fn check_document_isolated(bytes: &[u8], options: &CheckOptions) -> DocumentReport {
    isolate(options, || check_document(bytes, options))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::INTERNAL_ERROR_RULE;

    #[test]
    fn a_panic_is_the_documents_internal_error() {
        let options = CheckOptions::default();
        let report = isolate(&options, || panic!("boom {}", 42));
        assert_eq!(report.diagnostics.len(), 1);
        let d = &report.diagnostics[0];
        assert_eq!(d.rule, INTERNAL_ERROR_RULE);
        assert_eq!(
            d.message,
            "eventlint failed while checking this document: boom 42"
        );
        assert_eq!(report, internal_error("boom 42", &options));
        // Without a panic, the check's own report.
        let fine = isolate(&options, || check_document(b"{}", &options));
        assert_eq!(fine, check_document(b"{}", &options));
        assert_eq!(
            check_document_isolated(b"[1,]", &options),
            check_document(b"[1,]", &options)
        );
    }

    #[test]
    fn a_stale_record_is_not_this_panics_message() {
        LAST_PANIC.with_borrow_mut(|p| *p = Some("another panic at x.rs:1".to_owned()));
        let report = isolate(&CheckOptions::default(), || std::panic::panic_any(7_u8));
        assert_eq!(
            report.diagnostics[0].message,
            "eventlint failed while checking this document: unknown panic"
        );
    }
}
