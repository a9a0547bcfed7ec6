//! Everything the commands write goes through here, to stdout or stderr: the one place where
//! text from feeds, files and the command line is made safe for a terminal. Escape sequences,
//! C0 and C1 controls other than line feed and tab, and bidi overrides never leave this
//! module, in plain text or in JSON strings (`jq -r` would print them raw). A closed pipe
//! (`rounds list | head`) ends quietly.

use crate::text::sanitize_verbatim;
use serde_json::Value;
use std::io::{self, BufWriter, StdoutLock, Write};

/// Buffered standard output, for a command's result.
pub struct Output {
    out: BufWriter<StdoutLock<'static>>,
}

impl Output {
    pub fn new() -> Output {
        Output {
            // Large enough that a refresh's thousands of alert lines take few writes.
            out: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
        }
    }

    pub fn line(&mut self, text: &str) -> io::Result<()> {
        self.out.write_all(sanitize_verbatim(text).as_bytes())?;
        self.out.write_all(b"\n")
    }

    /// One JSON document, every string in it cleaned.
    pub fn json<T: serde::Serialize>(&mut self, value: &T) -> anyhow::Result<()> {
        let mut value = serde_json::to_value(value)?;
        clean_json(&mut value);
        serde_json::to_writer_pretty(&mut self.out, &value)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// One line on stdout at once, for progress while a command runs (a stdout lock cannot be held
/// across an await).
pub fn line_now(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(sanitize_verbatim(text).as_bytes())?;
    out.write_all(b"\n")?;
    out.flush()
}

/// `rounds: TEXT` on stderr: errors and warnings. A closed stderr is ignored.
pub fn warn(text: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "rounds: {}", sanitize_verbatim(text));
}

/// A question on stderr, the cursor left after it for the answer.
pub fn prompt(text: &str) -> io::Result<()> {
    let mut err = io::stderr().lock();
    err.write_all(sanitize_verbatim(text).as_bytes())?;
    err.flush()
}

/// Text that is not a message of ours (clap's usage and help) on stdout or stderr, cleaned.
pub fn raw(text: &str, to_stderr: bool) {
    let text = sanitize_verbatim(text);
    let _ = match to_stderr {
        true => io::stderr().lock().write_all(text.as_bytes()),
        false => io::stdout().lock().write_all(text.as_bytes()),
    };
}

/// Cleans every string of a JSON value, keys included.
fn clean_json(value: &mut Value) {
    match value {
        Value::String(text) => {
            if let std::borrow::Cow::Owned(clean) = sanitize_verbatim(text) {
                *text = clean;
            }
        }
        Value::Array(values) => values.iter_mut().for_each(clean_json),
        Value::Object(map) => {
            let entries = std::mem::take(map);
            for (key, mut value) in entries {
                clean_json(&mut value);
                map.insert(sanitize_verbatim(&key).into_owned(), value);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

pub fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|e| e.io_error_kind())
                .is_some_and(|kind| kind == io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_lose_controls_and_bidi_overrides_at_any_depth() {
        let mut value = serde_json::json!({
            "title": "red\u{1b}[31m alert",
            "summary": "line one\nline\ttwo \u{202e}gnp.exe",
            "tags": ["ok", "bell\u{7}"],
            "nested": {"ke\u{7}y": [1, null, true, "\u{9b}2Jx"]},
        });
        clean_json(&mut value);
        assert_eq!(
            value,
            serde_json::json!({
                "title": "red alert",
                "summary": "line one\nline\ttwo gnp.exe",
                "tags": ["ok", "bell"],
                "nested": {"key": [1, null, true, "x"]},
            })
        );
    }
}
