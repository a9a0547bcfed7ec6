//! One story per paper, end to end: the real binary against a loopback server serving one paper
//! in a journal's table of contents, a PubMed search, a preprint server and a Mastodon post.

mod support;

use serde_json::Value;
use support::cli::Sandbox;
use support::{Response, TestServer};

const DOI: &str = "10.1056/NEJMoa2612345";
const TITLE: &str = "Dapagliflozin in Acute Heart Failure with Diuretic Resistance";

fn journal() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/">
<channel rdf:about="https://www.nejm.org/action/showFeed?type=etoc&amp;feed=rss&amp;jc=nejm">
<title>The New England Journal of Medicine: Table of Contents</title>
<link>https://www.nejm.org/toc/nejm/current?af=R</link>
<description>Table of Contents</description>
<prism:publicationName>New England Journal of Medicine</prism:publicationName>
<items><rdf:Seq><rdf:li rdf:resource="https://www.nejm.org/doi/full/{DOI}?af=R"/></rdf:Seq></items>
</channel>
<item rdf:about="https://www.nejm.org/doi/full/{DOI}?af=R">
<title>{TITLE}</title>
<link>https://www.nejm.org/doi/full/{DOI}?af=R</link>
<description>New England Journal of Medicine, Volume 395, Issue 22, Page 2013-2024, November 26, 2026. &lt;br/&gt;In patients with acute heart failure and diuretic resistance, dapagliflozin increased natriuresis.</description>
<dc:creator>R. Oliveira, J.J.V. McMurray, S. Virtanen</dc:creator>
<dc:identifier>doi:{DOI}</dc:identifier>
<dc:date>2026-11-26</dc:date>
<prism:doi>{DOI}</prism:doi>
<prism:section>Original Article</prism:section>
</item>
</rdf:RDF>"#
    )
}

fn pubmed() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>dapagliflozin[tiab] AND heart failure[mh]</title>
<link>https://pubmed.ncbi.nlm.nih.gov/rss/search/1qZ/?limit=20</link>
<description>Latest results from PubMed</description>
<item>
<title>{TITLE}.</title>
<link>https://pubmed.ncbi.nlm.nih.gov/42400001/?utm_source=Other&amp;utm_medium=rss&amp;fc=20261127000000&amp;ff=20261127000000&amp;v=2.18.0</link>
<description>&lt;p&gt;N Engl J Med. 2026 Nov 27. doi: {DOI}. Online ahead of print.&lt;/p&gt;</description>
<dc:creator>Oliveira R</dc:creator><dc:creator>McMurray JJV</dc:creator><dc:creator>Virtanen S</dc:creator>
<dc:source>N Engl J Med</dc:source>
<dc:identifier>pmid:42400001</dc:identifier>
<dc:identifier>doi:{DOI}</dc:identifier>
<guid isPermaLink="false">pubmed:42400001</guid>
<pubDate>Fri, 27 Nov 2026 06:00:00 -0500</pubDate>
</item>
</channel></rss>"#
    )
}

fn preprint() -> String {
    format!(
        r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="http://connect.medrxiv.org/medrxiv_xml.php?subject=Cardiovascular_Medicine">
<title>medRxiv Subject Collection: Cardiovascular Medicine</title><link>http://medrxiv.org</link><description>medRxiv</description>
<items><rdf:Seq><rdf:li rdf:resource="http://medrxiv.org/cgi/content/short/2026.05.02.26312345v2?rss=1"/></rdf:Seq></items>
</channel>
<item rdf:about="http://medrxiv.org/cgi/content/short/2026.05.02.26312345v2?rss=1">
<title><![CDATA[Dapagliflozin for diuretic resistance in acute heart failure: a randomised trial]]></title>
<link>http://medrxiv.org/cgi/content/short/2026.05.02.26312345v2?rss=1</link>
<description><![CDATA[Dapagliflozin increased natriuresis. Now published in New England Journal of Medicine doi: {DOI}]]></description>
<dc:creator><![CDATA[Oliveira, R., Virtanen, S.]]></dc:creator>
<dc:date>2026-05-04</dc:date>
<dc:identifier>doi:10.1101/2026.05.02.26312345</dc:identifier>
</item>
</rdf:RDF>"#
    )
}

/// A post linking one page: `(status id, date, link)`.
fn post(id: &str, date: &str, link: &str) -> String {
    let body = format!("Worth reading today: <a href=\"{link}\">{link}</a>");
    status(id, date, &body)
}

/// A Mastodon status with this HTML, escaped as Mastodon's RSS does.
fn status(id: &str, date: &str, html: &str) -> String {
    let html = format!(
        "<p>{html} <a href=\"https://med-mastodon.com/tags/cardiology\" class=\"mention hashtag\" rel=\"tag\">#cardiology</a></p>"
    );
    let escaped = html
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!(
        r#"<item><guid isPermaLink="true">https://med-mastodon.com/@hf_doc/{id}</guid>
<link>https://med-mastodon.com/@hf_doc/{id}</link><pubDate>{date}</pubDate>
<description>{escaped}</description></item>"#
    )
}

