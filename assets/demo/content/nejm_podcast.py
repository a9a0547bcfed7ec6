"""NEJM This Week, a weekly audio summary (RSS 2.0 + iTunes tags, MP3 enclosures). Fictional."""

from .common import NEJM_SHARED


def _episode(number, date, minutes, seconds, summary, notes):
    slug = date.replace("-", "")
    return {
        "date": date,
        "title": "NEJM This Week \u2014 %s" % {
            "2026-10-22": "October 22, 2026", "2026-10-29": "October 29, 2026",
            "2026-11-05": "November 5, 2026", "2026-11-12": "November 12, 2026",
            "2026-11-19": "November 19, 2026", "2026-11-26": "November 26, 2026"}[date],
        "link": "https://www.nejm.org/podcasts/nejm-this-week/%s" % slug,
        "audio": "https://media.nejm.org/podcasts/nejm-this-week/NEJMThisWeek_%s.mp3" % slug,
        "bytes": (minutes * 60 + seconds) * 16000,  # 128 kbit/s
        "duration": "%d:%02d" % (minutes, seconds),
        "episode": number,
        "guid": "nejm-this-week-%s" % slug,
        "summary": summary,
        "notes": notes,
    }


ITEMS = [
    _episode(212, "2026-10-22", 24, 41,
             "Oral semaglutide for primary prevention in type 2 diabetes, oxygen targets in ventilated children, and congenital syphilis.",
             "Featuring articles on oral semaglutide and cardiovascular events in people with type 2 diabetes without established cardiovascular disease, and on restrictive oxygen targets in pediatric intensive care; a Perspective on congenital syphilis; and an image of Janeway lesions.\n\n"
             "<ul><li>Oral semaglutide and MACE without established CVD</li><li>Oxygen targets in mechanically ventilated children</li><li>Editorial: Primary prevention with GLP-1 receptor agonists</li></ul>"),
    _episode(213, "2026-10-29", 27, 5,
             "Nirsevimab after maternal RSV vaccination, pulsed-field ablation in older adults, and sepsis-associated AKI.",
             "This week: whether infants born to vaccinated mothers benefit from nirsevimab; early rhythm control with pulsed-field ablation in patients 70 or older; a review of sepsis-associated acute kidney injury; and a Perspective on two years of IV fluid shortages.\n\n"
             "Interview with the trial's principal investigator about supply and how to implement layered RSV protection in a birth cohort."),
    _episode(214, "2026-11-05", 22, 58,
             "Finerenone in HF with improved ejection fraction and 7 vs 14 days of antibiotics in neutropenic bacteremia.",
             "Articles on finerenone in heart failure with improved ejection fraction, shorter antibiotic courses for gram-negative bacteremia in patients with neutropenia, and a brief report on carbapenemase-producing Klebsiella transmitted through sink drains. Clinical Practice: hyponatremia in older adults."),
    _episode(215, "2026-11-12", 25, 30,
             "Tirzepatide and kidney outcomes, steroids in severe pneumonia, and a review of gram-negative resistance.",
             "Featuring tirzepatide in chronic kidney disease with obesity, hydrocortisone plus fludrocortisone for severe community-acquired pneumonia, a review of antimicrobial resistance in gram-negative bacteria, an image of Koplik spots, and a Perspective on protecting farm workers from H5N1."),
    _episode(216, "2026-11-19", 23, 12,
             "Procalcitonin-guided antibiotic discontinuation in sepsis and catheter-directed thrombolysis for pulmonary embolism.",
             "This week: procalcitonin-guided discontinuation of antibiotics in sepsis; catheter-directed thrombolysis for intermediate-high-risk pulmonary embolism; a case of dyspnea and leg swelling in a man with atrial fibrillation; and a bacterial peptide that blocks Nav1.7."),
    _episode(217, "2026-11-26", 31, 47,
             "Semaglutide after AF ablation (WAVE-AF), cabotegravir PrEP for young women, and dapagliflozin in acute heart failure.",
             "A longer episode with an interview about the WAVE-AF trial, <a href=\"https://doi.org/%s\">%s</a>, "
             "published ahead of print on November 16: semaglutide reduced recurrence of atrial arrhythmia after pulmonary-vein isolation in patients with obesity. "
             "Also this week: long-acting cabotegravir for HIV prevention in adolescent girls and young women, dapagliflozin in acute heart failure with diuretic resistance, "
             "a review of Marburg and Ebola virus disease care, and a Perspective on measles and holiday travel.\n\n"
             "<ul><li>00:00 Issue highlights</li><li>06:40 Interview: WAVE-AF</li><li>19:15 Cabotegravir PrEP</li><li>25:30 Dapagliflozin in acute HF</li></ul>"
             % (NEJM_SHARED["doi"], NEJM_SHARED["title"])),
]
