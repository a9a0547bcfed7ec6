//! Local feed files, held to the same limits as HTTP bodies: only a regular file is a feed,
//! read with the same size cap and time limit. A device (`/dev/zero`) would never end, a
//! FIFO would block forever, a folder or a socket holds no feed: each is refused with a
//! sentence.

use super::http::{FetchedBody, Validators};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocalFileError {
    #[error("cannot read {path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path} is {kind}, not a regular file: only a file can be a feed")]
    NotAFile { path: String, kind: &'static str },
    #[error("{path} is larger than {} MiB", .limit / (1024 * 1024))]
    TooLarge { path: String, limit: usize },
    #[error("reading {path} took longer than {} s", .limit.as_secs_f64())]
    TimedOut { path: String, limit: Duration },
}

/// The file a stored local address names: a path, or a `file://` URL.
pub fn local_path(address: &str) -> PathBuf {
    match url::Url::parse(address) {
        Ok(url) if url.scheme() == "file" => url
            .to_file_path()
            .unwrap_or_else(|()| PathBuf::from(url.path())),
        _ => PathBuf::from(address),
    }
}

/// Reads the feed at `address` (a path or `file://` URL), at most `max_bytes`, within `timeout`.
pub async fn read_local_feed(
    address: &str,
    max_bytes: usize,
    timeout: Duration,
) -> Result<FetchedBody, LocalFileError> {
    let path = local_path(address);
    let shown = path.display().to_string();
    let reading = {
        let path = path.clone();
        tokio::task::spawn_blocking(move || read_capped(&path, max_bytes))
    };
    // A stuck read (a hung network mount) cannot be interrupted; the refresh goes on without it.
    let bytes = match tokio::time::timeout(timeout, reading).await {
        Ok(Ok(read)) => read?,
        Ok(Err(_)) => {
            return Err(LocalFileError::Unreadable {
                path: shown,
                reason: "the reading thread stopped".into(),
            });
        }
        Err(_) => {
            return Err(LocalFileError::TimedOut {
                path: shown,
                limit: timeout,
            });
        }
    };
    Ok(FetchedBody {
        status: 200,
        final_url: file_url(&path),
        moved_permanently_to: None,
        validators: Validators::default(),
        charset: None,
        content_type: None,
        body: bytes,
        max_age: None,
    })
}

/// A base URL for a local file, so relative links in it still resolve to something.
pub fn file_url(path: &Path) -> String {
    url::Url::from_file_path(path)
        .map(String::from)
        .unwrap_or_else(|_| format!("file://{}", path.display()))
}

/// Opens without blocking (opening a FIFO with no writer blocks, before any check could run),
/// then checks what was opened: checking first and opening after would let the file change
/// in between.
fn read_capped(path: &Path, max_bytes: usize) -> Result<Vec<u8>, LocalFileError> {
    let shown = || path.display().to_string();
    let unreadable = |error: std::io::Error| LocalFileError::Unreadable {
        path: shown(),
        reason: error.to_string(),
    };
    let file = open_without_blocking(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(LocalFileError::NotAFile {
            path: shown(),
            kind: kind_of(&meta),
        });
    }
    let too_large = || LocalFileError::TooLarge {
        path: shown(),
        limit: max_bytes,
    };
    if meta.len() > max_bytes as u64 {
        return Err(too_large());
    }
    // The file may grow while it is read: the cap holds whatever the metadata said.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() > max_bytes {
        return Err(too_large());
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    if meta.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    "not a file"
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: Duration = Duration::from_secs(1);

    #[tokio::test]
    async fn devices_folders_and_large_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().to_str().unwrap();
        assert!(matches!(
            read_local_feed(folder, 1024, SECOND).await,
            Err(LocalFileError::NotAFile {
                kind: "a folder",
                ..
            })
        ));
        #[cfg(unix)]
        assert!(matches!(
            read_local_feed("/dev/zero", 1024, SECOND).await,
            Err(LocalFileError::NotAFile {
                kind: "a device",
                ..
            })
        ));
        let big = dir.path().join("big.xml");
        std::fs::write(&big, vec![b' '; 2048]).unwrap();
        assert!(matches!(
            read_local_feed(big.to_str().unwrap(), 1024, SECOND).await,
            Err(LocalFileError::TooLarge { .. })
        ));
        let feed = dir.path().join("feed with space.xml");
        std::fs::write(&feed, "<rss/>").unwrap();
        let url = file_url(&feed);
        assert!(url.contains("%20"), "{url}");
        let body = read_local_feed(&url, 1024, SECOND).await.unwrap();
        assert_eq!(body.body, b"<rss/>");
    }

    #[cfg(unix)]
    #[tokio::test]
    async fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("feed.fifo");
        let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo has no other preconditions.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let outcome = read_local_feed(fifo.to_str().unwrap(), 1024, 10 * SECOND).await;
        assert!(
            matches!(
                outcome,
                Err(LocalFileError::NotAFile {
                    kind: "a pipe (FIFO)",
                    ..
                })
            ),
            "{outcome:?}"
        );
    }
}