fn mastodon(posts: &[(&str, &str, &str)]) -> String {
    let items: String = posts
        .iter()
        .map(|(id, date, link)| post(id, date, link))
        .collect();
    mastodon_feed(&items)
}

fn mastodon_feed(items: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>HF doc</title>
<link>https://med-mastodon.com/@hf_doc</link><description>posts</description><generator>Mastodon v4.3.8</generator>
{items}</channel></rss>"#
    )
}

const FIRST_POST: (&str, &str, &str) = (
    "117700000000000001",
    "Thu, 26 Nov 2026 18:10:00 +0000",
    "https://www.nejm.org/doi/full/10.1056/NEJMoa2612345",
);
const LATER_POST: (&str, &str, &str) = (
    "117700000000000002",
    "Sat, 28 Nov 2026 09:00:00 +0000",
    "https://doi.org/10.1056/NEJMoa2612345",
);

/// The four feeds, followed; returns the server (which must outlive the test) and sandbox.
fn four_feeds() -> (TestServer, Sandbox) {
    let server = TestServer::start();
    server.route("/nejm.rdf", Response::ok("application/rdf+xml", journal()));
    server.route("/pubmed.rss", Response::ok("application/rss+xml", pubmed()));
    server.route(
        "/medrxiv.rdf",
        Response::ok("application/rdf+xml", preprint()),
    );
    server.route(
        "/mastodon.rss",
        Response::ok("application/rss+xml", mastodon(&[FIRST_POST])),
    );
    let sandbox = Sandbox::new();
    for (path, category) in [
        ("/nejm.rdf", "journal"),
        ("/pubmed.rss", "journal"),
        ("/medrxiv.rdf", "preprint"),
        ("/mastodon.rss", "social"),
    ] {
        let (code, _, stderr) = sandbox.run(&["add", &server.url(path), "--category", category]);
        assert_eq!(code, 0, "{stderr}");
    }
    (server, sandbox)
}

fn array(value: &Value) -> &Vec<Value> {
    value.as_array().expect("a JSON array")
}

