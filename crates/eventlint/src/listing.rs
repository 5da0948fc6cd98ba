//! `eventlint kinds` and `eventlint rules`: tables whose columns fit their widest cell, or JSON.

use std::fmt::Write as _;

use clap::{Args, ValueEnum};
use eventlint_core::{Kind, Rule, registry};

/// `eventlint explain RULE`: the rule's documentation (also served by `eventlint serve` at
/// `/_eventlint/rules/RULE`).
pub(crate) fn explain(r: &Rule) -> String {
    let kinds = registry::kinds_of(r).map_or_else(|| "all kinds".to_owned(), |k| k.join(", "));
    let mut text = format!(
        "# {}\n\n{}\n\nDefault severity: {}. Kinds: {}.\n\n{}\n\n{}",
        r.id,
        r.summary,
        r.severity,
        kinds,
        r.fix_sentence(),
        r.manual()
    );
    // Where each cited source is described, inside the repository.
    let sources: Vec<String> = r
        .citations()
        .iter()
        .map(|c| format!("{} ({})", c.key, c.link()))
        .collect();
    if !sources.is_empty() {
        let _ = writeln!(text, "\nSources: {}.", sources.join(", "));
    }
    text
}

/// How a listing is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum ListFormat {
    /// Aligned columns.
    #[default]
    Text,
    /// A JSON array of objects.
    Json,
}

/// `eventlint rules` options.
#[derive(Debug, Args)]
pub(crate) struct RulesArgs {
    /// Only the rules of this vendor (sajari, synerise, neuralens, personalize, glia); the rules
    /// of every kind are listed too.
    #[arg(long, value_name = "VENDOR")]
    vendor: Option<String>,
    /// Only the rules that can report on this kind (and those of every kind).
    #[arg(long, value_name = "KIND")]
    kind: Option<String>,
    /// text (aligned columns) or json.
    #[arg(long, value_enum, default_value = "text", value_name = "FORMAT")]
    format: ListFormat,
}

/// `eventlint kinds` options.
#[derive(Debug, Args)]
pub(crate) struct KindsArgs {
    /// Only this vendor's kinds.
    #[arg(long, value_name = "VENDOR")]
    vendor: Option<String>,
    /// text (aligned columns) or json.
    #[arg(long, value_enum, default_value = "text", value_name = "FORMAT")]
    format: ListFormat,
}

/// Rows of cells as columns padded to their widest cell (the last column is not padded).
fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            if c + 1 == columns {
                line.push_str(cell);
            } else {
                let _ = write!(line, "{cell:<width$}  ", width = widths[c]);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn vendor_of(kind: &Kind) -> &'static str {
    kind.id
        .split_once('.')
        .map_or(kind.id, |(vendor, _)| vendor)
}

fn check_vendor(vendor: &str) -> Result<(), String> {
    let vendors: Vec<&str> = registry::kinds().iter().map(|k| vendor_of(k)).collect();
    if vendors.contains(&vendor) {
        return Ok(());
    }
    let mut known = vendors.clone();
    known.dedup();
    Err(crate::unknown("vendor", vendor, &known, "eventlint kinds"))
}

pub(crate) fn kinds(args: &KindsArgs) -> Result<String, String> {
    if let Some(vendor) = &args.vendor {
        check_vendor(vendor)?;
    }
    let kinds: Vec<&Kind> = registry::kinds()
        .iter()
        .copied()
        .filter(|k| args.vendor.as_deref().is_none_or(|v| vendor_of(k) == v))
        .collect();
    Ok(match args.format {
        ListFormat::Json => json(
            &kinds
                .iter()
                .map(|k| {
                    serde_json::json!({
                        "id": k.id,
                        "vendor": k.vendor,
                        "endpoint": k.endpoint(),
                        "role": k.role,
                        "routes": k.routes,
                        "description": k.description,
                    })
                })
                .collect::<Vec<_>>(),
        ),
        ListFormat::Text => table(
            &kinds
                .iter()
                .map(|k| {
                    vec![
                        k.id.to_owned(),
                        k.vendor.to_owned(),
                        k.routes
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", "),
                        k.description.to_owned(),
                    ]
                })
                .collect::<Vec<_>>(),
        ),
    })
}

pub(crate) fn rules(args: &RulesArgs) -> Result<String, String> {
    if let Some(vendor) = &args.vendor {
        check_vendor(vendor)?;
    }
    let kind = match &args.kind {
        Some(id) => Some(Kind::find(id).ok_or_else(|| crate::unknown_kind(id))?),
        None => None,
    };
    let rules: Vec<(&Rule, Option<Vec<&str>>)> = registry::rules()
        .iter()
        .map(|r| (*r, registry::kinds_of(r)))
        .filter(|(_, kinds)| {
            let Some(kinds) = kinds else {
                return true; // a rule of every kind
            };
            let vendor_ok = args.vendor.as_deref().is_none_or(|v| {
                kinds
                    .iter()
                    .any(|k| k.split_once('.').map(|(x, _)| x) == Some(v))
            });
            let kind_ok = kind.is_none_or(|kind| kinds.contains(&kind.id));
            vendor_ok && kind_ok
        })
        .collect();
    Ok(match args.format {
        ListFormat::Json => json(
            &rules
                .iter()
                .map(|(r, kinds)| {
                    serde_json::json!({
                        "id": r.id,
                        "severity": r.severity.as_str(),
                        "kinds": kinds,
                        "summary": r.summary,
                        "structural": r.structural,
                        "fix": r.fix.map(|f| f.applicability.as_str()),
                    })
                })
                .collect::<Vec<_>>(),
        ),
        ListFormat::Text => table(
            &rules
                .iter()
                .map(|(r, kinds)| {
                    vec![
                        r.id.to_owned(),
                        r.severity.as_str().to_owned(),
                        kinds
                            .as_ref()
                            .map_or_else(|| "all kinds".to_owned(), |k| k.join(",")),
                        r.summary.to_owned(),
                    ]
                })
                .collect::<Vec<_>>(),
        ),
    })
}

fn json(items: &[serde_json::Value]) -> String {
    let mut text = serde_json::to_string_pretty(items).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_as_wide_as_their_widest_cell() {
        let rows = vec![
            vec!["a".to_owned(), "bb".to_owned(), "x".to_owned()],
            vec!["ccc".to_owned(), "d".to_owned(), "y".to_owned()],
        ];
        assert_eq!(table(&rows), "a    bb  x\nccc  d   y\n");
    }
}
