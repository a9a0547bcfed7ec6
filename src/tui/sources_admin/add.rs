//! The add prompt (anything `rounds add` takes) and the chooser among a page's feeds.

use crate::tui::input::LineInput;
use crate::tui::protocol::FeedChoice;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AddPrompt {
    pub input: LineInput,
    /// The target the worker is looking at, while it does.
    pub pending: Option<String>,
    /// Why the last target could not be followed.
    pub error: Option<String>,
}

impl AddPrompt {
    /// The text to send, when there is one and nothing is pending.
    pub fn submit(&mut self) -> Option<String> {
        let target = self.input.text().trim().to_string();
        if target.is_empty() || self.pending.is_some() {
            return None;
        }
        self.error = None;
        self.pending = Some(target.clone());
        Some(target)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chooser {
    /// What the user typed: the worker looks at it again with the choice.
    pub target: String,
    pub choices: Vec<FeedChoice>,
    pub selected: usize,
}

impl Chooser {
    pub fn new(target: String, choices: Vec<FeedChoice>) -> Chooser {
        Chooser {
            target,
            choices,
            selected: 0,
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.choices.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prompt_submits_once_until_answered() {
        let mut prompt = AddPrompt::default();
        assert_eq!(prompt.submit(), None, "nothing typed");
        prompt.input.paste("  nejm.org ");
        assert_eq!(prompt.submit().as_deref(), Some("nejm.org"));
        assert_eq!(prompt.submit(), None, "already looking");
    }

    #[test]
    fn the_chooser_stays_on_its_list() {
        let choice = |n: usize| FeedChoice {
            url: format!("https://x.example/{n}.rss"),
            title: None,
        };
        let mut chooser = Chooser::new("x.example".into(), vec![choice(1), choice(2)]);
        chooser.move_by(5);
        assert_eq!(chooser.selected, 1);
        chooser.move_by(-9);
        assert_eq!(chooser.selected, 0);
    }
}
