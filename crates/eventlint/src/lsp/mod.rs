//! `eventlint lsp`: a language server over stdio (`lsp-server` for the JSON-RPC transport and
//! the handshake, `lsp-types` for the protocol's types).
//!
//! The main thread reads the client's messages, keeps each open document's text (`text`:
//! incremental changes, positions in the negotiated encoding) and answers requests from the
//! last published check: hover (`hover`), completion (`complete`) and code actions
//! (`actions`). Checks run on a worker thread (`worker`), each with the document's settings
//! decided as `eventlint check` decides them (`check`).

mod actions;
mod check;
mod complete;
mod hover;
mod scan;
mod schema;
mod text;
mod worker;

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, CodeActionResolveRequest, Completion, HoverRequest, Request as _,
};
use lsp_types::{
    CompletionOptions, HoverProviderCapability, InitializeParams, PublishDiagnosticsParams,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, Url,
};

use self::check::Job;
use self::text::Encoding;
use self::worker::{Publish, Worker};
use crate::input::Mode;

/// An open document, as the client last sent it.
#[derive(Debug)]
struct Document {
    text: String,
    version: i32,
    mode: Mode,
    /// The file, for a `file:` address.
    path: Option<PathBuf>,
}

/// The server's state on the main thread.
struct Server {
    connection: Connection,
    encoding: Encoding,
    documents: HashMap<Url, Document>,
    worker: Worker,
    /// The client resolves code actions' edits later (`codeAction/resolve`).
    resolves_actions: bool,
}

/// Runs the server on stdin and stdout until the client says `exit`.
pub(crate) fn run() -> ExitCode {
    let (connection, io) = Connection::stdio();
    let outcome = serve(connection);
    // The writer thread ends once every sender is gone (the connection's and the worker's).
    let joined = io.join();
    match outcome.and(joined.map_err(|e| e.to_string())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => crate::fail(&format!("lsp: {message}")),
    }
}

fn serve(connection: Connection) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).map_err(|e| e.to_string())?;
    let encoding = Encoding::choose(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let rules_url = params
        .initialization_options
        .as_ref()
        .and_then(|o| o.get("rulesUrl"))
        .and_then(|v| v.as_str())
        .map(str::to_owned);
    let capabilities = ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            lsp_types::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(lsp_types::TextDocumentSyncSaveOptions::Supported(true)),
                ..lsp_types::TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(lsp_types::CodeActionProviderCapability::Options(
            lsp_types::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lsp_types::CodeActionKind::QUICKFIX,
                    lsp_types::CodeActionKind::from(actions::FIX_ALL),
                ]),
                resolve_provider: Some(true),
                ..lsp_types::CodeActionOptions::default()
            },
        )),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".to_owned(), ":".to_owned()]),
            ..CompletionOptions::default()
        }),
        ..ServerCapabilities::default()
    };
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo {
            name: "eventlint".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    let worker = Worker::start(Publish {
        sender: connection.sender.clone(),
        encoding,
        rules_url,
    })
    .map_err(|e| format!("cannot start the check thread: {e}"))?;
    let resolves_actions = params
        .capabilities
        .text_document
        .as_ref()
        .and_then(|t| t.code_action.as_ref())
        .and_then(|c| c.resolve_support.as_ref())
        .is_some_and(|r| r.properties.iter().any(|p| p == "edit"));
    let server = Server {
        connection,
        encoding,
        documents: HashMap::new(),
        worker,
        resolves_actions,
    };
    // Open documents are checked again when an `eventlint.toml` changes, if the client can
    // watch files for the server.
    let watches = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    if watches {
        server.watch_configurations();
    }
    let mut server = server;
    server.main_loop()
}

