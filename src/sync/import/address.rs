//! The feed addresses an imported file may name. A shared file is not trusted: it may name web
//! feeds (stored parsed and normalised), and local feeds only as `file://` URLs or as paths
//! relative to its own folder that stay inside it. Absolute paths, other schemes and any
//! control character are refused with the line.

use super::ImportError;
use std::path::{Component, Path, PathBuf};

/// What every refusal ends with, so the user knows what would be accepted.
const ACCEPTED: &str = "use an http(s) address, or for a local feed a file:// URL or a path \
                        relative to this file";

/// The address to store for a feed named at `line`; `folder` is the imported file's folder.
pub fn feed_address(raw: &str, folder: Option<&Path>, line: usize) -> Result<String, ImportError> {
    let refuse = |message: String| ImportError::new(line, message);
    if let Some(c) = raw.chars().find(|c| is_forbidden(*c)) {
        return Err(refuse(format!(
            "the feed address holds the control character U+{:04X}, which no address can \
             contain",
            u32::from(c)
        )));
    }
    let shown = crate::text::sanitize_line(raw);
    match url::Url::parse(raw) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => Ok(url.to_string()),
        Ok(url) if url.scheme() == "file" => match url.to_file_path() {
            Ok(path) => local_file(&path, &shown).map_err(refuse),
            Err(()) => Err(refuse(format!(
                "\"{shown}\" is not a local file address; {ACCEPTED}"
            ))),
        },
        Ok(url) => Err(refuse(format!(
            "\"{shown}\" is not a feed address (rounds does not read {}: addresses); {ACCEPTED}",
            url.scheme()
        ))),
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            relative_file(raw, &shown, folder).map_err(refuse)
        }
        Err(error) => Err(refuse(format!(
            "\"{shown}\" is not a valid address ({error}); {ACCEPTED}"
        ))),
    }
}

/// C0 and C1 controls, and the bidi overrides that make text lie about its order.
fn is_forbidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn relative_file(raw: &str, shown: &str, folder: Option<&Path>) -> Result<String, String> {
    let path = Path::new(raw);
    if path.is_absolute() || path.has_root() {
        return Err(format!(
            "\"{shown}\" is an absolute path, which an imported file may not name; write \
             file://{shown} if you mean to follow that file"
        ));
    }
    let Some(folder) = folder else {
        return Err(format!("\"{shown}\" is not a feed address; {ACCEPTED}"));
    };
    let inside = inside_folder(path)
        .ok_or_else(|| format!("\"{shown}\" leaves the folder of the imported file; {ACCEPTED}"))?;
    local_file(&folder.join(inside), shown)
}

/// The path with `.` and `..` resolved, or `None` when a `..` climbs above its start.
fn inside_folder(path: &Path) -> Option<PathBuf> {
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.iter().collect())
}

/// A local feed must exist now and be a regular file (not a folder, device, FIFO or socket).
fn local_file(path: &Path, shown: &str) -> Result<String, String> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(path.display().to_string()),
        Ok(_) => Err(format!(
            "\"{shown}\" is not a regular file (a folder, device or pipe cannot be a feed)"
        )),
        Err(_) => Err(format!(
            "\"{shown}\" is neither a web address nor a file that exists ({}); {ACCEPTED}",
            path.display()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with_feed() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("feeds")).unwrap();
        std::fs::write(dir.path().join("feeds/local.xml"), "<rss/>").unwrap();
        dir
    }

    #[test]
    fn web_addresses_are_stored_normalised() {
        let url = feed_address("HTTPS://Journal.Example/rss?a=1&b=2", None, 3).unwrap();
        assert_eq!(url, "https://journal.example/rss?a=1&b=2");
    }

    #[test]
    fn control_characters_are_refused_with_the_line() {
        let error = feed_address("https://x.example/\u{1b}[31mred", None, 7).unwrap_err();
        assert_eq!(error.line, 7);
        assert!(error.message.contains("U+001B"), "{error}");
        assert!(feed_address("https://x.example/\u{202e}", None, 1).is_err());
    }

    #[test]
    fn local_feeds_are_relative_paths_inside_the_folder_or_file_urls() {
        let dir = folder_with_feed();
        let folder = Some(dir.path());
        let expected = dir.path().join("feeds/local.xml").display().to_string();
        assert_eq!(
            feed_address("feeds/local.xml", folder, 1).unwrap(),
            expected
        );
        assert_eq!(
            feed_address("./feeds/../feeds/local.xml", folder, 1).unwrap(),
            expected
        );
        let file_url = url::Url::from_file_path(dir.path().join("feeds/local.xml")).unwrap();
        assert_eq!(feed_address(file_url.as_str(), None, 1).unwrap(), expected);

        for refused in [
            "/etc/passwd",
            "../outside.xml",
            "feeds/../../x.xml",
            "feeds",
            "nope.xml",
        ] {
            let error = feed_address(refused, folder, 4).unwrap_err();
            assert_eq!(error.line, 4, "{refused}: {error}");
        }
        assert!(feed_address("ftp://x.example/feed", folder, 1).is_err());
        assert!(feed_address("javascript:alert(1)", folder, 1).is_err());
        assert!(
            feed_address("file:///dev/zero", folder, 1).is_err(),
            "a device"
        );
    }
}
