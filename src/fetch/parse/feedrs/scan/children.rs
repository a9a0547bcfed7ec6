//! The scan's rules, element by element: what each child of the root, the channel, an item or
//! an entry is to feed-rs and to us.

use super::super::super::extensions::OTHER_DATES;
use super::{Cited, Enclosure, Format, Kept, Refusal, Role, Scanner, Space, attribute};

impl Scanner<'_> {
    pub(super) fn root(&mut self, space: Space, local: &str) -> Result<Role, Refusal> {
        self.format = Some(match (space, local) {
            (Space::None, "rss") => Format::Rss,
            (_, "rss") => return Err("<rss> with a namespace of its own"),
            (Space::Rdf, "RDF") => Format::Rdf,
            (Space::None | Space::Atom, "feed") => Format::Atom,
            _ => return Err("no RSS 1.0/2.0 or Atom 1.0 root"),
        });
        self.root_space = Some(space);
        Ok(Role::Root)
    }

    fn is_atom(&self, space: Space) -> bool {
        space == Space::Atom || Some(space) == self.root_space
    }

    pub(super) fn root_child(
        &mut self,
        space: Space,
        local: &str,
        attributes: &str,
    ) -> Result<Role, Refusal> {
        let core = matches!(space, Space::None | Space::Rss);
        Ok(match (self.format, local) {
            (_, "redirect") | (_, "new-feed-url") => return Err("a moved-feed element"),
            (Some(Format::Atom), "entry") if self.is_atom(space) => Role::Item,
            (Some(Format::Atom), "title" | "subtitle" | "rights") if self.is_atom(space) => {
                atom_text_type(attributes, false)?;
                Role::Field
            }
            (Some(Format::Rss | Format::Rdf), "channel") if core => Role::Channel,
            (Some(Format::Rdf), "item") if core => Role::Item,
            (Some(Format::Rss), "item") if core => return Err("items outside the channel"),
            _ => Role::Ignored,
        })
    }

    pub(super) fn channel_child(&mut self, space: Space, local: &str) -> Result<Role, Refusal> {
        let core = matches!(space, Space::None | Space::Rss);
        Ok(match (core, space, local) {
            (_, _, "redirect") | (_, _, "new-feed-url") => return Err("a moved-feed element"),
            (true, _, "item") if self.format == Some(Format::Rss) => Role::Item,
            (true, _, "item") => return Err("RSS 1.0 items inside the channel"),
            (true, _, "title") => {
                self.channel_title = true;
                Role::Field
            }
            (true, _, "link") => Role::Link,
            (_, Space::Dc | Space::DcTerms, "title") => {
                self.channel_dublin_core_title = true;
                Role::Ignored
            }
            (_, Space::Prism, "publicationName") => Role::Capture(Kept::Publication),
            _ => Role::Ignored,
        })
    }

    /// A child of an RSS 0.91–2.0 or RSS 1.0 item.
    pub(super) fn item_child(
        &mut self,
        space: Space,
        local: &str,
        attributes: &str,
    ) -> Result<Role, Refusal> {
        let rdf = self.format == Some(Format::Rdf);
        let core = matches!(space, Space::None | Space::Rss);
        if core {
            return Ok(match local {
                "title" | "description" | "author" | "category" | "comments" => Role::Field,
                "link" => Role::Link,
                "item" => return Err("an item inside an item"),
                "guid" => self.guid(attributes),
                "enclosure" => self.enclosure(attributes),
                "pubDate" => self.published(rdf),
                "updated" => self.updated(rdf),
                date if OTHER_DATES.contains(&date) => Role::Capture(Kept::OtherDate),
                _ => Role::Ignored,
            });
        }
        Ok(match (space, local) {
            (Space::Atom, "link") => return Err("atom:link in an RSS item"),
            (Space::Atom, "updated") => self.updated(rdf),
            (Space::DcTerms, "creator") => return Err("dcterms:creator"),
            (Space::Dc, "creator") => Role::Field,
            (Space::Dc, "description") if rdf => return Err("dc:description in RSS 1.0"),
            (Space::Dc, "date") => self.published(false),
            (Space::DcTerms, "date") => self.published(true),
            _ => self.extension(space, local, attributes)?,
        })
    }

    /// A child of an Atom entry.
    pub(super) fn entry_child(
        &mut self,
        space: Space,
        local: &str,
        attributes: &str,
    ) -> Result<Role, Refusal> {
        if self.is_atom(space) {
            return Ok(match local {
                "title" | "summary" | "rights" => {
                    atom_text_type(attributes, false)?;
                    Role::Field
                }
                "content" => {
                    atom_text_type(attributes, true)?;
                    Role::Field
                }
                "id" => Role::Field,
                "published" | "pubDate" => self.published(false),
                "issued" => self.published(true),
                "updated" => self.updated(false),
                "modified" => self.updated(true),
                "created" => Role::Capture(Kept::OtherDate),
                "author" | "contributor" => Role::Container,
                "link" => atom_link(attributes)?,
                "category" if attribute(attributes, "term", false).is_none() => {
                    return Err("an Atom category without a term");
                }
                _ => Role::Ignored,
            });
        }
        Ok(match (space, local) {
            (Space::Dc | Space::DcTerms, "creator") => return Err("dc:creator in Atom"),
            (Space::Content, "encoded") => return Err("content:encoded in Atom"),
            (Space::Dc | Space::DcTerms, "date") => self.published(true),
            _ => self.extension(space, local, attributes)?,
        })
    }

    /// Elements of other vocabularies, alike in RSS and Atom.
    fn extension(&mut self, space: Space, local: &str, attributes: &str) -> Result<Role, Refusal> {
        Ok(match (space, local) {
            (Space::Dc | Space::DcTerms, "title") | (Space::Atom | Space::Itunes, "title") => {
                self.item().other_title = true;
                Role::Ignored
            }
            (Space::Dc | Space::DcTerms, "identifier") | (Space::Prism, "doi" | "url") => {
                Role::Capture(Kept::Identifier)
            }
            (Space::Dc | Space::DcTerms, "modified") => self.updated(true),
            (Space::Content, "encoded") => Role::Field,
            (Space::Media, _) => self.media_child(Role::Item, space, local, attributes)?,
            (_, date) if OTHER_DATES.contains(&date) => Role::Capture(Kept::OtherDate),
            (Space::Prism, _)
            | (Space::Dc | Space::DcTerms, "source" | "type" | "relation" | "isVersionOf") => {
                bibliographic(space, local)
            }
            _ => Role::Ignored,
        })
    }

    /// A Media RSS element in an item, a `media:group` or a `media:content`.
    pub(super) fn media_child(
        &mut self,
        parent: Role,
        space: Space,
        local: &str,
        attributes: &str,
    ) -> Result<Role, Refusal> {
        if space != Space::Media {
            return Ok(Role::Ignored);
        }
        let counts = &mut self.counts;
        Ok(match (parent, local) {
            (Role::MediaGroup | Role::MediaContent, "group") => {
                return Err("nested Media RSS groups");
            }
            (_, "group") => Role::MediaGroup,
            (Role::MediaContent, "content") => return Err("nested Media RSS content"),
            (_, "content") => {
                counts.media_contents = counts.media_contents.saturating_add(1);
                match parent {
                    Role::MediaGroup => counts.group_has_media = true,
                    _ => counts.direct_media = true,
                }
                if has_address(attributes) {
                    self.item().attachments += 1;
                }
                Role::MediaContent
            }
            // feed-rs gives an item's own media:description to its media; we do not.
            (Role::Item, "description") => return Err("media:description outside its media"),
            (_, "description") => {
                counts.media_descriptions = counts.media_descriptions.saturating_add(1);
                Role::Container
            }
            (_, "title") => {
                self.item().other_title = true;
                Role::Container
            }
            _ => Role::Container,
        })
    }

    /// An RSS `<enclosure>`, kept as written in case feed-rs drops it for Media RSS content.
    fn enclosure(&mut self, attributes: &str) -> Role {
        if let Some(url) = attribute(attributes, "url", false) {
            let url = url.trim();
            if !url.is_empty() {
                let media_type = attribute(attributes, "type", false)
                    .map(|kind| kind.trim().to_string())
                    .filter(|kind| kind.contains('/'));
                let item = self.item();
                item.attachments += 1;
                item.enclosures.push(Enclosure {
                    url: url.to_string(),
                    media_type,
                    description: None,
                });
            }
        }
        Role::Ignored
    }

    /// A publication date; `kept` when feed-rs does not read this element.
    fn published(&mut self, kept: bool) -> Role {
        Role::Capture(Kept::Published(!kept))
    }

    fn updated(&mut self, kept: bool) -> Role {
        Role::Capture(Kept::Updated(!kept))
    }

    fn guid(&mut self, attributes: &str) -> Role {
        self.counts.guid = self.counts.guid.saturating_add(1);
        let permalink = attribute(attributes, "isPermaLink", true)
            .is_none_or(|value| !value.trim().eq_ignore_ascii_case("false"));
        Role::Capture(match permalink {
            true => Kept::Permalink,
            false => Kept::Guid,
        })
    }
}