impl Server {
    fn main_loop(&mut self) -> Result<(), String> {
        while let Ok(message) = self.connection.receiver.recv() {
            match message {
                Message::Request(request) => {
                    if self
                        .connection
                        .handle_shutdown(&request)
                        .map_err(|e| e.to_string())?
                    {
                        return Ok(());
                    }
                    let response = self.answer(request);
                    self.send(Message::Response(response));
                }
                Message::Notification(notification) => self.notified(notification),
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn send(&self, message: Message) {
        // The client gone: the reader ends the loop soon after.
        let _ = self.connection.sender.send(message);
    }

    /// Answers a request; a request the server does not know, or whose parameters it cannot
    /// read, gets the protocol's error, never a panic.
    fn answer(&self, request: Request) -> Response {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            HoverRequest::METHOD => parse(request).map(|p| serde_json::json!(self.hover(&p))),
            Completion::METHOD => parse(request).map(|p| serde_json::json!(self.complete(&p))),
            CodeActionRequest::METHOD => {
                parse(request).map(|p| serde_json::json!(self.code_actions(&p)))
            }
            CodeActionResolveRequest::METHOD => {
                parse(request).map(|p| serde_json::json!(self.resolve_action(p)))
            }
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("eventlint lsp does not answer `{}`", request.method),
            )),
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    fn notified(&mut self, notification: Notification) {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) = notification
                    .extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                {
                    let doc = p.text_document;
                    let path = doc.uri.to_file_path().ok();
                    let mode = mode_of(&doc.uri, &doc.language_id);
                    self.documents.insert(
                        doc.uri.clone(),
                        Document {
                            text: doc.text,
                            version: doc.version,
                            mode,
                            path,
                        },
                    );
                    self.submit(&doc.uri);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = notification.extract::<lsp_types::DidChangeTextDocumentParams>(
                    DidChangeTextDocument::METHOD,
                ) {
                    let uri = p.text_document.uri;
                    if let Some(doc) = self.documents.get_mut(&uri) {
                        for change in p.content_changes {
                            text::apply(&mut doc.text, self.encoding, change);
                        }
                        doc.version = p.text_document.version;
                        self.submit(&uri);
                    }
                }
            }
            DidChangeWatchedFiles::METHOD | DidSaveTextDocument::METHOD => {
                // A configuration may have changed: every open document again.
                let uris: Vec<Url> = self.documents.keys().cloned().collect();
                for uri in &uris {
                    self.submit(uri);
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) = notification
                    .extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                {
                    let uri = p.text_document.uri;
                    self.documents.remove(&uri);
                    let state = self.worker.close(&uri);
                    let params = PublishDiagnosticsParams::new(uri, Vec::new(), None);
                    self.send(Message::Notification(Notification::new(
                        PublishDiagnostics::METHOD.to_owned(),
                        params,
                    )));
                    drop(state);
                }
            }
            _ => {}
        }
    }

    /// Asks the client to tell the server when a configuration changes
    /// (`workspace/didChangeWatchedFiles` for `**/eventlint.toml`).
    fn watch_configurations(&self) {
        let options = lsp_types::DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![lsp_types::FileSystemWatcher {
                glob_pattern: lsp_types::GlobPattern::String(format!(
                    "**/{}",
                    eventlint_core::config::FILE_NAME
                )),
                kind: None,
            }],
        };
        let params = lsp_types::RegistrationParams {
            registrations: vec![lsp_types::Registration {
                id: "eventlint-configuration".to_owned(),
                method: DidChangeWatchedFiles::METHOD.to_owned(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.send(Message::Request(Request::new(
            lsp_server::RequestId::from("eventlint-watch".to_owned()),
            lsp_types::request::RegisterCapability::METHOD.to_owned(),
            params,
        )));
    }

    /// Queues a check of a document's current text.
    fn submit(&self, uri: &Url) {
        if let Some(doc) = self.documents.get(uri) {
            self.worker.submit(Job {
                uri: uri.clone(),
                version: doc.version,
                text: Arc::from(doc.text.as_str()),
                mode: doc.mode,
                path: doc.path.clone(),
            });
        }
    }

    /// A document and its last check, when that check is of the document's current version.
    fn current(&self, uri: &Url) -> Option<(&Document, Option<Arc<worker::Result>>)> {
        let doc = self.documents.get(uri)?;
        let result = self
            .worker
            .state()
            .results
            .get(uri)
            .filter(|r| r.version == doc.version)
            .cloned();
        Some((doc, result))
    }
}

/// A request's parameters, or the protocol's error for unreadable ones.
fn parse<P: serde::de::DeserializeOwned>(request: Request) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(request.params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

/// How a document is read: by its file name, as `eventlint check` reads it
/// (`input::Mode::of`); a buffer without a name by its language.
fn mode_of(uri: &Url, language: &str) -> Mode {
    let name = uri
        .path_segments()
        .and_then(Iterator::last)
        .unwrap_or_default();
    let name = percent_decoded(name);
    if name.contains('.') {
        return Mode::of(&name);
    }
    match language {
        "jsonl" | "ndjson" => Mode::Ndjson,
        "http" => Mode::Http,
        "hurl" => Mode::Hurl,
        _ => Mode::Json,
    }
}

fn percent_decoded(name: &str) -> String {
    Url::parse(&format!("file:///{name}"))
        .ok()
        .and_then(|u| u.to_file_path().ok())
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| name.to_owned())
}
