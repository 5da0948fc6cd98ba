//! The entry parser: one entry's bytes, parsed with spans, into its request.

use jsonc_parser::ast::{Object, StringLit, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions};

use serde_json::value::RawValue;

use super::fatal;
use crate::json_string::decode_at;
use crate::{Body, BodySource, Header, Item, Problem, RawRequest, Spanned};

/// Strict JSON, as a HAR is.
pub(crate) fn strict() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

/// An entry as `serde_json` reads it: the literals eventlint needs, borrowed as written (a
/// `RawValue` is a slice of the entry's text, so its place is exact), everything else skipped.
#[derive(serde::Deserialize)]
struct Fast<'a> {
    #[serde(borrow)]
    request: FastRequest<'a>,
}

#[derive(serde::Deserialize)]
struct FastRequest<'a> {
    #[serde(borrow)]
    method: &'a RawValue,
    #[serde(borrow)]
    url: &'a RawValue,
    #[serde(borrow, default)]
    headers: Vec<FastHeader<'a>>,
    #[serde(borrow, rename = "postData")]
    post_data: Option<FastPost<'a>>,
}

#[derive(serde::Deserialize)]
struct FastHeader<'a> {
    #[serde(borrow)]
    name: &'a RawValue,
    #[serde(borrow)]
    value: &'a RawValue,
}

#[derive(serde::Deserialize)]
struct FastPost<'a> {
    #[serde(borrow)]
    text: Option<&'a RawValue>,
    // Any of these sends the entry down the full parser, which reports them.
    encoding: Option<&'a RawValue>,
    #[serde(rename = "_encoding")]
    underscore_encoding: Option<&'a RawValue>,
    #[serde(rename = "_base64")]
    underscore_base64: Option<&'a RawValue>,
}

/// The usual entry read fast: `serde_json` finds the literals, their places come from where
/// they are in `text`. `None` when anything is unusual (not JSON, a missing or non-string
/// member, a malformed header, an encoded body): the full parser then reads the entry and says
/// what is wrong.
pub(super) fn fast(
    text: &str,
    start: usize,
    ordinal: usize,
    credentials_stripped: bool,
) -> Option<Item> {
    let entry: Fast<'_> = serde_json::from_str(text).ok()?;
    let request = entry.request;
    // Where a borrowed literal is in the file.
    let at = |raw: &RawValue| -> Option<usize> {
        let offset = (raw.get().as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
        (offset <= text.len()).then_some(start + offset)
    };
    let string = |raw: &RawValue| -> Option<(String, crate::OffsetMap, std::ops::Range<usize>)> {
        if !raw.get().starts_with('"') {
            return None;
        }
        let from = at(raw)?;
        let (value, map) = decode_at(raw.get(), from).ok()?;
        Some((value, map, from..from + raw.get().len()))
    };
    let spanned = |raw: &RawValue| string(raw).map(|(v, _, span)| Spanned::new(v, span));
    let method = spanned(request.method)?;
    let url = spanned(request.url)?;
    let mut headers = Vec::with_capacity(request.headers.len());
    for header in &request.headers {
        let name = spanned(header.name)?;
        if name.value.starts_with(':') {
            continue;
        }
        let (value, map, span) = string(header.value)?;
        let trimmed = value.trim();
        let value = if trimmed.len() == value.len() {
            Spanned::new(value, span)
        } else {
            let lead = value.len() - value.trim_start().len();
            Spanned::new(
                trimmed.to_owned(),
                map.file_range(lead..lead + trimmed.len()),
            )
        };
        // The header object, when it is just `{"name": …, "value": …}` (anything else, e.g. a
        // `comment` member, goes to the full parser): from the `{` before the name's key to the
        // `}` after the value.
        let (name_at, value_end) = (name.span.start - start, value.span.end - start);
        let open = text[..name_at].rfind('{')?;
        let close = value_end + text[value_end..].find('}')?;
        let inside = &text[open + 1..close];
        let plain = |s: &str| {
            s.chars()
                .all(|c| c.is_ascii_whitespace() || matches!(c, ':' | ','))
        };
        let name_key = inside.find("\"name\"")?;
        let value_key = inside.find("\"value\"")?;
        if !(name_key < value_key && plain(&inside[..name_key])) {
            return None;
        }
        let between_ok = plain(&text[open + 1 + name_key + 6..name_at])
            && plain(&text[name.span.end - start..open + 1 + value_key])
            && plain(&text[open + 1 + value_key + 7..value.span.start - start])
            && plain(&text[value_end..close]);
        if !between_ok {
            return None;
        }
        let (object_start, object_end) = (start + open, start + close + 1);
        headers.push(Header {
            span: object_start.min(name.span.start)..object_end.max(value.span.end),
            name,
            value,
        });
    }
    let body = match request.post_data {
        None => None,
        Some(post) => {
            if post.encoding.is_some()
                || post.underscore_encoding.is_some()
                || post.underscore_base64.is_some()
            {
                return None;
            }
            match post.text {
                None => None,
                Some(raw) => {
                    let (text, map, span) = string(raw)?;
                    Some(Body {
                        text,
                        source: BodySource::Inline(map),
                        span,
                    })
                }
            }
        }
    };
    Some(Item::Request(RawRequest {
        ordinal,
        method,
        url,
        headers,
        body,
        span: start..start + text.len(),
        problems: Vec::new(),
        credentials_stripped,
        credentials_masked: false,
    }))
}

/// The request of the entry `text`, written in the file from byte `start` on.
pub(super) fn parse_entry(
    text: &str,
    start: usize,
    ordinal: usize,
    credentials_stripped: bool,
) -> Item {
    if let Some(item) = fast(text, start, ordinal, credentials_stripped) {
        return item;
    }
    full(text, start, ordinal, credentials_stripped)
}

/// [`parse_entry`] by the full parser (`jsonc-parser`, ranges for every node): every entry the
/// fast path leaves, and every problem's message.
pub(super) fn full(text: &str, start: usize, ordinal: usize, credentials_stripped: bool) -> Item {
    let span = start..start + text.len();
    let abs = |range: jsonc_parser::common::Range| start + range.start..start + range.end;
    let entry = match jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &strict()) {
        Ok(parsed) => parsed.value,
        Err(e) => {
            return Item::Problem(fatal(
                format!("entry {ordinal} is not JSON: {}", e.kind()),
                HELP_ENTRY,
                span,
            ));
        }
    };
    let Some(Value::Object(entry)) = entry else {
        return Item::Problem(fatal(
            format!("entry {ordinal} of the HAR is not an object"),
            HELP_ENTRY,
            span,
        ));
    };
    let Some(request) = entry.get_object("request") else {
        return Item::Problem(fatal(
            format!("entry {ordinal} of the HAR has no `request` object"),
            HELP_ENTRY,
            span,
        ));
    };
    let spanned = |lit: &StringLit<'_>| Spanned::new(lit.value.to_string(), abs(lit.range));
    let (Some(method), Some(url)) = (request.get_string("method"), request.get_string("url"))
    else {
        let missing = if request.get_string("method").is_none() {
            "method"
        } else {
            "url"
        };
        return Item::Problem(fatal(
            format!("entry {ordinal} of the HAR has no `request.{missing}` string"),
            HELP_ENTRY,
            abs(request.range),
        ));
    };
    let mut problems = Vec::new();
    let headers = headers(text, start, ordinal, request, &mut problems);
    let body = body(text, start, ordinal, request, &mut problems);
    Item::Request(RawRequest {
        ordinal,
        method: spanned(method),
        url: spanned(url),
        headers,
        body,
        span,
        problems,
        credentials_stripped,
        credentials_masked: false,
    })
}

