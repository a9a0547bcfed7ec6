//! Store tests over real SQLite (in memory and on disk).

use super::*;
use crate::model::{Mark, NewItem, NewSource};
use crate::query::{Expr, Field, Flag, Term, TimeBound};
use crate::store::test_support::at;

fn item(guid: &str, title: &str, day: u32) -> NewItem {
    NewItem {
        guid: guid.into(),
        url: Some(format!("https://journal.example/{guid}")),
        title: title.into(),
        published: Some(at(day)),
        summary: Some(format!("<p>{title} &mdash; abstract</p>")),
        ..NewItem::default()
    }
}

fn store_with_source() -> (Store, SourceId) {
    let mut store = Store::open_in_memory().unwrap();
    let source = NewSource {
        url: "https://nejm.example/feed".into(),
        title: Some("NEJM".into()),
        category: Some("journal".into()),
        ..NewSource::default()
    };
    let id = store.add_source(&source, at(1)).unwrap();
    (store, id)
}

fn titles(store: &Store, expr: &Expr) -> Vec<String> {
    let filter = compile(expr, at(20));
    store
        .list_items(&filter, 100, 0)
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect()
}

fn word(text: &str) -> Expr {
    Expr::Term(Term::Word(text.into()))
}

#[test]
fn migrations_are_idempotent_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/rounds.db");
    drop(Store::open(&path).unwrap());
    let store = Store::open(&path).unwrap();
    let version: i64 = store
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::CURRENT_VERSION);
    let mode: String = store
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rounds.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::TooNew { found: 99, .. })
    ));
}

#[test]
fn duplicate_sources_are_refused() {
    let (mut store, _) = store_with_source();
    let again = NewSource {
        url: "https://nejm.example/feed".into(),
        ..NewSource::default()
    };
    assert!(matches!(
        store.add_source(&again, at(2)),
        Err(StoreError::DuplicateSource(_))
    ));
    let batch = [
        NewSource {
            url: "https://a.example/".into(),
            ..NewSource::default()
        },
        again,
    ];
    assert!(store.add_sources(&batch, at(2)).is_err());
    assert!(
        !store.has_source_url("https://a.example/").unwrap(),
        "a failed batch adds nothing"
    );
}

#[test]
fn refresh_updates_text_and_keeps_user_state() {
    let (mut store, source) = store_with_source();
    let first = store
        .store_feed(
            source,
            &SourceUpdate::default(),
            &[item("a", "Sepsis bundle", 2), item("b", "Heart failure", 3)],
            at(3),
        )
        .unwrap();
    assert_eq!(first.new.len(), 2);
    let a = first.new[0];
    store.mark(&[a], Mark::Read, at(4)).unwrap();
    store.mark(&[a], Mark::Save, at(4)).unwrap();
    store.tag_item(a, &["#Sepsis".into()], false).unwrap();

    let mut changed = item("a", "Sepsis bundle (corrected)", 2);
    changed.summary = Some("<p>Erratum: lactate</p>".into());
    let second = store
        .store_feed(
            source,
            &SourceUpdate::default(),
            &[
                changed,
                item("b", "Heart failure", 3),
                item("c", "Measles", 5),
            ],
            at(5),
        )
        .unwrap();
    assert_eq!(
        (second.new.len(), second.updated, second.unchanged),
        (1, 1, 1)
    );

    let stored = store.item(a).unwrap();
    assert_eq!(stored.title, "Sepsis bundle (corrected)");
    assert!(stored.read.is_some() && stored.saved.is_some());
    assert_eq!(stored.tags, vec!["sepsis".to_string()]);
    assert!(store.fts_in_step().unwrap());
    assert_eq!(
        titles(&store, &word("lactate")),
        vec!["Sepsis bundle (corrected)"]
    );
    assert!(
        titles(&store, &word("abstract"))
            .iter()
            .all(|t| t != "Sepsis bundle (corrected)"),
        "old text left the index"
    );
}

