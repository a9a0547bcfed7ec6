//! The reader: one item, rendered once per width, scrolled, with a prompt for link numbers.

use super::article::{self, Article};
use super::theme::Theme;
use crate::dates::Zone;
use crate::model::{Item, ItemId, Mark, Version};

#[derive(Debug, Clone, PartialEq)]
pub struct Reader {
    pub id: ItemId,
    /// `None` until the worker sends it.
    pub item: Option<Box<Item>>,
    pub article: Option<Article>,
    pub scroll: usize,
    /// Digits typed so far of a link number.
    pub link_prompt: Option<String>,
    /// The clock the item's date is shown in.
    pub zone: Zone,
    /// Every version of the item's story (empty until the worker sends them).
    pub versions: Vec<Version>,
    /// The key that reads the next version, as the versions list names it.
    next_key: String,
}

impl Reader {
    pub fn new(id: ItemId, zone: Zone) -> Reader {
        Reader {
            id,
            item: None,
            article: None,
            scroll: 0,
            link_prompt: None,
            zone,
            versions: Vec::new(),
            next_key: String::new(),
        }
    }

    pub fn set_item(&mut self, item: Box<Item>, width: u16, theme: &Theme) {
        self.item = Some(item);
        self.article = None;
        self.render(width, theme);
    }

    pub fn set_versions(
        &mut self,
        versions: Vec<Version>,
        next_key: &str,
        width: u16,
        theme: &Theme,
    ) {
        self.versions = versions;
        self.next_key = next_key.to_string();
        self.article = None;
        self.render(width, theme);
    }

    /// Renders for `width` unless the cached article already has it.
    pub fn render(&mut self, width: u16, theme: &Theme) {
        let Some(item) = &self.item else { return };
        if self.article.as_ref().is_some_and(|a| a.width == width) {
            return;
        }
        let story = article::Story {
            versions: &self.versions,
            next_key: &self.next_key,
        };
        self.article = Some(article::render(item, &story, width, theme, self.zone));
    }

    pub fn line_count(&self) -> usize {
        self.article.as_ref().map_or(0, |a| a.lines.len())
    }

    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        let last_top = self.line_count().saturating_sub(height.max(1));
        self.scroll = self.scroll.saturating_add_signed(delta).min(last_top);
    }

    pub fn link(&self, number: usize) -> Option<&str> {
        let links = &self.article.as_ref()?.links;
        number
            .checked_sub(1)
            .and_then(|i| links.get(i))
            .map(String::as_str)
    }

    pub fn link_count(&self) -> usize {
        self.article.as_ref().map_or(0, |a| a.links.len())
    }

    /// Adds a digit to the prompt; returns the link number once no further digit could make
    /// another valid number (with 7 links, "3" opens at once; with 12, "1" waits).
    pub fn type_digit(&mut self, digit: char) -> Option<usize> {
        let mut typed = self.link_prompt.take().unwrap_or_default();
        typed.push(digit);
        let number: usize = typed.parse().unwrap_or(usize::MAX);
        if number.saturating_mul(10) > self.link_count() {
            return Some(number);
        }
        self.link_prompt = Some(typed);
        None
    }

    /// Enter in the prompt.
    pub fn take_link_number(&mut self) -> Option<usize> {
        self.link_prompt.take().and_then(|typed| typed.parse().ok())
    }

    pub fn apply_mark(&mut self, ids: &[ItemId], mark: Mark, now: chrono::DateTime<chrono::Utc>) {
        let Some(item) = self.item.as_mut().filter(|item| ids.contains(&item.id)) else {
            return;
        };
        match mark {
            Mark::Read => item.read = Some(now),
            Mark::Unread => item.read = None,
            Mark::Save => item.saved = Some(now),
            Mark::Unsave => item.saved = None,
        }
    }
}