const HELP_ENTRY: &str = "each of `log.entries` is an object with a `request` that has a \
                          `method` and a `url` (HAR 1.2): export the capture again, or remove \
                          the entry";

/// `request.headers`, each `{name, value}` (malformed ones are left out, with a problem).
fn headers(
    text: &str,
    start: usize,
    ordinal: usize,
    request: &Object<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<Header> {
    let abs = |range: jsonc_parser::common::Range| start + range.start..start + range.end;
    let Some(list) = request.get_array("headers") else {
        return Vec::new();
    };
    let mut headers = Vec::with_capacity(list.elements.len());
    for element in &list.elements {
        let pair = match element {
            Value::Object(header) => header.get_string("name").zip(header.get_string("value")),
            _ => None,
        };
        let Some((name, value)) = pair else {
            problems.push(Problem {
                message: format!(
                    "a header of entry {ordinal} is not `{{\"name\": …, \"value\": …}}` with two \
                     strings; it is left out"
                ),
                help: "HAR headers are objects with a `name` and a `value` string".to_owned(),
                span: abs(element.range()),
                fatal: false,
            });
            continue;
        };
        // HTTP/2 pseudo-headers restate the method and URL.
        if name.value.starts_with(':') {
            continue;
        }
        headers.push(Header {
            name: Spanned::new(name.value.to_string(), abs(name.range)),
            value: trimmed(text, start, value),
            span: abs(element.range()),
        });
    }
    headers
}

/// A header value without surrounding whitespace, spanned at its literal (or at the part of it
/// that is kept, when whitespace was trimmed).
pub(crate) fn trimmed(text: &str, start: usize, lit: &StringLit<'_>) -> Spanned<String> {
    let span = start + lit.range.start..start + lit.range.end;
    let value = lit.value.trim();
    if value.len() == lit.value.len() {
        return Spanned::new(value.to_owned(), span);
    }
    let lead = lit.value.len() - lit.value.trim_start().len();
    let raw = text.get(lit.range.start..lit.range.end).unwrap_or_default();
    let span = decode_at(raw, span.start)
        .map_or(span, |(_, map)| map.file_range(lead..lead + value.len()));
    Spanned::new(value.to_owned(), span)
}

/// `request.postData.text`, decoded and mapped to the file.
fn body(
    text: &str,
    start: usize,
    ordinal: usize,
    request: &Object<'_>,
    problems: &mut Vec<Problem>,
) -> Option<Body> {
    let post = request.get_object("postData")?;
    let lit = post.get_string("text")?;
    let span = start + lit.range.start..start + lit.range.end;
    let says_base64 = |key: &str| {
        post.get_string(key)
            .is_some_and(|s| s.value.eq_ignore_ascii_case("base64"))
    };
    if says_base64("encoding")
        || says_base64("_encoding")
        || post.get_boolean("_base64").is_some_and(|b| b.value)
    {
        problems.push(Problem {
            message: format!(
                "the body of entry {ordinal} is base64-encoded; eventlint does not decode it, so \
                 it is not checked"
            ),
            help: "capture the request with its body as text (a JSON body is text)".to_owned(),
            span,
            fatal: false,
        });
        return None;
    }
    let raw = text.get(lit.range.start..lit.range.end).unwrap_or_default();
    match decode_at(raw, span.start) {
        Ok((body, map)) => Some(Body {
            text: body,
            source: BodySource::Inline(map),
            span,
        }),
        Err(mut problem) => {
            problem.fatal = false;
            problems.push(problem);
            None
        }
    }
}
