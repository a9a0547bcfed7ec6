//! Stories over real SQLite: joining, guards, leads, marks, deletes and the backfill.

use super::*;
use crate::model::{ItemId, Mark, NewItem, NewSource, Paper, PaperRole};
use crate::query::{Expr, Field, Flag, Term};
use crate::store::test_support::at;
use crate::store::{Compiled, SourceUpdate, Store, compile};

const DOI: &str = "10.1056/NEJMoa2611487";

fn source(store: &mut Store, title: &str, category: Option<&str>) -> SourceId {
    let new = NewSource {
        url: format!("https://feeds.example/{}", title.replace(' ', "-")),
        title: Some(title.into()),
        category: category.map(str::to_string),
        ..NewSource::default()
    };
    store.add_source(&new, at(1)).unwrap()
}

fn version(guid: &str, url: &str, day: u32) -> NewItem {
    NewItem {
        guid: guid.into(),
        url: Some(url.into()),
        title: format!("Semaglutide after ablation ({guid})"),
        published: Some(at(day)),
        ..NewItem::default()
    }
}

fn own(mut item: NewItem, doi: Option<&str>, pmid: Option<&str>) -> NewItem {
    item.doi = doi.map(str::to_string);
    item.pmid = pmid.map(str::to_string);
    item.paper.role = PaperRole::Own;
    item
}

fn journal_item() -> NewItem {
    own(
        version(
            "nejm",
            "https://www.nejm.org/doi/full/10.1056/NEJMoa2611487?af=R",
            16,
        ),
        Some(DOI),
        None,
    )
}

fn pubmed_item() -> NewItem {
    own(
        version(
            "pubmed:42318806",
            "https://pubmed.ncbi.nlm.nih.gov/42318806/",
            17,
        ),
        Some("10.1056/nejmoa2611487"),
        Some("42318806"),
    )
}

fn preprint_item() -> NewItem {
    let mut item = own(
        version(
            "medrxiv",
            "https://www.medrxiv.org/content/10.1101/2026.05.02.26312345v2",
            10,
        ),
        Some("10.1101/2026.05.02.26312345"),
        None,
    );
    item.paper.published_as = Some(DOI.into());
    item
}

fn post_item(guid: &str, day: u32) -> NewItem {
    let mut item = version(guid, &format!("https://med-mastodon.com/@h/{guid}"), day);
    item.doi = Some(DOI.into());
    item.paper = Paper {
        role: PaperRole::Linked,
        linked_url: Some("https://nejm.org/doi/full/10.1056/NEJMoa2611487".into()),
        ..Paper::default()
    };
    item
}

fn store_one(store: &mut Store, source: SourceId, item: NewItem, day: u32) -> ItemId {
    store
        .store_feed(source, &SourceUpdate::default(), &[item], at(day))
        .unwrap()
        .new[0]
}

/// The journal, PubMed, the preprint server and a post, each in its own feed.
fn four_versions() -> (Store, [SourceId; 4], [ItemId; 4]) {
    let mut store = Store::open_in_memory().unwrap();
    let sources = [
        source(&mut store, "NEJM", Some("journal")),
        source(&mut store, "PubMed search", Some("journal")),
        source(&mut store, "medRxiv", Some("preprint")),
        source(&mut store, "Mastodon", Some("social")),
    ];
    let items = [
        store_one(&mut store, sources[2], preprint_item(), 10),
        store_one(&mut store, sources[3], post_item("1", 16), 16),
        store_one(&mut store, sources[0], journal_item(), 16),
        store_one(&mut store, sources[1], pubmed_item(), 17),
    ];
    (store, sources, items)
}

fn everything() -> Compiled {
    compile(&Expr::All, at(20))
}

fn query(term: Term) -> Compiled {
    compile(&Expr::Term(term), at(20))
}

fn lead_of(store: &Store, id: ItemId) -> ItemId {
    let versions = store.versions(id).unwrap();
    versions.iter().find(|v| v.lead).expect("a lead").id
}

#[test]
fn four_feeds_one_story_led_by_the_journal() {
    let (store, _, [preprint, post, journal, pubmed]) = four_versions();
    assert_eq!(store.count_items(&everything()).unwrap(), 4);
    assert_eq!(store.count_stories(&everything()).unwrap(), 1);
    let rows = store.list_stories(&everything(), 10, 0).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].id, journal);
    assert_eq!(rows[0].story.versions, 4);
    assert_eq!(
        rows[0].published,
        Some(at(17)),
        "dated by the newest version"
    );
    let versions: Vec<ItemId> = store.versions(post).unwrap().iter().map(|v| v.id).collect();
    assert_eq!(
        versions,
        [journal, pubmed, preprint, post],
        "journal, PubMed, preprint, rest"
    );
    let also_in = store.also_in(&[journal, post]).unwrap();
    assert_eq!(also_in[&journal].len(), 3);
    assert_eq!(also_in[&post].len(), 3);
}

