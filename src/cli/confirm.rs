//! Asking before a change the user may not expect: a yes/no question on a terminal; elsewhere
//! the command needs `--yes`, because nobody is there to answer.

use std::io::{self, BufRead, IsTerminal};

/// Asks `question` on stderr and reads the answer from the terminal. `None` when standard input
/// is not a terminal. Anything but "y" or "yes" (an empty line, end of input) is a no.
pub fn ask(question: &str) -> io::Result<Option<bool>> {
    let input = io::stdin();
    if !input.is_terminal() {
        return Ok(None);
    }
    super::output::prompt(&format!("{question} [y/N] "))?;
    let mut answer = String::new();
    input.lock().read_line(&mut answer)?;
    let answer = answer.trim().to_lowercase();
    Ok(Some(answer == "y" || answer == "yes"))
}
