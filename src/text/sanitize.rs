//! Removing what a terminal would interpret: control characters, escape sequences (CSI, OSC,
//! DCS...), and bidi overrides that can make displayed text lie about its order.

use std::borrow::Cow;
use std::str::Chars;

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
/// C1 "string terminator", the 8-bit form of `ESC \`.
const C1_ST: char = '\u{9c}';

/// What survives of one character of input.
enum Cleaned {
    Keep(char),
    /// Whitespace other than line breaks (the character, for callers that keep layout).
    Space(char),
    LineBreak,
    Drop,
}

/// Yields the input's characters with escape sequences removed and controls classified.
fn cleaned(text: &str) -> impl Iterator<Item = Cleaned> + '_ {
    let mut chars = text.chars();
    std::iter::from_fn(move || {
        let c = chars.next()?;
        Some(classify(c, &mut chars))
    })
}

/// The next character, left in place.
fn peek(rest: &Chars<'_>) -> Option<char> {
    rest.as_str().chars().next()
}

/// Consumes the next character if `accept` takes it.
fn next_if(rest: &mut Chars<'_>, accept: impl Fn(char) -> bool) -> Option<char> {
    let c = peek(rest).filter(|&c| accept(c))?;
    rest.next();
    Some(c)
}

fn classify(c: char, rest: &mut Chars<'_>) -> Cleaned {
    match c {
        ESC => {
            skip_escape_sequence(rest);
            Cleaned::Drop
        }
        // C1 introducers: CSI, then OSC and the other string-type controls.
        '\u{9b}' => {
            skip_control_sequence(rest);
            Cleaned::Drop
        }
        '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => {
            skip_control_string(rest);
            Cleaned::Drop
        }
        // CR LF is one line break.
        '\r' if peek(rest) == Some('\n') => Cleaned::Drop,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
            Cleaned::LineBreak
        }
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Cleaned::Drop,
        c if c.is_control() => match c {
            '\t' => Cleaned::Space('\t'),
            _ => Cleaned::Drop,
        },
        c if c.is_whitespace() => Cleaned::Space(c),
        c => Cleaned::Keep(c),
    }
}

/// Called after an ESC: consumes the rest of the sequence it starts.
fn skip_escape_sequence(rest: &mut Chars<'_>) {
    match peek(rest) {
        Some('[') => {
            rest.next();
            skip_control_sequence(rest);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            rest.next();
            skip_control_string(rest);
        }
        Some(_) => {
            // nF escapes: intermediates 0x20–0x2F, then one final byte 0x30–0x7E.
            while next_if(rest, |c| ('\u{20}'..='\u{2f}').contains(&c)).is_some() {}
            next_if(rest, |c| ('\u{30}'..='\u{7e}').contains(&c));
        }
        None => {}
    }
}

/// CSI body: parameters 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E.
/// Anything else ends the sequence without being consumed.
fn skip_control_sequence(rest: &mut Chars<'_>) {
    while next_if(rest, |c| ('\u{20}'..='\u{3f}').contains(&c)).is_some() {}
    next_if(rest, |c| ('\u{40}'..='\u{7e}').contains(&c));
}

/// OSC, DCS, SOS, PM, APC bodies run to BEL or a string terminator (`ESC \` or C1 ST).
/// An unterminated string swallows the rest of the text: better lost than sent to a terminal.
fn skip_control_string(rest: &mut Chars<'_>) {
    while let Some(c) = rest.next() {
        match c {
            BEL | C1_ST => return,
            ESC => {
                next_if(rest, |c| c == '\\');
                return;
            }
            _ => {}
        }
    }
}

/// A line being built: whitespace is held back until something printable follows it, so a run
/// of it becomes one space and none is left at either end.
#[derive(Default)]
struct Line {
    out: String,
    pending_space: bool,
}

impl Line {
    fn push_str(&mut self, text: &str) {
        if self.pending_space && !self.out.is_empty() {
            self.out.push(' ');
        }
        self.pending_space = false;
        self.out.push_str(text);
    }

    fn push(&mut self, piece: Cleaned) {
        match piece {
            Cleaned::Keep(c) => self.push_str(c.encode_utf8(&mut [0; 4])),
            Cleaned::Space(_) | Cleaned::LineBreak => self.pending_space = true,
            Cleaned::Drop => {}
        }
    }
}

