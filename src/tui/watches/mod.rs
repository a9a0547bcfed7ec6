//! The watches in the newsfeed: the pinned lane of urgent alerts above the river, the alert
//! marker, the "Watches" group of the sources pane (in `tui::sources`), acknowledging with `a`
//! and the watch editor on `W`.

pub mod app;
pub mod editor;
pub mod pinned;
pub mod view;

#[cfg(test)]
mod tests;
