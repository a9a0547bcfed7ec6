//! SIGTERM and SIGHUP end the newsfeed like `q`: raw mode off, the normal screen back.

mod support;

use chrono::Utc;
use support::cli::{Sandbox, write};
use support::pty::Pty;

fn stopped_by(signal: libc::c_int) {
    let sandbox = Sandbox::new();
    let db = rounds::sync::demo::seed(sandbox.dir.path(), Utc::now()).unwrap();
    let config = sandbox.path("config.toml");
    write(
        &config,
        "refresh_interval = \"off\"\nrefresh_on_start = false\n",
    );
    let pty = Pty::spawn(sandbox.newsfeed(&db, &config), 24, 80);
    pty.wait_for("the river", |s| s.contains("/ filter"));
    assert!(
        pty.on_alternate_screen() && pty.is_raw(),
        "the newsfeed owns the terminal"
    );
    let pid = libc::pid_t::try_from(pty.pid()).unwrap();
    // SAFETY: sending a signal to the child we started.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    let status = exit_after_giving_back(pty);
    assert!(status.success(), "signal {signal}: exited with {status:?}");
}

/// Polls (with a deadline) until the terminal is given back, asserts it was, and waits for
/// the exit.
fn exit_after_giving_back(pty: Pty) -> std::process::ExitStatus {
    let (alternate, raw) = {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let left = (pty.on_alternate_screen(), pty.is_raw());
            if left == (false, false) || std::time::Instant::now() > deadline {
                break left;
            }
            std::thread::park_timeout(std::time::Duration::from_millis(10));
        }
    };
    assert!(!alternate, "the alternate screen was left on");
    assert!(!raw, "raw mode was left on");
    pty.wait_exit()
}

#[test]
fn sigterm_gives_the_terminal_back() {
    stopped_by(libc::SIGTERM);
}

#[test]
fn sighup_gives_the_terminal_back() {
    stopped_by(libc::SIGHUP);
}
