//! What the endpoint-specific `params` rules share (`cart-params`, `item-search-click-params`):
//! finding `params`, the required names it lacks, and the ones that must be strings.

use crate::document::value::{Map, Value};

use crate::locate::pointer::Pointer;
use crate::message::describe::describe;
use crate::rule::Rule;
use crate::rule::finding::{Ctx, Finding};

/// The endpoint's required `params` names, with what to say when they are missing.
pub(crate) struct Required<'a> {
    pub rule: &'static Rule,
    pub names: &'a [&'a str],
    /// The help when `params` is absent.
    pub no_params_help: &'a str,
    /// The help when names are missing, given their backquoted list.
    pub missing_help: fn(&str) -> String,
}

impl Required<'_> {
    /// The `params` object of the event at `base` and its pointer, after reporting a missing
    /// `params` or missing names. `None` when there is nothing more to check (no `params`, or
    /// not an object: `synerise.event/params-object` reports that).
    pub(crate) fn params<'e>(
        &self,
        ctx: &mut Ctx<'_>,
        base: &Pointer,
        endpoint: &str,
        event: &'e Map<'e>,
    ) -> Option<(Pointer, &'e Map<'e>)> {
        let params = match event.get("params") {
            None => {
                ctx.report(
                    Finding::new(
                        self.rule,
                        base.clone(),
                        format!("the `{endpoint}` event has no `params`"),
                    )
                    .help(self.no_params_help),
                );
                return None;
            }
            Some(Value::Object(params)) => params,
            Some(_) => return None,
        };
        let at = base.key("params");
        let missing: Vec<&str> = self
            .names
            .iter()
            .copied()
            .filter(|k| params.get(k).is_none_or(Value::is_null))
            .collect();
        if !missing.is_empty() {
            let list = format!("`{}`", missing.join("`, `"));
            ctx.report(
                Finding::new(
                    self.rule,
                    at.clone(),
                    format!("the `{endpoint}` event's `params` lacks {list}"),
                )
                .help((self.missing_help)(&list)),
            );
        }
        Some((at, params))
    }

    /// Reports each of `keys` in `params` that is present, not `null`, and not a string.
    pub(crate) fn strings(&self, ctx: &mut Ctx<'_>, at: &Pointer, params: &Map<'_>, keys: &[&str]) {
        for key in keys {
            if let Some(v) = params.get(key).filter(|v| !v.is_null() && !v.is_string()) {
                ctx.report(
                    Finding::new(
                        self.rule,
                        at.key(key),
                        format!("`params.{key}` is {}, not a string", describe(v)),
                    )
                    .help(format!("send `params.{key}` as a string")),
                );
            }
        }
    }
}
