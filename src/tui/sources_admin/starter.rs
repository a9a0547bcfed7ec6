//! Choosing categories of the starter pack on the first run.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StarterPicker {
    /// Category, number of sources, chosen.
    pub categories: Vec<(String, usize, bool)>,
    pub selected: usize,
}

impl StarterPicker {
    pub fn new(categories: &[(String, usize)]) -> StarterPicker {
        StarterPicker {
            categories: categories
                .iter()
                .map(|(name, count)| (name.clone(), *count, false))
                .collect(),
            selected: 0,
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.categories.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn toggle(&mut self) {
        if let Some(category) = self.categories.get_mut(self.selected) {
            category.2 = !category.2;
        }
    }

    /// The chosen categories; the selected one when none is ticked.
    pub fn chosen(&self) -> Vec<String> {
        let ticked: Vec<String> = self
            .categories
            .iter()
            .filter(|(_, _, chosen)| *chosen)
            .map(|(name, _, _)| name.clone())
            .collect();
        if !ticked.is_empty() {
            return ticked;
        }
        self.categories
            .get(self.selected)
            .map(|(name, _, _)| vec![name.clone()])
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_choose_and_the_selection_is_the_fallback() {
        let mut picker = StarterPicker::new(&[("Journals".into(), 7), ("Preprints".into(), 3)]);
        picker.move_by(1);
        assert_eq!(picker.chosen(), ["Preprints"]);
        picker.toggle();
        picker.move_by(-1);
        picker.toggle();
        assert_eq!(picker.chosen(), ["Journals", "Preprints"]);
    }
}