#[test]
fn removing_a_source_removes_its_items_and_index_rows() {
    let (mut store, source) = store_with_source();
    store
        .store_feed(
            source,
            &SourceUpdate::default(),
            &[item("a", "Sepsis", 2)],
            at(3),
        )
        .unwrap();
    store.remove_source(source).unwrap();
    assert_eq!(store.stats().unwrap().items, 0);
    assert!(store.fts_in_step().unwrap());
    assert!(matches!(
        store.remove_source(source),
        Err(StoreError::UnknownSource(_))
    ));
}

#[test]
fn duplicate_guids_in_one_feed_store_once() {
    let (mut store, source) = store_with_source();
    let stats = store
        .store_feed(
            source,
            &SourceUpdate::default(),
            &[item("a", "One", 2), item("a", "Two", 3)],
            at(3),
        )
        .unwrap();
    assert_eq!(stats.new.len(), 1);
    assert_eq!(store.stats().unwrap().items, 1);
}

#[test]
fn the_source_update_is_written_with_the_items() {
    let (mut store, source) = store_with_source();
    let update = SourceUpdate {
        status: Some(200),
        etag: Some("\"v1\"".into()),
        feed_title: Some("The New England Journal".into()),
        moved_to: Some("https://nejm.example/new-feed".into()),
        ..SourceUpdate::default()
    };
    store
        .store_feed(source, &update, &[item("a", "One", 2)], at(3))
        .unwrap();
    let stored = store.source(source).unwrap();
    assert_eq!(stored.title, "NEJM", "a title the user gave wins");
    assert_eq!(stored.etag.as_deref(), Some("\"v1\""));
    assert_eq!(stored.url, "https://nejm.example/new-feed");
    assert_eq!((stored.item_count, stored.unread_count), (1, 1));
    store
        .record_fetch(
            source,
            &FetchRecord::Failed {
                status: Some(500),
                error: "boom".into(),
                at: at(4),
            },
        )
        .unwrap();
    store
        .record_fetch(
            source,
            &FetchRecord::Failed {
                status: None,
                error: "again".into(),
                at: at(5),
            },
        )
        .unwrap();
    let failed = store.find_source(&source.to_string()).unwrap();
    assert_eq!(
        (failed.failures, failed.last_error.as_deref()),
        (2, Some("again"))
    );
}