#[test]
fn reading_one_version_reads_the_story_and_later_versions_arrive_read() {
    let (mut store, sources, [preprint, post, journal, pubmed]) = four_versions();
    let marked = store.mark_stories(&[post], Mark::Read, at(18)).unwrap();
    let mut ids = marked.ids.clone();
    ids.sort();
    let mut all = vec![preprint, post, journal, pubmed];
    all.sort();
    assert_eq!(ids, all);
    let fifth = store_one(&mut store, sources[3], post_item("2", 19), 19);
    assert!(store.item(fifth).unwrap().read.is_some(), "arrives read");
    assert_eq!(
        store.count_stories(&query(Term::Is(Flag::Unread))).unwrap(),
        0
    );
    // Unread again, the story is news again; a new version then arrives unread.
    store.mark(&[journal], Mark::Unread, at(19)).unwrap();
    let sixth = store_one(&mut store, sources[3], post_item("3", 19), 19);
    assert!(store.item(sixth).unwrap().read.is_none());
}

#[test]
fn with_the_switch_off_versions_keep_their_own_state() {
    let (mut store, sources, [_, post, journal, _]) = four_versions();
    store.set_read_whole_story(false);
    let marked = store.mark_stories(&[post], Mark::Read, at(18)).unwrap();
    assert_eq!(marked.ids, [post]);
    store.mark_stories(&[journal], Mark::Read, at(18)).unwrap();
    let fifth = store_one(&mut store, sources[3], post_item("2", 19), 19);
    assert!(store.item(fifth).unwrap().read.is_none());
}

#[test]
fn a_story_shows_when_any_version_matches_and_totals_come_from_all() {
    let (mut store, _, [_, post, journal, _]) = four_versions();
    store.mark(&[post], Mark::Save, at(18)).unwrap();
    store
        .tag_item(post, &["journal-club".into()], false)
        .unwrap();
    let mastodon = query(Term::Field(Field::Source, "mastodon".into()));
    let rows = store.list_stories(&mastodon, 10, 0).unwrap();
    assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [journal]);
    assert!(rows[0].saved, "saved on a version: the story shows it");
    assert_eq!(rows[0].tags, ["journal-club"]);
    assert_eq!(
        store.count_stories(&query(Term::Is(Flag::Saved))).unwrap(),
        1
    );
    let flat = store
        .list_items(&query(Term::Is(Flag::Saved)), 10, 0)
        .unwrap();
    assert_eq!(flat.iter().map(|r| r.id).collect::<Vec<_>>(), [post]);
}

#[test]
fn canonical_links_join_and_distinct_papers_never_do() {
    let mut store = Store::open_in_memory().unwrap();
    let lancet = source(&mut store, "Lancet", Some("journal"));
    let social = source(&mut store, "Mastodon", Some("social"));
    let other = source(&mut store, "Other journal", Some("journal"));
    let paper = own(
        version(
            "rsv",
            "https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(26)02231-6/fulltext?rss=yes",
            20,
        ),
        Some("10.1016/S0140-6736(26)02231-6"),
        None,
    );
    let paper = store_one(&mut store, lancet, paper, 20);
    let mut post = version("p", "https://med-mastodon.com/@h/77", 21);
    post.paper = Paper {
        role: PaperRole::Linked,
        linked_url: Some(
            "https://thelancet.com/journals/lancet/article/PIIS0140-6736(26)02231-6/fulltext"
                .into(),
        ),
        ..Paper::default()
    };
    let post = store_one(&mut store, social, post, 21);
    assert_eq!(
        store.item(post).unwrap().story.id,
        store.item(paper).unwrap().story.id
    );
    // Another paper at the same address (an issue page) is another paper.
    let clash = own(
        version(
            "clash",
            "https://thelancet.com/journals/lancet/article/PIIS0140-6736(26)02231-6/fulltext",
            22,
        ),
        Some("10.9999/another.paper"),
        None,
    );
    let clash = store_one(&mut store, other, clash, 22);
    assert_eq!(store.item(clash).unwrap().story.versions, 1);
    // Two items of one feed that share their link are two items.
    let first = store_one(
        &mut store,
        other,
        version("a", "https://x.example/news", 22),
        22,
    );
    let second = store_one(
        &mut store,
        other,
        version("b", "https://x.example/news", 22),
        22,
    );
    assert_ne!(
        store.item(first).unwrap().story.id,
        store.item(second).unwrap().story.id
    );
    assert_eq!(store.count_stories(&everything()).unwrap(), 4);
}

