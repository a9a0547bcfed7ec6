//! SIGTERM and SIGHUP end the newsfeed the way `q` does: the event loop returns and the
//! terminal is given back (raw mode off, the normal screen back), instead of the process
//! dying with the terminal still raw on the alternate screen.

/// The signals that ask the newsfeed to stop, listened to from before the terminal is taken.
pub struct StopSignals {
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
    #[cfg(unix)]
    hang_up: tokio::signal::unix::Signal,
}

impl StopSignals {
    pub fn listen() -> std::io::Result<StopSignals> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(StopSignals {
                terminate: signal(SignalKind::terminate())?,
                hang_up: signal(SignalKind::hangup())?,
            })
        }
        #[cfg(not(unix))]
        Ok(StopSignals {})
    }

    /// Resolves when one of them arrives.
    pub async fn received(&mut self) {
        #[cfg(unix)]
        tokio::select! {
            _ = self.terminate.recv() => {}
            _ = self.hang_up.recv() => {}
        }
        #[cfg(not(unix))]
        std::future::pending::<()>().await
    }
}
