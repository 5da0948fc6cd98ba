//! Reading the arguments after `curl`: options with their values, the headers they make.

use std::ops::Range;

use base64::Engine as _;

use super::options::{Data, Made, Opt, long, short};
use super::{Fatal, Reader, problem};
use crate::shell::Word;
use crate::{Header, Problem, Spanned};

impl Reader<'_> {
    /// Reads the options after `curl`.
    pub(super) fn options(&mut self, words: &[Word]) -> Result<(), Fatal> {
        let mut i = 1;
        while let Some(word) = words.get(i) {
            i += 1;
            let text = word.text.as_str();
            if let Some(body) = text.strip_prefix("--").filter(|b| !b.is_empty()) {
                let (name, attached) = match body.find('=') {
                    Some(eq) => (&body[..eq], Some(word.tail(2 + eq + 1))),
                    None => (body, None),
                };
                let opt = long(name).or_else(|| {
                    name.strip_prefix("no-")
                        .and_then(long)
                        .filter(|o| *o == Opt::Flag || *o == Opt::Globoff)
                        .map(|_| Opt::Flag)
                });
                let Some(opt) = opt else {
                    self.problems
                        .push(unknown(&format!("--{name}"), word.span.clone()));
                    continue;
                };
                if matches!(opt, Opt::Flag | Opt::Get | Opt::Head | Opt::Globoff) {
                    self.apply(opt, name, word.span.clone(), None)?;
                    continue;
                }
                let value = match attached {
                    Some(value) => value,
                    None => take_value(words, &mut i, &format!("--{name}"), word)?,
                };
                self.apply(opt, name, word.span.clone(), Some(value))?;
            } else if text.len() > 1 && text.starts_with('-') {
                for (at, c) in text.char_indices().skip(1) {
                    let Some((name, opt)) = short(c) else {
                        let end = word.range(at..at + c.len_utf8()).end;
                        self.problems
                            .push(unknown(&format!("-{c}"), word.span.start..end));
                        break;
                    };
                    if matches!(opt, Opt::Flag | Opt::Get | Opt::Head | Opt::Globoff) {
                        self.apply(opt, name, word.span.clone(), None)?;
                        continue;
                    }
                    let rest = at + c.len_utf8();
                    let value = if rest < text.len() {
                        word.tail(rest)
                    } else {
                        take_value(words, &mut i, &format!("-{c}"), word)?
                    };
                    self.apply(opt, name, word.span.clone(), Some(value))?;
                    break;
                }
            } else {
                self.urls
                    .push(Spanned::new(text.to_owned(), word.span.clone()));
            }
        }
        Ok(())
    }

    /// Does what option `name` (`opt`, written at `option`) says with its value.
    fn apply(
        &mut self,
        opt: Opt,
        name: &str,
        option: Range<usize>,
        value: Option<Word>,
    ) -> Result<(), Fatal> {
        let Some(value) = value else {
            match opt {
                Opt::Get => self.get = true,
                Opt::Head => self.head = true,
                Opt::Globoff => self.globoff = true,
                _ => {}
            }
            return Ok(());
        };
        let whole = option.start.min(value.span.start)..option.end.max(value.span.end);
        match opt {
            Opt::Flag | Opt::Get | Opt::Head | Opt::Globoff | Opt::Skip => {}
            Opt::Method => {
                let method = value.text.to_ascii_uppercase();
                if method != value.text {
                    self.problems.push(problem(
                        format!(
                            "curl sends the method as written (`{}`), and methods are case-sensitive",
                            value.text
                        ),
                        "write the method in upper case",
                        value.span.clone(),
                        false,
                    ));
                }
                self.method = Some(Spanned::new(method, value.span.clone()));
            }
            Opt::Header => self.header(&value),
            Opt::Data(data) => self.data(data, &value)?,
            Opt::Json => {
                self.data(Data::Binary, &value)?;
                if let Some(piece) = self.pieces.last_mut() {
                    piece.json = true;
                }
                for name in ["Content-Type", "Accept"] {
                    let made = ("application/json".to_owned(), option.clone());
                    self.made(name, made, &option, whole.clone());
                }
            }
            Opt::User => {
                if !value.text.contains(':') {
                    self.problems.push(problem(
                        "`-u` without a password: curl would ask for it".to_owned(),
                        "write `-u user:password`; the request is read with an empty password",
                        value.span.clone(),
                        false,
                    ));
                }
                let credentials = if value.text.contains(':') {
                    value.text.clone()
                } else {
                    format!("{}:", value.text)
                };
                let encoded = base64::engine::general_purpose::STANDARD.encode(credentials);
                let made = (format!("Basic {encoded}"), value.range(0..value.text.len()));
                self.made("Authorization", made, &option, whole);
            }
            Opt::Url => self
                .urls
                .push(Spanned::new(value.text.clone(), value.span.clone())),
            Opt::Made(made) => {
                let (header, content) = match made {
                    Made::UserAgent => ("User-Agent", value.text.clone()),
                    Made::Referer => ("Referer", value.text.trim_end_matches(";auto").to_owned()),
                    // Without `=`, the value names a cookie file to read: no header.
                    Made::Cookie if !value.text.contains('=') => return Ok(()),
                    Made::Cookie => ("Cookie", value.text.clone()),
                    Made::Bearer => ("Authorization", format!("Bearer {}", value.text)),
                };
                let made = (content, value.range(0..value.text.len()));
                self.made(header, made, &option, whole);
            }
            Opt::Unread(what) => self.problems.push(problem(
                format!("{what}: `--{name}` changes the request, and eventlint does not read it"),
                "lint what it sends another way: put the body in the command with `--data-raw`, or \
                 lint the body file itself",
                whole,
                false,
            )),
        }
        Ok(())
    }

    /// A header made by an option (`-u`, `--json`, `-A`, …): named at the option, its value
    /// spanned where it comes from (the option's value, or the option for `--json`'s), the
    /// header spanning both.
    fn made(
        &mut self,
        name: &str,
        (value, at): (String, Range<usize>),
        option: &Range<usize>,
        whole: Range<usize>,
    ) {
        let header = Header {
            name: Spanned::new(name.to_owned(), option.clone()),
            value: Spanned::new(value, at),
            span: whole,
        };
        self.headers.push((header, true));
    }

    /// `-H 'Name: value'`.
    fn header(&mut self, word: &Word) {
        let text = word.text.as_str();
        if let Some(file) = text.strip_prefix('@') {
            self.problems.push(problem(
                format!("the headers in `{file}` (`-H @file`) are not read"),
                "write the headers in the command, one `-H 'Name: value'` each",
                word.span.clone(),
                false,
            ));
            return;
        }
        let trim = |range: Range<usize>| -> Range<usize> {
            let piece = &text[range.clone()];
            let start = range.start + (piece.len() - piece.trim_start().len());
            start..range.start + piece.trim_end().len().max(start - range.start)
        };
        let (name, value) = match text.find(':') {
            Some(colon) => (trim(0..colon), Some(trim(colon + 1..text.len()))),
            None => match text.trim_end().strip_suffix(';') {
                // `Name;`: the header is sent with an empty value.
                Some(name) if !name.trim().is_empty() => (trim(0..name.len()), None),
                _ => {
                    self.problems.push(problem(
                        format!("the header `{text}` has no colon: curl does not send it"),
                        "write the header as `Name: value` (or `Name;` for an empty value)",
                        word.span.clone(),
                        false,
                    ));
                    return;
                }
            },
        };
        if name.is_empty() {
            self.problems.push(problem(
                format!("the header `{text}` has no name"),
                "write the header as `Name: value`",
                word.span.clone(),
                false,
            ));
            return;
        }
        let value = match value {
            // `Name:` with nothing after it removes the header curl would send.
            Some(value) if value.is_empty() => {
                self.removed.push(text[name].to_ascii_lowercase());
                return;
            }
            Some(value) => value,
            None => {
                let at = word.range(name.end..name.end).start;
                let header = Header {
                    name: Spanned::new(text[name.clone()].to_owned(), word.range(name)),
                    value: Spanned::new(String::new(), at..at),
                    span: word.span.clone(),
                };
                self.headers.push((header, false));
                return;
            }
        };
        let header = Header {
            name: Spanned::new(text[name.clone()].to_owned(), word.range(name)),
            value: Spanned::new(text[value.clone()].to_owned(), word.range(value)),
            span: word.span.clone(),
        };
        self.headers.push((header, false));
    }
}

/// The value of the option in `word`, from the next word; a missing value is fatal.
fn take_value(words: &[Word], i: &mut usize, name: &str, word: &Word) -> Result<Word, Fatal> {
    match words.get(*i) {
        Some(value) => {
            *i += 1;
            Ok(value.clone())
        }
        None => Err(Box::new(problem(
            format!("the curl option `{name}` has no value"),
            "give the option its value, or remove it (curl refuses the command)",
            word.span.clone(),
            true,
        ))),
    }
}

fn unknown(name: &str, span: Range<usize>) -> Problem {
    problem(
        format!("unknown curl option `{name}`"),
        "check the spelling (`curl --help all` lists the options); eventlint reads on past it",
        span,
        false,
    )
}
