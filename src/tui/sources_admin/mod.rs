//! Managing sources from the newsfeed: the add prompt and the chooser of a page's feeds, the
//! editor, the removal confirmation, the health view and the first-run starter pack. The
//! state lives in `Panel` (one open at a time), the keys in `keys`, the worker's answers in
//! `events`, the drawing in `view`, and the worker's side in `jobs`.

mod add;
mod editor;
mod events;
mod jobs;
mod keys;
mod starter;
pub mod view;

pub use add::{AddPrompt, Chooser};
pub use editor::{EditorField, SourceEditor};
pub use starter::StarterPicker;

use crate::model::SourceId;

/// The sources panel open over the newsfeed, if any.
#[derive(Debug, Clone, PartialEq)]
pub enum Panel {
    Add(AddPrompt),
    Choose(Chooser),
    Edit(SourceEditor),
    ConfirmRemove(RemovalConfirm),
    /// The health of every source, scrolled this far.
    Health {
        scroll: usize,
    },
    Starter(StarterPicker),
}

/// What removing a source will do, shown before it is done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovalConfirm {
    pub id: SourceId,
    pub title: String,
    pub deleted: u64,
    pub kept: u64,
}
