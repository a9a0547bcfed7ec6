//! An author as RSS writes one: `jane@example.org (Jane Doe)`, `Jane Doe <jane@example.org>`,
//! `Dr. Jane Doe jane@example.org`, or just a name. We show the name, else the address.

use crate::text;

/// Characters left around a name once its e-mail address is taken out.
const DELIMITERS: &str = "—–-,;:|/()<>[]\"'";

/// The name to show for `raw`, or `None` when there is nothing in it.
pub fn display_name(raw: &str) -> Option<String> {
    let raw = text::plain_text(raw);
    let name = match find_email(&raw) {
        Some(email) => {
            let mut rest = String::with_capacity(raw.len());
            rest.push_str(raw[..email.start].trim_end_matches("mailto:"));
            rest.push(' ');
            rest.push_str(&raw[email.end..]);
            let rest = tidy(&rest);
            if rest.is_empty() {
                raw[email].to_string()
            } else {
                rest
            }
        }
        None => tidy(&raw),
    };
    (!name.is_empty()).then_some(name)
}

/// Whitespace collapsed and stray delimiters trimmed from both ends.
fn tidy(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_matches(|c: char| c.is_whitespace() || DELIMITERS.contains(c))
        .to_string()
}

/// The byte range of the first e-mail address in `text`: `local@domain.tld`, where the local
/// part and the domain are ASCII (an address glued to other text still splits cleanly).
fn find_email(text: &str) -> Option<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let is_local = |b: u8| b.is_ascii_alphanumeric() || b"._%+-".contains(&b);
    let is_domain = |b: u8| b.is_ascii_alphanumeric() || b".-".contains(&b);
    for (at, _) in text.match_indices('@') {
        let start = at
            - bytes[..at]
                .iter()
                .rev()
                .take_while(|&&b| is_local(b))
                .count();
        let domain_length = bytes[at + 1..]
            .iter()
            .take_while(|&&b| is_domain(b))
            .count();
        let domain = text[at + 1..at + 1 + domain_length].trim_end_matches(['.', '-']);
        let tld_ok = domain.rsplit_once('.').is_some_and(|(host, tld)| {
            !host.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
        });
        let local = text[start..at].trim_start_matches('.');
        if !local.is_empty() && tld_ok {
            return Some(at - local.len()..at + 1 + domain.len());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_out_of_every_spelling() {
        let cases = [
            ("lawyer@boyer.net (Lawyer Boyer)", "Lawyer Boyer"),
            ("Jane Smith <jane@example.org>", "Jane Smith"),
            (
                "Dr. Jane Doe\u{a0}jane.doe@rheumreg.example.org",
                "Dr. Jane Doe",
            ),
            ("tom.ng@rheumreg.example.org—Tom Ng", "Tom Ng"),
            ("mailto:editor@example.org", "editor@example.org"),
            ("editor@example.org", "editor@example.org"),
            ("  Maria L. Okafor  ", "Maria L. Okafor"),
            ("(The Editor)", "The Editor"),
            ("Caf&eacute; Team", "Café Team"),
            ("user@localhost", "user@localhost"),
        ];
        for (raw, name) in cases {
            assert_eq!(display_name(raw).as_deref(), Some(name), "{raw}");
        }
        assert_eq!(display_name("  "), None);
        assert_eq!(display_name("()"), None);
    }
}
