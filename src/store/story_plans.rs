//! How the river of stories finds a page. A story shows when any of its versions matches the
//! filter, and is drawn as its lead. No single SQL shape is fast for every filter at 100,000
//! items, so the store picks one by how much the filter matches (one cheap, bounded probe) and
//! how deep the page is. Every plan gives the same rows; the tests hold them to it. (A count
//! needs no plan: see `Store::count_stories`.)

use super::Result;
use super::search::Compiled;
use super::story_queries::stories_matching;
use crate::store::Store;
use rusqlite::params_from_iter;

/// Up to this many matching items, the stories are found from the matches: sorting a few
/// thousand leads costs less than walking 100,000 to find a page that is not there.
const FEW: usize = 2000;

/// Pages that start before this many stories ask each lead about its story; deeper pages find
/// the matching stories first, as asking every lead down to the page costs more.
const NEAR: usize = 2000;

/// How the leads of a page are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PagePlan {
    /// The matching items' stories, then their leads sorted: for filters that match little.
    FromMatches,
    /// The leads newest first, each asked whether a version of its story matches, until the
    /// page is full: for broad filters near the top of the river.
    AskEachLead,
    /// The matching versions of stories of two or more found once, as a set; the leads walked
    /// newest first against it: for pages deep in the river.
    MatchingSet,
}

impl PagePlan {
    /// The condition that picks the leads, over `item i`.
    pub(super) fn leads(self, filter: &Compiled) -> Compiled {
        match self {
            PagePlan::FromMatches => Compiled {
                sql: format!(
                    "i.lead = 1 AND i.story IN (SELECT i.story FROM item i WHERE {})",
                    filter.sql
                ),
                params: filter.params.clone(),
            },
            PagePlan::AskEachLead => Compiled {
                sql: format!(
                    "i.lead = 1 AND EXISTS (SELECT 1 FROM item v WHERE v.story = i.story AND \
                     v.id IN (SELECT i.id FROM item i WHERE i.id = v.id AND ({})))",
                    filter.sql
                ),
                params: filter.params.clone(),
            },
            PagePlan::MatchingSet => stories_matching(filter),
        }
    }
}

impl Store {
    pub(super) fn page_plan(&self, filter: &Compiled, offset: usize) -> Result<PagePlan> {
        Ok(if self.matches_few(filter)? {
            PagePlan::FromMatches
        } else if offset >= NEAR || filter.sql == "1" {
            PagePlan::MatchingSet
        } else {
            PagePlan::AskEachLead
        })
    }

    /// Whether the filter matches at most `FEW` items, asked through its own best index and
    /// stopped as soon as it is more.
    fn matches_few(&self, filter: &Compiled) -> Result<bool> {
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 FROM item i WHERE {} LIMIT {})",
            filter.sql,
            FEW + 1
        );
        let count: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(&filter.params), |r| r.get(0))?;
        Ok(count as usize <= FEW)
    }
}

#[cfg(test)]
#[path = "story_plans_tests.rs"]
mod tests;
