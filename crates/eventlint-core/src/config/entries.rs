//! A `[[files]]` entry compiled: its glob (plain, or with `<name>` captures as a regex), its
//! `kind` and `expect-rules` templates, its severity overrides.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use globset::{Glob, GlobBuilder};
use toml::Spanned;

use super::DETECT;
use super::error::{ConfigError, Errors};
use super::file::{Expect, FilesEntry, Level};
use crate::catalog::kind::Kind;
use crate::catalog::registry;
use crate::message::diagnostic::Severity;
use crate::message::suggest::{did_you_mean, did_you_mean_suffix};

#[derive(Debug)]
pub(super) struct Entry {
    pub(super) glob: String,
    /// The 1-based line of the entry's `glob` in the file.
    pub(super) line: usize,
    pub(super) split_arrays: Option<bool>,
    pub(super) matcher: Matcher,
    pub(super) kind: Option<Template>,
    pub(super) rules: HashMap<String, Option<Severity>>,
    pub(super) expect: Option<Expect>,
    pub(super) expect_rules: Vec<Template>,
}

#[derive(Debug)]
pub(super) enum Matcher {
    /// A plain glob (matched through `Config::plain`).
    Glob(Glob),
    /// A glob with `<name>` captures, as a regex built from globset's translation.
    Captures(regex::bytes::Regex, Vec<String>),
}

/// A `kind` or `expect-rules` value: literal text with `<name>` placeholders.
#[derive(Debug, Clone)]
pub(super) struct Template(String);

impl Template {
    pub(super) fn fill(&self, captures: &HashMap<&str, &str>) -> String {
        let mut out = self.0.clone();
        for (name, value) in captures {
            out = out.replace(&format!("<{name}>"), value);
        }
        out
    }
    pub(super) fn is_literal(&self) -> bool {
        !self.0.contains('<')
    }
}

pub(super) fn build_glob(text: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(text).literal_separator(true).build()
}

pub(super) fn severity_map(
    map: &BTreeMap<Spanned<String>, Spanned<Level>>,
    errors: &Errors<'_>,
) -> Result<HashMap<String, Option<Severity>>, ConfigError> {
    let mut out = HashMap::new();
    for (rule, level) in map {
        let id = rule.get_ref();
        if registry::rule(id).is_none() {
            return Err(unknown_rule(id, rule.span(), errors));
        }
        out.insert(id.clone(), level.get_ref().severity());
    }
    Ok(out)
}

fn unknown_rule(id: &str, span: Range<usize>, errors: &Errors<'_>) -> ConfigError {
    let known: Vec<&str> = registry::rules().iter().map(|r| r.id).collect();
    let message = match did_you_mean(id, &known) {
        Some(near) => format!("unknown rule `{id}`{}", did_you_mean_suffix(near)),
        None => format!("unknown rule `{id}`"),
    };
    errors.at(
        span,
        message,
        Some("`eventlint rules` lists them".to_owned()),
    )
}

pub(super) fn compile_entry(entry: &FilesEntry, errors: &Errors<'_>) -> Result<Entry, ConfigError> {
    let glob = entry.glob.get_ref();
    let bad_glob = |e: &dyn std::fmt::Display| {
        errors.at(entry.glob.span(), format!("bad glob `{glob}`: {e}"), None)
    };
    // `<name>` captures: globset translates the glob with a placeholder in each capture's place;
    // the placeholder in its regex then becomes a named group.
    let capture = regex::Regex::new(r"<([A-Za-z][A-Za-z0-9_-]*)>").map_err(|e| bad_glob(&e))?;
    let mut names: Vec<String> = Vec::new();
    let replaced = capture.replace_all(glob, |c: &regex::Captures<'_>| {
        let i = names.len();
        names.push(c[1].to_owned());
        format!("eventlintcapture{i}x")
    });
    let compiled = build_glob(&replaced).map_err(|e| bad_glob(&e))?;
    let matcher = if names.is_empty() {
        Matcher::Glob(compiled)
    } else {
        let mut re = compiled.regex().to_owned();
        for i in 0..names.len() {
            let placeholder = format!("eventlintcapture{i}x");
            if !re.contains(&placeholder) {
                return Err(bad_glob(
                    &"a `<name>` capture cannot stand inside `{…}` or `[…]`",
                ));
            }
            re = re.replacen(&placeholder, &format!("(?P<c{i}>[^/]+?)"), 1);
        }
        let re = regex::bytes::Regex::new(&re).map_err(|e| bad_glob(&e))?;
        Matcher::Captures(re, names.clone())
    };
    let check_template = |value: &Spanned<String>, what: &str| -> Result<Template, ConfigError> {
        let text = value.get_ref();
        for c in capture.captures_iter(text) {
            if !names.iter().any(|n| *n == c[1]) {
                let help = if names.is_empty() {
                    format!(
                        "the glob `{glob}` names no part of the path; write e.g. `fixtures/<vendor>/<kind>/**`"
                    )
                } else {
                    format!(
                        "the glob `{glob}` names {}",
                        names
                            .iter()
                            .map(|n| format!("`<{n}>`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                return Err(errors.at(
                    value.span(),
                    format!(
                        "`{what}` uses `<{}>`, which the glob does not capture",
                        &c[1]
                    ),
                    Some(help),
                ));
            }
        }
        Ok(Template(text.clone()))
    };
    let kind = match &entry.kind {
        None => None,
        Some(value) => {
            let template = check_template(value, "kind")?;
            let id = value.get_ref();
            if template.is_literal() && id != DETECT && Kind::find(id).is_none() {
                let mut known: Vec<&str> = registry::kinds().iter().map(|k| k.id).collect();
                known.push(DETECT);
                let message = match did_you_mean(id, &known) {
                    Some(near) => format!("unknown kind `{id}`{}", did_you_mean_suffix(near)),
                    None => format!("unknown kind `{id}`"),
                };
                return Err(errors.at(
                    value.span(),
                    message,
                    Some(
                        "`eventlint kinds` lists them; `detect` decides from each document's shape"
                            .to_owned(),
                    ),
                ));
            }
            Some(template)
        }
    };
    let mut expect_rules = Vec::new();
    for value in &entry.expect_rules {
        let template = check_template(value, "expect-rules")?;
        if template.is_literal() && registry::rule(value.get_ref()).is_none() {
            return Err(unknown_rule(value.get_ref(), value.span(), errors));
        }
        expect_rules.push(template);
    }
    let expect = entry.expect.as_ref().map(|e| *e.get_ref());
    if !entry.expect_rules.is_empty() && expect != Some(Expect::Invalid) {
        let span = entry
            .expect
            .as_ref()
            .map_or_else(|| entry.expect_rules[0].span(), Spanned::span);
        return Err(errors.at(
            span,
            "`expect-rules` needs `expect = \"invalid\"`",
            Some(
                "a valid file shows no rule; set expect = \"invalid\" or remove `expect-rules`"
                    .to_owned(),
            ),
        ));
    }
    Ok(Entry {
        glob: glob.clone(),
        // The glob's byte offset for now; `Config::parse` turns it into a line.
        line: entry.glob.span().start,
        split_arrays: entry.split_arrays,
        matcher,
        kind,
        rules: severity_map(&entry.rules, errors)?,
        expect,
        expect_rules,
    })
}