#[test]
fn a_post_about_pubmed_bridges_to_the_journal_when_pubmed_arrives() {
    let mut store = Store::open_in_memory().unwrap();
    let social = source(&mut store, "Bluesky", None);
    let pubmed = source(&mut store, "PubMed", None);
    let nejm = source(&mut store, "NEJM", None);
    let mut post = version("p", "https://bsky.app/profile/x/post/1", 15);
    post.pmid = Some("42318806".into());
    post.paper.role = PaperRole::Linked;
    let post = store_one(&mut store, social, post, 15);
    let journal = store_one(&mut store, nejm, journal_item(), 16);
    assert_ne!(
        store.item(post).unwrap().story.id,
        store.item(journal).unwrap().story.id
    );
    store_one(&mut store, pubmed, pubmed_item(), 17);
    assert_eq!(store.item(post).unwrap().story.versions, 3);
    assert_eq!(store.count_stories(&everything()).unwrap(), 1);
    assert_eq!(
        lead_of(&store, post),
        journal,
        "inferred: the publisher's page"
    );
}

#[test]
fn removing_a_source_or_changing_its_category_elects_a_new_lead() {
    let (mut store, sources, [_, post, journal, pubmed]) = four_versions();
    store
        .conn
        .execute(
            "UPDATE source SET category = 'colleague' WHERE id = ?1",
            [sources[0].0],
        )
        .unwrap();
    assert_eq!(lead_of(&store, post), pubmed);
    store
        .conn
        .execute(
            "UPDATE source SET category = 'journal' WHERE id = ?1",
            [sources[0].0],
        )
        .unwrap();
    assert_eq!(lead_of(&store, post), journal);
    let elsewhere = source(&mut store, "Kept items", None);
    store
        .conn
        .execute(
            "UPDATE item SET source_id = ?1 WHERE id = ?2",
            [elsewhere.0, journal.0],
        )
        .unwrap();
    assert_eq!(
        lead_of(&store, post),
        journal,
        "inferred from its page: still the journal"
    );
    store
        .conn
        .execute(
            "UPDATE source SET category = 'social' WHERE id = ?1",
            [elsewhere.0],
        )
        .unwrap();
    assert_eq!(lead_of(&store, post), pubmed);
    store
        .conn
        .execute(
            "UPDATE item SET source_id = ?1 WHERE id = ?2",
            [sources[0].0, journal.0],
        )
        .unwrap();
    assert_eq!(
        lead_of(&store, post),
        journal,
        "moved back to the journal's feed"
    );
    store.remove_source(sources[0]).unwrap();
    assert_eq!(lead_of(&store, post), pubmed);
    assert_eq!(store.item(post).unwrap().story.versions, 3);
    assert_eq!(store.count_stories(&everything()).unwrap(), 1);
}

#[test]
fn a_retraction_marks_every_version() {
    let (mut store, sources, [preprint, post, journal, pubmed]) = four_versions();
    let mut retracted = pubmed_item();
    retracted.title = "Retracted: Semaglutide after ablation".into();
    store
        .store_feed(sources[1], &SourceUpdate::default(), &[retracted], at(25))
        .unwrap();
    let mut matched: Vec<ItemId> = store
        .list_items(&query(Term::Is(Flag::Retracted)), 10, 0)
        .unwrap()
        .iter()
        .map(|row| row.id)
        .collect();
    matched.sort();
    let mut all = vec![preprint, post, journal, pubmed];
    all.sort();
    assert_eq!(matched, all);
    let rows = store.list_items(&everything(), 10, 0).unwrap();
    assert!(rows.iter().all(|row| row.evidence.notice.is_some()));
    assert!(
        rows.iter()
            .find(|row| row.id == preprint)
            .unwrap()
            .evidence
            .preprint
    );
}

