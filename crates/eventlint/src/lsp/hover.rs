//! Hover: on a finding, its rule's manual (`eventlint explain`, `Rule::manual`); on a key, the
//! field's documentation from the kind's model (the generated schema's descriptions).

use eventlint_core::registry;
use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::scan::{self, Role, Token};
use super::text::{self, Positions};
use super::{Server, schema};

impl Server {
    pub(super) fn hover(&self, params: &HoverParams) -> Option<Hover> {
        let at = &params.text_document_position_params;
        let uri = &at.text_document.uri;
        let text = self
            .finding_hover(uri, at.position)
            .or_else(|| self.key_hover(uri, at.position))?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text,
            }),
            range: None,
        })
    }

    /// The findings of the current check under the cursor, each with its rule's manual.
    fn finding_hover(&self, uri: &lsp_types::Url, position: lsp_types::Position) -> Option<String> {
        let (doc, result) = self.current(uri)?;
        let result = result?;
        let positions = Positions::new(&doc.text, self.encoding);
        let offset = text::offset(&doc.text, positions.starts(), self.encoding, position);
        let mut parts = Vec::new();
        for found in &result.checked.found {
            let span = found.span();
            if !(span.start <= offset
                && (offset < span.end || span.is_empty() && offset == span.start))
            {
                continue;
            }
            let d = &found.diagnostic;
            let mut part = format!("**{}** ({}): {}", d.rule, d.severity, d.message);
            if let Some(help) = &d.help {
                part.push_str("\n\nhelp: ");
                part.push_str(help);
            }
            if let Some(rule) = registry::rule(d.rule) {
                part.push_str("\n\n---\n\n");
                part.push_str(rule.manual().trim_end());
            }
            parts.push(part);
        }
        (!parts.is_empty()).then(|| parts.join("\n\n---\n\n"))
    }

    /// The documentation of the key under the cursor, from the kind's schema.
    fn key_hover(&self, uri: &lsp_types::Url, position: lsp_types::Position) -> Option<String> {
        let located = self.locate(uri, position)?;
        let kind = located.kind?;
        let cursor = scan::scan(located.text, located.cursor);
        if cursor.role != Role::Key {
            return None;
        }
        let key = cursor.key.clone()?;
        let mut path = cursor.container.clone();
        path.push(Token::Key(key.clone()));
        let root = schema::of(kind);
        let nodes = schema::at(&root, &path);
        let doc = schema::documentation(&nodes)?;
        let pointer: String = path
            .iter()
            .map(|t| match t {
                Token::Key(k) => format!("/{}", k.replace('~', "~0").replace('/', "~1")),
                Token::Index(i) => format!("/{i}"),
            })
            .collect();
        let types = schema::type_names(&nodes)
            .map(|t| format!(": {t}"))
            .unwrap_or_default();
        Some(format!("`{pointer}`{types} ({})\n\n{doc}", kind.id))
    }
}
