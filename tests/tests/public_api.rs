//! The public surface of `eventlint-core`, pinned: every item reachable from the crate root
//! (modules, re-exports followed), with public fields, enum variants, trait items, inherent
//! `pub` methods and trait impls (derived or written). Adding, removing or renaming any of them
//! changes the snapshot, so the change is seen in review.
//!
//! rustdoc's JSON output needs nightly, so the source is read with `syn` instead: `pub` (not
//! `pub(crate)`) items, starting at `lib.rs` and following `pub mod` and `pub use`. Of impls made
//! by macros, only the `Payload` impls of `payload.rs` are read (from the macro's input).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use syn::{ImplItem, Item, TraitItem, UseTree, Visibility};

/// Every module of the crate by path (`["crate", "check"]`), with its items.
struct Crate {
    modules: BTreeMap<Vec<String>, Vec<Item>>,
}

fn load(
    modules: &mut BTreeMap<Vec<String>, Vec<Item>>,
    path: Vec<String>,
    items: Vec<Item>,
    dir: &Path,
) {
    for item in &items {
        if let Item::Mod(m) = item {
            let name = m.ident.to_string();
            let mut child = path.clone();
            child.push(name.clone());
            let child_dir = dir.join(&name);
            if let Some((_, inline)) = &m.content {
                load(modules, child, inline.clone(), &child_dir);
            } else {
                let file = [dir.join(format!("{name}.rs")), child_dir.join("mod.rs")]
                    .into_iter()
                    .find(|p| p.exists())
                    .unwrap_or_else(|| panic!("no file for mod {}", child.join("::")));
                let text = std::fs::read_to_string(&file).expect("readable");
                let parsed =
                    syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
                load(modules, child, parsed.items, &child_dir);
            }
        }
    }
    modules.insert(path, items);
}

fn is_pub(vis: &Visibility) -> bool {
    matches!(vis, Visibility::Public(_))
}

fn derives(attrs: &[syn::Attribute]) -> Vec<String> {
    let mut out = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let _ = attr.parse_nested_meta(|meta| {
            if let Some(last) = meta.path.segments.last() {
                out.push(last.ident.to_string());
            }
            Ok(())
        });
    }
    out
}

