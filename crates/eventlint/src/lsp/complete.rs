//! Completion: the keys and the enum values the kind's model allows at the cursor, found in the
//! kind's generated schema at the cursor's JSON Pointer (`scan`: a tolerant scan, since the
//! document is usually incomplete while it is typed).

use std::sync::Arc;

use eventlint_core::Kind;
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit,
    Documentation, MarkupContent, MarkupKind, Position, TextEdit,
};

use super::scan::{self, Cursor, Role};
use super::text::{self, Positions};
use super::{Server, schema};
use crate::input::Mode;

/// The JSON document the cursor is in.
pub(super) struct Located<'a> {
    /// The document's text (a whole `.json` file, or one NDJSON line).
    pub(super) text: &'a str,
    /// Where it starts in the file.
    pub(super) start: usize,
    /// The cursor's byte offset in the document.
    pub(super) cursor: usize,
    /// The kind it was checked as, or last known to be.
    pub(super) kind: Option<&'static Kind>,
    /// The file's text and its positions.
    pub(super) positions: Positions<'a>,
}

impl Server {
    /// The document (a JSON file, or an NDJSON line) at `position`, with its kind from the last
    /// check, current or not (the kind rarely changes as one types, and a half-typed document
    /// has none of its own). Requests' bodies are not located (no completion there yet).
    pub(super) fn locate(&self, uri: &lsp_types::Url, position: Position) -> Option<Located<'_>> {
        let doc = self.documents.get(uri)?;
        let result: Option<Arc<super::worker::Result>> =
            self.worker.state().results.get(uri).cloned();
        let positions = Positions::new(&doc.text, self.encoding);
        let offset = text::offset(&doc.text, positions.starts(), self.encoding, position);
        let (start, end) = match doc.mode {
            Mode::Json => (0, doc.text.len()),
            Mode::Ndjson => {
                let line = positions.starts().partition_point(|&s| s <= offset) - 1;
                let start = positions.starts()[line];
                let end = positions
                    .starts()
                    .get(line + 1)
                    .map_or(doc.text.len(), |&next| next - 1);
                (start, end)
            }
            mode => {
                let (start, end, n) = request_body(&doc.text, mode, offset)?;
                let kind = result
                    .as_ref()
                    .and_then(|r| r.checked.documents.get(n))
                    .and_then(|(_, kind)| *kind);
                return Some(Located {
                    text: doc.text.get(start..end)?,
                    start,
                    cursor: offset - start,
                    kind,
                    positions,
                });
            }
        };
        let kind = result.as_ref().and_then(|r| {
            r.checked
                .documents
                .iter()
                .find(|(range, _)| range.start >= start && range.start <= end)
                .and_then(|(_, kind)| *kind)
                .or(r.known)
        });
        Some(Located {
            text: doc.text.get(start..end)?,
            start,
            cursor: offset.saturating_sub(start),
            kind,
            positions,
        })
    }

    pub(super) fn complete(&self, params: &CompletionParams) -> Option<CompletionResponse> {
        let at = &params.text_document_position;
        let located = self.locate(&at.text_document.uri, at.position)?;
        let root = schema::of(located.kind?);
        let cursor = scan::scan(located.text, located.cursor);
        let replace = located
            .positions
            .range(&(located.start + cursor.replace.start..located.start + cursor.replace.end));
        let items = match cursor.role {
            Role::Key => keys(&root, &cursor, replace),
            Role::Value => values(&root, &cursor, replace),
            Role::Other => Vec::new(),
        };
        Some(CompletionResponse::Array(items))
    }
}

fn item(label: String, new_text: String, range: lsp_types::Range) -> CompletionItem {
    CompletionItem {
        filter_text: Some(new_text.clone()),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit { range, new_text })),
        label,
        ..CompletionItem::default()
    }
}

fn markdown(text: String) -> Documentation {
    Documentation::MarkupContent(MarkupContent {
        kind: MarkupKind::Markdown,
        value: text,
    })
}

/// The keys the object at the cursor may have and does not have yet.
fn keys(root: &serde_json::Value, cursor: &Cursor, range: lsp_types::Range) -> Vec<CompletionItem> {
    let nodes = schema::at(root, &cursor.container);
    // Inside a string the key replaces it, quotes included; elsewhere a member begins.
    let in_string = cursor.replace.start != cursor.replace.end;
    schema::keys(root, &nodes)
        .into_iter()
        .filter(|(key, _)| !cursor.present.iter().any(|p| p == key))
        .map(|(key, schemas)| {
            let quoted = serde_json::Value::String(key.to_owned()).to_string();
            let new_text = if in_string {
                quoted
            } else {
                format!("{quoted}: ")
            };
            CompletionItem {
                kind: Some(CompletionItemKind::PROPERTY),
                detail: schema::type_names(&schemas),
                documentation: schema::documentation(&schemas).map(markdown),
                ..item(key.to_owned(), new_text, range)
            }
        })
        .collect()
}

/// The values the schema allows for the value at the cursor, when they are a closed set.
fn values(
    root: &serde_json::Value,
    cursor: &Cursor,
    range: lsp_types::Range,
) -> Vec<CompletionItem> {
    let nodes = schema::at(root, &cursor.value_path());
    schema::values(&nodes)
        .into_iter()
        .map(|(value, doc)| {
            let text = value.to_string();
            let label = value.as_str().map_or_else(|| text.clone(), str::to_owned);
            CompletionItem {
                kind: Some(CompletionItemKind::ENUM_MEMBER),
                documentation: doc.map(markdown),
                ..item(label, text, range)
            }
        })
        .collect()
}

/// In a file of requests: the body the cursor is in, when it is written in the file as sent (an
/// `.http` or Hurl body without variables; not a curl argument or a HAR string, whose text is
/// quoted), as its byte range and the request's place among the file's items (that of its
/// check). The requests are read again: a file of requests is small, and this is one request.
fn request_body(text: &str, mode: Mode, offset: usize) -> Option<(usize, usize, usize)> {
    use eventlint_core::request::read::{self, BodySource, Item, ReadContext};
    let format = mode.requests()?;
    if format == read::Format::Har {
        return None;
    }
    let items = read::read(format, text, &ReadContext::default());
    items.iter().enumerate().find_map(|(n, item)| {
        let Item::Request(request) = item else {
            return None;
        };
        let body = request.body.as_ref()?;
        let inline = matches!(body.source, BodySource::Inline(_));
        let span = body.span.clone();
        (inline
            && span.start <= offset
            && offset <= span.end
            && text.get(span.clone()) == Some(body.text.as_str()))
        .then_some((span.start, span.end, n))
    })
}
