//! A panic inside feed-rs is the parser's own business: it is caught, the document is read by
//! the tolerant reader, and the panic hook (the newsfeed's restores the terminal) stays quiet,
//! while a panic anywhere else still reaches it. Its own test binary: panic hooks are global.

use chrono::{TimeZone, Utc};
use rounds::fetch::parse::{Fallback, Reader, in_parse, install_quiet_panic_hook, parse_feed};
use std::panic::catch_unwind;
use std::sync::atomic::{AtomicUsize, Ordering};

static HOOK_CALLS: AtomicUsize = AtomicUsize::new(0);

#[test]
fn feed_rs_panics_are_caught_quietly_and_others_reach_the_hook() {
    std::panic::set_hook(Box::new(|_| {
        HOOK_CALLS.fetch_add(1, Ordering::SeqCst);
    }));
    install_quiet_panic_hook();
    // feed-rs 3.0.0 slices a string inside the em dash next to the address.
    let doc = "<rss version=\"2.0\"><channel><title>c</title><item><title>t</title>\
               <author>tom.ng@example.org\u{2014}Tom Ng</author></item></channel></rss>";
    let fetched_at = Utc
        .with_ymd_and_hms(2026, 1, 15, 12, 0, 0)
        .single()
        .expect("date");
    let feed = parse_feed(
        doc.as_bytes(),
        None,
        "https://example.org/feed.xml",
        fetched_at,
    )
    .expect("read by the tolerant reader");
    assert_eq!(feed.reader, Reader::Tolerant(Fallback::Panicked));
    assert_eq!(feed.items[0].author.as_deref(), Some("Tom Ng"));
    assert!(!in_parse());
    assert_eq!(
        HOOK_CALLS.load(Ordering::SeqCst),
        0,
        "the hook stayed quiet"
    );
    let elsewhere = catch_unwind(|| panic!("not the parser"));
    assert!(elsewhere.is_err());
    assert_eq!(
        HOOK_CALLS.load(Ordering::SeqCst),
        1,
        "other panics reach the hook"
    );
}
