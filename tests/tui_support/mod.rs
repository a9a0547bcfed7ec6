//! A small, realistic clinical river for the TUI tests: sources, items, an app wired to them.

#![allow(dead_code)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rounds::config::Config;
use rounds::model::{
    AlertState, Item, ItemId, ItemSummary, Source, SourceId, SourceKind, Watch, WatchId,
};
use rounds::tui::app::{App, Msg};
use rounds::tui::protocol::{Command, Event};
use rounds::tui::{app::Effect, views};

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 9, 30, 0)
        .single()
        .expect("valid date")
}

fn source(id: i64, title: &str, category: &str, unread: u64, failures: u32) -> Source {
    Source {
        id: SourceId(id),
        url: format!("https://feeds.example.org/{id}.xml"),
        site_url: None,
        title: title.into(),
        kind: SourceKind::Rss,
        category: Some(category.into()),
        tags: Vec::new(),
        etag: None,
        last_modified: None,
        body_hash: None,
        last_fetch: Some(now() - Duration::minutes(40)),
        last_success: Some(if failures > 0 {
            now() - Duration::hours(30)
        } else {
            now() - Duration::minutes(40)
        }),
        last_status: Some(if failures > 0 { 503 } else { 200 }),
        last_error: (failures > 0).then(|| "HTTP 503 Service Unavailable".to_string()),
        failures,
        next_fetch: None,
        repairs: Vec::new(),
        item_count: unread + 20,
        unread_count: unread,
        refresh_every: None,
        feed_interval: None,
        origin: None,
        due: Some(now() + Duration::minutes(if failures > 0 { 80 } else { 20 })),
    }
}

pub fn sources() -> Vec<Source> {
    vec![
        source(1, "NEJM", "journal", 7, 0),
        source(2, "The Lancet", "journal", 4, 0),
        source(3, "BMJ", "journal", 3, 0),
        source(4, "FDA MedWatch", "regulator", 2, 0),
        source(5, "EMA news", "regulator", 0, 3),
        source(6, "CDC Newsroom", "institution", 3, 0),
        source(7, "WHO Disease Outbreak News", "institution", 1, 0),
        Source {
            repairs: vec!["bare-ampersand".into(), "salvaged-items: 29 of 30".into()],
            ..source(8, "medRxiv", "preprint", 5, 0)
        },
    ]
}

const ROWS: [(i64, &str, &str, i64); 24] = [
    (
        4,
        "FDA MedWatch",
        "Counterfeit semaglutide found in US supply chain: FDA warns patients",
        1,
    ),
    (
        7,
        "WHO Disease Outbreak News",
        "Marburg virus disease – United Republic of Tanzania",
        2,
    ),
    (
        1,
        "NEJM",
        "Empagliflozin after Acute Myocardial Infarction",
        3,
    ),
    (
        6,
        "CDC Newsroom",
        "Measles cases and outbreaks: weekly update",
        5,
    ),
    (
        2,
        "The Lancet",
        "Global burden of antimicrobial resistance, 1990–2050",
        6,
    ),
    (
        8,
        "medRxiv",
        "Long-term outcomes of nirsevimab in infants: a cohort study",
        8,
    ),
    (
        3,
        "BMJ",
        "Sodium valproate in men: what prescribers need to know",
        9,
    ),
    (
        1,
        "NEJM",
        "Tirzepatide for Heart Failure with Preserved Ejection Fraction",
        11,
    ),
    (
        4,
        "FDA MedWatch",
        "Recall: cardiac ablation catheters due to risk of tip detachment",
        14,
    ),
    (
        2,
        "The Lancet",
        "Semaglutide and kidney outcomes in type 2 diabetes (FLOW)",
        20,
    ),
    (
        8,
        "medRxiv",
        "Wastewater surveillance of H5N1 in dairy regions",
        26,
    ),
    (
        6,
        "CDC Newsroom",
        "Shortage of penicillin G benzathine: clinical guidance",
        30,
    ),
    (
        3,
        "BMJ",
        "Blood donation deferral policy for gay and bisexual men: five years on",
        36,
    ),
    (
        1,
        "NEJM",
        "Lecanemab in Early Alzheimer's Disease: 36-month follow-up",
        44,
    ),
    (
        8,
        "medRxiv",
        "Risk of myocarditis after RSV vaccination in adults over 60",
        50,
    ),
    (
        2,
        "The Lancet",
        "Dexamethasone in community-acquired pneumonia: a meta-analysis",
        60,
    ),
    (1, "NEJM", "Zilebesiran for Hypertension", 75),
    (3, "BMJ", "Time to rethink the annual health check", 90),
    (
        6,
        "CDC Newsroom",
        "Mpox clade I: interim clinical considerations",
        100,
    ),
    (
        8,
        "medRxiv",
        "GLP-1 receptor agonists and suicidality: target trial emulation",
        120,
    ),
    (
        1,
        "NEJM",
        "Ceftobiprole for Staphylococcus aureus Bacteremia",
        150,
    ),
    (
        2,
        "The Lancet",
        "Heat-related mortality in Europe, summer 2026",
        200,
    ),
    (
        3,
        "BMJ",
        "Sepsis bundles in the emergency department: a pragmatic trial",
        300,
    ),
    (
        4,
        "FDA MedWatch",
        "Safety communication: fluoroquinolones and aortic aneurysm",
        400,
    ),
];