#[test]
fn one_story_four_rows_read_together_and_a_later_version_arrives_read() {
    let (server, sandbox) = four_feeds();

    let (code, plain, stderr) = sandbox.run(&["list"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        plain
            .lines()
            .filter(|line| line.trim_start().starts_with(|c: char| c.is_ascii_digit()))
            .count(),
        4,
        "plain list: one row per item\n{plain}"
    );

    let stories = sandbox.json(&["list", "--stories", "--json"]);
    let stories = array(&stories);
    assert_eq!(stories.len(), 1, "{stories:#?}");
    let story = &stories[0];
    assert_eq!(story["title"], TITLE);
    assert_eq!(story["doi"], DOI, "the publisher's case");
    assert_eq!(
        story["source_title"],
        "The New England Journal of Medicine: Table of Contents"
    );
    let mut others: Vec<&str> = array(&story["also_in"])
        .iter()
        .map(|version| version["source"].as_str().unwrap())
        .collect();
    others.sort();
    assert_eq!(
        others,
        [
            "HF doc",
            "dapagliflozin[tiab] AND heart failure[mh]",
            "medRxiv Subject Collection: Cardiovascular Medicine"
        ]
    );
    for version in array(&story["also_in"]) {
        assert!(version["id"].as_i64().is_some() && version["title"].is_string());
        assert!(version["url"].as_str().unwrap().starts_with("http"));
    }
    assert_eq!(story["journal"], "New England Journal of Medicine");
    let items = sandbox.json(&["list", "--json"]);
    assert_eq!(array(&items).len(), 4);
    assert!(
        array(&items)
            .iter()
            .all(|item| array(&item["also_in"]).len() == 3)
    );
    let (code, plain, _) = sandbox.run(&["list", "--stories"]);
    assert_eq!(code, 0);
    assert!(plain.contains("+3"), "{plain}");

    // Reading one version (the post) reads the paper.
    let post_id = array(&items)
        .iter()
        .find(|item| item["source_title"] == "HF doc")
        .unwrap()["id"]
        .to_string();
    let (code, _, stderr) = sandbox.run(&["mark", &post_id, "--read"]);
    assert_eq!(code, 0, "{stderr}");
    let unread = sandbox.json(&["list", "--json", "--query", "is:unread"]);
    assert_eq!(array(&unread).len(), 0, "all four read: {unread:#}");

    // A fifth version arrives later: already read, so the paper is not news again.
    server.route(
        "/mastodon.rss",
        Response::ok("application/rss+xml", mastodon(&[LATER_POST, FIRST_POST])),
    );
    let (code, _, stderr) = sandbox.run(&["refresh"]);
    assert_eq!(code, 0, "{stderr}");
    let items = sandbox.json(&["list", "--json"]);
    assert_eq!(array(&items).len(), 5);
    assert!(
        array(&items).iter().all(|item| item["read"] == true),
        "{items:#}"
    );
    let stories = sandbox.json(&["list", "--stories", "--json"]);
    assert_eq!(array(&stories).len(), 1);
    assert_eq!(array(&stories[0]["also_in"]).len(), 4);
}

#[test]
fn with_read_whole_story_off_each_version_keeps_its_state() {
    let (_server, sandbox) = four_feeds();
    let config = sandbox.path("config.toml");
    std::fs::write(&config, "read_whole_story = false\n").unwrap();
    let items = sandbox.json(&["list", "--json"]);
    let id = array(&items)[0]["id"].to_string();
    let (code, _, stderr) =
        sandbox.run(&["--config", config.to_str().unwrap(), "mark", &id, "--read"]);
    assert_eq!(code, 0, "{stderr}");
    let unread = sandbox.json(&["list", "--json", "--query", "is:unread"]);
    assert_eq!(array(&unread).len(), 3);
}

const LANCET: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>The Lancet Online First</title><link>https://www.thelancet.com</link><description>Online First</description>
<item><title>RSV prefusion F vaccine in adults aged 75 years and older</title>
<link>https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(26)02231-6/fulltext?rss=yes</link>
<guid isPermaLink="true">https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(26)02231-6/fulltext?rss=yes</guid>
<pubDate>Wed, 25 Nov 2026 23:30:00 GMT</pubDate><dc:identifier>10.1016/S0140-6736(26)02231-6</dc:identifier></item>
<item><title>Measles before the holidays</title>
<link>https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(26)02300-0/fulltext?rss=yes</link>
<guid isPermaLink="true">https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(26)02300-0/fulltext?rss=yes</guid>
<pubDate>Tue, 24 Nov 2026 23:30:00 GMT</pubDate><dc:identifier>10.1016/S0140-6736(26)02300-0</dc:identifier></item>
</channel></rss>"#;

#[test]
fn canonical_links_join_a_story_and_distinct_papers_never_do() {
    let (server, sandbox) = four_feeds();
    server.route("/lancet.rss", Response::ok("application/rss+xml", LANCET));
    let rsv = "https://thelancet.com/journals/lancet/article/PIIS0140-6736(26)02231-6/fulltext?utm_source=mastodon&utm_medium=social#sec1";
    let digest = r#"This week's club: <a href="https://www.nejm.org/doi/full/10.1056/NEJMoa2612345">dapagliflozin</a> and <a href="https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(26)02300-0/fulltext">measles</a>"#;
    let posts = [
        post("117700000000000003", "Fri, 27 Nov 2026 10:00:00 +0000", rsv),
        status(
            "117700000000000004",
            "Fri, 27 Nov 2026 11:00:00 +0000",
            digest,
        ),
        post(FIRST_POST.0, FIRST_POST.1, FIRST_POST.2),
    ];
    server.route(
        "/mastodon.rss",
        Response::ok("application/rss+xml", mastodon_feed(&posts.concat())),
    );
    let (code, _, stderr) =
        sandbox.run(&["add", &server.url("/lancet.rss"), "--category", "journal"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = sandbox.run(&["refresh"]);
    assert_eq!(code, 0, "{stderr}");

    let stories = sandbox.json(&["list", "--stories", "--json"]);
    let by_title = |start: &str| -> &Value {
        array(&stories)
            .iter()
            .find(|story| story["title"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("no story {start}: {stories:#}"))
    };
    let rsv_story = by_title("RSV prefusion");
    let rsv_versions: Vec<&str> = array(&rsv_story["also_in"])
        .iter()
        .map(|v| v["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        rsv_versions,
        ["HF doc"],
        "the post's tracked link is the paper's page"
    );
    assert!(
        array(&by_title("Measles")["also_in"]).is_empty(),
        "linked only by a digest"
    );
    assert_eq!(array(&by_title("Dapagliflozin")["also_in"]).len(), 3);
    // The digest (two papers) is its own story, next to the three papers.
    assert_eq!(array(&stories).len(), 4, "{stories:#}");
    let digest_row = array(&sandbox.json(&["list", "--json"]))
        .iter()
        .find(|item| {
            item["url"]
                .as_str()
                .unwrap()
                .ends_with("117700000000000004")
        })
        .cloned()
        .expect("the digest");
    assert!(array(&digest_row["also_in"]).is_empty());
    assert!(digest_row["doi"].is_null());
}
