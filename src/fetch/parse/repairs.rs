//! What a document needed before it could be read, named so a user can tell the publisher.

use std::collections::BTreeSet;
use std::fmt;

/// One kind of repair. Their names are stable: they are stored and printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Repair {
    /// The bytes were not in the encoding the document declares (or implies by declaring none).
    Encoding,
    /// `<rss>` without a version, or a JSON Feed without one.
    MissingVersion,
    /// A `&` that starts no reference.
    BareAmpersand,
    /// A `<` that starts no tag.
    BareLessThan,
    /// A prefix used without a namespace declaration.
    UndeclaredPrefix,
    /// Atom text or content whose `type` (or `src`) is not what the spec allows.
    ContentType,
    /// JSON Feed fields of the wrong type (a number for an id, a string for a list).
    FieldType,
    /// An element left open.
    UnclosedElement,
    /// A closing tag that closes nothing.
    StrayEndTag,
    UnclosedCdata,
    UnclosedComment,
    /// The document ends before its root element does.
    Truncated,
    /// Some items could not be read and were skipped.
    SalvagedItems {
        kept: usize,
        found: usize,
    },
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Repair::Encoding => "encoding",
            Repair::MissingVersion => "missing-version",
            Repair::BareAmpersand => "bare-ampersand",
            Repair::BareLessThan => "bare-less-than",
            Repair::UndeclaredPrefix => "undeclared-prefix",
            Repair::ContentType => "content-type",
            Repair::FieldType => "field-type",
            Repair::UnclosedElement => "unclosed-element",
            Repair::StrayEndTag => "stray-end-tag",
            Repair::UnclosedCdata => "unclosed-cdata",
            Repair::UnclosedComment => "unclosed-comment",
            Repair::Truncated => "truncated",
            Repair::SalvagedItems { kept, found } => {
                return write!(f, "salvaged-items: {kept} of {found}");
            }
        };
        f.write_str(name)
    }
}

/// The repairs of one document, each once, in a fixed order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Repairs(BTreeSet<Repair>);

impl Repairs {
    pub fn note(&mut self, repair: Repair) {
        self.0.insert(repair);
    }

    pub fn note_if(&mut self, happened: bool, repair: Repair) {
        if happened {
            self.note(repair);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Repair> {
        self.0.iter()
    }

    /// The names, as stored and shown.
    pub fn names(&self) -> Vec<String> {
        self.0.iter().map(ToString::to_string).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_stable_and_ordered() {
        let mut repairs = Repairs::default();
        repairs.note(Repair::SalvagedItems {
            kept: 12,
            found: 14,
        });
        repairs.note(Repair::BareAmpersand);
        repairs.note(Repair::MissingVersion);
        repairs.note(Repair::BareAmpersand);
        assert_eq!(
            repairs.names(),
            [
                "missing-version",
                "bare-ampersand",
                "salvaged-items: 12 of 14"
            ]
        );
    }
}
