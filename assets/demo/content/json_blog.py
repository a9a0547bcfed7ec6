"""Shift Change, an emergency physician's weekly letter (JSON Feed 1.1). Dr Asante-Boateng is
fictional; so are the cases."""

import datetime as dt

from .common import LANCET_RSV

TZ = dt.timezone(dt.timedelta(hours=-5))

ITEMS = [
    {"date": "2026-10-17", "slug": "the-febrile-traveller-with-a-rash",
     "title": "The febrile traveler with a rash",
     "tags": ["case", "travel medicine", "measles"],
     "summary": "Fever, rash and a flight from the Caribbean: dengue, Oropouche, or measles? This week's case, and the one question that narrowed it down.",
     "body": "A 24-year-old came in at 3 a.m. with four days of fever, a headache behind the eyes, muscle aches and, since yesterday, a blotchy rash on her trunk. She had flown back from a wedding in the Caribbean a week earlier.\n\n"
             "The differential at triage was dengue, Oropouche, chikungunya, measles, and, because it is always on the list, meningococcal disease. The rash blanched, her platelets were 96, and she had no cough or conjunctivitis.\n\n"
             "The question that helped: <strong>is she immune to measles?</strong> Two documented MMR doses took measles off the top of the list and kept her out of the airborne isolation room we did not have. Dengue NS1 was positive by mid-morning.\n\n"
             "<ul><li>Dengue and Oropouche look alike; test for both when the travel fits.</li><li>Avoid NSAIDs until dengue is excluded.</li><li>Tell returning travelers with an arboviral illness that they may be deferred from donating blood.</li></ul>"},
    {"date": "2026-10-24", "slug": "three-papers-tenecteplase-troponin-fluids",
     "title": "Three papers: late-window tenecteplase, single troponin rule-out, and fluids for septic kids",
     "tags": ["papers", "stroke", "chest pain", "sepsis"],
     "summary": "Three papers from this month that could change what happens in our department.",
     "body": "<h3>1. Tenecteplase in the 4.5-24 hour window</h3>\n\nIn <a href=\"https://www.thelancet.com/\">The Lancet</a> this week, tenecteplase was non-inferior to alteplase for patients with salvageable tissue on perfusion imaging who could not get thrombectomy. Single bolus, no infusion pump, fewer handover errors. We already use it in the early window; this supports using it later, if your stroke team agrees.\n\n"
             "<h3>2. Single troponin rule-out</h3>\n\nA medRxiv preprint (not yet peer reviewed) shows a single high-sensitivity troponin below the limit of detection is safe for patients presenting more than three hours after pain onset, but less so for early presenters. That matches our protocol; it is a good reason to write down the time of onset.\n\n"
             "<h3>3. Balanced crystalloids in pediatric sepsis</h3>\n\nIn JAMA, no mortality difference versus saline but less kidney injury. Our pediatric fluid is already lactated Ringer's. No change."},
    {"date": "2026-10-31", "slug": "the-sepsis-hour-is-not-for-everyone",
     "title": "The sepsis hour is not for everyone",
     "tags": ["sepsis", "opinion"],
     "summary": "Antibiotics within the hour save lives in septic shock. For the patient with a fever and normal vitals, the evidence is thinner, and the cost is real.",
     "body": "Every ED has felt the pressure of the sepsis hour. I believe in it for the patient with a lactate of 6 and a blood pressure of 78/40: every hour matters, and the data are clear.\n\n"
             "For the patient with a temperature of 38.4 and normal vital signs, the data are less clear, and the harms are real: broad-spectrum antibiotics before cultures, missed diagnoses (the 'urosepsis' that was a pulmonary embolism), and C. difficile.\n\n"
             "Our department's rule of thumb:\n\n<ul><li><strong>Shock or lactate over 4:</strong> antibiotics within an hour, no debate.</li><li><strong>Sepsis without shock:</strong> antibiotics within three hours, after a proper look for the source.</li><li><strong>Fever alone:</strong> diagnose first.</li></ul>"},
    {"date": "2026-11-07", "slug": "shortage-season-amoxicillin-suspension",
     "title": "Shortage season: what we prescribe when amoxicillin suspension runs out",
     "tags": ["shortage", "pediatrics", "antibiotics"],
     "summary": "Amoxicillin oral suspension is on the FDA shortage list again. Here is the cheat sheet we taped to the pediatric workstation.",
     "body": "FDA added amoxicillin oral suspension to the drug shortage list on November 2. Our outpatient pharmacy has had none since Tuesday.\n\n"
             "<table><thead><tr><th>Child</th><th>First choice during the shortage</th><th>Notes</th></tr></thead><tbody>"
             "<tr><td>Can swallow tablets (often 6+ years)</td><td>Amoxicillin capsules or tablets</td><td>Same dose</td></tr>"
             "<tr><td>Can chew</td><td>Amoxicillin chewable tablets</td><td>Check local stock first</td></tr>"
             "<tr><td>Infant or toddler</td><td>Capsule opened and mixed with a small amount of food</td><td>Round the dose to the capsule size</td></tr>"
             "<tr><td>Otitis media, mild, age over 2</td><td>Watchful waiting with a safety-net prescription</td><td>Often no antibiotic is needed</td></tr>"
             "</tbody></table>\n\n"
             "Please do not reach for cefdinir or azithromycin as a default: broader spectrum, no better outcomes, and azithromycin resistance in pneumococcus is already high."},
    {"date": "2026-11-14", "slug": "h5n1-and-the-red-eye",
     "title": "H5N1 and the red eye: five questions at triage",
     "tags": ["H5N1", "avian influenza", "infection control"],
     "image": "https://shiftchange.email/static/img/2026/h5n1-triage-card.png",
     "summary": "Most human H5N1 infections in farm workers start as conjunctivitis. Five questions our triage nurses now ask anyone with a red eye.",
     "body": "We are a rural ED with three large dairy operations in our catchment. After the CDC Health Update this week, our triage nurses now ask anyone with conjunctivitis or flu-like symptoms:\n\n"
             "<ol><li>Do you work with cows, poultry or raw milk?</li><li>Have any animals on your farm been sick?</li><li>Did you wear eye protection?</li><li>When did your symptoms start?</li><li>Is anyone at home sick?</li></ol>\n\n"
             "A yes to the first two means a mask, a room, a conjunctival swab and a nasopharyngeal swab, oseltamivir without waiting for the result, and a call to the county health department.\n\n"
             "<img src=\"https://shiftchange.email/static/img/2026/h5n1-triage-card.png\" alt=\"Laminated triage card with the five H5N1 screening questions\"/>"},
    {"date": "2026-11-21", "slug": "rsv-vaccine-waning-oldest-old",
     "title": "RSV vaccines wane. Who should get a second dose?",
     "tags": ["RSV", "vaccines", "papers"],
     "external_url": "https://doi.org/" + LANCET_RSV["doi"],
     "summary": "A Lancet test-negative study shows RSV vaccine protection in older adults falling to about 50% by the third season.",
     "body": "We admit a steady stream of 80-somethings with RSV every winter, and this season started early. The question I keep getting from families: <em>she had the RSV shot two years ago, is she still covered?</em>\n\n"
             "The <a href=\"https://doi.org/%s\">Lancet study</a> from 62 European hospitals (doi:%s) gives a partial answer. Effectiveness against RSV hospitalization was 79%% in the first season, 68%% in the second and 51%% in the third, and lower in people with immunocompromise.\n\n"
             "What this means in the ED: nothing today. What it means for primary care: the revaccination recommendation is coming, and people vaccinated in 2023 and 2024 will be first in line. For now, check whether your older patients have had any RSV vaccine at all. Many have not."
             % (LANCET_RSV["doi"], LANCET_RSV["doi"])},
    {"date": "2026-11-25", "slug": "thanksgiving-shift-and-catheter-directed-lysis",
     "title": "The Thanksgiving shift, and catheter-directed lysis for PE",
     "tags": ["pulmonary embolism", "papers", "life"],
     "summary": "Notes for whoever is working Thursday, and why the new PE trial will not change our first hour.",
     "body": "To whoever is on tomorrow: expect the usual mix of turkey-carving lacerations, deep-fryer burns, and grandparents whose heart failure met a salty dinner. Check the fridge in the break room; the night team is bringing pie.\n\n"
             "On the serious side, the NEJM trial of catheter-directed thrombolysis for intermediate-high-risk PE showed fewer decompensations but more major bleeding. In our first hour nothing changes: anticoagulate, risk-stratify with troponin, BNP and an echo, and call the PE response team early for patients with RV strain. The trial will change who they send for the procedure, not what we do."},
    {"date": "2026-11-27", "slug": "recall-friday-ventilators-heparin-dosing-cups",
     "title": "Recall Friday: home ventilators, a heparin mix-up and children's ibuprofen cups",
     "tags": ["recalls", "patient safety"],
     "summary": "Three recalls from this month that could walk through our doors.",
     "body": "<ul><li><strong>Aurel HV-series home ventilators</strong>: a software error may stop ventilation without an alarm when switching from battery to mains. If a ventilated patient arrives after a power cut, think about the device.</li>"
             "<li><strong>Heparin vials labeled 1,000 units/mL that contain 5,000 units/mL</strong>: a five-fold overdose hidden behind a correct-looking label. Check lot numbers, and think of it in a bleeding patient on a heparin infusion.</li>"
             "<li><strong>Children's ibuprofen 100 mg/5 mL dosing cups</strong> with a wrong 10 mL mark: if a parent reports giving 'two cups', calculate the dose. Most single overdoses are benign below 100 mg/kg.</li></ul>\n\n"
             "All three are on the <a href=\"https://www.fda.gov/safety/recalls-market-withdrawals-safety-alerts\">FDA recalls page</a>. Have a good weekend, and hydrate."},
    {"date": "2026-10-20", "slug": "a-note-on-this-letter",
     "title": "A note on this letter",
     "tags": ["meta"],
     "summary": "Why I write Shift Change, and how to reach me.",
     "body": "Shift Change is a weekly letter for emergency clinicians: one case, three papers, and whatever changed on our shop floor. Opinions are mine, not my hospital's, and nothing here is medical advice for individual patients.\n\n"
             "Reply to any issue, or find me on Mastodon. Corrections are always welcome and are noted at the bottom of the post."},
]
