//! Fitting text into terminal columns: the newsfeed's name for `crate::text::fit`.

pub use crate::text::fit::{pad, truncate, width, wrap};
