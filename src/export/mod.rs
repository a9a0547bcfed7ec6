//! Writers over the model: pure functions from sources or items to text.

pub mod opml;
