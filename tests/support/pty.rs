//! Driving the real binary in a pseudo-terminal, and reading the screen it draws through a
//! VT100 emulator. Unix only; needs nothing but libc.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long any wait may take before the test fails: generous, for a loaded CI machine.
const PATIENCE: Duration = Duration::from_secs(20);

struct Screen {
    parser: vt100::Parser<Bells>,
    closed: bool,
}

/// Counts the audible bells (BEL) the program rang.
#[derive(Default)]
struct Bells(usize);

impl vt100::Callbacks for Bells {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.0 += 1;
    }
}

pub struct Pty {
    master: File,
    child: Child,
    screen: Arc<(Mutex<Screen>, Condvar)>,
}

impl Pty {
    /// Starts `command` on a new `rows`×`cols` terminal as its controlling terminal.
    pub fn spawn(mut command: Command, rows: u16, cols: u16) -> Pty {
        let (master, slave) = open_pty(rows, cols);
        let stdio = |fd: &OwnedFd| Stdio::from(fd.try_clone().expect("dup the pty"));
        command
            .stdin(stdio(&slave))
            .stdout(stdio(&slave))
            .stderr(stdio(&slave))
            .env("TERM", "xterm-256color");
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("start rounds in the pty");
        drop(slave);
        let screen = Arc::new((
            Mutex::new(Screen {
                parser: vt100::Parser::new_with_callbacks(
                    nonzero(rows),
                    nonzero(cols),
                    0,
                    Bells::default(),
                ),
                closed: false,
            }),
            Condvar::new(),
        ));
        let reader = File::from(master.try_clone().expect("dup the master"));
        spawn_reader(reader, Arc::clone(&screen));
        Pty {
            master: File::from(master),
            child,
            screen,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Types keys, as raw bytes (`b"j"`, `b"\r"`, `b"\x1b"`).
    pub fn send(&mut self, bytes: &[u8]) {
        self.master.write_all(bytes).expect("write to the pty");
    }

    /// The screen's text now, rows joined by newlines.
    pub fn contents(&self) -> String {
        self.screen
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .parser
            .screen()
            .contents()
    }

    /// How many times the program rang the terminal bell so far.
    pub fn bells(&self) -> usize {
        self.screen
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .parser
            .callbacks()
            .0
    }

    /// Whether the program left the terminal on the alternate screen.
    pub fn on_alternate_screen(&self) -> bool {
        self.screen
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .parser
            .screen()
            .alternate_screen()
    }

    /// Whether the terminal is in raw mode (no line editing, no echo), as the program left it.
    pub fn is_raw(&self) -> bool {
        use std::os::fd::AsRawFd;
        // SAFETY: a zeroed termios is a valid out-parameter; the fd is our open master.
        let mut attributes: libc::termios = unsafe { std::mem::zeroed() };
        let result = unsafe { libc::tcgetattr(self.master.as_raw_fd(), &mut attributes) };
        assert_eq!(result, 0, "tcgetattr: {}", std::io::Error::last_os_error());
        attributes.c_lflag & (libc::ICANON | libc::ECHO) == 0
    }

    /// Waits until the screen satisfies `ready`; fails the test with the screen otherwise.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        self.wait_for_screen(what, |screen| ready(&screen.contents()))
    }

    /// Like `wait_for`, with the whole screen (colours and attributes) to look at.
    pub fn wait_for_screen(&self, what: &str, ready: impl Fn(&vt100::Screen) -> bool) -> String {
        let (lock, changed) = &*self.screen;
        let deadline = Instant::now() + PATIENCE;
        let mut screen = lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        loop {
            let text = screen.parser.screen().contents();
            if ready(screen.parser.screen()) {
                return text;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || screen.closed {
                panic!("the screen never showed {what}:\n{text}");
            }
            // Wake now and then too: some conditions look at the database, not the screen.
            screen = changed
                .wait_timeout(screen, left.min(Duration::from_millis(50)))
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
    }

    /// The text of the rows drawn on a coloured background (a selection), status bar aside.
    pub fn highlighted_rows(screen: &vt100::Screen) -> Vec<String> {
        let (rows, cols) = screen.size();
        let (rows, cols) = (rows.get(), cols.get());
        (0..rows.saturating_sub(1))
            .filter(|&row| {
                (0..cols).any(|col| {
                    screen
                        .cell(row, col)
                        .is_some_and(|cell| cell.bgcolor() != vt100::Color::Default)
                })
            })
            .map(|row| screen.contents_between(row, 0, row, cols))
            .collect()
    }

    /// Waits for the program to exit and returns its status.
    pub fn wait_exit(mut self) -> ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "rounds did not exit:\n{}",
                self.contents()
            );
            // Waiting on a child has no timeout in std; a short park between polls.
            std::thread::park_timeout(Duration::from_millis(10));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn open_pty(rows: u16, cols: u16) -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (-1, -1);
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty fills two fds we then own; null name and termios are allowed.
    let result = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(result, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both fds were just returned by openpty and nothing else owns them.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

fn spawn_reader(mut master: File, screen: Arc<(Mutex<Screen>, Condvar)>) {
    std::thread::spawn(move || {
        let mut buffer = [0u8; 8192];
        loop {
            let read = master.read(&mut buffer);
            let (lock, changed) = &*screen;
            let mut state = lock
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            match read {
                Ok(n) if n > 0 => state.parser.process(&buffer[..n]),
                _ => state.closed = true,
            }
            changed.notify_all();
            if state.closed {
                return;
            }
        }
    });
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal has at least one row and column")
}
