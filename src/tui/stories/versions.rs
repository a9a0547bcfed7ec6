//! What the reader shows of a paper beyond its text: evidence badges, the citation, and the
//! list of versions of its story with the one being read marked.

use crate::dates::{self, Zone};
use crate::model::{Evidence, Item, Version};
use crate::tui::article::Story;
use crate::tui::theme::Theme;
use crate::tui::{fit, sanitize};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// The badges for a version, styled: preprint, retracted, expression of concern.
pub fn badges(evidence: &Evidence, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    if let Some(notice) = evidence.notice {
        spans.push(Span::styled(
            format!(" {} ", notice.label()),
            theme
                .error
                .add_modifier(Modifier::REVERSED | Modifier::BOLD),
        ));
    }
    if evidence.preprint {
        spans.push(Span::styled(
            format!(" {} ", Evidence::PREPRINT_LABEL),
            theme.unread.add_modifier(Modifier::REVERSED),
        ));
    }
    spans
}

/// A notice on any version counts for the one being read.
pub fn story_evidence(item: &Item, versions: &[Version]) -> Evidence {
    Evidence {
        preprint: item.evidence.preprint,
        notice: versions
            .iter()
            .filter_map(|version| version.evidence.notice)
            .chain(item.evidence.notice)
            .max(),
    }
}

/// `New England Journal of Medicine 395(22):2013-2024 · Original Article`
pub fn citation(item: &Item) -> Option<String> {
    let paper = &item.paper;
    let mut parts = Vec::new();
    if let Some(journal) = &paper.journal {
        let mut text = sanitize::line(journal);
        if let Some(volume) = &paper.volume {
            text.push_str(&format!(" {}", sanitize::line(volume)));
        }
        if let Some(issue) = &paper.issue {
            text.push_str(&format!("({})", sanitize::line(issue)));
        }
        if let Some(pages) = &paper.pages {
            text.push_str(&format!(":{}", sanitize::line(pages)));
        }
        parts.push(text);
    }
    parts.extend(paper.article_type.as_deref().map(sanitize::line));
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// `doi:10.1056/NEJMoa2314051 · PMID 38587237 · PMC11987654 · NCT04509674`
pub fn identifiers(item: &Item) -> Option<String> {
    let mut identifiers = Vec::new();
    identifiers.extend(
        item.doi
            .as_deref()
            .map(|doi| format!("doi:{}", sanitize::line(doi))),
    );
    identifiers.extend(
        item.pmid
            .as_deref()
            .map(|pmid| format!("PMID {}", sanitize::line(pmid))),
    );
    identifiers.extend(item.paper.pmcid.as_deref().map(sanitize::line));
    identifiers.extend(item.paper.ncts.iter().map(|nct| sanitize::line(nct)));
    (!identifiers.is_empty()).then(|| identifiers.join(" · "))
}

/// "2026-11-19"
const DATE_WIDTH: usize = 10;

/// "Versions (4) · v next" and a line per version: source, date (the day, in the style of
/// every date the program shows), badges, title.
pub fn version_lines(
    reading: &Item,
    story: &Story<'_>,
    zone: Zone,
    columns: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let (versions, next_key) = (story.versions, story.next_key);
    if versions.len() < 2 {
        return Vec::new();
    }
    let mut heading = format!("Versions ({})", versions.len());
    if !next_key.is_empty() {
        heading.push_str(&format!(" · {next_key} reads the next"));
    }
    let mut lines = vec![Line::styled(
        fit::truncate(&heading, columns),
        theme.heading,
    )];
    let source_width = (columns / 4).clamp(8, 24);
    for version in versions {
        let current = version.id == reading.id;
        let marker = if current { "▸ " } else { "  " };
        let date = version
            .published
            .and_then(|date| {
                dates::format(date, zone)
                    .split(' ')
                    .next()
                    .map(str::to_string)
            })
            .unwrap_or_default();
        let mut spans = vec![
            Span::styled(marker, theme.accent),
            Span::styled(
                format!(
                    "{} ",
                    fit::pad(&sanitize::line(&version.source_title), source_width)
                ),
                theme.dim,
            ),
            Span::styled(format!("{date:>DATE_WIDTH$} "), theme.dim),
        ];
        let badge = match (version.evidence.notice, version.evidence.preprint) {
            (Some(notice), _) => Some((notice.label(), theme.error)),
            (None, true) => Some(("preprint", theme.unread)),
            (None, false) => None,
        };
        let mut used = 2 + source_width + 1 + DATE_WIDTH + 1;
        if let Some((text, style)) = badge {
            spans.push(Span::styled(format!("{text} "), style));
            used += fit::width(text) + 1;
        }
        let title_style = if current {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        spans.push(Span::styled(
            fit::truncate(
                &sanitize::line(&version.title),
                columns.saturating_sub(used),
            ),
            title_style,
        ));
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    lines
}
