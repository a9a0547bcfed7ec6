//! What the scan keeps of an item: the text of the elements feed-rs does not read, and the
//! checks made when the item closes.

use super::{ItemExtras, Refusal, Scanner};
use crate::text::plain_text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kept {
    Identifier,
    OtherDate,
    /// A publication or update date, and whether feed-rs reads this element.
    Published(bool),
    Updated(bool),
    Permalink,
    /// A guid with `isPermaLink="false"`: read by feed-rs, no link.
    Guid,
    /// PRISM and Dublin Core bibliographic elements.
    Citation(Cited),
    Relation,
    /// The channel's `prism:publicationName`.
    Publication,
}

/// Which bibliographic field an element gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cited {
    Journal,
    Source,
    Volume,
    Issue,
    FirstPage,
    LastPage,
    PageRange,
    Section,
}

/// Per item, what its single-valued fields said first, whether another element said otherwise
/// (feed-rs keeps the last, we the first), and how its media are laid out.
#[derive(Debug, Default)]
pub(super) struct Counts {
    pub(super) published: Option<String>,
    pub(super) updated: Option<String>,
    pub(super) conflict: bool,
    pub(super) guid: u8,
    /// `media:content` directly in the item.
    pub(super) direct_media: bool,
    /// `media:group`s holding `media:content`, and whether the open one does.
    pub(super) media_groups: u8,
    pub(super) group_has_media: bool,
    pub(super) media_contents: u8,
    pub(super) media_descriptions: u8,
}

impl Scanner<'_> {
    pub(super) fn close_item(&mut self) -> Result<(), Refusal> {
        let counts = &self.counts;
        if counts.conflict || counts.guid > 1 {
            return Err("an item that gives two dates, or two guids");
        }
        // feed-rs makes one media object per group, reorders them, and gives each one
        // description: only one group of media, and at most one description, read alike.
        if u8::from(counts.direct_media) + counts.media_groups > 1 {
            return Err("Media RSS content in several groups");
        }
        if counts.media_descriptions > 1
            || (counts.media_descriptions == 1 && counts.media_contents > 1)
        {
            return Err("several described media attachments");
        }
        let has_media = counts.media_contents > 0;
        let xml_base = self.xml_base;
        let item = self.item();
        match has_media {
            true if xml_base && !item.enclosures.is_empty() => {
                Err("enclosures beside Media RSS under xml:base")
            }
            true => Ok(()),
            false => {
                item.enclosures.clear();
                Ok(())
            }
        }
    }

    pub(super) fn keep(&mut self, kept: Kept, text: String) {
        match kept {
            Kept::Published(read) => {
                if first_of(&mut self.counts.published, &text, &mut self.counts.conflict) && !read {
                    self.item().published = Some(text);
                }
            }
            Kept::Updated(read) => {
                if first_of(&mut self.counts.updated, &text, &mut self.counts.conflict) && !read {
                    self.item().updated = Some(text);
                }
            }
            Kept::Identifier => self.item().identifiers.push(text),
            Kept::OtherDate => self.item().other_dates.push(text),
            Kept::Permalink => self.item().permalink = Some(text),
            Kept::Guid => {}
            Kept::Citation(field) => self.cite(field, &text),
            Kept::Relation => self.item().relations.push(plain_text(&text)),
            Kept::Publication => self.publication = Some(text),
        }
    }

    /// The first non-empty value of each bibliographic field, as plain text.
    fn cite(&mut self, field: Cited, text: &str) {
        let value = plain_text(text);
        let citation = &mut self.item().citation;
        let slot = match field {
            Cited::Journal => &mut citation.journal,
            Cited::Source => &mut citation.source,
            Cited::Volume => &mut citation.volume,
            Cited::Issue => &mut citation.issue,
            Cited::FirstPage => &mut citation.first_page,
            Cited::LastPage => &mut citation.last_page,
            Cited::PageRange => &mut citation.page_range,
            Cited::Section => &mut citation.section,
        };
        if slot.is_none() && !value.is_empty() {
            *slot = Some(value);
        }
    }

    pub(super) fn item(&mut self) -> &mut ItemExtras {
        self.items.last_mut().expect("inside an item")
    }
}

/// Notes `text` as the value of a single-valued field: true when it is the first, a conflict
/// when an earlier element said something else.
fn first_of(slot: &mut Option<String>, text: &str, conflict: &mut bool) -> bool {
    match slot {
        None => {
            *slot = Some(text.to_string());
            true
        }
        Some(first) => {
            *conflict |= first != text;
            false
        }
    }
}
