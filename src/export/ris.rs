//! RIS, as Zotero, EndNote and Mendeley import it: one `TAG  - value` per line (CRLF), a
//! record from `TY` to `ER`, a blank line between records.

use super::reference::{Kind, Reference};
use crate::model::Notice;
use std::fmt::Write;

pub fn write_ris(references: &[Reference]) -> String {
    let mut out = String::new();
    for reference in references {
        record(&mut out, reference);
    }
    out
}

fn record(out: &mut String, reference: &Reference) {
    let mut tag = |name: &str, value: &str| {
        let value = one_line(value);
        if !value.is_empty() {
            let _ = write!(out, "{name}  - {value}\r\n");
        }
    };
    tag(
        "TY",
        match reference.kind {
            Kind::Article | Kind::Preprint => "JOUR",
            Kind::Web => "ELEC",
        },
    );
    tag("ID", &reference.key);
    tag("TI", &reference.title);
    for author in &reference.authors {
        tag("AU", &author.inverted());
    }
    if let Some(journal) = &reference.journal {
        tag("T2", journal);
        tag("JO", journal);
    }
    for (name, value) in [
        ("VL", reference.volume.as_deref()),
        ("IS", reference.issue.as_deref()),
        ("SP", reference.first_page()),
        ("EP", reference.last_page()),
    ] {
        tag(name, value.unwrap_or_default());
    }
    if let Some(date) = reference.date {
        tag("PY", &date.format("%Y").to_string());
        tag("DA", &date.format("%Y/%m/%d/").to_string());
    }
    tag("DO", reference.doi.as_deref().unwrap_or_default());
    tag("UR", reference.url.as_deref().unwrap_or_default());
    tag("AN", reference.pmid.as_deref().unwrap_or_default());
    tag("C2", reference.pmcid.as_deref().unwrap_or_default());
    tag("M3", reference.article_type.as_deref().unwrap_or_default());
    tag("AB", reference.abstract_text.as_deref().unwrap_or_default());
    for keyword in &reference.keywords {
        tag("KW", keyword);
    }
    tag("N1", &format!("Source: {}", reference.source));
    if reference.kind == Kind::Preprint {
        tag("N1", "Preprint, not peer reviewed");
    }
    match reference.notice {
        Some(Notice::Retraction) => tag("N1", "Retracted"),
        Some(Notice::ExpressionOfConcern) => tag("N1", "Expression of concern"),
        None => {}
    }
    for nct in &reference.ncts {
        tag("N1", &format!("ClinicalTrials.gov {nct}"));
    }
    out.push_str("ER  - \r\n\r\n");
}

/// A value on one line: newlines and control characters become spaces.
fn one_line(value: &str) -> String {
    value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
