"""Records that several feeds share, so the same paper carries the same DOI, PMID and byline
everywhere it appears (the NEJM table of contents, the PubMed search, the colleague's blog,
the podcast and a Mastodon post)."""

NEJM_SHARED = {
    "title": "Semaglutide and Atrial Fibrillation Recurrence after Catheter Ablation",
    "doi": "10.1056/NEJMoa2611487",
    "pmid": 42318806,
    "online": "2026-11-16",
    "trial": "WAVE-AF",
    "authors_nejm": [
        "E. Marchetti", "K.A. Osei", "H. Nakamura", "S. Virtanen", "R. Oliveira", "P. Raghavan",
        "T. Kowalczyk", "I. Brandt", "M.J. Whitaker", "L. Lindqvist",
    ],
    "authors_pubmed": [
        "Marchetti E", "Osei KA", "Nakamura H", "Virtanen S", "Oliveira R", "Raghavan P",
        "Kowalczyk T", "Brandt I", "Whitaker MJ", "Lindqvist L",
    ],
}

LANCET_RSV = {
    "title": ("Effectiveness of a bivalent prefusion F RSV vaccine against hospitalisation in adults "
              "aged 60 years and older over three seasons: a test-negative case-control study"),
    "pii": "S0140-6736(26)02231-6",
    "doi": "10.1016/S0140-6736(26)02231-6",
    "pmid": 42297715,
    "online": "2026-11-05",
}
