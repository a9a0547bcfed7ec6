//! `rounds export` for reference managers and journal clubs: every format parses back (with a
//! parser crate where one exists, line by line against the RIS specification otherwise) to the
//! same titles, DOIs, authors and years as the items.

mod support;

use rounds::export::names::Name;
use serde_json::Value;
use std::collections::BTreeMap;
use support::cli::{Sandbox, write};

const FIXTURES: &[&str] = &[
    "nejm-atypon-toc.rdf.xml",
    "pubmed-search.rss.xml",
    "medrxiv-infectious-diseases.rdf.xml",
    "lancet-online-first.rss.xml",
    "jama-current-issue.rss.xml",
    "bmj-latest.atom.xml",
    "wiley-ejhf.rss.xml",
    "springer-diabetologia.rss.xml",
];

/// An item whose title and authors need escaping in every format.
const AWKWARD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Awkward Journal</title><link>https://awkward.example/</link><description>x</description>
<item><title>50% of $5 drugs &amp; #hashtags: a_b {braces} ~tilde^ [brackets] *stars* `code` \back</title>
<link>https://awkward.example/doi/10.5555/awk_1(2)?x=1&amp;y=2</link>
<dc:creator>Ingrid Schäfer; Łukasz Żółć; O'Brien, Siobhán</dc:creator>
<dc:identifier>doi:10.5555/awk_1(2)</dc:identifier>
<pubDate>Mon, 09 Jun 2025 08:00:00 GMT</pubDate>
<description>First sentence of the abstract, long enough to be a summary line for the digest. Second sentence.</description>
</item></channel></rss>"#;

/// What every format must carry for an item.
#[derive(Debug, Clone, PartialEq)]
struct Expected {
    title: String,
    doi: Option<String>,
    families: Vec<String>,
    year: String,
}

/// Every fixture followed and every item saved; the items as `list --json` gives them.
fn saved_library() -> (Sandbox, Vec<Value>) {
    let sandbox = Sandbox::new();
    let folder = format!("{}/tests/fixtures/feeds", env!("CARGO_MANIFEST_DIR"));
    for name in FIXTURES {
        let (code, _, stderr) =
            sandbox.run(&["add", &format!("{folder}/{name}"), "--category", "journal"]);
        assert_eq!(code, 0, "{name}: {stderr}");
    }
    write(&sandbox.path("awkward.xml"), AWKWARD);
    let (code, _, stderr) = sandbox.run(&["add", sandbox.path("awkward.xml").to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let items = sandbox.json(&["list", "--json", "-n", "1000"]);
    let ids: Vec<String> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].to_string())
        .collect();
    let mut args = vec!["mark"];
    args.extend(ids.iter().map(String::as_str));
    args.push("--save");
    assert_eq!(sandbox.run(&args).0, 0);
    let items = sandbox.json(&["list", "--json", "-n", "1000"]);
    (sandbox, items.as_array().unwrap().clone())
}