/// The first `count` rows of the river: the list above, then older issues of the same.
pub fn rows(count: usize) -> Vec<ItemSummary> {
    ROWS.iter()
        .cycle()
        .take(count)
        .enumerate()
        .map(|(index, (source_id, source_title, title, hours))| {
            let id = index as i64 + 1;
            let hours = hours + 500 * (index / ROWS.len()) as i64;
            ItemSummary {
                id: ItemId(id),
                source_id: SourceId(*source_id),
                source_title: (*source_title).into(),
                title: (*title).into(),
                url: Some(format!("https://www.example.org/article/{id}")),
                published: Some(now() - Duration::hours(hours)),
                read: id % 3 == 0,
                saved: id == 3 || id == 8,
                tags: if id == 3 {
                    vec!["cardio".into(), "journal-club".into()]
                } else {
                    Vec::new()
                },
                doi: None,
                pmid: None,
                nct: None,
                evidence: rounds::model::Evidence::default(),
                story: rounds::model::StoryInfo {
                    id: rounds::model::StoryId(id),
                    versions: 1,
                    lead: true,
                },
                // A watch alerted the Marburg notice; the catheter recall was acknowledged.
                watches: match id {
                    2 => vec!["outbreaks".into()],
                    9 => vec!["safety".into()],
                    _ => Vec::new(),
                },
                alert: match id {
                    2 => AlertState::Unacknowledged,
                    9 => AlertState::Acknowledged,
                    _ => AlertState::None,
                },
            }
        })
        .collect()
}

pub const ARTICLE: &str = r#"<p><b>Background.</b> The effect of sodium–glucose cotransporter 2 (SGLT2)
inhibitors on the risk of heart failure after acute myocardial infarction is uncertain.</p>
<p><b>Methods.</b> We randomly assigned 6522 patients who had been hospitalized for acute
myocardial infarction to receive empagliflozin at a dose of 10 mg daily or placebo
(<a href="https://clinicaltrials.gov/study/NCT04509674">NCT04509674</a>).</p>
<p><b>Results.</b> During a median follow-up of 17.9 months, a first hospitalization for heart
failure or death from any cause occurred in 267 patients (8.2%) in the empagliflozin group and
in 298 patients (9.1%) in the placebo group (hazard ratio, 0.90; 95% CI, 0.76 to 1.06).</p>
<ul><li>Adverse events were similar in the two groups.</li>
<li>See the <a href="/doi/suppl/10.1056/NEJMoa2314051/suppl_file/appendix.pdf">supplementary appendix</a>.</li></ul>
<p><b>Conclusions.</b> Empagliflozin did not lead to a significantly lower risk of a first
hospitalization for heart failure or death than placebo.</p>"#;

