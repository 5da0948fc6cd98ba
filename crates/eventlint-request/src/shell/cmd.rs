//! The Windows `cmd.exe` splitter: `cmd`'s carets, then the C runtime's argument rules.

use super::{Builder, Command, Ending, Unbalanced, char_len};

/// One byte of the command line `cmd.exe` hands to the program, and the file bytes it came from.
type Unit = (u8, (usize, usize));

/// Splits a `cmd` command: `cmd.exe`'s carets first (what the program's command line is), then
/// the C runtime's rules (what its arguments are).
pub(super) fn split_cmd(text: &str, from: usize) -> (Command, usize) {
    let (line, end, ending, next) = cmd_line(text, from);
    let mut words = Vec::new();
    let mut word = Builder::new();
    let mut open: Option<(usize, bool)> = None;
    let mut k = 0;
    while let Some(&(c, src)) = line.get(k) {
        match c {
            b' ' | b'\t' if open.is_none() => {
                words.extend(word.take());
                k += 1;
            }
            b'\\' => {
                let run = line[k..].iter().take_while(|u| u.0 == b'\\').count();
                if line.get(k + run).is_some_and(|u| u.0 == b'"') {
                    // 2n backslashes and a quote: n backslashes, the quote quotes; 2n + 1: n
                    // backslashes and a literal quote.
                    for pair in line[k..k + run - run % 2].chunks(2) {
                        word.push_escape(b"\\", (pair[0].1.0, pair[pair.len() - 1].1.1));
                    }
                    if run % 2 == 1 {
                        let first = line[k + run - 1].1.0;
                        word.push_escape(b"\"", (first, line[k + run].1.1));
                        k += run + 1;
                    } else {
                        k += run;
                    }
                } else {
                    for u in &line[k..k + run] {
                        word.push(u.0, u.1);
                    }
                    k += run;
                }
            }
            b'"' => {
                if open.is_some() && line.get(k + 1).is_some_and(|u| u.0 == b'"') {
                    // `""` inside quotes: a literal quote, still quoted.
                    word.push_escape(b"\"", (src.0, line[k + 1].1.1));
                    k += 2;
                } else {
                    open = match open {
                        Some(_) => None,
                        None => Some((src.0, src.1 - src.0 == 2)),
                    };
                    word.plain = false;
                    word.touch(src.0, src.1);
                    k += 1;
                }
            }
            _ => {
                word.push(c, src);
                k += 1;
            }
        }
    }
    words.extend(word.take());
    let unbalanced = open.map(|(open, careted)| Unbalanced {
        name: "double quote",
        written: if careted { "^\"" } else { "\"" },
        open,
    });
    let command = Command {
        words,
        unbalanced,
        end,
        ending,
    };
    (command, next)
}

/// What `cmd.exe` makes of the command from `from`: the command line's bytes, where the command
/// ends, how, and where the next may start.
fn cmd_line(text: &str, from: usize) -> (Vec<Unit>, usize, Ending, usize) {
    let bytes = text.as_bytes();
    let mut line: Vec<Unit> = Vec::new();
    let mut quoted = false;
    let mut escape_next = false;
    let mut i = from;
    let push_char = |line: &mut Vec<Unit>, i: usize, src: Option<(usize, usize)>| -> usize {
        let len = char_len(text, i);
        let end = (i + len).min(bytes.len());
        for (k, &b) in bytes.iter().enumerate().take(end).skip(i) {
            line.push((b, src.unwrap_or((k, k + 1))));
        }
        end
    };
    while let Some(&c) = bytes.get(i) {
        // cmd.exe reads lines without their carriage returns.
        if c == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i += 1;
            continue;
        }
        if escape_next {
            // The character after a `^` + newline continuation is taken as is (Chrome writes a
            // newline in a value as `^` and two newlines).
            escape_next = false;
            i = push_char(&mut line, i, None);
            continue;
        }
        if c == b'\n' {
            return (line, i, Ending::Line, i + 1);
        }
        if quoted {
            quoted = c != b'"';
            i = push_char(&mut line, i, None);
            continue;
        }
        match c {
            b'^' => match bytes.get(i + 1) {
                Some(b'\n') => {
                    escape_next = true;
                    i += 2;
                }
                Some(b'\r') if bytes.get(i + 2) == Some(&b'\n') => {
                    escape_next = true;
                    i += 3;
                }
                Some(_) => {
                    let end = (i + 1 + char_len(text, i + 1)).min(bytes.len());
                    push_char(&mut line, i + 1, Some((i, end)));
                    i = end;
                }
                None => i += 1,
            },
            b'"' => {
                quoted = true;
                i = push_char(&mut line, i, None);
            }
            b'&' | b'|' if bytes.get(i + 1) == Some(&c) => {
                return (line, i, Ending::Separator, i + 2);
            }
            b'&' => return (line, i, Ending::Background(i..i + 1), i + 1),
            b'|' | b'<' | b'>' => {
                let next = bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |p| i + p + 1);
                return (line, i, Ending::Redirected, next);
            }
            _ => i = push_char(&mut line, i, None),
        }
    }
    (line, bytes.len(), Ending::Line, bytes.len())
}
