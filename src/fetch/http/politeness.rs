//! At most `per_host` requests in flight to one host, and `max_in_flight` in all. The host's
//! permit is taken first: a request waiting for a busy host must not hold one of the shared
//! slots, or a few busy hosts would starve the others (head-of-line blocking).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use url::Url;

/// Held while talking to a host; dropping it lets the next request to that host start.
pub(super) struct HostPermit {
    _host: OwnedSemaphorePermit,
    _slot: OwnedSemaphorePermit,
}

pub(super) struct HostLimits {
    per_host: usize,
    slots: Arc<Semaphore>,
    // A std Mutex is enough: it is only held to look up or insert, never across an await.
    semaphores: Mutex<HashMap<String, Arc<Semaphore>>>,
}

/// Politeness is about the server, so ports and schemes share one budget.
pub(super) fn host_key(url: &Url) -> String {
    url.host_str().unwrap_or_default().to_ascii_lowercase()
}

impl HostLimits {
    pub(super) fn new(per_host: usize, max_in_flight: usize) -> HostLimits {
        HostLimits {
            // Zero would make every fetch wait forever.
            per_host: per_host.max(1),
            slots: Arc::new(Semaphore::new(max_in_flight.max(1))),
            semaphores: Mutex::new(HashMap::new()),
        }
    }

    pub(super) async fn acquire(&self, url: &Url) -> HostPermit {
        let semaphore = self.semaphore_for(host_key(url));
        let host = semaphore.acquire_owned().await;
        let slot = Arc::clone(&self.slots).acquire_owned().await;
        match (host, slot) {
            (Ok(host), Ok(slot)) => HostPermit {
                _host: host,
                _slot: slot,
            },
            _ => unreachable!("these semaphores are never closed"),
        }
    }

    fn semaphore_for(&self, host: String) -> Arc<Semaphore> {
        // A panic elsewhere cannot leave the map half-written: insertions are single calls.
        let mut semaphores = self
            .semaphores
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let semaphore = semaphores
            .entry(host)
            .or_insert_with(|| Arc::new(Semaphore::new(self.per_host)));
        Arc::clone(semaphore)
    }
}