pub fn article_item() -> Item {
    Item {
        id: ItemId(3),
        source_id: SourceId(1),
        source_title: "NEJM".into(),
        source_url: "https://www.nejm.org/action/showFeed?jc=nejm&type=etoc&feed=rss".into(),
        category: Some("journal".into()),
        guid: "10.1056/NEJMoa2314051".into(),
        url: Some("https://www.nejm.org/doi/full/10.1056/NEJMoa2314051".into()),
        title: "Empagliflozin after Acute Myocardial Infarction".into(),
        author: Some("J. Butler, S.S. Jones, M.C. Petrie".into()),
        published: Some(now() - Duration::hours(3)),
        updated: None,
        summary: None,
        content: Some(ARTICLE.into()),
        enclosure_url: None,
        enclosure_type: None,
        categories: Vec::new(),
        doi: Some("10.1056/NEJMoa2314051".into()),
        pmid: Some("38587237".into()),
        fetched: now(),
        read: Some(now()),
        saved: Some(now()),
        tags: vec!["cardio".into(), "journal-club".into()],
        paper: rounds::model::Paper::default(),
        evidence: rounds::model::Evidence::default(),
        story: rounds::model::StoryInfo {
            id: rounds::model::StoryId(3),
            versions: 1,
            lead: true,
        },
        alerts: Vec::new(),
    }
}

/// The generation of the LoadRiver among `effects`.
pub fn river_generation(effects: &[Effect]) -> u64 {
    effects
        .iter()
        .find_map(|effect| match effect {
            Effect::Send(Command::LoadRiver { generation, .. }) => Some(*generation),
            _ => None,
        })
        .expect("a LoadRiver command")
}

/// An app at `width`×`height` with the sources and the river loaded (lane All).
pub fn loaded_app(width: u16, height: u16) -> App {
    let config = Config {
        refresh_on_start: false,
        ..Config::default()
    };
    let mut app = App::new(&config, now(), width, height);
    app.zone = rounds::dates::Zone::Utc;
    app.start();
    app.update(Msg::Worker(Event::SourcesLoaded(sources())));
    let generation = river_generation(&app.update(Msg::Key(key('1'))));
    let rows = rows(200);
    app.update(Msg::Worker(Event::RiverLoaded {
        generation,
        total: 1204,
        offset: 0,
        rows,
    }));
    app
}

pub fn key(c: char) -> ratatui::crossterm::event::KeyEvent {
    ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(c))
}

pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("test terminal");
    terminal
        .draw(|frame| views::draw(frame, app))
        .expect("draw");
    terminal
}

/// The river as stories: the NEJM trial is in four feeds, a medRxiv preprint and a retracted
/// Lancet paper carry their badges.
pub fn story_rows(count: usize) -> Vec<ItemSummary> {
    let mut rows = rows(count);
    for row in rows.iter_mut() {
        match row.id.0 {
            3 => row.story.versions = 4,
            6 => row.evidence.preprint = true,
            10 => {
                row.story.versions = 2;
                row.evidence.notice = Some(rounds::model::Notice::Retraction);
            }
            11 => row.evidence.preprint = true,
            _ => {}
        }
    }
    rows
}

/// The NEJM trial with its bibliographic fields, as the journal's feed gives it.
pub fn story_article_item() -> Item {
    let mut item = article_item();
    item.paper = rounds::model::Paper {
        authors: vec![
            "J. Butler".into(),
            "S.S. Jones".into(),
            "M.C. Petrie".into(),
        ],
        journal: Some("New England Journal of Medicine".into()),
        volume: Some("390".into()),
        issue: Some("16".into()),
        pages: Some("1455-1466".into()),
        article_type: Some("Original Article".into()),
        ncts: vec!["NCT04509674".into()],
        role: rounds::model::PaperRole::Own,
        ..rounds::model::Paper::default()
    };
    item.story.versions = 4;
    item
}

