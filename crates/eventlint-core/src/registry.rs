//! The one sorted registry of kinds and rules.

use std::sync::LazyLock;

use crate::kind::Kind;
use crate::rule::Rule;
use crate::{rules, vendors};

static KINDS: LazyLock<Vec<&'static Kind>> = LazyLock::new(|| {
    let mut kinds: Vec<&'static Kind> = vendors::KINDS
        .iter()
        .flat_map(|v| v.iter().copied())
        .collect();
    kinds.sort_by_key(|k| k.id);
    kinds
});

static RULES: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    let mut all: Vec<&'static Rule> = rules::GENERIC.to_vec();
    for kind in kinds() {
        all.extend(kind.rules.iter().copied());
    }
    all.sort_by_key(|r| r.id);
    all.dedup_by_key(|r| r.id);
    all
});

/// Every kind, sorted by id.
#[must_use]
pub fn kinds() -> &'static [&'static Kind] {
    &KINDS
}

/// Every rule, sorted by id.
#[must_use]
pub fn rules() -> &'static [&'static Rule] {
    &RULES
}

/// A rule by id.
#[must_use]
pub fn rule(id: &str) -> Option<&'static Rule> {
    rules().iter().copied().find(|r| r.id == id)
}

/// The kinds a rule reports on; `None` for the generic rules that apply to every kind.
#[must_use]
pub fn kinds_of(rule: &Rule) -> Option<Vec<&'static str>> {
    if rules::GENERIC.iter().any(|r| r.id == rule.id) {
        return None;
    }
    Some(
        kinds()
            .iter()
            .filter(|k| k.rules.iter().any(|r| r.id == rule.id))
            .map(|k| k.id)
            .collect(),
    )
}
