//! Bodies: JSON, XML, multiline and one-line strings, `file,`, `base64,` and `hex,`.

use base64::Engine as _;

use super::{Reader, decode, fatal, is_response_line, request_line};
use crate::source;
use crate::template::{self, Decoded};
use crate::{Body, BodySource, Problem};

impl Reader<'_> {
    /// The body starting on line `i`; leaves `i` after it.
    pub(super) fn body(&mut self, problems: &mut Vec<Problem>) -> Result<Option<Body>, Problem> {
        let text = self.text;
        let line = self.lines[self.i];
        let start = line.trimmed(text).start;
        let t = &text[start..line.end];
        if t.starts_with("```") {
            return self.multiline_body(start, problems).map(Some);
        }
        if let Some(rest) = t.strip_prefix('`') {
            let Some(close) = closing_backtick(rest) else {
                return Err(fatal(
                    "the one-line body has no closing backtick",
                    "close it on the same line: `text`",
                    line.trimmed(text),
                ));
            };
            let inner = start + 1..start + 1 + close;
            let mut body = Decoded::default();
            decode(
                &text[inner.clone()],
                inner.start,
                &self.vars(),
                &mut body,
                problems,
            );
            let (body_text, map) = body.finish(inner.end);
            self.i += 1;
            return Ok(Some(Body {
                text: body_text,
                source: BodySource::Inline(map),
                span: start..inner.end + 1,
            }));
        }
        if let Some(kind) = ["file,", "base64,", "hex,"]
            .into_iter()
            .find(|k| t.starts_with(k))
        {
            let content = start + kind.len();
            let Some(semicolon) = text[content..].find(';').map(|i| content + i) else {
                return Err(fatal(
                    &format!("the `{kind}` body has no closing `;`"),
                    "end it with `;`, e.g. `file,body.json;`",
                    line.trimmed(text),
                ));
            };
            let span = start..semicolon + 1;
            self.i = self.line_of(semicolon) + 1;
            let written = text[content..semicolon].trim();
            if kind == "file," {
                let mut path = Decoded::default();
                let at = content
                    + (text[content..semicolon].len()
                        - text[content..semicolon].trim_start().len());
                decode(written, at, &self.vars(), &mut path, problems);
                let (body_text, path) = source::body_file(self.ctx, &path.text, span.clone())?;
                return Ok(Some(Body {
                    text: body_text,
                    source: BodySource::File(path),
                    span,
                }));
            }
            let compact: String = written.chars().filter(|c| !c.is_whitespace()).collect();
            let bytes = if kind == "hex," {
                decode_hex(&compact)
            } else {
                base64::engine::general_purpose::STANDARD
                    .decode(&compact)
                    .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(&compact))
                    .ok()
            };
            return Ok(match bytes.map(String::from_utf8) {
                Some(Ok(decoded)) => {
                    let mut body = Decoded::default();
                    body.produced(&decoded, start);
                    let (body_text, map) = body.finish(span.end);
                    Some(Body {
                        text: body_text,
                        source: BodySource::Inline(map),
                        span,
                    })
                }
                Some(Err(_)) => {
                    problems.push(Problem {
                        message: "the body is binary (not UTF-8 text), so it is not checked"
                            .to_owned(),
                        help: "eventlint checks text bodies".to_owned(),
                        span,
                        fatal: false,
                    });
                    None
                }
                None => {
                    problems.push(Problem {
                        message: format!("the `{kind}` body does not decode, so it is not checked"),
                        help: "check the encoded bytes".to_owned(),
                        span,
                        fatal: false,
                    });
                    None
                }
            });
        }
        // JSON (bracket matched) or XML (up to the next response or entry).
        let end = if t.starts_with('<') {
            None
        } else {
            json_end(text, start)
        };
        let end = end.unwrap_or_else(|| self.until_next_part(self.i));
        self.i = self.line_of(end.saturating_sub(1).max(start)) + 1;
        let mut body = Decoded::default();
        if t.starts_with('<') {
            body.literal(&text[start..end], start);
        } else {
            template::expand(&text[start..end], start, &self.vars(), &mut body, problems);
        }
        let (body_text, map) = body.finish(end);
        Ok(Some(Body {
            text: body_text,
            source: BodySource::Inline(map),
            span: start..end,
        }))
    }

    /// A multiline string body (```` ``` ```` at byte `start`); leaves `i` after it.
    fn multiline_body(
        &mut self,
        start: usize,
        problems: &mut Vec<Problem>,
    ) -> Result<Body, Problem> {
        let text = self.text;
        let line = self.lines[self.i];
        let hint = text[start + 3..line.end].trim();
        let content = self.lines.get(self.i + 1).map_or(text.len(), |l| l.start);
        let Some(close) = text[content..].find("```").map(|i| content + i) else {
            return Err(fatal(
                "the multiline body has no closing ```",
                "end it with a line ```",
                line.trimmed(text),
            ));
        };
        let span = start..close + 3;
        self.i = self.line_of(close) + 1;
        let templated = match hint {
            "" | "json" | "xml" => true,
            "raw" => false,
            "graphql" => {
                return Err(Problem {
                    message: "GraphQL bodies are not read".to_owned(),
                    help: "check the JSON request Hurl sends for it".to_owned(),
                    span,
                    fatal: true,
                });
            }
            other => {
                problems.push(Problem {
                    message: format!(
                        "`{other}` is not a language Hurl knows for a multiline body; it is read as text"
                    ),
                    help: "use ```json, ```xml, ```graphql, ```raw or plain ```".to_owned(),
                    span: line.trimmed(text),
                    fatal: false,
                });
                true
            }
        };
        let mut body = Decoded::default();
        if templated {
            template::expand(
                &text[content..close],
                content,
                &self.vars(),
                &mut body,
                problems,
            );
        } else {
            body.literal(&text[content..close], content);
        }
        let (body_text, map) = body.finish(close);
        Ok(Body {
            text: body_text,
            source: BodySource::Inline(map),
            span,
        })
    }

    /// Where a body without a closing bracket ends: the end of the last line with text before
    /// the response or the next entry (from line `from` on).
    fn until_next_part(&self, from: usize) -> usize {
        let mut end = self.lines[from].end;
        for i in from..self.lines.len() {
            let t = self.trimmed(i);
            if i > from && (is_response_line(t) || request_line(self.text, self.lines[i]).is_some())
            {
                break;
            }
            if !t.is_empty() && !t.starts_with('#') {
                end = self.lines[i].end;
            }
        }
        end
    }
}

/// A trimmed line that starts a body.
pub(super) fn starts_body(trimmed: &str) -> bool {
    (trimmed.starts_with('{') && !trimmed.starts_with("{{"))
        || trimmed.starts_with(['[', '`', '<'])
        || ["file,", "base64,", "hex,"]
            .iter()
            .any(|k| trimmed.starts_with(k))
}

/// Where the backtick closing a one-line string is, in `rest` (after the opening one).
fn closing_backtick(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'`' => return Some(i),
            b'\n' | b'\r' => return None,
            _ => i += 1,
        }
    }
    None
}

/// One past the bracket that closes the JSON value opening at byte `start` (`{` or `[`), the
/// brackets inside strings left aside; `None` if it never closes.
pub(super) fn json_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
        }
        i += 1;
    }
    None
}

/// The bytes of a hex string (`None` if it is not one).
fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}
