//! The `rounds` binary: parse the command line, start logging, hand over. No logic lives here.

use rounds::cli;
use rounds::cli::args::Command;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut cli = match cli::parse_args() {
        Ok(cli) => cli,
        Err(exit) => return exit,
    };
    let _log = rounds::logging::default_folder().and_then(|folder| rounds::logging::init(&folder));
    rounds::logging::install_quiet_panic_hook();
    match cli.command.take() {
        None => cli::open_newsfeed(&cli),
        Some(Command::Demo) => cli::open_demo(&cli),
        Some(command) => cli::run(cli, command),
    }
}
