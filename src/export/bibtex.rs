//! BibTeX (and BibLaTeX): `@article` for papers and preprints, `@online` for the rest, UTF-8,
//! LaTeX's special characters escaped, acronyms braced so styles keep their case.

use super::reference::{Kind, Reference};
use std::fmt::Write;

pub fn write_bibtex(references: &[Reference]) -> String {
    let mut out = String::new();
    for reference in references {
        entry(&mut out, reference);
    }
    out
}

fn entry(out: &mut String, reference: &Reference) {
    let kind = match reference.kind {
        Kind::Article | Kind::Preprint => "article",
        Kind::Web => "online",
    };
    let _ = writeln!(out, "@{kind}{{{},", reference.key);
    let mut field = |name: &str, value: String| {
        if !value.trim().is_empty() {
            let _ = writeln!(out, "  {name} = {{{value}}},");
        }
    };
    field("title", protect_case(&escape(&reference.title)));
    let authors: Vec<String> = reference
        .authors
        .iter()
        .map(|name| match name {
            super::names::Name::Literal(literal) => format!("{{{}}}", escape(literal)),
            person => escape(&person.inverted()),
        })
        .collect();
    field("author", authors.join(" and "));
    let optional = |value: Option<&str>| value.map(escape).unwrap_or_default();
    field("journal", optional(reference.journal.as_deref()));
    field("volume", optional(reference.volume.as_deref()));
    field("number", optional(reference.issue.as_deref()));
    field(
        "pages",
        reference
            .pages
            .as_deref()
            .map(|pages| escape(pages).replace('-', "--"))
            .unwrap_or_default(),
    );
    if let Some(date) = reference.date {
        field("year", date.format("%Y").to_string());
        field("date", date.format("%Y-%m-%d").to_string());
    }
    // DOIs and URLs are verbatim fields: written as they are, never escaped.
    field(
        "doi",
        reference.doi.as_deref().map(verbatim).unwrap_or_default(),
    );
    field("pmid", optional(reference.pmid.as_deref()));
    field("pmcid", optional(reference.pmcid.as_deref()));
    field(
        "url",
        reference.url.as_deref().map(verbatim).unwrap_or_default(),
    );
    field("abstract", optional(reference.abstract_text.as_deref()));
    field("keywords", escape(&reference.keywords.join(", ")));
    field("note", escape(&reference.notes().join(". ")));
    out.push_str("}\n\n");
}

/// LaTeX's special characters escaped; control characters and newlines become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A verbatim field (URL, DOI) keeps its characters, but no braces or spaces.
fn verbatim(url: &str) -> String {
    url.chars()
        .filter(|c| !c.is_control() && !c.is_whitespace() && *c != '{' && *c != '}')
        .collect()
}

/// Words with two capitals or more (`COVID-19`, `SGLT2`, `mRNA`) in braces: styles that
/// lower-case titles leave them alone.
fn protect_case(title: &str) -> String {
    title
        .split(' ')
        .map(|word| {
            let capitals = word.chars().filter(char::is_ascii_uppercase).count();
            if capitals >= 2 && !word.contains('\\') {
                format!("{{{word}}}")
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_protection() {
        assert_eq!(
            escape("50% & $5 #1 a_b {x} ~^\\"),
            "50\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{}\\textasciicircum{}\\textbackslash{}"
        );
        assert_eq!(
            protect_case("SGLT2 inhibitors in COVID-19"),
            "{SGLT2} inhibitors in {COVID-19}"
        );
        assert_eq!(escape("line\nbreak\tand tab"), "line break and tab");
    }
}
