//! The parse stage of a refresh, alone: every feed file of a folder through `parse_feed`, timed.
//! Build in release and run on the refresh benchmark's corpus (see tests/bench/parse_time.sh):
//!
//! ```sh
//! cargo run --release --example parse_time -- DIR [ROUNDS] [--dump FILE]
//! ```
//!
//! Prints the best and the median of ROUNDS (default 7) passes over all files. `--dump` writes
//! what each file parsed to (items with every field, or the error), to compare two builds.

use chrono::Utc;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

#[path = "../support/corpus.rs"]
mod corpus;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .ok_or("usage: parse_time DIR [ROUNDS] [--dump FILE]")?,
    );
    let mut rounds = 7;
    let mut dump = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--dump" => dump = Some(PathBuf::from(args.next().ok_or("--dump needs a file")?)),
            number => rounds = number.parse()?,
        }
    }
    let files = corpus::feed_files(&dir)?;
    let bodies: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|path| {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            std::fs::read(path).map(|body| (name, body))
        })
        .collect::<Result<_, _>>()?;
    let bytes: usize = bodies.iter().map(|(_, body)| body.len()).sum();
    let now = Utc::now();
    let mut times: Vec<Duration> = Vec::new();
    let mut items = 0;
    for _ in 0..rounds {
        items = 0;
        let started = Instant::now();
        for (name, body) in &bodies {
            let url = format!("https://feeds.example.net/{name}");
            if let Ok(feed) = rounds::fetch::parse::parse_feed(body, None, &url, now) {
                items += feed.items.len();
            }
        }
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "{} files, {:.1} MB, {items} items: best {:.3} s, median {:.3} s over {rounds} rounds",
        bodies.len(),
        bytes as f64 / 1e6,
        times[0].as_secs_f64(),
        times[times.len() / 2].as_secs_f64(),
    );
    if let Some(path) = dump {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        for (name, body) in &bodies {
            let url = format!("https://feeds.example.net/{name}");
            let parsed = rounds::fetch::parse::parse_feed(body, None, &url, now);
            writeln!(out, "{name}: {parsed:#?}")?;
        }
    }
    Ok(())
}
