//! What each feed file parses to, as JSON lines, to compare two builds of the parser field by
//! field (the feed-rs-first parser against the tolerant-only one, or against the parser before
//! issue 9). It uses only what every build since then has had: `parse_feed`, the feed's kind,
//! title and site, and each item's fields.
//!
//! ```sh
//! cargo run --release --example parse_dump -- DIR... > build-a.jsonl
//! cargo run --release --example parse_dump -- --compare build-a.jsonl build-b.jsonl
//! ```
//!
//! Folders are read recursively (`.xml` and `.json` files, sorted by path). Each file gives one
//! `feed` line (or an `error` line), then one line per item. Bodies are long, so they appear as
//! a hash and a length. `--compare` counts, field by field, the items (and feeds) whose value
//! differs between two dumps, and shows the first few differences of each field.

use chrono::{DateTime, TimeZone, Utc};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

#[path = "../support/corpus.rs"]
mod corpus;

/// Where each real-feed document was served from (as in tests/real_feeds.rs), so relative
/// links resolve as they do in use; every other file is served from feeds.example.net.
fn feed_url(file: &str) -> String {
    match file {
        "reddit-r-homelab-new.atom.xml" => "https://www.reddit.com/r/homelab/new/.rss".into(),
        "bluesky-profile-kaedotcom.rss.xml" => {
            "https://bsky.app/profile/kaedotcom.bsky.social/rss".into()
        }
        "mastodon-account-click-ba-it.rss.xml" => "https://click.ba.it/@jason.rss".into(),
        "katie-floyd-squarespace-blog.rss.xml" => {
            "https://www.katiefloyd.com/blog?format=rss".into()
        }
        other => format!("https://feeds.example.net/{other}"),
    }
}

/// A fixed fetch time, so every date a feed gives is plausible and two runs agree.
fn fetched_at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0)
        .single()
        .expect("date")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, before, after] = args.as_slice()
        && flag == "--compare"
    {
        return compare(Path::new(before), Path::new(after));
    }
    let mut files = Vec::new();
    for dir in args {
        collect(Path::new(&dir), &mut files)?;
    }
    if files.is_empty() {
        return Err("usage: parse_dump DIR...".into());
    }
    files.sort();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in files {
        let body = std::fs::read(&path)?;
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let file = path.to_string_lossy().into_owned();
        let parsed = rounds::fetch::parse::parse_feed(&body, None, &feed_url(&name), fetched_at());
        match parsed {
            Err(error) => writeln!(out, "{}", json!({"file": file, "error": error.to_string()}))?,
            Ok(feed) => {
                let head = json!({
                    "file": file,
                    "feed": {
                        "kind": feed.kind.as_str(),
                        "title": feed.title,
                        "site_url": feed.site_url,
                        "items": feed.items.len(),
                    }
                });
                writeln!(out, "{head}")?;
                for (index, item) in feed.items.iter().enumerate() {
                    writeln!(out, "{}", item_line(&file, index, item))?;
                }
            }
        }
    }
    Ok(())
}

fn item_line(file: &str, index: usize, item: &rounds::model::NewItem) -> Value {
    json!({
        "file": file,
        "item": index,
        "title": item.title,
        "url": item.url,
        "guid": item.guid,
        "published": item.published.map(|date| date.to_rfc3339()),
        "updated": item.updated.map(|date| date.to_rfc3339()),
        "author": item.author,
        "categories": item.categories,
        "enclosure_url": item.enclosure_url,
        "enclosure_type": item.enclosure_type,
        "doi": item.doi,
        "pmid": item.pmid,
        "summary": body(item.summary.as_deref()),
        "content": body(item.content.as_deref()),
    })
}

/// A body as `length:hash` (FNV-1a), enough to tell equal from different.
fn body(text: Option<&str>) -> Option<String> {
    let text = text?;
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    Some(format!("{}:{hash:016x}", text.len()))
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_file() {
        files.push(path.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(path)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if corpus::is_feed_file(&path) {
            files.push(path);
        }
    }
    Ok(())
}

/// Lines of a dump by (file, item); a feed's own line is item -1.
fn load(path: &Path) -> Result<BTreeMap<(String, i64), Value>, Box<dyn std::error::Error>> {
    let mut lines = BTreeMap::new();
    for line in std::fs::read_to_string(path)?.lines() {
        let value: Value = serde_json::from_str(line)?;
        let file = value["file"].as_str().unwrap_or_default().to_string();
        let item = value["item"].as_i64().unwrap_or(-1);
        lines.insert((file, item), value);
    }
    Ok(lines)
}

/// Prints how many items differ in each field between two dumps.
fn compare(before: &Path, after: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let (before, after) = (load(before)?, load(after)?);
    let mut differing: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let keys: std::collections::BTreeSet<_> = before.keys().chain(after.keys()).collect();
    for key in &keys {
        let (old, new) = (before.get(*key), after.get(*key));
        let (Some(old), Some(new)) = (old, new) else {
            let side = if old.is_none() {
                "only after"
            } else {
                "only before"
            };
            differing
                .entry("present".into())
                .or_default()
                .push(format!("{} #{}: {side}", key.0, key.1));
            continue;
        };
        let fields: std::collections::BTreeSet<&String> = old
            .as_object()
            .into_iter()
            .chain(new.as_object())
            .flat_map(|object| object.keys())
            .filter(|field| *field != "file" && *field != "item")
            .collect();
        for field in fields {
            if old.get(field) != new.get(field) {
                differing.entry(field.clone()).or_default().push(format!(
                    "{} #{}: {} → {}",
                    key.0,
                    key.1,
                    old.get(field).unwrap_or(&Value::Null),
                    new.get(field).unwrap_or(&Value::Null)
                ));
            }
        }
    }
    let items = keys.iter().filter(|key| key.1 >= 0).count();
    let files = keys.len() - items;
    println!("{files} files, {items} items compared");
    if differing.is_empty() {
        println!("no differences");
    }
    for (field, examples) in &differing {
        println!("{field}: {} differ", examples.len());
        for example in examples.iter().take(3) {
            println!("    {example}");
        }
    }
    Ok(())
}
