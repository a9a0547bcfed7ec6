//! A tiny HTTP/1.1 server on 127.0.0.1 for tests, std only: one thread accepts, one thread
//! per connection answers from the routes the test configured, then closes the connection.
//!
//! Nothing here sleeps. Stalled and held responses wait on a condition variable that
//! `release_one`/`release_all` or dropping the server signals, and dropping the server also
//! shuts down every open socket, so a test never waits for a connection the client gave up.

use super::response::Response;
use super::wire;
use std::collections::HashMap;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How long `wait_for_*` waits before failing the test: only reached when something is broken.
const WAIT_LIMIT: Duration = Duration::from_secs(10);

/// A request as the server saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The request target: path and query, as sent.
    pub target: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// The target without its query string.
    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or_default()
    }

    /// The first header with this name, case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

pub struct TestServer {
    address: SocketAddr,
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
}

/// What the accepting and serving threads share with the test.
#[derive(Default)]
pub(super) struct Shared {
    routes: Mutex<HashMap<String, Response>>,
    open_connections: Mutex<HashMap<u64, TcpStream>>,
    state: Mutex<State>,
    /// Signalled whenever `state` changes; only ever used with `state`'s mutex.
    changed: Condvar,
}

#[derive(Default)]
struct State {
    requests: Vec<Request>,
    shutting_down: bool,
    in_flight: usize,
    max_in_flight: usize,
    /// Requests waiting in `held_until_released`.
    held: usize,
    max_held: usize,
    /// Releases granted by `release_one` and not yet used.
    tickets: usize,
    released_all: bool,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking test thread must not turn every later call into a second panic.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl TestServer {
    /// Binds 127.0.0.1 on a free port and starts serving; unknown paths answer 404.
    pub fn start() -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let address = listener.local_addr().expect("read the bound address");
        let shared = Arc::new(Shared::default());
        let accepting = Arc::clone(&shared);
        let acceptor = thread::spawn(move || accept_connections(&listener, &accepting));
        TestServer {
            address,
            shared,
            acceptor: Some(acceptor),
        }
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// `http://127.0.0.1:PORT` followed by `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Serves `response` at `path` (exact target first, else the path without its query),
    /// replacing what was there: this is how a test publishes a changed feed.
    pub fn route(&self, path: &str, response: Response) {
        lock(&self.shared.routes).insert(path.to_string(), response);
    }

    /// Every request so far, in arrival order.
    pub fn requests(&self) -> Vec<Request> {
        lock(&self.shared.state).requests.clone()
    }

    pub fn requests_for(&self, path: &str) -> Vec<Request> {
        let state = lock(&self.shared.state);
        state
            .requests
            .iter()
            .filter(|r| r.path() == path)
            .cloned()
            .collect()
    }

    /// The most requests that were being answered at the same moment.
    pub fn max_in_flight(&self) -> usize {
        lock(&self.shared.state).max_in_flight
    }

    /// The most requests that were waiting in `held_until_released` at the same moment.
    pub fn max_held(&self) -> usize {
        lock(&self.shared.state).max_held
    }

    /// Blocks until at least `count` requests arrived in total.
    pub fn wait_for_requests(&self, count: usize) {
        self.shared.wait_until(
            |state| state.requests.len() >= count,
            "requests to arrive",
            count,
        );
    }

    /// Blocks until at least `count` requests are waiting in `held_until_released`.
    pub fn wait_for_held(&self, count: usize) {
        self.shared
            .wait_until(|state| state.held >= count, "held requests", count);
    }

    /// Lets one held request (present or future) go on.
    pub fn release_one(&self) {
        lock(&self.shared.state).tickets += 1;
        self.shared.changed.notify_all();
    }

    /// Lets every held request, present and future, go on.
    pub fn release_all(&self) {
        lock(&self.shared.state).released_all = true;
        self.shared.changed.notify_all();
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        lock(&self.shared.state).shutting_down = true;
        self.shared.changed.notify_all();
        for (_, connection) in lock(&self.shared.open_connections).drain() {
            let _ = connection.shutdown(Shutdown::Both);
        }
        // accept() only returns for a connection: make one so the thread sees the flag.
        let _ = TcpStream::connect(self.address);
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

fn accept_connections(listener: &TcpListener, shared: &Arc<Shared>) {
    for (id, stream) in (0u64..).zip(listener.incoming()) {
        if lock(&shared.state).shutting_down {
            break;
        }
        let Ok(stream) = stream else { continue };
        if let Ok(handle) = stream.try_clone() {
            lock(&shared.open_connections).insert(id, handle);
        }
        let shared = Arc::clone(shared);
        thread::spawn(move || {
            wire::serve(&shared, stream);
            lock(&shared.open_connections).remove(&id);
        });
    }
}

/// Decrements the in-flight count when the response is done, however it ended.
pub(super) struct InFlight<'a>(&'a Shared);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        lock(&self.0.state).in_flight -= 1;
        self.0.changed.notify_all();
    }
}

impl Shared {
    /// Waits on `changed` until `done`, failing the test after `WAIT_LIMIT`.
    fn wait_until(&self, done: impl Fn(&State) -> bool, what: &str, count: usize) {
        let deadline = Instant::now() + WAIT_LIMIT;
        let mut state = lock(&self.state);
        while !done(&state) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "waited {WAIT_LIMIT:?} for {count} {what}");
            state = self
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Records the request and returns a copy of what its route answers.
    pub(super) fn accept_request(&self, request: &Request) -> Response {
        lock(&self.state).requests.push(request.clone());
        self.changed.notify_all();
        let routes = lock(&self.routes);
        let route = routes
            .get(&request.target)
            .or_else(|| routes.get(request.path()));
        route.cloned().unwrap_or_else(|| Response::status(404))
    }

    pub(super) fn enter(&self) -> InFlight<'_> {
        let mut state = lock(&self.state);
        state.in_flight += 1;
        state.max_in_flight = state.max_in_flight.max(state.in_flight);
        InFlight(self)
    }

    pub(super) fn wait_until_shutdown(&self) {
        let mut state = lock(&self.state);
        while !state.shutting_down {
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Waits for a release; false when the server shut down first.
    pub(super) fn wait_for_release(&self) -> bool {
        let mut state = lock(&self.state);
        state.held += 1;
        state.max_held = state.max_held.max(state.held);
        self.changed.notify_all();
        while !state.shutting_down && !state.released_all && state.tickets == 0 {
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        state.held -= 1;
        if state.shutting_down {
            return false;
        }
        if !state.released_all {
            state.tickets -= 1;
        }
        true
    }
}
