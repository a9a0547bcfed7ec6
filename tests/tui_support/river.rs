//! The river of the TUI tests: eight sources (one failing, one repaired) and two dozen items
//! from them, newest first, with an NEJM article to read.

use super::now;
use chrono::Duration;
use rounds::model::{AlertState, Item, ItemId, ItemSummary, Source, SourceId, SourceKind};

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

/// An unread row of `source`, `hours` old, with no tag and no alert.
pub fn summary(id: i64, source: (i64, &str), title: &str, hours: i64) -> ItemSummary {
    ItemSummary {
        id: ItemId(id),
        source_id: SourceId(source.0),
        source_title: source.1.into(),
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
        watches: Vec::new(),
        alert: AlertState::None,
    }
}

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
                read: id % 3 == 0,
                saved: id == 3 || id == 8,
                tags: if id == 3 {
                    vec!["cardio".into(), "journal-club".into()]
                } else {
                    Vec::new()
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
                ..summary(id, (*source_id, source_title), title, hours)
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
