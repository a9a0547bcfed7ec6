//! The `rounds` binary: parse the command line and hand over. No logic lives here.

use clap::Parser;
use rounds::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut cli = Cli::parse();
    match cli.command.take() {
        Some(command) => cli::run(cli, command),
        None => {
            eprintln!(
                "rounds: the newsfeed is not built yet; see `rounds --help` for the commands"
            );
            ExitCode::from(2)
        }
    }
}
