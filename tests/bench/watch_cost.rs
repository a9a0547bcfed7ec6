//! What the watches cost the writer, free of the refresh's timing: a refresh batches whatever
//! feeds are ready at the same moment, so two runs write in different transactions and their
//! instruction counts differ by more than the watches cost. This stores the same parsed feeds
//! in the same transactions every time (`BATCH` feeds per transaction), so instruction counts
//! under callgrind compare exactly between databases (no watch, 20 watches) and builds.
//!
//! ```sh
//! cargo build --release --example watch_cost
//! valgrind --tool=callgrind --toggle-collect='*store_feeds*' \
//!     target/release/examples/watch_cost DB BATCH FEED...
//! ```
//!
//! DB must follow each FEED file, by its path or file:// URL (`rounds import` of a urls file). Every
//! new item may alert (the first fetch's window is 100 years). Prints the transactions, new
//! items and alerts.

use chrono::{TimeZone, Utc};
use rounds::store::{FeedWrite, SourceUpdate, Store, prepare};
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [db, batch, feeds @ ..] = args.as_slice() else {
        return Err("usage: watch_cost DB BATCH FEED...".into());
    };
    let batch: usize = batch.parse().map_err(|_| "BATCH is a number of feeds")?;
    let fetched_at = Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .ok_or("date")?;
    let mut store = Store::open(Path::new(db))?;
    store.set_alert_backlog_days(36_500);
    let sources = store.sources()?;
    let mut parsed = Vec::new();
    for feed in feeds {
        let path = std::fs::canonicalize(feed)?;
        let url = format!("file://{}", path.display());
        let source = sources
            .iter()
            .find(|s| s.url == url || Path::new(&s.url) == path)
            .ok_or_else(|| format!("the database does not follow {url}"))?;
        let body = std::fs::read(&path)?;
        let mut document = rounds::fetch::parse::parse_feed(&body, None, &url, fetched_at)?;
        let update = SourceUpdate {
            status: Some(200),
            parsed: true,
            ..SourceUpdate::default()
        };
        parsed.push((
            source.id,
            update,
            prepare(std::mem::take(&mut document.items)),
        ));
    }
    let (mut transactions, mut new, mut alerts) = (0, 0, 0);
    for chunk in parsed.chunks(batch.max(1)) {
        let writes: Vec<FeedWrite> = chunk
            .iter()
            .map(|(source, update, items)| FeedWrite {
                source: *source,
                update,
                items,
                fetched_at,
            })
            .collect();
        for stats in store.store_feeds(&writes)? {
            new += stats.new.len();
            alerts += stats.alerts.len();
        }
        transactions += 1;
    }
    println!("{transactions} transactions, {new} new items, {alerts} alerts");
    Ok(())
}