fn type_ident(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

impl Crate {
    fn new(src: &Path) -> Self {
        let text = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
        let file = syn::parse_file(&text).expect("lib.rs parses");
        let mut modules = BTreeMap::new();
        load(&mut modules, vec!["crate".to_owned()], file.items, src);
        Crate { modules }
    }

    /// The module a `use` path names, relative to `from`.
    fn resolve(&self, from: &[String], path: &[String]) -> Option<Vec<String>> {
        let mut out: Vec<String> = match path.first().map(String::as_str) {
            Some("crate") => vec!["crate".to_owned()],
            Some("self") => from.to_vec(),
            Some("super") => from[..from.len() - 1].to_vec(),
            // A path relative to the current module (`use check::X` in lib.rs).
            Some(first)
                if self
                    .modules
                    .contains_key(&[from, &[first.to_owned()]].concat()) =>
            {
                let mut out = from.to_vec();
                out.push(first.to_owned());
                out.extend(path[1..].iter().cloned());
                return Some(out);
            }
            _ => return None,
        };
        for seg in &path[1..] {
            if seg == "super" {
                out.pop();
            } else {
                out.push(seg.clone());
            }
        }
        Some(out)
    }

    /// How many modules define a type or trait named `name`.
    fn definitions(&self, name: &str) -> usize {
        self.modules
            .values()
            .flatten()
            .filter(|item| match item {
                Item::Struct(s) => s.ident == name,
                Item::Enum(e) => e.ident == name,
                Item::Trait(t) => t.ident == name,
                _ => false,
            })
            .count()
    }

    /// The impls of the type `name` defined in module `home`: there, or anywhere when the name
    /// is defined once in the crate.
    /// Also an impl elsewhere that names the type by its full path (`impl crate::kind::Kind`).
    fn impls(&self, home: &[String], name: &str) -> Vec<&syn::ItemImpl> {
        let anywhere = self.definitions(name) == 1;
        let full: Vec<String> = home.iter().cloned().chain([name.to_owned()]).collect();
        let by_full_path = |ty: &syn::Type| matches!(ty, syn::Type::Path(p) if p.path.segments.iter().map(|s| s.ident.to_string()).collect::<Vec<_>>() == full);
        self.modules
            .iter()
            .flat_map(|(path, items)| items.iter().map(move |item| (path, item)))
            .filter_map(|(path, item)| match item {
                Item::Impl(i)
                    if type_ident(&i.self_ty).as_deref() == Some(name)
                        && (anywhere || path.as_slice() == home || by_full_path(&i.self_ty)) =>
                {
                    Some(i)
                }
                _ => None,
            })
            .collect()
    }

    fn walk(&self, module: &[String], prefix: &str, out: &mut BTreeSet<String>) {
        let Some(items) = self.modules.get(module) else {
            panic!("unknown module {}", module.join("::"));
        };
        for item in items {
            self.item(module, item, None, prefix, out);
        }
    }

    /// Lists `item` of module `home` under `prefix` (as `rename` when re-exported so).
    fn item(
        &self,
        home: &[String],
        item: &Item,
        rename: Option<&str>,
        prefix: &str,
        out: &mut BTreeSet<String>,
    ) {
        let name = |ident: &syn::Ident| {
            format!(
                "{prefix}::{}",
                rename.map_or_else(|| ident.to_string(), str::to_owned)
            )
        };
        match item {
            Item::Mod(m) if is_pub(&m.vis) => {
                let path = name(&m.ident);
                out.insert(format!("mod {path}"));
                let mut child = home.to_vec();
                child.push(m.ident.to_string());
                self.walk(&child, &path, out);
            }
            Item::Use(u) if is_pub(&u.vis) => {
                self.use_tree(home, &u.tree, &mut Vec::new(), prefix, out);
            }
            Item::Fn(f) if is_pub(&f.vis) => {
                out.insert(format!("fn {}", name(&f.sig.ident)));
            }
            Item::Const(c) if is_pub(&c.vis) => {
                out.insert(format!("const {}", name(&c.ident)));
            }
            Item::Static(s) if is_pub(&s.vis) => {
                out.insert(format!("static {}", name(&s.ident)));
            }
            Item::Type(t) if is_pub(&t.vis) => {
                out.insert(format!("type {}", name(&t.ident)));
            }
            Item::Struct(s) if is_pub(&s.vis) => {
                let path = name(&s.ident);
                out.insert(format!("struct {path}"));
                for (i, field) in s.fields.iter().enumerate() {
                    if is_pub(&field.vis) {
                        let field_name = field
                            .ident
                            .as_ref()
                            .map_or_else(|| i.to_string(), ToString::to_string);
                        out.insert(format!("field {path}.{field_name}"));
                    }
                }
                self.type_impls(home, &s.ident.to_string(), &s.attrs, &path, out);
            }
            Item::Enum(e) if is_pub(&e.vis) => {
                let path = name(&e.ident);
                out.insert(format!("enum {path}"));
                for v in &e.variants {
                    out.insert(format!("variant {path}::{}", v.ident));
                }
                self.type_impls(home, &e.ident.to_string(), &e.attrs, &path, out);
            }
            Item::Trait(t) if is_pub(&t.vis) => {
                let path = name(&t.ident);
                out.insert(format!("trait {path}"));
                for ti in &t.items {
                    match ti {
                        TraitItem::Fn(f) => out.insert(format!("trait-fn {path}::{}", f.sig.ident)),
                        TraitItem::Type(ty) => {
                            out.insert(format!("trait-type {path}::{}", ty.ident))
                        }
                        TraitItem::Const(c) => {
                            out.insert(format!("trait-const {path}::{}", c.ident))
                        }
                        _ => false,
                    };
                }
            }
            Item::Macro(m) if m.attrs.iter().any(|a| a.path().is_ident("macro_export")) => {
                if let Some(ident) = &m.ident {
                    out.insert(format!("macro eventlint_core::{ident}"));
                }
            }
            _ => {}
        }
    }

    fn type_impls(
        &self,
        home: &[String],
        ident: &str,
        attrs: &[syn::Attribute],
        path: &str,
        out: &mut BTreeSet<String>,
    ) {
        for d in derives(attrs) {
            out.insert(format!("impl {path}: {d}"));
        }
        for imp in self.impls(home, ident) {
            if let Some((_, trait_path, _)) = &imp.trait_ {
                let t = trait_path
                    .segments
                    .iter()
                    .map(|s| s.ident.to_string())
                    .collect::<Vec<_>>()
                    .join("::");
                out.insert(format!("impl {path}: {t}"));
                continue;
            }
            for ii in &imp.items {
                match ii {
                    ImplItem::Fn(f) if is_pub(&f.vis) => {
                        out.insert(format!("method {path}::{}", f.sig.ident));
                    }
                    ImplItem::Const(c) if is_pub(&c.vis) => {
                        out.insert(format!("assoc-const {path}::{}", c.ident));
                    }
                    _ => {}
                }
            }
        }
    }

    fn use_tree(
        &self,
        home: &[String],
        tree: &UseTree,
        stem: &mut Vec<String>,
        prefix: &str,
        out: &mut BTreeSet<String>,
    ) {
        match tree {
            UseTree::Path(p) => {
                stem.push(p.ident.to_string());
                self.use_tree(home, &p.tree, stem, prefix, out);
                stem.pop();
            }
            UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(home, t, stem, prefix, out);
                }
            }
            UseTree::Glob(_) => {
                let target = self
                    .resolve(home, stem)
                    .unwrap_or_else(|| panic!("pub use of an external glob {}", stem.join("::")));
                self.walk(&target, prefix, out);
            }
            UseTree::Name(n) => self.use_name(home, stem, &n.ident.to_string(), None, prefix, out),
            UseTree::Rename(r) => {
                self.use_name(
                    home,
                    stem,
                    &r.ident.to_string(),
                    Some(&r.rename.to_string()),
                    prefix,
                    out,
                );
            }
        }
    }

    fn use_name(
        &self,
        home: &[String],
        stem: &[String],
        ident: &str,
        rename: Option<&str>,
        prefix: &str,
        out: &mut BTreeSet<String>,
    ) {
        let shown = rename.unwrap_or(ident);
        let Some(target) = self.resolve(home, stem) else {
            out.insert(format!(
                "use {prefix}::{shown} = {}::{ident}",
                stem.join("::")
            ));
            return;
        };
        let mut as_module = target.clone();
        as_module.push(ident.to_owned());
        if self.modules.contains_key(&as_module) {
            let path = format!("{prefix}::{shown}");
            out.insert(format!("mod {path}"));
            self.walk(&as_module, &path, out);
            return;
        }
        let items = self
            .modules
            .get(&target)
            .unwrap_or_else(|| panic!("unknown module {}", target.join("::")));
        let found = items.iter().find(|item| match item {
            Item::Fn(f) => f.sig.ident == ident,
            Item::Struct(s) => s.ident == ident,
            Item::Enum(e) => e.ident == ident,
            Item::Trait(t) => t.ident == ident,
            Item::Const(c) => c.ident == ident,
            Item::Static(s) => s.ident == ident,
            Item::Type(t) => t.ident == ident,
            _ => false,
        });
        let Some(found) = found else {
            panic!(
                "`pub use {}::{ident}` names nothing this test can read",
                target.join("::")
            );
        };
        // Re-exported items are public at their new path whatever their own visibility says.
        self.item(&target, found, rename, prefix, out);
    }
}

