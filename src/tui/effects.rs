//! The effects `update` asks for that touch the world: the browser and the clipboard.

use super::keyboard::is_web_link;
use std::io::Write;
use std::process::{Command, Stdio};

/// Opens a web link with `$BROWSER` (first entry of a `:`-separated list, `%s` replaced by
/// the URL or the URL appended) or the platform opener. The URL is always one argument of a
/// program started directly, never a shell command line. Does not wait for the browser.
pub fn open_in_browser(url: &str) -> Result<(), String> {
    if !is_web_link(url) {
        return Err("only http and https links open in the browser".to_string());
    }
    let browser = std::env::var("BROWSER").unwrap_or_default();
    match browser
        .split(':')
        .map(str::trim)
        .find(|entry| !entry.is_empty())
    {
        Some(entry) => spawn_browser(entry, url),
        None => {
            open::that_detached(url).map_err(|error| format!("could not open a browser: {error}"))
        }
    }
}

fn spawn_browser(entry: &str, url: &str) -> Result<(), String> {
    let mut words = entry.split_whitespace();
    let program = words.next().unwrap_or(entry);
    let mut arguments: Vec<String> = words.map(|word| word.replace("%s", url)).collect();
    if !entry.contains("%s") {
        arguments.push(url.to_string());
    }
    let mut child = Command::new(program)
        .args(&arguments)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|error| format!("could not start $BROWSER ({program}): {error}"))?;
    // Reap it whenever it exits so it does not linger as a zombie.
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// Rings the terminal bell once (BEL). A terminal that cannot ring ignores it.
pub fn ring_bell(out: &mut impl Write) {
    let _ = out.write_all(b"\x07").and_then(|()| out.flush());
}

/// Puts `text` on the clipboard through the terminal (OSC 52), which works over SSH too.
pub fn copy_to_clipboard(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    write!(out, "\u{1b}]52;c;{}\u{7}", base64(text.as_bytes()))?;
    out.flush()
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"https://bmj.com"), "aHR0cHM6Ly9ibWouY29t");
    }

    #[test]
    fn osc52_sequence() {
        let mut out = Vec::new();
        copy_to_clipboard(&mut out, "foo").expect("write to a vec");
        assert_eq!(out, b"\x1b]52;c;Zm9v\x07");
    }

    #[test]
    fn refuses_non_web_links_before_starting_anything() {
        assert!(open_in_browser("file:///etc/passwd").is_err());
        assert!(open_in_browser("javascript:alert(1)").is_err());
    }
}
