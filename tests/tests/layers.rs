//! The core's layers, held (ARCHITECTURE.md, "Layers"): imports run from a higher layer to a
//! lower one only, and no more than ten of the core's files reach each other in a cycle.
//!
//! Read from the sources with `syn`: every `use` of `crate::`, `super::` and `self::` paths,
//! every such path in an expression or a type, and every `mod child;` (the parent reaches the
//! child), outside `#[cfg(test)]` items. A path is charged to the longest module it names, so
//! `use crate::vendors::synerise::model::X` reaches `vendors/synerise/model.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// Each module of the core (a folder, or a file where a folder holds several layers) and its
/// layer: a module may use its own layer and those below, never one above. A file belongs to the
/// longest entry that names it or one of its parents.
const LAYERS: &[(&str, usize, &str)] = &[
    ("document", 0, "leaf"),
    ("locate", 0, "leaf"),
    ("message", 0, "leaf"),
    ("rule", 0, "the rule API"),
    ("catalog::kind", 1, "kinds and rules"),
    ("schema", 1, "kinds and rules"),
    ("rules", 1, "kinds and rules"),
    ("vendors", 1, "kinds and rules"),
    ("catalog", 2, "the registry"),
    ("lint", 3, "the pipeline"),
    ("http", 3, "the pipeline"),
    ("output", 4, "reports"),
    ("library", 5, "the library face"),
    ("config", 5, "the library face"),
    ("lib", 6, "the crate root"),
];

/// The largest set of files allowed to reach each other.
const LARGEST_CYCLE: usize = 10;

type ModPath = Vec<String>;

/// Every source file of the core by its module path (`["vendors", "synerise", "model"]`).
fn modules(src: &Path) -> BTreeMap<ModPath, PathBuf> {
    fn walk(dir: &Path, src: &Path, out: &mut BTreeMap<ModPath, PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a source folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, src, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(src).expect("under src");
                let mut module: ModPath = rel
                    .with_extension("")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                    module.pop();
                }
                out.insert(module, path);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(src, src, &mut out);
    out
}

/// What one file reaches: module paths, as written from the crate root.
struct Reach {
    /// The module the visitor is in (the file's, then any inline `mod` inside it).
    here: ModPath,
    found: BTreeSet<ModPath>,
    /// Child modules declared `#[cfg(test)]`: their files are left out of the graph.
    test_only: BTreeSet<ModPath>,
}

fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Meta>()
                .is_ok_and(|m| m.path().is_ident("test"))
    })
}

impl Reach {
    /// `segments` (starting with `crate`, `super` or `self`) from the crate root.
    fn absolute(&self, segments: &[String]) -> Option<ModPath> {
        let (first, rest) = segments.split_first()?;
        let mut path = match first.as_str() {
            "crate" => Vec::new(),
            "self" => self.here.clone(),
            "super" => {
                let mut up = self.here.clone();
                up.pop();
                up
            }
            _ => return None,
        };
        let mut rest = rest;
        while rest.first().is_some_and(|s| s == "super") {
            path.pop();
            rest = &rest[1..];
        }
        path.extend(rest.iter().cloned());
        Some(path)
    }

    fn tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                prefix.push(n.ident.to_string());
                self.note(prefix);
                prefix.pop();
            }
            syn::UseTree::Rename(r) => {
                prefix.push(r.ident.to_string());
                self.note(prefix);
                prefix.pop();
            }
            syn::UseTree::Glob(_) => self.note(prefix),
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.tree(prefix, t);
                }
            }
        }
    }

    fn note(&mut self, segments: &[String]) {
        if let Some(path) = self.absolute(segments) {
            self.found.insert(path);
        }
    }
}

impl<'ast> Visit<'ast> for Reach {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs = match item {
            syn::Item::Fn(i) => &i.attrs,
            syn::Item::Mod(i) => &i.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Use(i) => &i.attrs,
            syn::Item::Const(i) => &i.attrs,
            syn::Item::Static(i) => &i.attrs,
            syn::Item::Struct(i) => &i.attrs,
            syn::Item::Enum(i) => &i.attrs,
            syn::Item::Macro(i) => &i.attrs,
            _ => return syn::visit::visit_item(self, item),
        };
        if !is_test(attrs) {
            syn::visit::visit_item(self, item);
        } else if let syn::Item::Mod(m) = item {
            // A module compiled for tests only (`#[cfg(test)] mod testing;`): not a layer's.
            let mut child = self.here.clone();
            child.push(m.ident.to_string());
            self.test_only.insert(child);
        }
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        self.here.push(m.ident.to_string());
        if m.content.is_none() {
            // `mod child;`: the parent reaches the child's file.
            self.found.insert(self.here.clone());
        }
        syn::visit::visit_item_mod(self, m);
        self.here.pop();
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.tree(&mut Vec::new(), &u.tree);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        let segments: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        self.note(&segments);
        syn::visit::visit_path(self, p);
    }
}

