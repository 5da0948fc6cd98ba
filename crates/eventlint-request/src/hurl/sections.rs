//! An entry's request: headers, then `[Query]`, `[Form]`, `[BasicAuth]`, `[Cookies]`, `[Options]`.

use std::borrow::Cow;
use std::ops::Range;

use base64::Engine as _;

use super::bodies::starts_body;
use super::{KeyValue, Reader, decode, is_response_line, key_value, request_line};
use crate::template::{self, Decoded};
use crate::{Body, BodySource, Header, Problem, RawRequest, Spanned};

/// The sections of an entry's request and response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Section {
    Query,
    Form,
    Multipart,
    Cookies,
    Options,
    BasicAuth,
    Captures,
    Asserts,
}

impl Section {
    /// The section a trimmed line `[Name]` opens.
    pub(super) fn parse(trimmed: &str) -> Option<Section> {
        let name = trimmed.strip_prefix('[')?.strip_suffix(']')?;
        Some(match name {
            "QueryStringParams" | "Query" => Section::Query,
            "FormParams" | "Form" => Section::Form,
            "MultipartFormData" | "Multipart" => Section::Multipart,
            "Cookies" => Section::Cookies,
            "Options" => Section::Options,
            "BasicAuth" => Section::BasicAuth,
            "Captures" => Section::Captures,
            "Asserts" => Section::Asserts,
            _ => return None,
        })
    }
}

/// A `[Query]`, `[Form]` or `[Cookies]` parameter: decoded, with where it is written.
struct Param {
    name: String,
    value: String,
    at: KeyValue,
    /// The name and the value are written as they are sent (no escape, no variable).
    literal: bool,
}

