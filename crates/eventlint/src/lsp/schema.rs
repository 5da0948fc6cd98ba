//! What a kind's generated JSON Schema (`eventlint_core::schema::schema_file`, the files under
//! `schemas/`, with the model's doc comments as descriptions) allows at a JSON Pointer: the
//! keys of an object, the values of an enum, and a field's documentation.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use eventlint_core::Kind;
use serde_json::Value;

use super::scan::Token;

/// How deep `$ref`s and `anyOf`/`oneOf`/`allOf` are followed (the models' schemas nest a few
/// levels; a recursive `$ref` such as Synerise's `ParamValue` stops here).
const DEPTH: usize = 12;

/// A kind's schema, parsed once.
pub(super) fn of(kind: &'static Kind) -> Arc<Value> {
    static CACHE: OnceLock<Mutex<HashMap<&'static str, Arc<Value>>>> = OnceLock::new();
    let mut cache = CACHE
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    Arc::clone(cache.entry(kind.id).or_insert_with(|| {
        Arc::new(
            serde_json::from_str(&eventlint_core::schema::schema_file(kind)).unwrap_or(Value::Null),
        )
    }))
}

/// The schemas that may describe the value at `path` (every alternative of an `anyOf`, …).
pub(super) fn at<'a>(root: &'a Value, path: &[Token]) -> Vec<&'a Value> {
    let mut nodes = expand(root, root);
    for token in path {
        let mut next = Vec::new();
        for node in &nodes {
            let child = match token {
                Token::Key(key) => node
                    .get("properties")
                    .and_then(|p| p.get(key))
                    .or_else(|| node.get("additionalProperties").filter(|a| a.is_object())),
                Token::Index(i) => node
                    .get("prefixItems")
                    .and_then(|p| p.get(*i))
                    .or_else(|| node.get("items").filter(|a| a.is_object())),
            };
            if let Some(child) = child {
                next.extend(expand(root, child));
            }
        }
        nodes = next;
        if nodes.is_empty() {
            break;
        }
    }
    nodes
}

/// A schema and its alternatives, `$ref`s followed.
fn expand<'a>(root: &'a Value, node: &'a Value) -> Vec<&'a Value> {
    let mut out = Vec::new();
    walk(root, node, 0, &mut out);
    out
}

fn walk<'a>(root: &'a Value, node: &'a Value, depth: usize, out: &mut Vec<&'a Value>) {
    if depth > DEPTH {
        return;
    }
    // The node first: its own description (a field's) before its type's.
    out.push(node);
    if let Some(target) = node
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix('#'))
        .and_then(|pointer| root.pointer(pointer))
    {
        walk(root, target, depth + 1, out);
    }
    for keyword in ["anyOf", "oneOf", "allOf"] {
        for alternative in node
            .get(keyword)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            walk(root, alternative, depth + 1, out);
        }
    }
}

/// The keys the objects at these schemas may have, each with its schema, in the schemas'
/// order (a key named by several alternatives once).
pub(super) fn keys<'a>(root: &'a Value, nodes: &[&'a Value]) -> Vec<(&'a str, Vec<&'a Value>)> {
    let mut out: Vec<(&str, Vec<&Value>)> = Vec::new();
    for node in nodes {
        let Some(properties) = node.get("properties").and_then(Value::as_object) else {
            continue;
        };
        for (key, schema) in properties {
            let expanded = expand(root, schema);
            match out.iter_mut().find(|(k, _)| k == key) {
                Some((_, schemas)) => schemas.extend(expanded),
                None => out.push((key, expanded)),
            }
        }
    }
    out
}

/// The values these schemas allow when they are a closed set (`enum`, `const`, `boolean`),
/// each with its description.
pub(super) fn values(nodes: &[&Value]) -> Vec<(Value, Option<String>)> {
    let mut out: Vec<(Value, Option<String>)> = Vec::new();
    let mut add = |value: &Value, doc: Option<String>| {
        if !value.is_null() && !out.iter().any(|(v, _)| v == value) {
            out.push((value.clone(), doc));
        }
    };
    for node in nodes {
        let doc = description(node);
        if let Some(value) = node.get("const") {
            add(value, doc.clone());
        }
        for value in node
            .get("enum")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            add(value, None);
        }
        if node.get("type").and_then(Value::as_str) == Some("boolean") {
            add(&Value::Bool(true), None);
            add(&Value::Bool(false), None);
        }
    }
    out
}

/// A schema's documentation: its title and description.
pub(super) fn description(node: &Value) -> Option<String> {
    let title = node.get("title").and_then(Value::as_str);
    let description = node.get("description").and_then(Value::as_str);
    match (title, description) {
        (Some(t), Some(d)) => Some(format!("{t}\n\n{d}")),
        (Some(t), None) => Some(t.to_owned()),
        (None, Some(d)) => Some(d.to_owned()),
        (None, None) => None,
    }
}

/// The first documentation among these schemas.
pub(super) fn documentation(nodes: &[&Value]) -> Option<String> {
    nodes.iter().find_map(|n| description(n))
}

/// The JSON types these schemas allow, e.g. `string` or `integer | null`.
pub(super) fn type_names(nodes: &[&Value]) -> Option<String> {
    let mut names: Vec<&str> = Vec::new();
    for node in nodes {
        let types: Vec<&str> = match node.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        for t in types {
            if !names.contains(&t) {
                names.push(t);
            }
        }
    }
    (!names.is_empty()).then(|| names.join(" | "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_values_and_docs_of_a_kind() {
        let kind = Kind::find("synerise.custom-event").expect("kind");
        let root = of(kind);
        let top = at(&root, &[]);
        let keys: Vec<&str> = keys(&root, &top).into_iter().map(|(k, _)| k).collect();
        assert!(
            keys.contains(&"action") && keys.contains(&"client"),
            "{keys:?}"
        );
        let client = at(&root, &[Token::Key("client".to_owned())]);
        let keys: Vec<&str> = super::keys(&root, &client)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert!(keys.contains(&"customId"), "{keys:?}");
        let custom_id = at(
            &root,
            &[
                Token::Key("client".to_owned()),
                Token::Key("customId".to_owned()),
            ],
        );
        assert_eq!(
            documentation(&custom_id).as_deref(),
            Some("Your own identifier of the profile.")
        );
    }
}