/// One line: controls and sequences dropped, all whitespace collapsed to single spaces, trimmed.
///
/// It runs over every item's title and body on every refresh, so runs of printable ASCII are
/// copied whole and only escapes and other characters go through `classify`.
pub fn sanitize_line(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut line = Line {
        out: String::with_capacity(text.len()),
        pending_space: false,
    };
    let mut index = 0;
    while index < bytes.len() {
        let run = verbatim_run(&bytes[index..]);
        if run > 0 {
            line.push_str(&text[index..index + run]);
            index += run;
            continue;
        }
        match bytes[index] {
            // Whitespace and line breaks (CR LF included) all become one pending space.
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => {
                line.pending_space = true;
                index += 1;
            }
            byte if byte.is_ascii() && byte != 0x1b => index += 1,
            _ => {
                let mut rest = text[index..].chars();
                let Some(c) = rest.next() else { break };
                line.push(classify(c, &mut rest));
                index = bytes.len() - rest.as_str().len();
            }
        }
    }
    line.out
}

/// How many bytes at the start of `bytes` `sanitize_line` keeps as they are: printable ASCII
/// words with single spaces between them.
fn verbatim_run(bytes: &[u8]) -> usize {
    if !bytes.first().is_some_and(u8::is_ascii_graphic) {
        return 0;
    }
    // Whole blocks first, tested without branches so that the test vectorises: a block is kept
    // when it and the byte after it are printable and no two neighbours are spaces.
    const BLOCK: usize = 16;
    let mut end = 0;
    while let Some(window) = bytes.get(end..end + BLOCK + 1) {
        let printable = window
            .iter()
            .fold(true, |all, &b| all & (b' '..=b'~').contains(&b));
        let doubled = window
            .iter()
            .zip(&window[1..])
            .fold(false, |any, (&a, &b)| any | ((a == b' ') & (b == b' ')));
        if !printable || doubled {
            break;
        }
        end += BLOCK;
    }
    loop {
        while bytes.get(end).is_some_and(u8::is_ascii_graphic) {
            end += 1;
        }
        let single_space =
            bytes.get(end) == Some(&b' ') && bytes.get(end + 1).is_some_and(u8::is_ascii_graphic);
        if !single_space {
            return end;
        }
        end += 1;
    }
}

/// Like [`sanitize_line`] but keeps line breaks: each line is collapsed and trimmed, and runs
/// of blank lines become one blank line. For reader bodies.
pub fn sanitize_multiline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut pending_breaks = 0usize;
    for piece in cleaned(text) {
        match piece {
            Cleaned::Keep(c) => {
                if !out.is_empty() {
                    if pending_breaks > 0 {
                        out.push_str(if pending_breaks > 1 { "\n\n" } else { "\n" });
                    } else if pending_space {
                        out.push(' ');
                    }
                }
                pending_space = false;
                pending_breaks = 0;
                out.push(c);
            }
            Cleaned::Space(_) => pending_space = true,
            Cleaned::LineBreak => pending_breaks += 1,
            Cleaned::Drop => {}
        }
    }
    out
}

/// Text laid out already (rendered article bodies, with indents and tables): line breaks and
/// spaces kept, tabs expanded to `tab_stop`, controls and escape sequences dropped.
pub fn sanitize_preformatted(text: &str, tab_stop: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    for piece in cleaned(text) {
        match piece {
            Cleaned::Keep(c) => {
                out.push(c);
                column += 1;
            }
            Cleaned::Space('\t') => {
                let spaces = tab_stop.max(1) - column % tab_stop.max(1);
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            Cleaned::Space(_) => {
                out.push(' ');
                column += 1;
            }
            Cleaned::LineBreak => {
                out.push('\n');
                column = 0;
            }
            Cleaned::Drop => {}
        }
    }
    out
}

/// Text kept as it is (spacing, indents, tabs), but safe for a terminal and for `jq -r`:
/// escape sequences, C0 and C1 controls other than line feed and tab, and bidi overrides
/// removed; other line breaks become line feeds. Borrows when there is nothing to remove.
pub fn sanitize_verbatim(text: &str) -> Cow<'_, str> {
    // Printable ASCII, tabs and line feeds need nothing: tested byte by byte (it vectorises)
    // before the characters are, since every line a command prints comes through here.
    let plain = |b: &u8| (b' '..=b'~').contains(b) || *b == b'\n' || *b == b'\t';
    if text.as_bytes().iter().fold(true, |all, b| all & plain(b))
        || !text.chars().any(needs_cleaning)
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for piece in cleaned(text) {
        match piece {
            Cleaned::Keep(c) | Cleaned::Space(c) => out.push(c),
            Cleaned::LineBreak => out.push('\n'),
            Cleaned::Drop => {}
        }
    }
    Cow::Owned(out)
}

fn needs_cleaning(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
#[path = "sanitize_tests.rs"]
mod tests;
