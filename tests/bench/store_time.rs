//! The writer's share of a cold refresh (issues 7 and 9): every feed file in a folder is parsed
//! first (not timed), then stored into a fresh database, one feed per transaction as a refresh
//! stores them, and that is timed. Story maintenance (candidates, leads, triggers) and the
//! watches run in those transactions, so this is what they cost the writer.
//!
//! cargo run --release --example store_time -- DIR [ROUNDS]
//!
//! Prints the best and the median of ROUNDS (default 3) cold stores, each into a new database.
//! Under `valgrind --tool=callgrind`, `Store::store_feed`'s inclusive count is the writer's.

use chrono::Utc;
use rounds::model::{NewItem, NewSource};
use rounds::store::{SourceUpdate, Store};
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[path = "../support/corpus.rs"]
mod corpus;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: store_time DIR [ROUNDS]")?);
    let rounds: usize = args.next().map_or(Ok(3), |n| n.parse())?;
    let now = Utc::now();
    let files = corpus::feed_files(&dir)?;
    let mut feeds: Vec<(String, Option<String>, Vec<NewItem>)> = Vec::new();
    for path in &files {
        let url = format!("https://feeds.example.net/{}", path.display());
        let body = std::fs::read(path)?;
        if let Ok(feed) = rounds::fetch::parse::parse_feed(&body, None, &url, now) {
            feeds.push((url, feed.title, feed.items));
        }
    }
    let items: usize = feeds.iter().map(|(_, _, items)| items.len()).sum();
    let work = std::env::temp_dir().join(format!("rounds-store-time-{}", std::process::id()));
    std::fs::create_dir_all(&work)?;
    let mut times: Vec<Duration> = Vec::new();
    for round in 0..rounds {
        let mut store = Store::open(&work.join(format!("round-{round}.db")))?;
        let sources: Vec<NewSource> = feeds
            .iter()
            .map(|(url, _, _)| NewSource {
                url: url.clone(),
                ..NewSource::default()
            })
            .collect();
        let ids = store.add_sources(&sources, now)?;
        let started = Instant::now();
        for (id, (_, title, items)) in ids.iter().zip(&feeds) {
            let update = SourceUpdate {
                status: Some(200),
                feed_title: title.clone(),
                parsed: true,
                ..SourceUpdate::default()
            };
            store.store_feed(*id, &update, items, now)?;
        }
        times.push(started.elapsed());
    }
    std::fs::remove_dir_all(&work)?;
    times.sort();
    println!(
        "{} feeds, {items} items stored cold: best {:.3} s, median {:.3} s over {rounds} rounds",
        feeds.len(),
        times[0].as_secs_f64(),
        times[times.len() / 2].as_secs_f64(),
    );
    Ok(())
}
