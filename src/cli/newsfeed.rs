//! Opening the newsfeed (no command) and the demo: the terminal belongs to the TUI from here.

use super::Status;
use crate::sync::demo;
use std::process::ExitCode;

/// `rounds`: the newsfeed on the user's database.
pub fn open_newsfeed(cli: &super::Cli) -> ExitCode {
    if !on_a_terminal() {
        return no_terminal("`rounds list`");
    }
    report(
        super::Context::new(cli)
            .and_then(|context| crate::tui::launch::open(context.db, context.config)),
    )
}

/// `rounds demo`: the newsfeed on a temporary database seeded from the bundled sample feeds.
pub fn open_demo(cli: &super::Cli) -> ExitCode {
    if !on_a_terminal() {
        return no_terminal("it in a terminal window");
    }
    let run = || -> anyhow::Result<()> {
        let config = super::Context::new(cli)?.config;
        let folder = DemoFolder::create()?;
        let db = demo::seed(folder.path(), chrono::Utc::now())?;
        crate::tui::launch::open(db, config)
    };
    report(run())
}

/// The newsfeed reads keys from standard input and draws on standard output: both must be a
/// terminal, or it would write escape codes into a pipe or a file.
fn on_a_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// One sentence and exit 2, before anything touches the terminal or the database.
fn no_terminal(instead: &str) -> ExitCode {
    super::output::warn(&format!("the newsfeed needs a terminal; try {instead}"));
    Status::Failure.into()
}

fn report(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => Status::Success.into(),
        Err(error) => {
            super::output::warn(&super::sentence(&error));
            Status::Failure.into()
        }
    }
}

/// The demo's folder: created new, with a random name and only the user's permissions
/// (0700), so that nobody else can have made it beforehand or read it; removed when dropped.
struct DemoFolder(tempfile::TempDir);

impl DemoFolder {
    fn create() -> anyhow::Result<DemoFolder> {
        let mut builder = tempfile::Builder::new();
        builder.prefix("rounds-demo-");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o700));
        }
        let folder = builder
            .tempdir()
            .map_err(|error| anyhow::anyhow!("cannot make a folder for the demo: {error}"))?;
        Ok(DemoFolder(folder))
    }

    fn path(&self) -> &std::path::Path {
        self.0.path()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The old name, `rounds-demo-<pid>` in the shared temporary folder, could be made first
    /// by another user (with their files, or as a link elsewhere); ours is always new.
    #[test]
    fn the_demo_folder_is_new_private_and_not_guessable() {
        let guessable = std::env::temp_dir().join(format!("rounds-demo-{}", std::process::id()));
        std::fs::create_dir_all(&guessable).unwrap();
        std::fs::write(guessable.join("planted.db"), "not ours").unwrap();
        let (first, second) = (DemoFolder::create().unwrap(), DemoFolder::create().unwrap());
        assert_ne!(first.path(), guessable.as_path());
        assert_ne!(first.path(), second.path());
        assert_eq!(
            std::fs::read_dir(first.path()).unwrap().count(),
            0,
            "new and empty"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(first.path())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o700);
        }
        let path = first.path().to_path_buf();
        drop(first);
        assert!(!path.exists(), "removed when the demo ends");
        std::fs::remove_dir_all(&guessable).unwrap();
    }
}
