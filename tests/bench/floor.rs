//! The floor for the refresh benchmark: a plain concurrent download of the same URLs with the
//! same concurrency and the same HTTP client settings, doing nothing with the bodies.
//!
//! cargo run --release --example floor -- URLS_FILE [JOBS] [PER_HOST]

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::Semaphore;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let urls_file = args
        .get(1)
        .ok_or_else(|| anyhow::anyhow!("usage: floor URLS_FILE [JOBS] [PER_HOST]"))?;
    let jobs: usize = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(8);
    let per_host: usize = args
        .get(3)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(usize::MAX >> 4);
    let urls: Vec<String> = std::fs::read_to_string(urls_file)?
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|url| url.starts_with("http"))
        .map(str::to_string)
        .collect();
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::builder().build()?;
    let global = Arc::new(Semaphore::new(jobs));
    let mut hosts: HashMap<String, Arc<Semaphore>> = HashMap::new();
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for url in urls {
        let host = reqwest::Url::parse(&url)?
            .host_str()
            .unwrap_or_default()
            .to_string();
        let host_limit = hosts
            .entry(host)
            .or_insert_with(|| Arc::new(Semaphore::new(per_host)))
            .clone();
        let (client, global) = (client.clone(), global.clone());
        tasks.spawn(async move {
            let _slot = global.acquire_owned().await;
            let _host = host_limit.acquire_owned().await;
            let response = client.get(&url).send().await?;
            anyhow::Ok(response.bytes().await?.len())
        });
    }
    let (mut files, mut bytes) = (0usize, 0usize);
    while let Some(done) = tasks.join_next().await {
        bytes += done??;
        files += 1;
    }
    println!(
        "floor: {files} files, {bytes} bytes, jobs {jobs}, per host {}, {:.3} s",
        if per_host > 1 << 20 {
            "unlimited".to_string()
        } else {
            per_host.to_string()
        },
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
