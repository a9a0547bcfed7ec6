//! How the river of stories finds a page. A story shows when any of its versions matches the
//! filter, and is drawn as its lead. No single SQL shape is fast for every filter at 100,000
//! items, so the store picks one by how much the filter matches (one cheap, bounded probe) and
//! how deep the page is. Every plan gives the same rows; the tests hold them to it. (A count
//! needs no plan: see `Store::count_stories`.)

use super::Result;
use super::search::{Compiled, Driver};
use super::story_queries::stories_matching;
use crate::store::Store;
use rusqlite::params_from_iter;
use rusqlite::types::Value;

/// Up to this many matching items, the stories are found from the matches: sorting a few
/// thousand leads costs less than walking 100,000 to find a page that is not there.
const FEW: usize = 2000;

/// Pages that start before this many stories ask each lead about its story; deeper pages find
/// the matching stories first, as asking every lead down to the page costs more.
const NEAR: usize = 2000;

/// How many of its full-text expression's matches the probe of a filter that has one walks
/// before it asks the whole filter instead: enough to find `FEW` matches when the rest of the
/// filter keeps a quarter of them.
const WALK: usize = 4 * FEW;

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
            PagePlan::FromMatches => Compiled::new(
                format!("i.lead = 1 AND i.story IN ({})", stories_of_matches(filter)),
                filter.params.clone(),
            ),
            PagePlan::AskEachLead => Compiled::new(
                format!(
                    "i.lead = 1 AND EXISTS (SELECT 1 FROM item v WHERE v.story = i.story AND \
                     v.id IN (SELECT i.id FROM item i WHERE i.id = v.id AND ({})))",
                    filter.sql
                ),
                filter.params.clone(),
            ),
            PagePlan::MatchingSet => stories_matching(filter),
        }
    }
}

/// The stories of the items a filter matches, as a subquery, for a filter that matches few:
/// the matches are found by ids alone, so through the filter's own indexes (asked for their
/// stories, SQLite would rather walk the whole story index, which holds them), then each is
/// looked up.
fn stories_of_matches(filter: &Compiled) -> String {
    format!(
        "SELECT i.story FROM item i WHERE i.id IN (SELECT i.id FROM item i WHERE {})",
        filter.sql
    )
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
        if let Some(driver) = &filter.driver
            && let Some(few) = self.few_by_walk(driver, FEW, WALK)?
        {
            return Ok(few);
        }
        self.at_most(filter, FEW)
    }

    /// Whether the filter matches at most `few` items, stopped as soon as it is more.
    fn at_most(&self, filter: &Compiled, few: usize) -> Result<bool> {
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 FROM item i WHERE {} LIMIT {})",
            filter.sql,
            few + 1
        );
        let count: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(&filter.params), |r| r.get(0))?;
        Ok(count as usize <= few)
    }

    /// Whether a filter with a full-text expression at its top matches at most `few` items,
    /// decided from the expression's first `walk` matches, each looked up by its row: a common
    /// word answers in a few thousand lookups, where the whole filter gathers every match of
    /// the word before it looks at the first. `None` when the walk cannot tell (the rest of the
    /// filter kept no more than `few` of the matches walked, and there are more).
    pub(super) fn few_by_walk(
        &self,
        driver: &Driver,
        few: usize,
        walk: usize,
    ) -> Result<Option<bool>> {
        // The rest alone, through its own indexes, is cheap: a lane or a scope that holds few
        // items answers before any match of the expression is read.
        if self.at_most(&driver.rest, few)? {
            return Ok(Some(true));
        }
        let text = Value::Text(driver.text.clone());
        let sql = format!(
            "SELECT count(*) FROM (SELECT 1 FROM \
               (SELECT rowid AS id FROM item_fts WHERE item_fts MATCH ? LIMIT {walk}) f \
             CROSS JOIN item i ON i.id = f.id WHERE {} LIMIT {})",
            driver.rest.sql,
            few + 1
        );
        let params = std::iter::once(&text).chain(&driver.rest.params);
        let found: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(params), |r| r.get(0))?;
        if found as usize > few {
            return Ok(Some(false));
        }
        // Few among those walked: the answer if they were all the expression's matches.
        let index_matches: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM (SELECT 1 FROM item_fts WHERE item_fts MATCH ? LIMIT {})",
                walk + 1
            ))?
            .query_row([&text], |r| r.get(0))?;
        Ok((index_matches as usize <= walk).then_some(true))
    }
}

#[cfg(test)]
#[path = "story_plans_tests.rs"]
mod tests;
