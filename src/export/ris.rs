//! RIS, as Zotero, EndNote and Mendeley import it: one `TAG  - value` per line (CRLF), a
//! record from `TY` to `ER`, a blank line between records.

use super::reference::{Kind, Reference};
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
    for (name, value) in fields(reference) {
        tag(name, &value);
    }
    for note in notes(reference) {
        tag("N1", &note);
    }
    out.push_str("ER  - \r\n\r\n");
}

/// Every field but the notes, in the order importers expect (`TY` first).
fn fields(reference: &Reference) -> Vec<(&'static str, String)> {
    let kind = match reference.kind {
        Kind::Article | Kind::Preprint => "JOUR",
        Kind::Web => "ELEC",
    };
    let text = |value: Option<&str>| value.unwrap_or_default().to_string();
    let mut fields = vec![
        ("TY", kind.to_string()),
        ("ID", reference.key.clone()),
        ("TI", reference.title.clone()),
    ];
    fields.extend(reference.authors.iter().map(|name| ("AU", name.inverted())));
    if let Some(journal) = &reference.journal {
        fields.push(("T2", journal.clone()));
        fields.push(("JO", journal.clone()));
    }
    fields.push(("VL", text(reference.volume.as_deref())));
    fields.push(("IS", text(reference.issue.as_deref())));
    fields.push(("SP", text(reference.first_page())));
    fields.push(("EP", text(reference.last_page())));
    if let Some(date) = reference.date {
        fields.push(("PY", date.format("%Y").to_string()));
        fields.push(("DA", date.format("%Y/%m/%d/").to_string()));
    }
    fields.push(("DO", text(reference.doi.as_deref())));
    fields.push(("UR", text(reference.url.as_deref())));
    fields.push(("AN", text(reference.pmid.as_deref())));
    fields.push(("C2", text(reference.pmcid.as_deref())));
    fields.push(("M3", text(reference.article_type.as_deref())));
    fields.push(("AB", text(reference.abstract_text.as_deref())));
    fields.extend(reference.keywords.iter().map(|tag| ("KW", tag.clone())));
    fields
}

/// The source, the evidence cues and the trial registrations.
fn notes(reference: &Reference) -> Vec<String> {
    let mut notes = reference.notes();
    notes.extend(
        reference
            .ncts
            .iter()
            .map(|nct| format!("ClinicalTrials.gov {nct}")),
    );
    notes
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
