//! The scan's view of a document: tags and runs of text, found with `memchr`, nothing decoded
//! until the scan asks. It need not check that the document is well-formed (feed-rs does, and
//! the tolerant reader takes what it refuses); it needs only to see what feed-rs will see in a
//! well-formed one. Comments, processing instructions and the DOCTYPE are skipped.

use memchr::{memchr, memchr3, memmem};

/// One piece of the document, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// `<name attributes>` or `<name attributes/>` (`empty`).
    Start {
        name: &'a str,
        attributes: &'a str,
        empty: bool,
    },
    End {
        name: &'a str,
    },
    /// Character data as written, references and all.
    Text(&'a str),
    /// The inside of a CDATA section.
    CData(&'a str),
}

/// What the lexer could not read.
pub type Malformed = &'static str;

pub struct Lexer<'a> {
    doc: &'a str,
    at: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(doc: &'a str) -> Lexer<'a> {
        Lexer { doc, at: 0 }
    }

    /// The next piece, `None` at the end, `Err` for markup that never ends.
    pub fn next_piece(&mut self) -> Option<Result<Piece<'a>, Malformed>> {
        loop {
            let rest = &self.doc[self.at..];
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let length = memchr(b'<', rest.as_bytes()).unwrap_or(rest.len());
                self.at += length;
                return Some(Ok(Piece::Text(&rest[..length])));
            }
            let piece = match rest.as_bytes().get(1) {
                Some(b'!') if rest.starts_with("<![CDATA[") => self
                    .through("<![CDATA[", "]]>")
                    .map(|inside| Some(Piece::CData(inside))),
                Some(b'!') if rest.starts_with("<!--") => self.through("<!--", "-->").map(|_| None),
                Some(b'!') => self.declaration().map(|()| None),
                Some(b'?') => self.through("<?", "?>").map(|_| None),
                Some(b'/') => self.end_tag().map(Some),
                _ => self.start_tag().map(Some),
            };
            match piece {
                Ok(Some(piece)) => return Some(Ok(piece)),
                Ok(None) => continue,
                Err(malformed) => return Some(Err(malformed)),
            }
        }
    }

    /// Skips from `open` through `close`, returning what is between.
    fn through(&mut self, open: &str, close: &str) -> Result<&'a str, Malformed> {
        let inside = &self.doc[self.at + open.len()..];
        let length =
            memmem::find(inside.as_bytes(), close.as_bytes()).ok_or("markup that never ends")?;
        self.at += open.len() + length + close.len();
        Ok(&inside[..length])
    }

    /// `<!DOCTYPE …>`, with an internal subset in brackets.
    fn declaration(&mut self) -> Result<(), Malformed> {
        let bytes = self.doc.as_bytes();
        let mut depth = 0usize;
        let mut index = self.at + 2;
        while index < bytes.len() {
            match bytes[index] {
                b'[' => depth += 1,
                b']' => depth = depth.saturating_sub(1),
                b'>' if depth == 0 => {
                    self.at = index + 1;
                    return Ok(());
                }
                _ => {}
            }
            index += 1;
        }
        Err("a declaration that never ends")
    }

    fn end_tag(&mut self) -> Result<Piece<'a>, Malformed> {
        let rest = &self.doc[self.at + 2..];
        let length = memchr(b'>', rest.as_bytes()).ok_or("a tag that never ends")?;
        self.at += 2 + length + 1;
        Ok(Piece::End {
            name: rest[..length].trim_end(),
        })
    }

    fn start_tag(&mut self) -> Result<Piece<'a>, Malformed> {
        let rest = &self.doc[self.at + 1..];
        let bytes = rest.as_bytes();
        let name_length = bytes
            .iter()
            .position(|&byte| byte.is_ascii_whitespace() || byte == b'/' || byte == b'>')
            .ok_or("a tag that never ends")?;
        if name_length == 0 {
            return Err("a < that starts no tag");
        }
        // The closing `>`, skipping any inside quoted attribute values.
        let mut index = name_length;
        let close = loop {
            let found =
                memchr3(b'>', b'"', b'\'', &bytes[index..]).ok_or("a tag that never ends")?;
            let at = index + found;
            match bytes[at] {
                b'>' => break at,
                quote => {
                    let end = memchr(quote, &bytes[at + 1..]).ok_or("a tag that never ends")?;
                    index = at + 1 + end + 1;
                }
            }
        };
        self.at += 1 + close + 1;
        let empty = close > name_length && bytes[close - 1] == b'/';
        let attributes_end = if empty { close - 1 } else { close };
        Ok(Piece::Start {
            name: &rest[..name_length],
            attributes: &rest[name_length..attributes_end.max(name_length)],
            empty,
        })
    }
}

/// A `&` in attribute values that starts no reference (feed-rs keeps it as written, the
/// tolerant reader reports it).
pub fn has_bare_ampersand(attributes: &str) -> bool {
    memchr::memchr_iter(b'&', attributes.as_bytes()).any(|at| {
        let rest = &attributes.as_bytes()[at + 1..];
        let (digits, valid): (&[u8], fn(&u8) -> bool) = match rest {
            [b'#', b'x' | b'X', tail @ ..] => (tail, u8::is_ascii_hexdigit),
            [b'#', tail @ ..] => (tail, u8::is_ascii_digit),
            _ => (rest, u8::is_ascii_alphanumeric),
        };
        let length = digits
            .iter()
            .take(40)
            .take_while(|byte| valid(byte))
            .count();
        length == 0 || digits.get(length) != Some(&b';')
    })
}

/// The `name="value"` pairs of a start tag, values as written (quotes removed).
pub fn attributes(raw: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = raw;
    std::iter::from_fn(move || {
        let trimmed = rest.trim_start();
        let equals = trimmed.find('=')?;
        let name = trimmed[..equals].trim();
        let after = trimmed[equals + 1..].trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let value_length = after[1..].find(quote)?;
        rest = &after[1 + value_length + 1..];
        Some((name, &after[1..1 + value_length]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(doc: &str) -> Vec<Piece<'_>> {
        let mut lexer = Lexer::new(doc);
        std::iter::from_fn(|| lexer.next_piece())
            .collect::<Result<_, _>>()
            .expect("lexes")
    }

    #[test]
    fn tags_text_and_cdata() {
        let doc = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x \"y\">]><!-- c --><rss a='1>2'>\
                   <item/>t &amp; u<![CDATA[<b>]]></rss >";
        assert_eq!(
            pieces(doc),
            [
                Piece::Start {
                    name: "rss",
                    attributes: " a='1>2'",
                    empty: false
                },
                Piece::Start {
                    name: "item",
                    attributes: "",
                    empty: true
                },
                Piece::Text("t &amp; u"),
                Piece::CData("<b>"),
                Piece::End { name: "rss" },
            ]
        );
    }

    #[test]
    fn unfinished_markup_is_malformed() {
        for doc in ["<a", "<a b='>", "<!-- x", "<![CDATA[ x", "</a", "< b>"] {
            let mut lexer = Lexer::new(doc);
            assert!(
                std::iter::from_fn(|| lexer.next_piece()).any(|piece| piece.is_err()),
                "{doc}"
            );
        }
    }

    #[test]
    fn attribute_pairs() {
        let found: Vec<_> = attributes(" a=\"1\" b = 'x \"y\"'\n c='' ").collect();
        assert_eq!(found, [("a", "1"), ("b", "x \"y\""), ("c", "")]);
    }
}
