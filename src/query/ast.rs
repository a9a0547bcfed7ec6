//! The query language's syntax tree: what the parser produces and the store compiles to SQL.

/// A parsed query. `All` is the empty query and matches everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    All,
    Term(Term),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A bare word, matched in the full-text index (title, summary, content, authors, identifiers).
    /// A trailing `*` asks for a prefix match and is kept in the text.
    Word(String),
    /// A quoted phrase, matched in the full-text index.
    Phrase(String),
    /// `field:value` on an item or source attribute.
    Field(Field, String),
    Is(Flag),
    Has(Attribute),
    /// `since:` bound, inclusive.
    Since(TimeBound),
    /// `before:` bound, exclusive.
    Before(TimeBound),
}

/// Fields that take a free value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Source title or URL contains the value (case-insensitive).
    Source,
    /// Source category, or one of its words, starts with the value; case-insensitive, singular
    /// or plural (`category:journal` finds "Journals").
    Category,
    /// The item carries the user tag (also written `#tag`).
    Tag,
    /// Full-text match restricted to the authors column.
    Author,
    /// Full-text match restricted to the title column.
    Title,
    /// Exact DOI, case-insensitive (DOIs are case-insensitive by spec).
    Doi,
    /// Exact PubMed id.
    Pmid,
    /// A ClinicalTrials.gov registration the item names (`nct:NCT01234567`).
    Nct,
    /// The container title (journal, preprint server) contains the value.
    Journal,
    /// The items a watch (named, case-insensitively) alerted.
    Watch,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Unread,
    Read,
    Saved,
    Alert,
    Urgent,
    /// From a preprint server or with a preprint DOI: not peer reviewed.
    Preprint,
    /// Retracted or under an expression of concern (any version of its story says so).
    Retracted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attribute {
    Doi,
    Pmid,
    Tag,
    Enclosure,
    Pmcid,
    Nct,
}

/// A point in time as written in a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeBound {
    /// `7d`, `24h`, `2w`, `30m`: that many seconds before the moment the query runs.
    Ago(i64),
    /// `2026-11-01`: midnight UTC of that day, as unix seconds.
    At(i64),
}

impl TimeBound {
    /// The bound as unix seconds, given the current time.
    pub fn resolve(self, now_unix: i64) -> i64 {
        match self {
            TimeBound::Ago(seconds) => now_unix.saturating_sub(seconds),
            TimeBound::At(unix) => unix,
        }
    }
}
