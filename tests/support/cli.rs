//! Running the real `rounds` binary with an isolated home, database and no proxy.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// A temporary home for one test: the database and XDG folders live inside it.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("rounds.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `rounds --db SANDBOX/rounds.db ARGS...`
    pub fn rounds(&self, args: &[&str]) -> Command {
        Command::from_std(self.std_command(args))
    }

    /// The same, as a plain `std::process::Command` (for pipes and pseudo-terminals).
    pub fn std_command(&self, args: &[&str]) -> std::process::Command {
        let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin!("rounds"));
        let home = self.dir.path();
        command
            .env_clear()
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("NO_PROXY", "*")
            .env("ROUNDS_DB", self.db())
            .args(args);
        command
    }

    /// The newsfeed on `db` with `config` (for a pseudo-terminal).
    pub fn newsfeed(&self, db: &Path, config: &Path) -> std::process::Command {
        let db = db.to_str().expect("a UTF-8 path");
        let config = config.to_str().expect("a UTF-8 path");
        self.std_command(&["--db", db, "--config", config])
    }

    /// Runs and returns (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        self.run_with(args, &[])
    }

    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
        let mut command = self.rounds(args);
        for (name, value) in env {
            command.env(name, value);
        }
        let output = command.output().expect("rounds runs");
        (
            output.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }

    /// Runs a command that must succeed and parses its JSON output.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let (code, stdout, stderr) = self.run(args);
        assert_eq!(code, 0, "rounds {args:?} failed: {stderr}");
        serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("rounds {args:?} printed no JSON ({e}): {stdout}"))
    }
}

pub fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write a fixture");
}
