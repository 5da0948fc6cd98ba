//! Checks run on a worker thread, so the server never waits for one: the main thread queues a
//! document's newest version and goes on answering. Queued versions of one document coalesce
//! (a newer one replaces an older one not yet started), and a result whose version is no longer
//! the document's newest when it is ready is dropped, never published.

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

use crossbeam_channel::Sender;
use lsp_server::{Message, Notification};
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{PublishDiagnosticsParams, Url};

use super::check::{self, Checked, Job};
use super::text::{Encoding, Positions};

/// A document's last published check.
#[derive(Debug)]
pub(super) struct Result {
    pub(super) version: i32,
    pub(super) checked: Checked,
    /// The kind the document was last known to be (kept while it does not parse, as while it
    /// is typed), for completion and hover.
    pub(super) known: Option<&'static eventlint_core::Kind>,
}

/// What the main thread and the worker share.
#[derive(Debug, Default)]
pub(super) struct State {
    /// Jobs not started yet, at most one per document, oldest first.
    queue: VecDeque<Job>,
    /// The newest version of each open document (a result for another version is stale).
    pub(super) newest: HashMap<Url, i32>,
    /// Each open document's last published check.
    pub(super) results: HashMap<Url, Arc<Result>>,
    stop: bool,
}

/// The worker and its shared state.
#[derive(Debug)]
pub(super) struct Worker {
    shared: Arc<(Mutex<State>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

/// What the worker needs to publish: where to, in which encoding, with which rule address.
#[derive(Debug, Clone)]
pub(super) struct Publish {
    pub(super) sender: Sender<Message>,
    pub(super) encoding: Encoding,
    pub(super) rules_url: Option<String>,
}

impl Worker {
    pub(super) fn start(publish: Publish) -> std::io::Result<Self> {
        let shared = Arc::new((Mutex::new(State::default()), Condvar::new()));
        let theirs = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("eventlint-lsp-check".to_owned())
            .spawn(move || run(&theirs, &publish))?;
        Ok(Worker {
            shared,
            thread: Some(thread),
        })
    }

    /// The shared state, locked (a panic elsewhere does not make it unusable).
    pub(super) fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.shared.0)
    }

    /// Queues a check of `job`, the document's newest version: replaces a queued one.
    pub(super) fn submit(&self, job: Job) {
        let mut state = self.state();
        state.newest.insert(job.uri.clone(), job.version);
        if let Some(queued) = state.queue.iter_mut().find(|j| j.uri == job.uri) {
            *queued = job;
        } else {
            state.queue.push_back(job);
        }
        drop(state);
        self.shared.1.notify_one();
    }

    /// Forgets a closed document: its queued check is dropped, a running one will be.
    pub(super) fn close(&self, uri: &Url) -> MutexGuard<'_, State> {
        let mut state = self.state();
        state.queue.retain(|j| &j.uri != uri);
        state.newest.remove(uri);
        state.results.remove(uri);
        state
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.state().stop = true;
        self.shared.1.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn lock(mutex: &Mutex<State>) -> MutexGuard<'_, State> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn run(shared: &(Mutex<State>, Condvar), publish: &Publish) {
    let (mutex, ready) = shared;
    loop {
        let job = {
            let mut state = lock(mutex);
            loop {
                if state.stop {
                    return;
                }
                if let Some(job) = state.queue.pop_front() {
                    break job;
                }
                state = ready.wait(state).unwrap_or_else(PoisonError::into_inner);
            }
        };
        let (checked, diagnostics) = check_job(&job, publish);
        let mut state = lock(mutex);
        // Stale (a newer version was queued, or the document was closed): dropped.
        if state.newest.get(&job.uri) != Some(&job.version) {
            continue;
        }
        let known = checked
            .documents
            .iter()
            .find_map(|(_, kind)| *kind)
            .or_else(|| state.results.get(&job.uri).and_then(|r| r.known));
        state.results.insert(
            job.uri.clone(),
            Arc::new(Result {
                version: job.version,
                checked,
                known,
            }),
        );
        // Sent under the lock, so that a close's empty diagnostics cannot overtake it.
        let params = PublishDiagnosticsParams::new(job.uri, diagnostics, Some(job.version));
        let _ = publish.sender.send(Message::Notification(Notification::new(
            PublishDiagnostics::METHOD.to_owned(),
            params,
        )));
    }
}

/// Checks one job; a panic outside a document's check (those are `internal/error` findings)
/// becomes a diagnostic at the top rather than the end of the worker.
fn check_job(job: &Job, publish: &Publish) -> (Checked, Vec<lsp_types::Diagnostic>) {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let name = job
            .path
            .as_deref()
            .map_or_else(|| job.uri.to_string(), |p| p.to_string_lossy().into_owned());
        let base_dir = job
            .path
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(Path::new("."));
        match check::settings(job.path.as_deref(), job.mode) {
            Ok(settings) => {
                let checked = check::check(&name, &job.text, job.mode, base_dir, &settings);
                let positions = Positions::new(&job.text, publish.encoding);
                let diagnostics = checked
                    .found
                    .iter()
                    .map(|f| check::to_lsp(f, &positions, &job.uri, publish.rules_url.as_deref()))
                    .collect();
                (checked, diagnostics)
            }
            Err(problem) => (Checked::default(), vec![check::config_problem(&problem)]),
        }
    }));
    outcome.unwrap_or_else(|payload| {
        let message = format!(
            "eventlint: internal error: {} (please report it)",
            eventlint_core::panic_message(payload.as_ref())
        );
        (Checked::default(), vec![check::config_problem(&message)])
    })
}