#[test]
fn changed_identifiers_move_an_item_to_its_new_story() {
    let (mut store, sources, [_, post, journal, _]) = four_versions();
    let mut moved = post_item("1", 16);
    moved.doi = Some("10.1001/jama.2026.20426".into());
    moved.paper.linked_url = Some("https://jamanetwork.com/journals/jama/fullarticle/1".into());
    store
        .store_feed(sources[3], &SourceUpdate::default(), &[moved], at(18))
        .unwrap();
    assert_eq!(store.item(post).unwrap().story.versions, 1);
    assert_eq!(store.item(journal).unwrap().story.versions, 3);
}

#[test]
fn an_older_database_is_clustered_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rounds.db");
    let (journal, pubmed) = {
        let mut store = Store::open(&path).unwrap();
        let nejm = source(&mut store, "NEJM", Some("journal"));
        let search = source(&mut store, "PubMed", None);
        let journal = store_one(&mut store, nejm, journal_item(), 16);
        let pubmed = store_one(&mut store, search, pubmed_item(), 17);
        store
            .conn
            .execute_batch(
                "UPDATE item SET story = NULL, story_size = 1, lead = 1; DELETE FROM item_key;",
            )
            .unwrap();
        (journal, pubmed)
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.item(journal).unwrap().story.id,
        store.item(pubmed).unwrap().story.id
    );
    assert_eq!(lead_of(&store, pubmed), journal);
    assert_eq!(store.count_stories(&everything()).unwrap(), 1);
}

#[test]
fn a_blog_linking_the_journal_and_pubmed_joins_and_a_digest_does_not() {
    let (mut store, sources, [_, _, journal, _]) = four_versions();
    let blog_source = source(&mut store, "Ward Round Notes", Some("colleague"));
    let page = |doi: Option<&str>, pmid: Option<&str>, url: &str| crate::model::PaperRef {
        doi: doi.map(str::to_string),
        pmid: pmid.map(str::to_string),
        pmcid: None,
        url: Some(url.into()),
    };
    let mut blog = version("blog", "https://wardroundnotes.net/wave-af", 18);
    blog.paper.role = PaperRole::Linked;
    blog.paper.candidates = vec![
        page(
            Some(DOI),
            None,
            "https://nejm.org/doi/full/10.1056/NEJMoa2611487",
        ),
        page(
            None,
            Some("42318806"),
            "https://pubmed.ncbi.nlm.nih.gov/42318806",
        ),
    ];
    let blog = store_one(&mut store, blog_source, blog, 18);
    assert_eq!(
        store.item(blog).unwrap().story.id,
        store.item(journal).unwrap().story.id
    );
    let mut digest = version("digest", "https://wardroundnotes.net/digest", 19);
    digest.paper.role = PaperRole::Linked;
    digest.paper.candidates = vec![
        page(
            Some(DOI),
            None,
            "https://nejm.org/doi/full/10.1056/NEJMoa2611487",
        ),
        page(
            Some("10.1016/S0140-6736(26)02231-6"),
            None,
            "https://thelancet.com/x",
        ),
    ];
    let digest = store_one(&mut store, blog_source, digest, 19);
    assert_eq!(store.item(digest).unwrap().story.versions, 1);
    let _ = sources;
}

#[test]
fn a_blog_that_arrived_first_joins_once_pubmed_shows_its_pages_are_one_paper() {
    let mut store = Store::open_in_memory().unwrap();
    let nejm = source(&mut store, "NEJM", Some("journal"));
    let pubmed = source(&mut store, "PubMed", Some("journal"));
    let blogs = source(&mut store, "Ward Round Notes", Some("colleague"));
    let journal = store_one(&mut store, nejm, journal_item(), 16);
    let mut blog = version("blog", "https://wardroundnotes.net/wave-af", 18);
    blog.paper.role = PaperRole::Linked;
    blog.paper.candidates = vec![
        crate::model::PaperRef {
            doi: Some(DOI.into()),
            url: Some("https://nejm.org/doi/full/10.1056/NEJMoa2611487".into()),
            ..Default::default()
        },
        crate::model::PaperRef {
            pmid: Some("42318806".into()),
            url: Some("https://pubmed.ncbi.nlm.nih.gov/42318806".into()),
            ..Default::default()
        },
    ];
    let blog = store_one(&mut store, blogs, blog, 18);
    assert_eq!(
        store.item(blog).unwrap().story.versions,
        1,
        "the PubMed page is unknown yet"
    );
    store_one(&mut store, pubmed, pubmed_item(), 19);
    assert_eq!(
        store.item(blog).unwrap().story.id,
        store.item(journal).unwrap().story.id
    );
    assert_eq!(store.item(journal).unwrap().story.versions, 3);
    assert_eq!(lead_of(&store, blog), journal);
}
