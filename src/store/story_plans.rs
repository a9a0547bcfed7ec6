//! How the river of stories finds a page and a count. A story shows when any of its versions
//! matches the filter, and is drawn as its lead. No single SQL shape is fast for every filter
//! at 100,000 items, so the store picks one by how much the filter matches (one cheap,
//! bounded probe) and how deep the page is. Every plan gives the same rows; the tests hold
//! them to it.

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

/// How the stories a filter matches are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CountPlan {
    /// The distinct stories of the matching items, through the filter's own best index.
    DistinctStories,
    /// The matching items less the extra versions among them (every item is in exactly one
    /// story, its own when alone), for which only the versions' index is read: a fifth of a
    /// typical cache, in story order, so no sort of every match.
    LessExtraVersions,
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

impl CountPlan {
    /// The statement that counts, with its bound values.
    pub(super) fn count(self, filter: &Compiled) -> Compiled {
        match self {
            // The `+` keeps the story index out of it: the filter's index is the one to use.
            CountPlan::DistinctStories => Compiled {
                sql: format!(
                    "SELECT count(DISTINCT +i.story) FROM item i WHERE {}",
                    filter.sql
                ),
                params: filter.params.clone(),
            },
            CountPlan::LessExtraVersions => Compiled {
                sql: format!(
                    "SELECT (SELECT count(*) FROM item i WHERE {f}) - \
                            (SELECT count(*) - count(DISTINCT i.story) \
                             FROM item i INDEXED BY item_story_versions \
                             WHERE i.story_size > 1 AND ({f}))",
                    f = filter.sql
                ),
                params: [filter.params.clone(), filter.params.clone()].concat(),
            },
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

    pub(super) fn count_plan(&self, filter: &Compiled) -> Result<CountPlan> {
        Ok(if self.matches_few(filter)? {
            CountPlan::DistinctStories
        } else {
            CountPlan::LessExtraVersions
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
