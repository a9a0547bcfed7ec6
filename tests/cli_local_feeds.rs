//! Local feed files are read like HTTP bodies: a regular file only, under the same size cap and
//! time limit. A device, a FIFO or a folder fails that source with a sentence, at once, and the
//! others are stored.

mod support;

use chrono::Utc;
use rounds::model::NewSource;
use rounds::store::Store;
use std::time::Duration;
use support::cli::{Sandbox, write};

/// Far longer than any of this takes; `rounds` is killed after it (a FIFO used to hang).
const DEADLINE: Duration = Duration::from_secs(20);

fn make_fifo(path: &std::path::Path) {
    let name = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo has no other preconditions.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
}

#[test]
fn fifos_folders_and_oversized_files_fail_alone_and_at_once() {
    let s = Sandbox::new();
    let good = s.path("ward.xml");
    write(&good, &support::feeds::journal_rss(3, 1));
    let fifo = s.path("feed.fifo");
    make_fifo(&fifo);
    let folder = s.path("a-folder");
    std::fs::create_dir(&folder).unwrap();
    let huge = s.path("huge.xml");
    // Sparse: 17 MiB on paper, nothing on disk.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(17 * 1024 * 1024)
        .unwrap();
    let paths = [&good, &fifo, &folder, &huge].map(|path| path.to_str().unwrap());
    store_sources(&s, &paths);
    let (code, stdout) = refresh(&s);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.contains("4 sources, 3 new items"), "{stdout}");
    assert!(
        stdout.contains("a pipe (FIFO), not a regular file"),
        "{stdout}"
    );
    assert!(stdout.contains("a folder, not a regular file"), "{stdout}");
    assert!(stdout.contains("larger than 16 MiB"), "{stdout}");
}

#[test]
fn a_device_is_refused_without_reading_it() {
    let s = Sandbox::new();
    store_sources(&s, &["/dev/zero"]);
    let (code, stdout) = refresh(&s);
    assert_eq!(code, Some(2), "{stdout}");
    assert!(stdout.contains("a device, not a regular file"), "{stdout}");
}

/// Stored directly, as a database from an older rounds (or a hand edit) could hold them.
fn store_sources(s: &Sandbox, paths: &[&str]) {
    let mut store = Store::open(&s.db()).unwrap();
    for path in paths {
        let new = NewSource {
            url: path.to_string(),
            ..NewSource::default()
        };
        store.add_source(&new, Utc::now()).unwrap();
    }
}

/// `rounds refresh`, which must end within the deadline: its exit code and stdout.
fn refresh(s: &Sandbox) -> (Option<i32>, String) {
    let output = s
        .rounds(&["refresh"])
        .timeout(DEADLINE)
        .output()
        .expect("rounds runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}