fn expected(items: &[Value]) -> BTreeMap<String, Expected> {
    items
        .iter()
        .map(|item| {
            let families = item["authors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|name| Name::parse(name.as_str().unwrap()).family().to_string())
                .collect();
            let title = item["title"].as_str().unwrap().to_string();
            let expected = Expected {
                title: title.clone(),
                doi: item["doi"].as_str().map(str::to_string),
                families,
                year: item["published"].as_str().unwrap()[..4].to_string(),
            };
            (title, expected)
        })
        .collect()
}

fn export(sandbox: &Sandbox, format: &str, file: &str) -> String {
    let path = sandbox.path(file);
    let (code, stdout, stderr) = sandbox.run(&["export", format, "-o", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("exported "), "{stdout}");
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn bibtex_parses_back_with_biblatex() {
    let (sandbox, items) = saved_library();
    let text = export(&sandbox, "bibtex", "saved.bib");
    let bibliography = biblatex::Bibliography::parse(&text)
        .unwrap_or_else(|error| panic!("not BibTeX: {error:?}\n{text}"));
    assert_eq!(bibliography.len(), items.len());
    let mut found = BTreeMap::new();
    for entry in bibliography.iter() {
        use biblatex::ChunksExt;
        let title = entry.title().expect("a title").format_verbatim();
        let doi = entry.get("doi").map(|chunks| chunks.format_verbatim());
        let families = entry
            .author()
            .map(|people| {
                people
                    .into_iter()
                    .map(|p| {
                        if p.prefix.is_empty() {
                            p.name
                        } else {
                            format!("{} {}", p.prefix, p.name)
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let year = entry.get("year").expect("a year").format_verbatim();
        found.insert(
            title.clone(),
            Expected {
                title,
                doi,
                families,
                year,
            },
        );
        assert!(
            entry.key.chars().all(|c| c.is_ascii_alphanumeric()),
            "key {}",
            entry.key
        );
    }
    assert_eq!(found, expected(&items));
    assert!(text.contains("@article{okafor2025balanced,"), "{text}");
}

#[test]
fn csl_json_has_the_schemas_required_fields_and_the_same_data() {
    let (sandbox, items) = saved_library();
    let text = export(&sandbox, "csljson", "saved.csl.json");
    let csl: Vec<Value> = serde_json::from_str(&text).expect("CSL-JSON is JSON");
    assert_eq!(csl.len(), items.len());
    const TYPES: &[&str] = &["article", "article-journal", "webpage"];
    let mut found = BTreeMap::new();
    let mut ids = std::collections::HashSet::new();
    for item in &csl {
        let id = item["id"].as_str().expect("id is required");
        assert!(ids.insert(id.to_string()), "ids are unique: {id}");
        assert!(TYPES.contains(&item["type"].as_str().expect("type is required")));
        let title = item["title"].as_str().unwrap().to_string();
        let families = item["author"]
            .as_array()
            .map(|names| {
                names
                    .iter()
                    .map(|name| {
                        name["family"]
                            .as_str()
                            .or(name["literal"].as_str())
                            .expect("family or literal")
                            .to_string()
                    })
                    .collect()
            })
            .unwrap_or_default();
        let year = item["issued"]["date-parts"][0][0]
            .as_i64()
            .unwrap()
            .to_string();
        let doi = item["DOI"].as_str().map(str::to_string);
        found.insert(
            title.clone(),
            Expected {
                title,
                doi,
                families,
                year,
            },
        );
    }
    assert_eq!(found, expected(&items));
}

/// RIS: `TAG  - value` lines (two capitals or a capital and a digit), CRLF, records from `TY`
/// to `ER`, tags from the specification, `PY` a year and `DA` `YYYY/MM/DD/`.
fn check_ris(text: &str) -> Vec<BTreeMap<String, Vec<String>>> {
    const TAGS: &[&str] = &[
        "TY", "ID", "TI", "AU", "T2", "JO", "VL", "IS", "SP", "EP", "PY", "DA", "DO", "UR", "AN",
        "C2", "M3", "AB", "KW", "N1", "ER",
    ];
    const TYPES: &[&str] = &["JOUR", "ELEC"];
    assert!(text.ends_with("\r\n"));
    let mut records = Vec::new();
    let mut record: Option<BTreeMap<String, Vec<String>>> = None;
    for (number, line) in text.split("\r\n").enumerate() {
        if line.is_empty() {
            continue;
        }
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "line {number}"
        );
        let bytes = line.as_bytes();
        assert!(
            bytes.len() >= 6
                && bytes[0].is_ascii_uppercase()
                && (bytes[1].is_ascii_uppercase() || bytes[1].is_ascii_digit())
                && &line[2..6] == "  - ",
            "line {number} is not `TAG  - value`: {line:?}"
        );
        let (tag, value) = (&line[..2], &line[6..]);
        assert!(TAGS.contains(&tag), "unknown tag {tag}");
        assert!(
            value.chars().all(|c| !c.is_control()),
            "control character in {line:?}"
        );
        match tag {
            "TY" => {
                assert!(record.is_none(), "TY inside a record at line {number}");
                assert!(TYPES.contains(&value), "type {value}");
                record = Some(BTreeMap::new());
            }
            "ER" => records.push(record.take().expect("ER closes a record")),
            _ => {
                let fields = record.as_mut().expect("a field outside a record");
                match tag {
                    "PY" => assert!(value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit())),
                    "DA" => assert!(
                        value.len() == 11 && value.ends_with('/') && value.as_bytes()[4] == b'/',
                        "DA {value}"
                    ),
                    "AU" => assert!(!value.trim().is_empty()),
                    _ => {}
                }
                fields
                    .entry(tag.to_string())
                    .or_default()
                    .push(value.to_string());
            }
        }
    }
    assert!(record.is_none(), "an unclosed record");
    records
}

#[test]
fn ris_follows_the_specification_line_by_line() {
    let (sandbox, items) = saved_library();
    let text = export(&sandbox, "ris", "saved.ris");
    let records = check_ris(&text);
    assert_eq!(records.len(), items.len());
    let mut found = BTreeMap::new();
    for record in &records {
        let one = |tag: &str| record.get(tag).map(|values| values[0].clone());
        let title = one("TI").expect("TI");
        let families = record
            .get("AU")
            .map(|names| {
                names
                    .iter()
                    .map(|name| name.split(", ").next().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default();
        let year = one("PY").expect("PY");
        found.insert(
            title.clone(),
            Expected {
                title,
                doi: one("DO"),
                families,
                year,
            },
        );
    }
    let mut wanted = expected(&items);
    // RIS writes a literal group name whole; its "family" is the whole name either way.
    for entry in wanted.values_mut() {
        entry.families = entry
            .families
            .iter()
            .map(|family| family.split(", ").next().unwrap().to_string())
            .collect();
    }
    assert_eq!(found, wanted);
    let pubmed = records
        .iter()
        .find(|r| r.get("AN").is_some_and(|an| an[0] == "40412345"))
        .expect("AN is the PMID");
    assert_eq!(pubmed["T2"], ["Lancet"]);
    assert_eq!(
        (pubmed["SP"][0].as_str(), pubmed["EP"][0].as_str()),
        ("2101", "2112")
    );
    assert!(text.contains("N1  - Preprint, not peer reviewed\r\n"));
    assert!(text.contains("N1  - Retracted\r\n"));
}

#[test]
fn markdown_digest_links_titles_and_dois() {
    let (sandbox, items) = saved_library();
    let id = items[0]["id"].to_string();
    sandbox.run(&["tag", &id, "journal-club"]);
    let text = export(&sandbox, "markdown", "digest.md");
    let mut links: Vec<(String, String)> = Vec::new();
    let mut text_parts = String::new();
    let mut current: Option<(String, String)> = None;
    for event in pulldown_cmark::Parser::new(&text) {
        use pulldown_cmark::{Event, Tag, TagEnd};
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                current = Some((dest_url.to_string(), String::new()))
            }
            Event::Text(chunk) => {
                text_parts.push_str(&chunk);
                if let Some((_, label)) = current.as_mut() {
                    label.push_str(&chunk);
                }
            }
            Event::End(TagEnd::Link) => links.extend(current.take()),
            _ => {}
        }
    }
    for item in &items {
        let title = item["title"].as_str().unwrap();
        let url = item["url"].as_str().unwrap();
        assert!(
            links.iter().any(|(dest, label)| label == title
                && dest.replace("%28", "(").replace("%29", ")") == url),
            "no link [{title}]({url}) in\n{text}"
        );
        if let Some(doi) = item["doi"].as_str() {
            let target = format!("https://doi.org/{doi}");
            assert!(
                links
                    .iter()
                    .any(|(dest, _)| dest.replace("%28", "(").replace("%29", ")") == target),
                "{doi}"
            );
        }
        for family in expected(std::slice::from_ref(item))
            .into_values()
            .next()
            .unwrap()
            .families
            .iter()
            .take(6)
        {
            assert!(
                text_parts.contains(family.as_str()),
                "{family} in the digest"
            );
        }
    }
    assert!(text.contains("## #journal-club"), "grouped by tag:\n{text}");
    assert!(
        text.find("## #journal-club") < text.find("## Untagged"),
        "the untagged last"
    );
    // NEJM opens its descriptions with the citation: the digest gives the journal its own place.
    assert!(
        !text.contains("New England Journal of Medicine, Volume"),
        "a citation line as a summary:\n{text}"
    );
    assert!(text.contains("### Awkward Journal"), "then by source");
}

#[test]
fn json_is_the_item_json_and_the_format_follows_the_extension() {
    let (sandbox, _) = saved_library();
    let path = sandbox.path("saved.json");
    let (code, _, stderr) = sandbox.run(&["export", "-o", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let exported: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let listed = sandbox.json(&["list", "--json", "-n", "1000", "--query", "is:saved"]);
    assert_eq!(exported, listed);
    let (code, stdout, _) = sandbox.run(&["export", "bibtex", "--query", "journal:lancet"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.matches("@article{").count(), 4, "{stdout}");
    let (code, _, stderr) = sandbox.run(&["export", "-o", sandbox.path("x.txt").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains(".ris, .bib"), "{stderr}");
    let (code, _, stderr) = sandbox.run(&["export", "opml", "--query", "is:saved"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--query"), "{stderr}");
}

#[test]
fn nothing_saved_is_an_empty_export_with_a_hint() {
    let sandbox = Sandbox::new();
    let (code, stdout, stderr) = sandbox.run(&["export", "ris"]);
    assert_eq!(code, 0);
    assert!(stdout.trim().is_empty());
    assert!(stderr.contains("nothing is saved yet"), "{stderr}");
}
