//! Folders of feed documents, as the tests and benchmarks read them: the real publishers' feeds
//! of `../shared/feeds/real` (read where present, never copied here) and the benchmark corpus.
//!
//! Each test and benchmark uses only part of this, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The real feed corpus: `ROUNDS_REAL_FEEDS`, else `shared/feeds/real` next to the repository
/// (the main checkout) or next to its parent folder (a worktree under `wt/`).
pub fn real_feeds_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ROUNDS_REAL_FEEDS") {
        return Some(PathBuf::from(dir)).filter(|dir| dir.is_dir());
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared/feeds/real", "../../shared/feeds/real"]
        .iter()
        .map(|relative| manifest.join(relative))
        .find(|dir| dir.is_dir())
}

/// The real feed corpus, or `None` after saying so where it is seen: libtest captures
/// `println!`, not a direct write to stderr, so a skip shows in a plain `cargo test`. With
/// `ROUNDS_REQUIRE_REAL_FEEDS` set, a missing corpus fails the test instead.
pub fn real_feeds_or_skip(test: &str) -> Option<PathBuf> {
    use std::io::Write;
    let dir = real_feeds_dir();
    if dir.is_none() {
        let why = "the real feed corpus was not found (../shared/feeds/real, or ROUNDS_REAL_FEEDS)";
        if std::env::var_os("ROUNDS_REQUIRE_REAL_FEEDS").is_some() {
            panic!("{test}: {why}, and ROUNDS_REQUIRE_REAL_FEEDS is set");
        }
        let _ = writeln!(std::io::stderr(), "{test}: SKIPPED: {why}");
    }
    dir
}

/// A feed document by its name: XML (RSS, Atom, RDF) or JSON Feed.
pub fn is_feed_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext == "xml" || ext == "json")
}

/// The feed documents directly in a folder, in name order.
pub fn feed_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if is_feed_file(&path) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
