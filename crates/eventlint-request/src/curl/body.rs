//! The body: each `-d`/`--json` piece (inline, or an `@file`), joined as curl sends them.

use std::ops::Range;
use std::path::PathBuf;

use super::options::Data;
use super::{Fatal, Reader, problem};
use crate::shell::Word;
use crate::{Body, BodySource, OffsetMap};

/// A body piece, in option order.
#[derive(Debug)]
pub(super) struct Piece {
    text: String,
    /// Where its bytes are: the value word, or the `@file` argument.
    origin: Origin,
    /// `--json` (pieces are joined without `&`).
    pub(super) json: bool,
}

#[derive(Debug)]
enum Origin {
    Inline(Word),
    File { path: PathBuf, span: Range<usize> },
}

impl Origin {
    fn span(&self) -> Range<usize> {
        match self {
            Origin::Inline(word) => word.span.clone(),
            Origin::File { span, .. } => span.clone(),
        }
    }
}

impl Reader<'_> {
    /// A body piece: the value, or the file it names with `@`.
    pub(super) fn data(&mut self, data: Data, word: &Word) -> Result<(), Fatal> {
        let file = match data {
            Data::Raw => None,
            Data::Ascii | Data::Binary => word.text.strip_prefix('@'),
        };
        let Some(file) = file else {
            self.pieces.push(Piece {
                text: word.text.clone(),
                origin: Origin::Inline(word.clone()),
                json: false,
            });
            return Ok(());
        };
        if file == "-" {
            return Err(Box::new(problem(
                "the body is read from standard input (`@-`), which eventlint does not have"
                    .to_owned(),
                "put the body in a file and name it (`-d @body.json`), or write it in the command",
                word.span.clone(),
                true,
            )));
        }
        let path = self.ctx.base_dir.join(file);
        let text = match std::fs::read(&path) {
            Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
                Box::new(problem(
                    format!("the body file `{file}` is not UTF-8 text"),
                    "eventlint lints text bodies: save the file as UTF-8",
                    word.span.clone(),
                    true,
                ))
            })?,
            Err(error) => {
                let message = if error.kind() == std::io::ErrorKind::NotFound {
                    format!("the body file `{file}` does not exist")
                } else {
                    format!("the body file `{file}` cannot be read: {error}")
                };
                return Err(Box::new(problem(
                    message,
                    "`@file` is read relative to the folder of the .curl file; fix the name, or \
                     use `--data-raw` if the body really starts with `@`",
                    word.span.clone(),
                    true,
                )));
            }
        };
        let text = match data {
            // curl strips carriage returns and newlines from a `-d @file`.
            Data::Ascii => text.replace(['\r', '\n'], ""),
            Data::Binary | Data::Raw => text,
        };
        self.pieces.push(Piece {
            text,
            origin: Origin::File {
                path,
                span: word.span.clone(),
            },
            json: false,
        });
        Ok(())
    }

    /// The body: the pieces joined (`&` between `-d` pieces, nothing between `--json` ones).
    pub(super) fn body(&mut self) -> Option<Body> {
        let pieces = std::mem::take(&mut self.pieces);
        let first = pieces.first()?;
        let last = pieces.last()?;
        let span = first.origin.span().start..last.origin.span().end;
        if let [
            Piece {
                text,
                origin: Origin::File { path, span },
                ..
            },
        ] = pieces.as_slice()
        {
            return Some(Body {
                text: text.clone(),
                source: BodySource::File(path.clone()),
                span: span.clone(),
            });
        }
        let mut text = String::new();
        let mut map = OffsetMap::new();
        let mut end = span.start;
        for (n, piece) in pieces.iter().enumerate() {
            if n > 0 && !(piece.json && pieces[n - 1].json) {
                // The `&` curl puts between two pieces maps to where the first one ends (its
                // range runs to the second): each piece's own range stays exact.
                map.push(text.len(), end);
                text.push('&');
            }
            match &piece.origin {
                Origin::Inline(word) => {
                    for (i, src) in word.src.iter().enumerate() {
                        map.push(text.len() + i, src.0);
                    }
                    end = word.at(word.text.len());
                }
                // A file's bytes are not in the file read: they map to the `@file` argument.
                Origin::File { span, .. } => {
                    for i in 0..piece.text.len() {
                        map.push(text.len() + i, span.start);
                    }
                    end = span.end;
                }
            }
            text.push_str(&piece.text);
        }
        map.finish(text.len(), end);
        Some(Body {
            text,
            source: BodySource::Inline(map),
            span,
        })
    }
}