/// The versions of the NEJM trial: the journal (read now), PubMed, the preprint, a post.
pub fn story_versions() -> Vec<rounds::model::Version> {
    let version =
        |id: i64, source: &str, title: &str, hours: i64, preprint: bool| rounds::model::Version {
            id: ItemId(id),
            source_id: SourceId(id),
            source_title: source.into(),
            category: None,
            title: title.into(),
            url: Some(format!("https://example.org/{id}")),
            published: Some(now() - Duration::hours(hours)),
            read: true,
            evidence: rounds::model::Evidence {
                preprint,
                notice: None,
            },
            lead: id == 3,
        };
    vec![
        version(
            3,
            "NEJM",
            "Empagliflozin after Acute Myocardial Infarction",
            3,
            false,
        ),
        version(
            301,
            "PubMed: SGLT2 in MI",
            "Empagliflozin after Acute Myocardial Infarction.",
            30,
            false,
        ),
        version(
            302,
            "medRxiv",
            "Empagliflozin after myocardial infarction: the EMPACT-MI trial",
            900,
            true,
        ),
        version(
            303,
            "@cardio_jane@med-mastodon.com",
            "EMPACT-MI is out: no significant reduction in HF hospitalisation or death…",
            2,
            false,
        ),
    ]
}

/// An app whose river shows stories (`story_rows`).
pub fn story_app(width: u16, height: u16) -> App {
    let mut app = loaded_app(width, height);
    let generation = river_generation(&app.update(Msg::Key(key('2'))));
    app.update(Msg::Worker(Event::RiverLoaded {
        generation,
        total: 1_180,
        offset: 0,
        rows: story_rows(200),
    }));
    let generation = river_generation(&app.update(Msg::Key(key('1'))));
    app.update(Msg::Worker(Event::RiverLoaded {
        generation,
        total: 1_180,
        offset: 0,
        rows: story_rows(200),
    }));
    app
}

pub fn watches() -> Vec<Watch> {
    let watch = |id, name: &str, query: &str, urgent, alerts, unacknowledged| Watch {
        id: WatchId(id),
        name: name.into(),
        query: query.into(),
        urgent,
        created: now() - Duration::days(30),
        alerts,
        unacknowledged,
    };
    vec![
        watch(
            1,
            "safety",
            "title:recall OR \"safety communication\" OR \"boxed warning\" OR title:shortage",
            true,
            14,
            2,
        ),
        watch(
            3,
            "blood",
            "\"blood donation\" OR \"blood supply\"",
            false,
            3,
            0,
        ),
        watch(
            2,
            "outbreaks",
            "title:outbreak OR \"health advisory\" OR source:\"disease outbreak news\"",
            false,
            9,
            4,
        ),
    ]
}

/// Two urgent items waiting to be acknowledged, newest first.
pub fn pinned_rows() -> Vec<ItemSummary> {
    let row =
        |id: i64, source_id, source: &str, title: &str, hours, watches: &[&str]| ItemSummary {
            id: ItemId(id),
            source_id: SourceId(source_id),
            source_title: source.into(),
            title: title.into(),
            url: Some(format!("https://www.example.org/article/{id}")),
            published: Some(now() - Duration::hours(hours)),
            read: false,
            saved: false,
            tags: Vec::new(),
            doi: None,
            pmid: None,
            nct: None,
            evidence: rounds::model::Evidence::default(),
            story: rounds::model::StoryInfo {
                id: rounds::model::StoryId(id),
                versions: 1,
                lead: true,
            },
            watches: watches.iter().map(|w| w.to_string()).collect(),
            alert: AlertState::Urgent,
        };
    vec![
        row(
            901,
            4,
            "FDA MedWatch",
            "Recall: insulin pump controllers may stop delivering insulin",
            7,
            &["safety"],
        ),
        row(
            902,
            5,
            "EMA news",
            "Shortage of benzathine benzylpenicillin: prioritise syphilis in pregnancy",
            30,
            &["outbreaks", "safety"],
        ),
    ]
}