impl Reader<'_> {
    /// Reads the request of the entry whose request line is line `i`.
    pub(super) fn entry(
        &mut self,
        method: Range<usize>,
        url_span: Range<usize>,
    ) -> Result<RawRequest, Problem> {
        let text = self.text;
        let mut problems = Vec::new();
        let mut url = Decoded::default();
        decode(
            &text[url_span.clone()],
            url_span.start,
            &self.vars(),
            &mut url,
            &mut problems,
        );
        let mut url = Spanned::new(url.text, url_span.clone());
        let mut end = url_span.end;
        self.i += 1;

        let mut headers = Vec::new();
        let mut section: Option<(Section, Range<usize>)> = None;
        let mut query = Vec::new();
        let mut form: Vec<Param> = Vec::new();
        let mut form_section = None;
        let mut cookies: Vec<Param> = Vec::new();
        let mut cookies_section = None;
        let mut basic_auth = None;
        let mut body = None;
        while self.i < self.lines.len() {
            let line = self.lines[self.i];
            let t = self.trimmed(self.i);
            if t.is_empty() || t.starts_with('#') {
                self.i += 1;
                continue;
            }
            if is_response_line(t) || request_line(text, line).is_some() {
                break;
            }
            if let Some(s) = Section::parse(t) {
                let span = line.trimmed(text);
                match s {
                    Section::Form => form_section = Some(span.clone()),
                    Section::Cookies => cookies_section = Some(span.clone()),
                    Section::Multipart => problems.push(Problem {
                        message: "multipart bodies ([MultipartFormData]) are not read, so this \
                                  request is checked without its body"
                            .to_owned(),
                        help: "check the parts' files on their own".to_owned(),
                        span: span.clone(),
                        fatal: false,
                    }),
                    _ => {}
                }
                end = span.end;
                section = Some((s, span));
                self.i += 1;
                continue;
            }
            if starts_body(t) {
                body = self.body(&mut problems)?;
                if let Some(b) = &body {
                    end = end.max(b.span.end);
                }
                break;
            }
            let vars = self.vars();
            let Some(kv) = key_value(text, line) else {
                let span = line.trimmed(text);
                problems.push(Problem {
                    message: format!(
                        "`{}` is not `name: value`, so it is left out",
                        &text[span.clone()]
                    ),
                    help: "write headers and section entries as `name: value`; a body starts \
                           with `{`, `[`, a backtick or `file,`"
                        .to_owned(),
                    span,
                    fatal: false,
                });
                self.i += 1;
                continue;
            };
            end = kv.span().end;
            let mut name = Decoded::default();
            decode(
                &text[kv.key.clone()],
                kv.key.start,
                &vars,
                &mut name,
                &mut problems,
            );
            let mut value = Decoded::default();
            decode(
                &text[kv.value.clone()],
                kv.value.start,
                &vars,
                &mut value,
                &mut problems,
            );
            let literal = name.text == text[kv.key.clone()] && value.text == text[kv.value.clone()];
            let param = Param {
                name: name.text,
                value: value.text,
                at: kv,
                literal,
            };
            match &section {
                None => headers.push(Header {
                    name: Spanned::new(param.name, param.at.key.clone()),
                    value: Spanned::new(param.value, param.at.value.clone()),
                    span: param.at.span(),
                }),
                Some((Section::Query, _)) => {
                    url.span.end = param.at.span().end;
                    query.push(param);
                }
                Some((Section::Form, _)) => form.push(param),
                Some((Section::Cookies, _)) => cookies.push(param),
                Some((Section::BasicAuth, span)) => {
                    if basic_auth.is_none() {
                        basic_auth = Some((param, span.clone()));
                    }
                }
                Some((Section::Options, _)) => {
                    if param.name == "variable" {
                        self.define(&text[param.at.value.clone()]);
                    }
                }
                Some((Section::Multipart | Section::Captures | Section::Asserts, _)) => {}
            }
            self.i += 1;
        }

        if !query.is_empty() {
            let mut sep = if url.value.contains('?') { '&' } else { '?' };
            for p in &query {
                url.value.push(sep);
                url.value.push_str(&percent_encode(&p.name));
                url.value.push('=');
                url.value.push_str(&percent_encode(&p.value));
                sep = '&';
            }
        }
        if let Some((param, section)) = basic_auth {
            let credentials = format!("{}:{}", param.name, param.value);
            let value = format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(credentials)
            );
            headers.push(Header {
                name: Spanned::new("Authorization".to_owned(), section.clone()),
                value: Spanned::new(value, param.at.span()),
                span: section.start..param.at.span().end,
            });
        }
        if let (Some(section), Some(first), Some(last)) =
            (cookies_section, cookies.first(), cookies.last())
        {
            let value: Vec<String> = cookies
                .iter()
                .map(|c| format!("{}={}", c.name, c.value))
                .collect();
            headers.push(Header {
                name: Spanned::new("Cookie".to_owned(), section.clone()),
                value: Spanned::new(value.join("; "), first.at.key.start..last.at.span().end),
                span: section.start..last.at.span().end,
            });
        }
        if let (Some(section), Some(last)) = (form_section, form.last()) {
            let span = section.start..last.at.span().end;
            if body.is_some() {
                problems.push(Problem {
                    message: "the entry has both [FormParams] and a body; the body is read"
                        .to_owned(),
                    help: "keep one of them".to_owned(),
                    span: section.clone(),
                    fatal: false,
                });
            } else {
                body = Some(form_body(&form, span));
                if !headers
                    .iter()
                    .any(|h| h.name.value.eq_ignore_ascii_case("content-type"))
                {
                    headers.push(Header {
                        name: Spanned::new("Content-Type".to_owned(), section.clone()),
                        value: Spanned::new(
                            "application/x-www-form-urlencoded".to_owned(),
                            section.clone(),
                        ),
                        span: section,
                    });
                }
            }
        }
        Ok(RawRequest {
            ordinal: self.ordinal,
            method: Spanned::new(text[method.clone()].to_owned(), method.clone()),
            span: method.start..end.max(url.span.end),
            url,
            headers,
            body,
            problems,
            credentials_stripped: false,
            credentials_masked: false,
        })
    }

    /// `variable: name=value` in `[Options]`: `name` is `value` from this entry on.
    fn define(&mut self, written: &str) {
        let Some((name, value)) = written.split_once('=') else {
            return;
        };
        let var = template::expand_definition(value.trim(), &self.vars());
        self.option_vars.insert(name.trim().to_owned(), var);
    }
}

/// `s` percent-encoded for a URL's query (all but the unreserved characters).
fn percent_encode(s: &str) -> Cow<'_, str> {
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
    if s.bytes().all(unreserved) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if unreserved(b) {
            out.push(char::from(b));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
    }
    Cow::Owned(out)
}

/// The `a=b&c=d` body of `[FormParams]` written in `span`: a parameter written as sent maps
/// byte for byte; an encoded or decoded one maps to its start, `=` to the end of the name and `&`
/// to the start of the next parameter.
fn form_body(form: &[Param], span: Range<usize>) -> Body {
    let mut body = Decoded::default();
    for (n, p) in form.iter().enumerate() {
        if n > 0 {
            body.produced("&", p.at.key.start);
        }
        for (j, (value, at)) in [(&p.name, &p.at.key), (&p.value, &p.at.value)]
            .into_iter()
            .enumerate()
        {
            if j == 1 {
                body.produced("=", p.at.key.end);
            }
            let encoded = percent_encode(value);
            if p.literal && encoded == value.as_str() {
                body.literal(&encoded, at.start);
            } else {
                body.produced(&encoded, at.start.min(span.end.saturating_sub(1)));
            }
        }
    }
    let (text, map) = body.finish(span.end);
    Body {
        text,
        source: BodySource::Inline(map),
        span,
    }
}
