//! The schema, as migrations stamped in `PRAGMA user_version`, each applied in one transaction.

use rusqlite::Connection;

/// Migration N (1-based) brings the database from version N-1 to N. Never edit a landed one.
const MIGRATIONS: &[&str] = &[
    // 1: sources, items, tags, watches and the full-text index.
    r#"
    CREATE TABLE source (
        id            INTEGER PRIMARY KEY,
        url           TEXT NOT NULL UNIQUE,
        title         TEXT,              -- given by the user; wins over feed_title
        feed_title    TEXT,              -- learnt from the feed
        site_url      TEXT,
        kind          TEXT NOT NULL DEFAULT 'unknown',
        category      TEXT,
        etag          TEXT,
        last_modified TEXT,
        body_hash     TEXT,              -- of the last body parsed: an identical body is not parsed again
        last_fetch    INTEGER,
        last_status   INTEGER,
        last_error    TEXT,
        failures      INTEGER NOT NULL DEFAULT 0,
        next_fetch    INTEGER,           -- set by Retry-After
        added         INTEGER NOT NULL
    );
    CREATE TABLE source_tag (
        source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        tag       TEXT NOT NULL,
        PRIMARY KEY (source_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX source_tag_by_tag ON source_tag(tag);

    CREATE TABLE item (
        id             INTEGER PRIMARY KEY,
        source_id      INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        guid           TEXT NOT NULL,
        url            TEXT,
        title          TEXT NOT NULL,
        author         TEXT,
        published      INTEGER NOT NULL,  -- the feed's date, else the first fetch time
        updated        INTEGER,
        summary        TEXT,
        content        TEXT,
        enclosure_url  TEXT,
        enclosure_type TEXT,
        categories     TEXT,              -- newline-separated
        doi            TEXT,
        pmid           TEXT,
        cluster_key    TEXT,              -- doi, pmid or canonical URL: the same paper across feeds
        content_hash   INTEGER NOT NULL,  -- of the feed's fields: unchanged items are not rewritten
        fetched        INTEGER NOT NULL,
        read_at        INTEGER,
        saved_at       INTEGER,
        UNIQUE (source_id, guid)
    );
    CREATE INDEX item_river ON item(published, id);
    CREATE INDEX item_source_river ON item(source_id, published, id);
    CREATE INDEX item_unread_river ON item(published, id) WHERE read_at IS NULL;
    CREATE INDEX item_unread_by_source ON item(source_id) WHERE read_at IS NULL;
    CREATE INDEX item_saved ON item(saved_at) WHERE saved_at IS NOT NULL;
    CREATE INDEX item_doi ON item(doi) WHERE doi IS NOT NULL;
    CREATE INDEX item_pmid ON item(pmid) WHERE pmid IS NOT NULL;
    CREATE INDEX item_cluster ON item(cluster_key) WHERE cluster_key IS NOT NULL;

    CREATE TABLE item_tag (
        item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
        tag     TEXT NOT NULL,
        PRIMARY KEY (item_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX item_tag_by_tag ON item_tag(tag, item_id);

    CREATE TABLE watch (
        id      INTEGER PRIMARY KEY,
        name    TEXT NOT NULL UNIQUE,
        query   TEXT NOT NULL,
        urgent  INTEGER NOT NULL DEFAULT 0,
        created INTEGER NOT NULL
    );
    CREATE TABLE item_alert (
        item_id         INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
        watch_id        INTEGER NOT NULL REFERENCES watch(id) ON DELETE CASCADE,
        raised          INTEGER NOT NULL,
        acknowledged_at INTEGER,
        PRIMARY KEY (item_id, watch_id)
    ) WITHOUT ROWID;
    CREATE INDEX item_alert_by_watch ON item_alert(watch_id);

    -- Contentless: the indexed text is derived from the item's HTML, so it cannot point at the
    -- item table. The store writes it in the same transaction as the item; deletes follow the
    -- item through the trigger below.
    CREATE VIRTUAL TABLE item_fts USING fts5(
        title, summary, content, authors, identifiers, categories,
        content = '', contentless_delete = 1,
        tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER item_fts_delete AFTER DELETE ON item BEGIN
        DELETE FROM item_fts WHERE rowid = old.id;
    END;
    "#,
    // 2: issue 11 saved and tagged items outlive their source: when `remove` moves them to the
    // "removed sources" placeholder, they remember where they came from.
    r#"
    ALTER TABLE item ADD COLUMN former_source TEXT;
    ALTER TABLE item ADD COLUMN former_source_url TEXT;
    "#,
    // 3: issue 8 per-source schedules, followed origins, and what retention must know.
    r#"
    ALTER TABLE source ADD COLUMN refresh_every INTEGER;  -- seconds, chosen by the user
    ALTER TABLE source ADD COLUMN feed_interval INTEGER;  -- seconds: ttl, sy:updatePeriod, max-age
    ALTER TABLE source ADD COLUMN origin TEXT;            -- what the user followed (a bridged handle)
    ALTER TABLE source ADD COLUMN document_seq INTEGER;   -- counts the documents parsed
    ALTER TABLE source ADD COLUMN last_success INTEGER;   -- the last fetch that did not fail
    -- The source's document_seq of the last parsed document that listed the item: equal to it
    -- while the item is still in the feed, which retention must not delete.
    ALTER TABLE item ADD COLUMN seen_in INTEGER;
    "#,
    // 4: issue 9 what the last parsed document needed repaired, newline-separated names
    // (`bare-ampersand`, `salvaged-items: 12 of 14`); '' when nothing, NULL before any parse.
    r#"
    ALTER TABLE source ADD COLUMN repairs TEXT;
    "#,
    // 5: issue 7 stories, identifiers and bibliographic fields. A story is the versions of one
    // paper across feeds; its id is a label (not an item id). `lead` marks its most
    // authoritative version, the one the river shows; `story_size` and `story_latest` (the
    // newest version's date) are kept on every version so the river needs no subquery.
    // `story` is NULL until an item is clustered: the store clusters such items on opening.
    r#"
    ALTER TABLE item ADD COLUMN pmcid TEXT;
    ALTER TABLE item ADD COLUMN nct TEXT;                -- newline-separated, most prominent first
    ALTER TABLE item ADD COLUMN authors TEXT;            -- newline-separated, one per author
    ALTER TABLE item ADD COLUMN journal TEXT;
    ALTER TABLE item ADD COLUMN volume TEXT;
    ALTER TABLE item ADD COLUMN issue TEXT;
    ALTER TABLE item ADD COLUMN pages TEXT;
    ALTER TABLE item ADD COLUMN article_type TEXT;
    ALTER TABLE item ADD COLUMN paper_role INTEGER NOT NULL DEFAULT 0;  -- 0 none, 1 own, 2 linked
    ALTER TABLE item ADD COLUMN authority INTEGER NOT NULL DEFAULT 3;   -- inferred: 0 journal, 1 PubMed, 2 preprint, 3 other
    ALTER TABLE item ADD COLUMN preprint INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE item ADD COLUMN notice INTEGER NOT NULL DEFAULT 0;      -- 0 none, 1 expression of concern, 2 retraction
    ALTER TABLE item ADD COLUMN story INTEGER;
    ALTER TABLE item ADD COLUMN story_size INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE item ADD COLUMN story_latest INTEGER;
    ALTER TABLE item ADD COLUMN lead INTEGER NOT NULL DEFAULT 1;

    -- What can join an item to others: doi:, pmid:, pmc: and url: keys. kind 3 is the item's
    -- own link, 4 a link to the paper it is about.
    CREATE TABLE item_key (
        key     TEXT NOT NULL,
        item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
        kind    INTEGER NOT NULL,
        PRIMARY KEY (key, item_id)
    ) WITHOUT ROWID;
    CREATE INDEX item_key_by_item ON item_key(item_id);

    CREATE INDEX item_story ON item(story);
    -- The river of stories walks its leads on this index alone for the lanes (unread, saved)
    -- and finds the versions of multi-version stories on the next: no row is read to decide.
    -- (A partial index covers a query only when it also holds the columns of its condition.)
    CREATE INDEX item_story_river
        ON item(story_latest, id, story_size, story, read_at, saved_at, lead) WHERE lead = 1;
    CREATE INDEX item_story_versions
        ON item(story, read_at, saved_at, story_size) WHERE story_size > 1;
    CREATE INDEX item_notice ON item(story) WHERE notice > 0;
    CREATE INDEX item_pmcid ON item(pmcid) WHERE pmcid IS NOT NULL;
    DROP INDEX item_doi;
    CREATE INDEX item_doi ON item(doi COLLATE NOCASE) WHERE doi IS NOT NULL;
    DROP INDEX item_cluster;

    -- Authority of a version, lowest first: journal 0, PubMed 1, preprint 2, anything else 3.
    -- The source's category decides when set; otherwise what the store inferred from the item.
    -- A PubMed record is PubMed's whatever its folder, and a page that only links the paper
    -- (a post, an episode) is never the paper.
    CREATE VIEW item_rank AS
    SELECT i.id, i.story, i.published,
        CASE
            WHEN i.paper_role = 2 THEN 3
            WHEN i.authority = 1 THEN 1
            WHEN lower(coalesce(s.category, '')) IN ('journal', 'journals') THEN 0
            WHEN lower(coalesce(s.category, '')) = 'pubmed' THEN 1
            WHEN lower(coalesce(s.category, '')) IN ('preprint', 'preprints') THEN 2
            WHEN coalesce(s.category, '') = '' THEN i.authority
            ELSE 3
        END AS rank
    FROM item i JOIN source s ON s.id = i.source_id;

    -- A version leaves (its source removed, retention): the rest of its story is recounted.
    CREATE TRIGGER item_story_delete AFTER DELETE ON item WHEN old.story_size > 1 BEGIN
        UPDATE item SET
            story_size = (SELECT count(*) FROM item WHERE story = old.story),
            story_latest = (SELECT max(published) FROM item WHERE story = old.story),
            lead = (id = (SELECT id FROM item_rank WHERE story = old.story
                          ORDER BY rank, published DESC, id DESC LIMIT 1))
        WHERE story = old.story;
    END;

    -- A version moves to another source (`remove` keeps saved items under a placeholder): its
    -- story may have another most authoritative version.
    CREATE TRIGGER item_story_moved AFTER UPDATE OF source_id ON item WHEN new.story_size > 1 BEGIN
        UPDATE item SET lead = (id = (SELECT id FROM item_rank WHERE story = new.story
                                      ORDER BY rank, published DESC, id DESC LIMIT 1))
        WHERE story = new.story;
    END;

    -- A source changes category: its stories may have another most authoritative version.
    CREATE TRIGGER source_category_story AFTER UPDATE OF category ON source
    WHEN coalesce(old.category, '') != coalesce(new.category, '') BEGIN
        UPDATE item SET lead = (id = (SELECT r.id FROM item_rank r WHERE r.story = item.story
                                      ORDER BY r.rank, r.published DESC, r.id DESC LIMIT 1))
        WHERE story IN (SELECT story FROM item WHERE source_id = new.id AND story_size > 1);
    END;
    "#,
    // 6: issue 6 watches: when each source first stored a feed (its first fetch alerts only
    // recent items), and the alerts that wait for acknowledgement.
    r#"
    ALTER TABLE source ADD COLUMN first_fetch INTEGER;
    UPDATE source SET first_fetch = coalesce(last_fetch, added)
        WHERE body_hash IS NOT NULL OR EXISTS (SELECT 1 FROM item WHERE item.source_id = source.id);
    CREATE INDEX item_alert_unacknowledged ON item_alert(watch_id) WHERE acknowledged_at IS NULL;
    "#,
    // 7: issue 7 keystrokes at 100,000 items: the river's indexes and the story index hold
    // what filters ask most (the source; the unread river also saved; the story index the
    // lanes and the date), so a walk of the river, or a count of the stories in story order
    // (a distinct count with no sort), stays on its index instead of reading a row per entry.
    // (The whole river's index stays narrow: with the lanes in it, SQLite would prefer it to
    // the unread one for counts of the unread lane, and read more pages.)
    r#"
    DROP INDEX item_story;
    CREATE INDEX item_story ON item(story, read_at, saved_at, published, source_id);
    DROP INDEX item_river;
    CREATE INDEX item_river ON item(published, id, source_id);
    DROP INDEX item_unread_river;
    CREATE INDEX item_unread_river ON item(published, id, source_id, saved_at) WHERE read_at IS NULL;
    "#,
    // 8: issue 6 watches cost less to raise: one index over a watch's alerts, the
    // unacknowledged first, serves every use of the two it replaces (a watch's alerts and its
    // unacknowledged ones, `watch:NAME`, the pinned items, a watch's removal), and each alert a
    // refresh raises is written to two b-trees instead of three.
    r#"
    DROP INDEX item_alert_unacknowledged;
    DROP INDEX item_alert_by_watch;
    CREATE INDEX item_alert_by_watch ON item_alert(watch_id, acknowledged_at);
    "#,
];

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database up to `CURRENT_VERSION`. Refuses a database from a newer build. Each
/// step reads the version inside its own write transaction, so two processes opening a new
/// database at once never apply the same migration twice. The step that creates a database
/// also gives it the default watches (`crate::watch::defaults`).
pub fn migrate(conn: &mut Connection) -> Result<(), super::StoreError> {
    loop {
        let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        if version > CURRENT_VERSION {
            return Err(super::StoreError::TooNew {
                found: version,
                supported: CURRENT_VERSION,
            });
        }
        if version == CURRENT_VERSION {
            return Ok(());
        }
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let locked: i64 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        if let Some(sql) = MIGRATIONS
            .get(locked as usize)
            .filter(|_| locked == version)
        {
            tx.execute_batch(sql)?;
            if locked == 0 {
                super::watches::add_default_watches(&tx, chrono::Utc::now())?;
            }
            tx.pragma_update(None, "user_version", locked + 1)?;
        }
        tx.commit()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database from before the watches: its fetched sources count as fetched once, so their
    /// next refresh alerts every new item; a source never fetched still gets its first-fetch
    /// window. And an old database does not get the default watches: only a new one does.
    #[test]
    fn sources_fetched_before_the_watches_are_past_their_first_fetch() {
        let watches = MIGRATIONS
            .iter()
            .position(|sql| sql.contains("first_fetch"))
            .expect("the watches migration");
        let mut conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..watches] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", watches as i64)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO source (id, url, added, last_fetch, body_hash) VALUES (1, 'a', 10, 20, 'h');
             INSERT INTO source (id, url, added) VALUES (2, 'b', 10);
             INSERT INTO source (id, url, added, last_fetch, last_error) VALUES (3, 'c', 10, 30, 'HTTP 500');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let first_fetch = |id: i64| -> Option<i64> {
            conn.query_row("SELECT first_fetch FROM source WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap()
        };
        assert_eq!(
            (first_fetch(1), first_fetch(2), first_fetch(3)),
            (Some(20), None, None)
        );
        let watches: i64 = conn
            .query_row("SELECT count(*) FROM watch", [], |r| r.get(0))
            .unwrap();
        assert_eq!(watches, 0);
    }
}