#[test]
fn the_query_language_compiles_to_sql() {
    let (mut store, source) = store_with_source();
    let mut paper = item("a", "SGLT2 inhibitors in heart failure", 2);
    paper.doi = Some("10.1056/nejmoa2406789".into());
    paper.author = Some("Jane Smith, Ravi Patel".into());
    let mut recall = item("b", "Recall: insulin pens (sterility)", 10);
    recall.enclosure_url = Some("https://x.example/a.mp3".into());
    let ids = store
        .store_feed(
            source,
            &SourceUpdate::default(),
            &[paper, recall, item("c", "GLP-1 and kidney decline", 15)],
            at(16),
        )
        .unwrap()
        .new;
    store.tag_item(ids[2], &["renal".into()], false).unwrap();
    store.mark(&[ids[0]], Mark::Read, at(17)).unwrap();

    let term = |t: Term| Expr::Term(t);
    assert_eq!(
        titles(&store, &word("glp-1")),
        vec!["GLP-1 and kidney decline"]
    );
    assert_eq!(
        titles(&store, &word("inhibit*")),
        vec!["SGLT2 inhibitors in heart failure"]
    );
    assert_eq!(
        titles(&store, &term(Term::Phrase("heart failure".into()))).len(),
        1
    );
    assert_eq!(
        titles(&store, &Expr::Or(vec![word("recall"), word("glp-1")])).len(),
        2
    );
    assert_eq!(
        titles(
            &store,
            &Expr::And(vec![word("heart"), Expr::Not(Box::new(word("sglt2")))])
        )
        .len(),
        0
    );
    assert_eq!(
        titles(&store, &term(Term::Field(Field::Author, "smith".into()))).len(),
        1
    );
    assert_eq!(
        titles(&store, &term(Term::Field(Field::Title, "insulin".into()))).len(),
        1
    );
    assert_eq!(
        titles(&store, &term(Term::Field(Field::Source, "nej".into()))).len(),
        3
    );
    assert_eq!(
        titles(
            &store,
            &term(Term::Field(Field::Category, "JOURNAL".into()))
        )
        .len(),
        3
    );
    assert_eq!(
        titles(&store, &term(Term::Field(Field::Tag, "#Renal".into()))),
        vec!["GLP-1 and kidney decline"]
    );
    assert_eq!(
        titles(
            &store,
            &term(Term::Field(Field::Doi, "10.1056/NEJMoa2406789".into()))
        )
        .len(),
        1
    );
    assert_eq!(titles(&store, &word("10.1056/nejmoa2406789")).len(), 1);
    assert_eq!(titles(&store, &term(Term::Is(Flag::Unread))).len(), 2);
    assert_eq!(
        titles(&store, &term(Term::Since(TimeBound::Ago(7 * 86400)))),
        vec!["GLP-1 and kidney decline"]
    );
    assert_eq!(
        titles(
            &store,
            &term(Term::Before(TimeBound::At(at(5).timestamp())))
        )
        .len(),
        1
    );
    assert_eq!(
        titles(&store, &term(Term::Has(crate::query::Attribute::Enclosure))).len(),
        1
    );
    assert_eq!(
        titles(&store, &word("AND")),
        vec!["GLP-1 and kidney decline"],
        "FTS5 operators are plain words"
    );
    assert_eq!(titles(&store, &word("NEAR(")).len(), 0);
    assert_eq!(titles(&store, &word("\"")).len(), 0);
    assert_eq!(titles(&store, &Expr::All).len(), 3);
}

#[test]
fn mark_all_matching_read_returns_what_it_changed() {
    let (mut store, source) = store_with_source();
    let ids = store
        .store_feed(
            source,
            &SourceUpdate::default(),
            &[
                item("a", "Measles", 2),
                item("b", "Measles again", 3),
                item("c", "Cholera", 4),
            ],
            at(5),
        )
        .unwrap()
        .new;
    store.mark(&[ids[0]], Mark::Read, at(5)).unwrap();
    let changed = store
        .mark_matching_read(&compile(&word("measles"), at(6)), at(6))
        .unwrap();
    assert_eq!(changed, vec![(ids[1], source)]);
    assert_eq!(
        store
            .count_items(&compile(&Expr::Term(Term::Is(Flag::Unread)), at(6)))
            .unwrap(),
        1
    );
    assert_eq!(store.unread_counts(&[source]).unwrap(), vec![(source, 1)]);
}

#[test]
fn the_same_paper_in_two_sources_is_clustered() {
    let (mut store, nejm) = store_with_source();
    let pubmed = store
        .add_source(
            &NewSource {
                url: "https://pubmed.example/rss".into(),
                title: Some("PubMed: SGLT2".into()),
                ..NewSource::default()
            },
            at(1),
        )
        .unwrap();
    let mut paper = item("a", "SGLT2", 2);
    paper.doi = Some("10.1056/x".into());
    let first = store
        .store_feed(nejm, &SourceUpdate::default(), &[paper.clone()], at(3))
        .unwrap()
        .new[0];
    store
        .store_feed(pubmed, &SourceUpdate::default(), &[paper], at(3))
        .unwrap();
    let also_in = store.also_in(&[first]).unwrap();
    let titles: Vec<&str> = also_in[&first]
        .iter()
        .map(|version| version.source_title.as_str())
        .collect();
    assert_eq!(titles, ["PubMed: SGLT2"]);
    assert_eq!(store.stats().unwrap().items, 2, "identity is per source");
}
