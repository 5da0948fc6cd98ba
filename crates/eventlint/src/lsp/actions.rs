//! Code actions: each finding's fix (`Diagnostic::fix`) as a quick fix titled with the fix's
//! title, the safe ones preferred; and "Fix all safe fixes" (`source.fixAll.eventlint`), the
//! file fixed by the core as `check --fix` fixes it (`eventlint_core::fix::fix_text`: passes,
//! and no fix that would leave a document unreadable). Fixing all re-checks the file up to
//! eight times, so when the client can resolve an action later, it is computed only when
//! chosen (`codeAction/resolve`).

use std::collections::HashMap;

use eventlint_core::Applicability;
use eventlint_core::fix::{FixOptions, Layout, fix_text};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, TextEdit, Url, WorkspaceEdit,
};
use serde_json::json;

use super::check::{self, Found};
use super::text::Positions;
use super::{Document, Server};
use crate::input::Mode;

/// The kind of the "fix all" action.
pub(super) const FIX_ALL: &str = "source.fixAll.eventlint";

/// The title of the "fix all" action.
const FIX_ALL_TITLE: &str = "Fix all safe fixes";

impl Server {
    pub(super) fn code_actions(&self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &params.text_document.uri;
        let Some((doc, Some(result))) = self.current(uri) else {
            return Vec::new();
        };
        let wanted = |kind: &CodeActionKind| {
            params.context.only.as_ref().is_none_or(|only| {
                only.iter().any(|o| {
                    kind.as_str() == o.as_str()
                        || kind.as_str().starts_with(&format!("{}.", o.as_str()))
                })
            })
        };
        let positions = Positions::new(&doc.text, self.encoding);
        let mut actions = Vec::new();
        if wanted(&CodeActionKind::QUICKFIX) {
            for found in &result.checked.found {
                let Some(fix) = &found.diagnostic.fix else {
                    continue;
                };
                let diagnostic = check::to_lsp(found, &positions, uri, None);
                if !overlaps(&diagnostic.range, &params.range) {
                    continue;
                }
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic]),
                    edit: Some(change(uri, edits_of(found, &positions))),
                    is_preferred: Some(fix.applicability == Applicability::Safe),
                    ..CodeAction::default()
                }));
            }
        }
        let safe = result.checked.found.iter().any(|f| {
            f.diagnostic
                .fix
                .as_ref()
                .is_some_and(|fix| fix.applicability == Applicability::Safe)
        });
        let fix_all = CodeActionKind::from(FIX_ALL);
        if safe && wanted(&fix_all) {
            let mut action = CodeAction {
                title: FIX_ALL_TITLE.to_owned(),
                kind: Some(fix_all),
                data: Some(json!({"uri": uri, "version": doc.version})),
                ..CodeAction::default()
            };
            if !self.resolves_actions {
                action.edit = fix_all_edit(uri, doc, self);
            }
            actions.push(CodeActionOrCommand::CodeAction(action));
        }
        actions
    }

    /// `codeAction/resolve`: the edit of "fix all", for the version it was offered for (none
    /// for an older one: its edit would be at stale places).
    pub(super) fn resolve_action(&self, mut action: CodeAction) -> CodeAction {
        action.edit = None;
        let data = action.data.clone().unwrap_or_default();
        let uri = data
            .get("uri")
            .and_then(|u| u.as_str())
            .and_then(|u| Url::parse(u).ok());
        let version = data.get("version").and_then(serde_json::Value::as_i64);
        if let Some(uri) = uri
            && let Some(doc) = self.documents.get(&uri)
            && Some(i64::from(doc.version)) == version
            && action.title == FIX_ALL_TITLE
        {
            action.edit = fix_all_edit(&uri, doc, self);
        }
        action
    }
}

/// A fix's edits, in the file.
fn edits_of(found: &Found, positions: &Positions<'_>) -> Vec<TextEdit> {
    found
        .diagnostic
        .fix
        .iter()
        .flat_map(|fix| &fix.edits)
        .map(|edit| TextEdit {
            range: positions.range(&(found.start + edit.span.start..found.start + edit.span.end)),
            new_text: edit.content.clone(),
        })
        .collect()
}

fn change(uri: &Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

/// The document with every safe fix applied, as one edit of the part that changed; `None` when
/// nothing changes or its settings cannot be read.
fn fix_all_edit(uri: &Url, doc: &Document, server: &Server) -> Option<WorkspaceEdit> {
    let settings = check::settings(doc.path.as_deref(), doc.mode).ok()?;
    if settings.excluded {
        return None;
    }
    let options = FixOptions::default();
    // Request readers read the text after a byte order mark, as `check --fix` gives it them.
    let (bom, text) = match doc.text.strip_prefix('\u{feff}') {
        Some(text) if doc.mode.requests().is_some() => ("\u{feff}", text),
        _ => ("", doc.text.as_str()),
    };
    let fixed = if let Some(format) = doc.mode.requests() {
        let ctx = eventlint_core::request::read::ReadContext {
            base_dir: doc
                .path
                .as_deref()
                .and_then(std::path::Path::parent)
                .map(std::path::Path::to_path_buf)
                .unwrap_or_default(),
            variables: std::collections::BTreeMap::new(),
            now_unix_ms: Some(settings.options.now.timestamp_millis()),
        };
        let layout = Layout::Requests { format, ctx: &ctx };
        fix_text(text, layout, &settings.options, options)
    } else {
        let layout = match doc.mode {
            Mode::Ndjson => Layout::Ndjson,
            _ => Layout::Json {
                split_arrays: settings.split_arrays,
            },
        };
        fix_text(text, layout, &settings.options, options)
    };
    let new = format!("{bom}{}", fixed.text);
    let (range, new_text) = changed(&doc.text, &new)?;
    let positions = Positions::new(&doc.text, server.encoding);
    Some(change(
        uri,
        vec![TextEdit {
            range: positions.range(&range),
            new_text: new_text.to_owned(),
        }],
    ))
}

/// The bytes of `old` that differ from `new` (between their common prefix and suffix, on
/// character boundaries) and what replaces them; `None` when they are equal.
fn changed<'a>(old: &str, new: &'a str) -> Option<(std::ops::Range<usize>, &'a str)> {
    if old == new {
        return None;
    }
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let room = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    Some((prefix..old.len() - suffix, &new[prefix..new.len() - suffix]))
}

/// Whether two ranges share a position (an empty range touching another counts).
fn overlaps(a: &lsp_types::Range, b: &lsp_types::Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

#[cfg(test)]
mod tests {
    use super::changed;

    #[test]
    fn the_change_is_the_part_that_differs() {
        assert_eq!(changed("abc", "abc"), None);
        assert_eq!(
            changed("{\"a\": null, \"b\": 1}", "{\"b\": 1}"),
            Some((2..13, ""))
        );
        assert_eq!(changed("xż", "xź"), Some((1..3, "ź")));
        assert_eq!(changed("aa", "aaa"), Some((2..2, "a")));
    }
}