/// The edges between the core's files.
fn graph(src: &Path) -> (Vec<ModPath>, Vec<BTreeSet<usize>>) {
    let files = modules(src);
    let names: Vec<ModPath> = files.keys().cloned().collect();
    let index: BTreeMap<&ModPath, usize> = names.iter().enumerate().map(|(i, m)| (m, i)).collect();
    let mut edges = vec![BTreeSet::new(); names.len()];
    let mut test_only = BTreeSet::new();
    for (i, (module, path)) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).expect("a source file");
        let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut reach = Reach {
            here: module.clone(),
            found: BTreeSet::new(),
            test_only: BTreeSet::new(),
        };
        reach.visit_file(&file);
        test_only.extend(reach.test_only);
        for mut target in reach.found {
            // The longest module the path names.
            while !target.is_empty() && !index.contains_key(&target) {
                target.pop();
            }
            if let Some(&j) = index.get(&target)
                && j != i
                && !target.is_empty()
            {
                edges[i].insert(j);
            }
        }
    }
    // Files compiled for tests only, and their children, are in no layer.
    let is_test_only = |m: &ModPath| test_only.iter().any(|t: &ModPath| m.starts_with(t));
    for (i, name) in names.iter().enumerate() {
        if is_test_only(name) {
            edges[i].clear();
        }
        edges[i].retain(|&j| !is_test_only(&names[j]));
    }
    (names, edges)
}

/// Strongly connected components (Tarjan), largest first.
fn cycles(edges: &[BTreeSet<usize>]) -> Vec<Vec<usize>> {
    struct State<'a> {
        edges: &'a [BTreeSet<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        out: Vec<Vec<usize>>,
    }
    fn connect(s: &mut State<'_>, v: usize) {
        s.index[v] = Some(s.next);
        s.low[v] = s.next;
        s.next += 1;
        s.stack.push(v);
        s.on_stack[v] = true;
        for &w in &s.edges[v] {
            match s.index[w] {
                None => {
                    connect(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(i) if s.on_stack[w] => s.low[v] = s.low[v].min(i),
                Some(_) => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack[w] = false;
                component.push(w);
                if w == v {
                    break;
                }
            }
            s.out.push(component);
        }
    }
    let n = edges.len();
    let mut s = State {
        edges,
        index: vec![None; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: Vec::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in 0..n {
        if s.index[v].is_none() {
            connect(&mut s, v);
        }
    }
    s.out.sort_by_key(|c| std::cmp::Reverse(c.len()));
    s.out
}

fn src() -> PathBuf {
    eventlint_tests::root().join("crates/eventlint-core/src")
}

fn layer(module: &ModPath) -> Option<(usize, &'static str)> {
    if module.is_empty() {
        return LAYERS
            .iter()
            .find(|(name, ..)| *name == "lib")
            .map(|&(_, layer, what)| (layer, what));
    }
    // The longest entry that is the module or one of its parents.
    (1..=module.len()).rev().find_map(|n| {
        let name = module[..n].join("::");
        LAYERS
            .iter()
            .find(|(entry, ..)| *entry == name)
            .map(|&(_, layer, what)| (layer, what))
    })
}

#[test]
fn imports_run_down_the_layers() {
    let (names, edges) = graph(&src());
    let mut wrong = Vec::new();
    for (i, module) in names.iter().enumerate() {
        let (from, from_what) =
            layer(module).unwrap_or_else(|| panic!("{module:?} has no layer in LAYERS"));
        for &j in &edges[i] {
            let (to, to_what) = layer(&names[j]).expect("every module has a layer");
            if to > from {
                wrong.push(format!(
                    "{} ({from_what}) uses {} ({to_what})",
                    names[i].join("::"),
                    names[j].join("::")
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that run up the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_large_import_cycle() {
    let (names, edges) = graph(&src());
    assert!(
        names.len() > 200,
        "the core's files were not found: {}",
        names.len()
    );
    // The graph sees what it should: the registry reaches the vendors' kinds, a parent its
    // child, a rule the rule API.
    let at = |m: &str| {
        names
            .iter()
            .position(|n| n.join("::") == m)
            .unwrap_or_else(|| panic!("{m}"))
    };
    assert!(edges[at("catalog::registry")].contains(&at("vendors")));
    assert!(edges[at("vendors::synerise")].contains(&at("vendors::synerise::model")));
    assert!(edges[at("rules::json::duplicate_key")].contains(&at("rule::finding")));
    let components = cycles(&edges);
    let largest = &components[0];
    let listed: Vec<String> = largest.iter().map(|&i| names[i].join("::")).collect();
    assert!(
        largest.len() <= LARGEST_CYCLE,
        "{} files reach each other: {}",
        largest.len(),
        listed.join(", ")
    );
}