/// The `Payload` impls, which `payload.rs` writes with its `payloads!` macro as
/// `<vendor>::model::<Type> => <kind static>`; the types are public as
/// `eventlint_core::model::<vendor>::<Type>`.
fn payload_impls(krate: &Crate, out: &mut BTreeSet<String>) {
    let items = &krate.modules[&[
        "crate".to_owned(),
        "library".to_owned(),
        "payload".to_owned(),
    ][..]];
    let mut found = 0;
    for item in items {
        let Item::Macro(m) = item else { continue };
        if !m.mac.path.is_ident("payloads") {
            continue;
        }
        let tokens = m.mac.tokens.to_string().replace(' ', "");
        for entry in tokens.split(',').filter(|e| !e.is_empty()) {
            let (ty, _) = entry.split_once("=>").expect("`Type => KIND`");
            let (vendor, name) = ty
                .split_once("::model::")
                .expect("`<vendor>::model::<Type>`");
            out.insert(format!(
                "impl eventlint_core::model::{vendor}::{name}: Payload"
            ));
            found += 1;
        }
    }
    assert_eq!(
        found,
        eventlint_core::registry::kinds().len(),
        "one Payload impl per kind"
    );
}

fn public_api() -> String {
    let src: PathBuf = eventlint_tests::root().join("crates/eventlint-core/src");
    let krate = Crate::new(&src);
    let mut out = BTreeSet::new();
    krate.walk(&["crate".to_owned()], "eventlint_core", &mut out);
    payload_impls(&krate, &mut out);
    // Sorted by path, then by what it is.
    let mut lines: Vec<(String, String)> = out
        .into_iter()
        .map(|line| {
            let (what, path) = line.split_once(' ').unwrap_or(("", &line));
            (path.to_owned(), what.to_owned())
        })
        .collect();
    lines.sort();
    let mut text = String::new();
    for (path, what) in lines {
        let _ = writeln!(text, "{what:<12} {path}");
    }
    text
}

#[test]
fn public_api_is_pinned() {
    let api = public_api();
    // The entry points of the library are there.
    for needle in [
        "fn eventlint_core::check_payload",
        "trait eventlint_core::Payload",
        "struct eventlint_core::model::synerise::CustomEvent",
    ] {
        let (what, path) = needle.split_once(' ').unwrap_or_default();
        assert!(
            api.contains(&format!("{what:<12} {path}\n")),
            "{needle} missing from\n{api}"
        );
    }
    // Internals are not.
    assert!(!api.contains("eventlint_core::vendors"), "{api}");
    insta::assert_snapshot!(api);
}
