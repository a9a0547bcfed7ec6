#!/usr/bin/env python3
"""Regenerate the bundled demo feeds of `rounds` from the hand-written tables in content/.

Usage: python3 assets/demo/generate.py      (stdlib only; writes next to this script)

Every item is fictional sample data written for the project. The tables in content/ hold
the words; this script only lays them out in each publisher's real feed format, derives
what must be consistent (DOIs, PMIDs, Mastodon and Bluesky ids from their timestamps,
NEJM pages and issue numbers) and writes demo.opml. The output is deterministic: run it
twice and git sees no change.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep content/ and formats/ free of __pycache__

from content import cdc_han, fda_medwatch, fda_recalls, mhra, mmwr  # noqa: E402
from formats.agencies import (cdc_channel, fda_channel, write_govuk_atom, write_nice,  # noqa: E402
                              write_who)
from formats.colleagues import write_blog, write_json_blog  # noqa: E402
from formats.journals import (write_bmj, write_jama, write_lancet, write_medrxiv,  # noqa: E402
                              write_nejm, write_podcast, write_pubmed)
from formats.markup import attr, write  # noqa: E402
from formats.social import write_bluesky, write_mastodon_account, write_mastodon_tag  # noqa: E402


# ---------------------------------------------------------------------------------------
# the list of sources
# ---------------------------------------------------------------------------------------

# (file, title, folder, category, site url); the order is the order of demo.opml.
SOURCES = [
    ("nejm.rdf", "The New England Journal of Medicine", "Journals", "journal", "https://www.nejm.org/"),
    ("lancet.rss", "The Lancet Online First", "Journals", "journal", "https://www.thelancet.com/"),
    ("bmj.atom", "The BMJ", "Journals", "journal", "https://www.bmj.com/"),
    ("jama.rss", "JAMA", "Journals", "journal", "https://jamanetwork.com/journals/jama"),
    ("nejm-this-week.rss", "NEJM This Week (podcast)", "Journals", "journal", "https://www.nejm.org/podcasts"),
    ("pubmed-cardiometabolic.rss", "PubMed: cardiometabolic drugs in HF and AF", "Journals", "journal",
     "https://pubmed.ncbi.nlm.nih.gov/"),
    ("medrxiv.rdf", "medRxiv: All Subjects", "Preprints", "preprint", "https://www.medrxiv.org/"),
    ("fda-recalls.rss", "FDA Recalls, Market Withdrawals, & Safety Alerts", "Regulators", "regulator",
     "https://www.fda.gov/safety/recalls-market-withdrawals-safety-alerts"),
    ("fda-medwatch.rss", "FDA MedWatch Safety Alerts", "Regulators", "regulator",
     "https://www.fda.gov/safety/medwatch-fda-safety-information-and-adverse-event-reporting-program"),
    ("mhra-drug-safety-update.atom", "MHRA Drug Safety Update", "Regulators", "regulator",
     "https://www.gov.uk/drug-safety-update"),
    ("nice-guidance.rss", "NICE published guidance", "Regulators", "regulator",
     "https://www.nice.org.uk/guidance/published"),
    ("who-don.rss", "WHO Disease Outbreak News", "Public health", "institution",
     "https://www.who.int/emergencies/disease-outbreak-news"),
    ("cdc-han.rss", "CDC Health Alert Network", "Public health", "institution", "https://www.cdc.gov/han/"),
    ("cdc-mmwr.rss", "CDC MMWR Weekly", "Public health", "institution", "https://www.cdc.gov/mmwr/"),
    ("wardroundnotes.atom", "Ward Round Notes (Dr Miriam Castellanos)", "Colleagues", "colleague",
     "https://wardroundnotes.net/"),
    ("shiftchange.json", "Shift Change (Dr Kwame Asante-Boateng)", "Colleagues", "colleague",
     "https://shiftchange.email/"),
    ("mastodon-hokafor.rss", "Helen Okafor (@h_okafor_id@med-mastodon.com)", "Social", "social",
     "https://med-mastodon.com/@h_okafor_id"),
    ("mastodon-doctoctoc.rss", "#doctoctoc on piaille.fr", "Social", "social",
     "https://piaille.fr/tags/doctoctoc"),
    ("bluesky-rnair.rss", "Rohan Nair (@rnair-cardio.bsky.social)", "Social", "social",
     "https://bsky.app/profile/rnair-cardio.bsky.social"),
]

FOLDERS = ["Journals", "Preprints", "Regulators", "Public health", "Colleagues", "Social"]


def source_kind(name):
    """The `kind` hint of an outline: what the app would call the source after fetching it."""
    if name.startswith("mastodon-"):
        return "mastodon"
    if name.startswith("bluesky-"):
        return "bluesky"
    return {".rdf": "rss", ".rss": "rss", ".atom": "atom", ".json": "json"}[os.path.splitext(name)[1]]


def write_opml():
    lines = []
    for folder in FOLDERS:
        members = [s for s in SOURCES if s[2] == folder]
        lines.append('    <outline text="%s" title="%s">' % (folder, folder))
        for name, title, _, category, site in members:
            # type="rss" is what every OPML reader expects for any feed; kind says more.
            lines.append('      <outline type="rss" kind="%s" text="%s" title="%s" xmlUrl="%s" '
                         'htmlUrl="%s" category="%s"/>'
                         % (source_kind(name), attr(title), attr(title), name, attr(site), category))
        lines.append("    </outline>")
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Demo sources for `rounds demo`. xmlUrl is a '
        "file name relative to this folder.\n     All items in these files are fictional sample "
        "data written for the project. -->\n<opml version=\"2.0\">\n  <head>\n"
        "    <title>rounds demo sources</title>\n    <dateCreated>Fri, 27 Nov 2026 18:00:00 GMT"
        "</dateCreated>\n    <ownerName>rounds</ownerName>\n  </head>\n  <body>\n%s\n  </body>\n"
        "</opml>\n" % "\n".join(lines))
    return write("demo.opml", text)


def main():
    results = [
        write_nejm(), write_lancet(), write_bmj(), write_jama(), write_podcast(), write_pubmed(),
        write_medrxiv(),
        fda_channel("Recalls, Market Withdrawals, & Safety Alerts",
                    "https://www.fda.gov/about-fda/contact-fda/stay-informed/rss-feeds/recalls/rss.xml",
                    fda_recalls.ITEMS, "fda-recalls.rss"),
        fda_channel("MedWatch Safety Alerts for Human Medical Products",
                    "https://www.fda.gov/about-fda/contact-fda/stay-informed/rss-feeds/medwatch/rss.xml",
                    fda_medwatch.ITEMS, "fda-medwatch.rss"),
        write_govuk_atom(mhra, "mhra-drug-safety-update.atom"), write_nice(), write_who(),
        cdc_channel(cdc_han, "cdc-han.rss", "CDC Health Alert Network (HAN)",
                    "https://www.cdc.gov/han/", "Official CDC health advisories, updates and "
                    "health alerts for clinicians and public health practitioners."),
        cdc_channel(mmwr, "cdc-mmwr.rss", "Morbidity and Mortality Weekly Report (MMWR)",
                    "https://www.cdc.gov/mmwr/", "MMWR Weekly reports, Recommendations and "
                    "Reports, and Surveillance Summaries."),
        write_blog(), write_json_blog(), write_mastodon_account(), write_mastodon_tag(),
        write_bluesky(),
    ]
    names = {os.path.basename(path) for path, _ in results}
    missing = {s[0] for s in SOURCES} - names
    if missing:
        sys.exit("sources without a file: %s" % ", ".join(sorted(missing)))
    write_opml()
    total = 0
    for path, count in results:
        total += count
        print("%-32s %4d items" % (os.path.basename(path), count))
    print("%-32s %4d items" % ("total", total))


if __name__ == "__main__":
    main()