/// Atom text feed-rs reads as we do: `text` or `html` (content also `text/html`); no Atom 0.3
/// `mode`.
fn atom_text_type(attributes: &str, content: bool) -> Result<(), Refusal> {
    if attribute(attributes, "mode", false).is_some() {
        return Err("Atom 0.3 mode");
    }
    match attribute(attributes, "type", false).as_deref() {
        None | Some("text" | "html") => Ok(()),
        Some("text/html") if content => Ok(()),
        Some(_) => Err("Atom text of another type than text or html"),
    }
}

/// A `url` attribute that is not blank.
fn has_address(attributes: &str) -> bool {
    attribute(attributes, "url", false).is_some_and(|url| !url.trim().is_empty())
}

/// feed-rs calls a link without `rel` `alternate`; that changes nothing unless its type says it
/// is not a page (then it is an enclosure to us).
fn atom_link(attributes: &str) -> Result<Role, Refusal> {
    // feed-rs makes a blank address the feed's own.
    if attribute(attributes, "href", false).is_none_or(|href| href.trim().is_empty()) {
        return Err("an Atom link without an address");
    }
    let typed_not_page =
        attribute(attributes, "type", false).is_some_and(|kind| !kind.contains("html"));
    if typed_not_page && attribute(attributes, "rel", false).is_none() {
        return Err("an Atom link with a type but no rel");
    }
    Ok(Role::Ignored)
}

/// PRISM's journal, volume, issue, pages and section; Dublin Core's source, type and relation.
fn bibliographic(space: Space, local: &str) -> Role {
    let cited = match (space, local) {
        (Space::Prism, "publicationName") => Cited::Journal,
        (Space::Prism, "volume") => Cited::Volume,
        (Space::Prism, "number" | "issueIdentifier") => Cited::Issue,
        (Space::Prism, "startingPage") => Cited::FirstPage,
        (Space::Prism, "endingPage") => Cited::LastPage,
        (Space::Prism, "pageRange") => Cited::PageRange,
        (Space::Prism, "section") | (_, "type") => Cited::Section,
        (_, "source") => Cited::Source,
        (_, "relation" | "isVersionOf") => return Role::Capture(Kept::Relation),
        _ => return Role::Ignored,
    };
    Role::Capture(Kept::Citation(cited))
}
