//! The sources pane: the watches with their unacknowledged alerts, then subscriptions grouped
//! by category with unread counts; selecting a row scopes the river to it.

use super::protocol::Scope;
use crate::model::{Source, SourceId, Watch};

/// Categories in the order a clinician scans them; others follow alphabetically, and the
/// removed sources' placeholder comes last.
const CATEGORY_ORDER: [&str; 7] = [
    "institution",
    "regulator",
    "journal",
    "preprint",
    "colleague",
    "social",
    "other",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceRow {
    All {
        unread: u64,
    },
    /// `name` is `None` for sources without a category.
    Category {
        name: Option<String>,
        unread: u64,
    },
    /// Index into `SourcesPane::sources`.
    Source(usize),
    /// The "Watches" group: every alerted item.
    Watches {
        unacknowledged: u64,
    },
    /// Index into `SourcesPane::watches`.
    Watch(usize),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourcesPane {
    pub sources: Vec<Source>,
    pub watches: Vec<Watch>,
    pub rows: Vec<SourceRow>,
    pub selected: usize,
    pub top: usize,
    /// The first list arrived (an empty list then means a new user).
    pub loaded: bool,
}

impl SourcesPane {
    /// Replaces the list, keeping the selection on the same row when it still exists.
    pub fn set(&mut self, mut sources: Vec<Source>) {
        let kept = self.selected_scope();
        sources.sort_by_key(|source| {
            (
                source.is_placeholder(),
                category_rank(source.category.as_deref()),
                source.title.to_lowercase(),
            )
        });
        self.sources = sources;
        self.loaded = true;
        self.regroup(kept);
    }

    /// Replaces the watches, keeping the selection on the same row when it still exists.
    pub fn set_watches(&mut self, watches: Vec<Watch>) {
        let kept = self.selected_scope();
        self.watches = watches;
        self.regroup(kept);
    }

    fn regroup(&mut self, kept: Scope) {
        self.rows = group_rows(&self.sources, &self.watches);
        self.selected = self
            .rows
            .iter()
            .position(|row| self.scope_of(row) == kept)
            .unwrap_or(0);
    }

    /// New unread counts for some sources (after a mark): the category and "All" rows follow.
    pub fn set_unread(&mut self, counts: &[(SourceId, u64)]) {
        for (id, unread) in counts {
            if let Some(source) = self.sources.iter_mut().find(|source| source.id == *id) {
                source.unread_count = *unread;
            }
        }
        self.rows = group_rows(&self.sources, &self.watches);
    }

    pub fn is_empty(&self) -> bool {
        self.loaded && self.sources.is_empty()
    }

    pub fn scope_of(&self, row: &SourceRow) -> Scope {
        match row {
            SourceRow::All { .. } => Scope::Everything,
            SourceRow::Category {
                name: Some(name), ..
            } => Scope::Category(name.clone()),
            SourceRow::Category { name: None, .. } => Scope::Uncategorized,
            SourceRow::Source(index) => Scope::Source(self.sources[*index].id),
            SourceRow::Watches { .. } => Scope::Alerts,
            SourceRow::Watch(index) => Scope::Watch(self.watches[*index].id),
        }
    }

    pub fn selected_scope(&self) -> Scope {
        self.rows
            .get(self.selected)
            .map_or(Scope::Everything, |row| self.scope_of(row))
    }

    /// The source the selected row is, if it is one.
    pub fn selected_source(&self) -> Option<SourceId> {
        match self.rows.get(self.selected) {
            Some(SourceRow::Source(index)) => Some(self.sources[*index].id),
            _ => None,
        }
    }

    pub fn source(&self, id: SourceId) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    pub fn select(&mut self, index: usize) {
        self.selected = index.min(self.rows.len().saturating_sub(1));
    }

    pub fn move_by(&mut self, delta: isize) {
        self.select(self.selected.saturating_add_signed(delta));
    }

    /// Also after a resize: the list never stays scrolled past its end.
    pub fn scroll_into_view(&mut self, height: usize) {
        let top = super::layout::top_to_show(self.top, self.selected, height);
        self.top = top.min(self.rows.len().saturating_sub(height.max(1)));
    }
}

pub fn is_failing(source: &Source) -> bool {
    source.failures > 0 || source.last_error.is_some()
}

fn category_rank(category: Option<&str>) -> (usize, String) {
    match category {
        None => (CATEGORY_ORDER.len() + 1, String::new()),
        Some(name) => {
            let lower = name.to_lowercase();
            let rank = CATEGORY_ORDER.iter().position(|known| *known == lower);
            (rank.unwrap_or(CATEGORY_ORDER.len()), lower)
        }
    }
}

/// "All", the watches, then each category header followed by its sources (already sorted).
fn group_rows(sources: &[Source], watches: &[Watch]) -> Vec<SourceRow> {
    let total: u64 = sources.iter().map(|s| s.unread_count).sum();
    let mut rows = vec![SourceRow::All { unread: total }];
    if !watches.is_empty() {
        let unacknowledged = watches.iter().map(|w| w.unacknowledged).sum();
        rows.push(SourceRow::Watches { unacknowledged });
        rows.extend((0..watches.len()).map(SourceRow::Watch));
    }
    let mut index = 0;
    while index < sources.len() {
        let category = sources[index].category.clone();
        let members: Vec<usize> = (index..sources.len())
            .take_while(|&i| sources[i].category == category)
            .collect();
        let unread = members.iter().map(|&i| sources[i].unread_count).sum();
        rows.push(SourceRow::Category {
            name: category,
            unread,
        });
        rows.extend(members.iter().map(|&i| SourceRow::Source(i)));
        index += members.len();
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::source;

    #[test]
    fn groups_by_category_in_clinical_order() {
        let mut pane = SourcesPane::default();
        pane.set(vec![
            source(1, "The Lancet", Some("journal"), 4),
            source(2, "FDA MedWatch", Some("regulator"), 2),
            source(3, "Dr. Chen's blog", None, 1),
            source(4, "BMJ", Some("journal"), 3),
        ]);
        let titles: Vec<String> = pane
            .rows
            .iter()
            .map(|row| match row {
                SourceRow::All { unread } => format!("All {unread}"),
                SourceRow::Category { name, unread } => {
                    format!("[{}] {unread}", name.as_deref().unwrap_or("-"))
                }
                SourceRow::Source(i) => pane.sources[*i].title.clone(),
                SourceRow::Watches { .. } | SourceRow::Watch(_) => unreachable!("no watches"),
            })
            .collect();
        assert_eq!(
            titles,
            [
                "All 10",
                "[regulator] 2",
                "FDA MedWatch",
                "[journal] 7",
                "BMJ",
                "The Lancet",
                "[-] 1",
                "Dr. Chen's blog"
            ]
        );
    }

    #[test]
    fn the_removed_sources_placeholder_comes_last() {
        let mut placeholder = source(9, "Removed sources", Some("removed"), 2);
        placeholder.kind = crate::model::SourceKind::Removed;
        let mut pane = SourcesPane::default();
        pane.set(vec![
            placeholder,
            source(3, "Dr. Chen's blog", None, 1),
            source(1, "The Lancet", Some("journal"), 4),
        ]);
        assert_eq!(pane.rows.last(), Some(&SourceRow::Source(2)));
        assert_eq!(pane.sources[2].title, "Removed sources");
    }

    #[test]
    fn selection_survives_a_reload() {
        let mut pane = SourcesPane::default();
        pane.set(vec![
            source(1, "BMJ", Some("journal"), 4),
            source(2, "NICE", Some("institution"), 0),
        ]);
        pane.select(4);
        assert_eq!(pane.selected_source(), Some(SourceId(1)));
        pane.set(vec![
            source(1, "BMJ", Some("journal"), 3),
            source(2, "NICE", Some("institution"), 0),
            source(3, "CDC", Some("institution"), 9),
        ]);
        assert_eq!(pane.selected_source(), Some(SourceId(1)));
    }

    #[test]
    fn watches_come_first_and_scope_the_river_to_their_alerts() {
        let mut pane = SourcesPane::default();
        pane.set(vec![source(1, "BMJ", Some("journal"), 4)]);
        pane.select(2);
        pane.set_watches(vec![
            crate::test_fixtures::watch(7, "safety", true, 3),
            crate::test_fixtures::watch(8, "outbreaks", false, 1),
        ]);
        assert_eq!(
            pane.rows,
            [
                SourceRow::All { unread: 4 },
                SourceRow::Watches { unacknowledged: 4 },
                SourceRow::Watch(0),
                SourceRow::Watch(1),
                SourceRow::Category {
                    name: Some("journal".into()),
                    unread: 4
                },
                SourceRow::Source(0),
            ]
        );
        assert_eq!(pane.selected_source(), Some(SourceId(1)), "selection kept");
        assert_eq!(pane.scope_of(&pane.rows[1]), Scope::Alerts);
        assert_eq!(
            pane.scope_of(&pane.rows[2]),
            Scope::Watch(crate::model::WatchId(7))
        );
    }
}
