//! CSL-JSON, the format Zotero and Pandoc read: an array of items with `id` and `type`, names
//! as `family`/`given` (or `literal`), dates as `date-parts`.

use super::names::Name;
use super::reference::{Kind, Reference};
use chrono::Datelike;
use serde::Serialize;

#[derive(Serialize)]
struct CslItem<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<CslName<'a>>,
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    container_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    volume: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<CslDate>,
    #[serde(rename = "DOI", skip_serializing_if = "Option::is_none")]
    doi: Option<&'a str>,
    #[serde(rename = "PMID", skip_serializing_if = "Option::is_none")]
    pmid: Option<&'a str>,
    #[serde(rename = "PMCID", skip_serializing_if = "Option::is_none")]
    pmcid: Option<&'a str>,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    abstract_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    keyword: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    genre: Option<&'a str>,
    note: String,
}

#[derive(Serialize)]
#[serde(untagged)]
enum CslName<'a> {
    Person { family: &'a str, given: &'a str },
    Literal { literal: &'a str },
}

#[derive(Serialize)]
struct CslDate {
    #[serde(rename = "date-parts")]
    date_parts: Vec<Vec<i32>>,
}

pub fn write_csljson(references: &[Reference]) -> String {
    let items: Vec<CslItem> = references.iter().map(item).collect();
    let mut text = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string());
    text.push('\n');
    text
}

fn item(reference: &Reference) -> CslItem<'_> {
    let notes = reference.notes();
    CslItem {
        id: &reference.key,
        kind: match reference.kind {
            Kind::Article => "article-journal",
            Kind::Preprint => "article",
            Kind::Web => "webpage",
        },
        title: &reference.title,
        author: reference.authors.iter().map(name).collect(),
        container_title: reference.journal.as_deref(),
        volume: reference.volume.as_deref(),
        issue: reference.issue.as_deref(),
        page: reference.pages.as_deref(),
        issued: reference.date.map(|date| CslDate {
            date_parts: vec![vec![date.year(), date.month() as i32, date.day() as i32]],
        }),
        doi: reference.doi.as_deref(),
        pmid: reference.pmid.as_deref(),
        pmcid: reference.pmcid.as_deref(),
        url: reference.url.as_deref(),
        abstract_text: reference.abstract_text.as_deref(),
        keyword: (!reference.keywords.is_empty()).then(|| reference.keywords.join(", ")),
        genre: reference.article_type.as_deref(),
        note: notes.join(". "),
    }
}

fn name(name: &Name) -> CslName<'_> {
    match name {
        Name::Person { family, given } => CslName::Person { family, given },
        Name::Literal(literal) => CslName::Literal { literal },
    }
}
