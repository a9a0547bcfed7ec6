//! Namespaces, recognised by URI rather than by prefix: `<foo:creator>` bound to Dublin Core is
//! `dc:creator`, and `dc:` bound to anything else is not. A prefix nobody declared gets the
//! namespace its name conventionally stands for, since that is plainly what the publisher meant.

use std::collections::HashMap;

/// The namespaces feeds are read in; every other one is `Other`, and elements in it are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ns<'a> {
    /// No namespace: RSS 0.91–2.0 and JSON-less documents.
    None,
    /// RSS 0.90 and RSS 1.0, and the namespaces some publishers declare for RSS 2.0.
    Rss,
    Atom,
    /// Atom 0.3 (`http://purl.org/atom/ns#`).
    Atom03,
    Dc,
    DcTerms,
    Content,
    Media,
    Itunes,
    Rdf,
    Prism,
    Xhtml,
    Xml,
    Other(&'a str),
}

impl<'a> Ns<'a> {
    pub fn from_uri(uri: &'a str) -> Ns<'a> {
        let uri = uri.trim();
        let lower = uri.to_ascii_lowercase();
        let without_slash = lower.trim_end_matches('/');
        match without_slash {
            "" => Ns::None,
            "http://purl.org/rss/1.0"
            | "http://my.netscape.com/rdf/simple/0.9"
            | "http://backend.userland.com/rss2"
            | "http://backend.userland.com/rss"
            | "http://blogs.law.harvard.edu/tech/rss" => Ns::Rss,
            "http://www.w3.org/2005/atom" | "https://www.w3.org/2005/atom" => Ns::Atom,
            "http://purl.org/atom/ns#" => Ns::Atom03,
            "http://purl.org/dc/elements/1.1" => Ns::Dc,
            "http://purl.org/dc/terms" => Ns::DcTerms,
            "http://purl.org/rss/1.0/modules/content" => Ns::Content,
            "http://search.yahoo.com/mrss" | "https://search.yahoo.com/mrss" => Ns::Media,
            "http://www.itunes.com/dtds/podcast-1.0.dtd"
            | "https://www.itunes.com/dtds/podcast-1.0.dtd" => Ns::Itunes,
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#" => Ns::Rdf,
            "http://www.w3.org/1999/xhtml" => Ns::Xhtml,
            "http://www.w3.org/xml/1998/namespace" => Ns::Xml,
            prism if prism.starts_with("http://prismstandard.org/namespaces/") => Ns::Prism,
            _ => Ns::Other(uri),
        }
    }

    /// The namespace an undeclared prefix conventionally names, if it is one we read.
    pub fn conventional(prefix: &str) -> Option<Ns<'static>> {
        Some(match prefix {
            "dc" => Ns::Dc,
            "dcterms" => Ns::DcTerms,
            "content" => Ns::Content,
            "media" => Ns::Media,
            "itunes" => Ns::Itunes,
            "atom" | "a10" => Ns::Atom,
            "rdf" => Ns::Rdf,
            "prism" => Ns::Prism,
            "xhtml" => Ns::Xhtml,
            _ => return None,
        })
    }

    /// Dublin Core elements or DCMI terms (the terms include every element).
    pub fn is_dublin_core(self) -> bool {
        matches!(self, Ns::Dc | Ns::DcTerms)
    }

    pub fn is_atom(self) -> bool {
        matches!(self, Ns::Atom | Ns::Atom03)
    }
}

/// The prefixes in scope while reading: for each prefix, the stack of its bindings, and a log
/// of the prefixes each open element declared, to unbind them when it closes. A lookup costs
/// the same however many prefixes are in scope (thousands of them stay linear).
#[derive(Debug, Default)]
pub struct Scopes<'a> {
    bindings: HashMap<&'a str, Vec<Ns<'a>>>,
    declared: Vec<&'a str>,
    marks: Vec<usize>,
}

/// The result of resolving a prefix.
pub enum Resolved<'a> {
    Bound(Ns<'a>),
    /// Nobody declared it; the conventional namespace, or `Other` for an unknown prefix.
    Undeclared(Ns<'a>),
}

impl<'a> Scopes<'a> {
    /// Opens an element's scope with its `xmlns` declarations.
    pub fn open(&mut self, declarations: impl Iterator<Item = (&'a str, &'a str)>) {
        self.marks.push(self.declared.len());
        for (prefix, uri) in declarations {
            self.bindings
                .entry(prefix)
                .or_default()
                .push(Ns::from_uri(uri));
            self.declared.push(prefix);
        }
    }

    pub fn close(&mut self) {
        let Some(mark) = self.marks.pop() else {
            return;
        };
        for prefix in self.declared.drain(mark..) {
            if let Some(stack) = self.bindings.get_mut(prefix) {
                stack.pop();
            }
        }
    }

    /// The namespace of `prefix` (`""` is the default namespace, for elements only).
    pub fn resolve(&self, prefix: &'a str) -> Resolved<'a> {
        if let Some(&ns) = self.bindings.get(prefix).and_then(|stack| stack.last()) {
            return Resolved::Bound(ns);
        }
        match prefix {
            "" => Resolved::Bound(Ns::None),
            "xml" => Resolved::Bound(Ns::Xml),
            "xmlns" => Resolved::Bound(Ns::Other("xmlns")),
            other => Resolved::Undeclared(Ns::conventional(other).unwrap_or(Ns::Other(other))),
        }
    }
}

/// `prefix:local` split at the first colon; no colon means no prefix.
pub fn split(qualified: &str) -> (&str, &str) {
    match qualified.split_once(':') {
        Some((prefix, local)) if !local.is_empty() => (prefix, local),
        _ => ("", qualified),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_recognised_whatever_the_prefix() {
        assert_eq!(Ns::from_uri("http://purl.org/dc/elements/1.1/"), Ns::Dc);
        assert_eq!(Ns::from_uri(" http://search.yahoo.com/mrss "), Ns::Media);
        assert_eq!(
            Ns::from_uri("http://www.itunes.com/DTDs/Podcast-1.0.dtd"),
            Ns::Itunes
        );
        assert_eq!(
            Ns::from_uri("http://prismstandard.org/namespaces/basic/2.0/"),
            Ns::Prism
        );
        assert_eq!(Ns::from_uri("urn:x"), Ns::Other("urn:x"));
    }

    #[test]
    fn scopes_nest_and_undeclared_prefixes_fall_back() {
        let mut scopes = Scopes::default();
        scopes.open(
            [
                ("", "http://www.w3.org/2005/Atom"),
                ("foo", "http://purl.org/dc/elements/1.1/"),
            ]
            .into_iter(),
        );
        scopes.open([("foo", "urn:other")].into_iter());
        assert!(matches!(
            scopes.resolve("foo"),
            Resolved::Bound(Ns::Other("urn:other"))
        ));
        scopes.close();
        assert!(matches!(scopes.resolve("foo"), Resolved::Bound(Ns::Dc)));
        assert!(matches!(scopes.resolve(""), Resolved::Bound(Ns::Atom)));
        assert!(matches!(scopes.resolve("dc"), Resolved::Undeclared(Ns::Dc)));
        assert!(matches!(
            scopes.resolve("wp"),
            Resolved::Undeclared(Ns::Other("wp"))
        ));
        scopes.close();
        assert!(matches!(scopes.resolve(""), Resolved::Bound(Ns::None)));
    }
}
