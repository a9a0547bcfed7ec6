"""Ward Round Notes, a colleague's blog (Atom 1.0 from a static site generator, HTML content,
title type="html"). Dr Castellanos is a fictional consultant physician."""

import datetime as dt

from .common import LANCET_RSV, NEJM_SHARED

TZ = dt.timezone(dt.timedelta(hours=1))

ITEMS = [
    {"date": "2026-10-18 08:12", "slug": "five-things-heart-failure-clinic",
     "title": "Five things I learned from a month of heart failure clinic",
     "tags": ["heart failure", "clinic"],
     "summary": "Covering a colleague's heart failure clinic for four weeks reminded me how much of the work is titration, potassium and persuasion.",
     "body": "I spent October covering the heart failure clinic while a colleague was on leave. Most of what I learned was not in the guidelines, which are admirably clear about <em>what</em> to prescribe and mostly silent about <em>how</em> to get there.\n\n"
             "<ol><li><strong>Start all four, then titrate.</strong> Waiting for the beta-blocker to reach target before starting an SGLT2 inhibitor costs months. Low doses of everything beat a high dose of one thing.</li>"
             "<li><strong>Potassium is the rate-limiting step.</strong> The SGLT2 inhibitor seems to make the MRA easier to tolerate, which matches the trial data.</li>"
             "<li><strong>An eGFR dip of 10-20% after starting dapagliflozin is expected.</strong> I spent a lot of time reassuring GPs who had stopped it.</li>"
             "<li><strong>Ask about the diuretic.</strong> Half of my patients were still on the furosemide dose they left hospital with.</li>"
             "<li><strong>The nurse specialist is the intervention.</strong> Every patient who was on full therapy had a phone number to call.</li></ol>\n\n"
             "None of this is new, but it is easy to forget on a general medical take. The <a href=\"https://www.bmj.com/\">BMJ</a> practice pieces on this have been good lately."},
    {"date": "2026-10-25 19:40", "slug": "sick-day-rules-again",
     "title": "Sick day rules, again",
     "tags": ["diabetes", "SGLT2", "patient safety"],
     "summary": "A patient without diabetes, a dapagliflozin prescription for heart failure, a week of gastroenteritis and a pH of 7.12.",
     "body": "Last week we admitted a 67-year-old man with heart failure who had been taking dapagliflozin for a year. He did not have diabetes. After five days of vomiting and diarrhoea he came in drowsy and breathing fast. His glucose was 9.1 mmol/L. His pH was 7.12 and his blood ketones were 5.8 mmol/L.\n\n"
             "Euglycaemic ketoacidosis is well described with SGLT2 inhibitors, but the teaching has been aimed at people with diabetes. As these drugs become standard for heart failure and kidney disease, many more people without diabetes will take them, and their prescribers, and they themselves, may not think of ketones.\n\n"
             "What we now do on discharge:\n\n"
             "<ul><li>Give a written sick day card that names the SGLT2 inhibitor alongside metformin, ACE inhibitors, ARBs and diuretics.</li><li>Tell patients to pause it if they cannot eat or drink normally, and to restart 24-48 hours after they are eating again.</li><li>Stop it three days before planned surgery.</li></ul>\n\n"
             "He recovered after 36 hours of fixed-rate insulin and glucose. He went home with his dapagliflozin and a card."},
    {"date": "2026-11-01 10:05", "slug": "reading-a-non-inferiority-trial",
     "title": "Reading a non-inferiority trial in ten minutes",
     "tags": ["evidence", "teaching"],
     "summary": "Three questions for the journal club: was the margin sensible, was the comparator given properly, and did the per-protocol analysis agree?",
     "body": "Our registrars asked for a quick way to read non-inferiority trials, of which there have been several this autumn (shorter antibiotic courses in neutropenia, early oral switch in children's bone infection, five days of flucloxacillin for cellulitis).\n\n"
             "<h3>1. Was the margin sensible?</h3>\n\nA margin of 10 percentage points for mortality would be absurd; for clinical cure of cellulitis it might be fine. Ask whether a patient would accept that much extra risk in exchange for the benefit of the new approach.\n\n"
             "<h3>2. Was the comparator given properly?</h3>\n\nIf the standard arm was under-dosed, anything can look non-inferior.\n\n"
             "<h3>3. Did the per-protocol analysis agree?</h3>\n\nIn superiority trials intention-to-treat is conservative. In non-inferiority trials, crossovers make the arms more alike and favour the conclusion of non-inferiority, so both analyses should agree.\n\n"
             "<table><thead><tr><th>Trial question</th><th>Margin</th><th>Upper 95% CI of difference</th><th>Verdict</th></tr></thead>"
             "<tbody><tr><td>7 vs 14 days, Gram-negative bacteraemia in neutropenia</td><td>7.5 points</td><td>3.9</td><td>Non-inferior</td></tr>"
             "<tr><td>Early oral switch, bone and joint infection in children</td><td>5 points</td><td>1.9</td><td>Non-inferior</td></tr>"
             "<tr><td>5 vs 10 days, cellulitis</td><td>7.5 points</td><td>3.6</td><td>Non-inferior</td></tr></tbody></table>"},
    {"date": "2026-11-08 21:15", "slug": "hyponatraemia-correction-limits",
     "title": "Hyponatraemia: the correction limits I actually use",
     "tags": ["electrolytes", "teaching"],
     "summary": "A one-page version of the chronic hyponatraemia plan we give to the night team.",
     "body": "After the NEJM Clinical Practice review this week, a few people asked for the one-page plan we use on the medical wards. It is below. It is not a guideline; check your local one.\n\n"
             "<table><thead><tr><th>Situation</th><th>Target rise in 24 h</th><th>Do not exceed</th></tr></thead>"
             "<tbody><tr><td>Severe symptoms (seizures, reduced consciousness)</td><td>4-6 mmol/L in the first hours with 150 mL 3% saline boluses</td><td>8 mmol/L</td></tr>"
             "<tr><td>Chronic, mild or moderate symptoms</td><td>4-6 mmol/L</td><td>8 mmol/L</td></tr>"
             "<tr><td>High risk of osmotic demyelination (alcohol, malnutrition, hypokalaemia, liver disease, sodium below 105)</td><td>4-6 mmol/L</td><td>8 mmol/L, and aim lower</td></tr></tbody></table>\n\n"
             "The commonest overshoot we see is the water diuresis after a thiazide is stopped or hypovolaemia is corrected. Measure urine output hourly and sodium every 4-6 hours. If the sodium is rising too fast, give 5% glucose with or without desmopressin to bring it back.\n\n"
             "<img src=\"https://wardroundnotes.net/assets/img/2026/sodium-correction-chart.png\" alt=\"Chart of serum sodium against time with the 8 mmol/L per 24 h limit shaded\"/>"},
    {"date": "2026-11-14 13:30", "slug": "measles-waiting-room-checklist",
     "title": "Measles in the waiting room: our checklist",
     "tags": ["measles", "infection control", "outbreak"],
     "summary": "Two measles exposures in our emergency department this month. Here is the checklist we now use at the front door.",
     "body": "We have had two exposures this month: a child with fever and rash who sat in the main waiting room for three hours, and an adult with conjunctivitis and cough whose rash came a day later. Between them, 140 patients and staff needed contact tracing.\n\n"
             "<ul><li>Ask every patient with fever and rash, or fever with cough, coryza and conjunctivitis, about measles contacts and travel.</li><li>Move them straight to a single room with the door closed. A negative-pressure room if one is free.</li><li>Staff entering should be immune; FFP3 masks regardless.</li><li>Call the health protection team before the patient leaves.</li><li>Check the immunity of pregnant and immunosuppressed contacts the same day; human normal immunoglobulin works within 6 days.</li></ul>\n\n"
             "The <a href=\"https://www.cdc.gov/han/\">CDC's advisories</a> and the <a href=\"https://www.who.int/emergencies/disease-outbreak-news\">WHO outbreak news</a> have the international picture. Ours is local: check your staff's MMR status before it matters."},
    {"date": "2026-11-21 07:55", "updated": "2026-11-22 09:10", "slug": "wave-af-semaglutide-after-ablation",
     "title": "WAVE-AF: semaglutide after AF ablation &#8212; what I will tell my patients",
     "tags": ["atrial fibrillation", "GLP-1", "journal club"],
     "summary": "Semaglutide cut arrhythmia recurrence after ablation by a third in people with obesity. Impressive, plausible, and not yet a reason to prescribe it for AF alone.",
     "body": "The <a href=\"https://www.nejm.org/doi/full/%s\">WAVE-AF trial</a> (doi:%s), published in NEJM on 16 November, randomised 1,210 people with a BMI of 30 or more who had just had their first pulmonary vein isolation to semaglutide 2.4 mg weekly or placebo. Recurrence at 18 months, measured by implantable loop recorder, was 29.8%% with semaglutide and 41.6%% with placebo (HR 0.66).\n\n"
             "<img src=\"https://wardroundnotes.net/assets/img/2026/wave-af-km.png\" alt=\"Kaplan-Meier curves redrawn from the WAVE-AF trial, showing separation from month 4\"/>\n\n"
             "What I like:\n\n<ul><li>Loop recorders in everyone: recurrence was measured, not guessed.</li><li>A biologically plausible effect, consistent with what the LEGACY and ARREST-AF cohorts suggested years ago about weight loss.</li><li>The curves separate after the blanking period and keep separating.</li></ul>\n\n"
             "What I would want to know:\n\n<ul><li>How much of the effect is weight loss, and how much is something else? The editorial asks the same question.</li><li>Would the same happen without ablation, or in people with a BMI of 27?</li><li>What happens after stopping the drug?</li></ul>\n\n"
             "What I will say in clinic: if you have obesity and AF, weight loss helps your rhythm, and this trial suggests the medicine helps too. If you already qualify for semaglutide for weight management, this is one more reason to take it. The PubMed record is <a href=\"https://pubmed.ncbi.nlm.nih.gov/%d/\">PMID %d</a>.\n\n"
             "<em>Update 22 November: corrected the trial size (1,210, not 1,201).</em>"
             % (NEJM_SHARED["doi"], NEJM_SHARED["doi"], NEJM_SHARED["pmid"], NEJM_SHARED["pmid"])},
    {"date": "2026-11-24 18:20", "slug": "journal-club-digest-weeks-46-47",
     "title": "Journal club digest: weeks 46 and 47",
     "tags": ["journal club", "digest"],
     "summary": "Procalcitonin to stop antibiotics, catheter-directed lysis for PE, RSV vaccine waning, and colchicine in CKD.",
     "body": "What we discussed this fortnight, with one line each on whether it changes anything on our wards.\n\n"
             "<ul><li><strong>Procalcitonin-guided discontinuation in sepsis</strong> (NEJM): 1.6 more antibiotic-free days, no signal of harm. Probably yes for the ICU, less clear on the wards.</li>"
             "<li><strong>Catheter-directed thrombolysis for intermediate-high-risk PE</strong> (NEJM): fewer decompensations, more bleeding. We will keep using our PE response team for selection.</li>"
             "<li><strong>RSV vaccine effectiveness over three seasons</strong> (<a href=\"https://doi.org/%s\">Lancet</a>): 79%%, 68%%, then 51%%. The revaccination question is coming.</li>"
             "<li><strong>Colchicine after MI in CKD</strong> (Lancet): neutral, more diarrhoea. No.</li></ul>\n\n"
             "Next fortnight: dapagliflozin in diuretic-resistant acute heart failure, and the cabotegravir PrEP trial for the ID enthusiasts." % LANCET_RSV["doi"]},
    {"date": "2026-11-27 16:45", "slug": "recall-roundup-november",
     "title": "Recall roundup: pen needles, ceftriaxone and a heparin vial mix-up",
     "tags": ["patient safety", "recalls"],
     "summary": "Three recalls from November that reached our wards, and what our pharmacy did about them.",
     "body": "November was a busy month for our pharmacy's recall inbox. Three that mattered on the wards:\n\n"
             "<ol><li><strong>Insulin pen needles with blocked cannulas.</strong> We found two boxes from affected batches in the diabetes day unit. Everyone who had been given a box in the last month got a phone call.</li>"
             "<li><strong>Ceftriaxone vials with particles.</strong> Nurses are now asked to look at every reconstituted vial against a light. Nobody found anything, but three batches went back.</li>"
             "<li><strong>Heparin vials labelled 1,000 units/mL that actually contain 5,000 units/mL</strong> (the US recall; our supplier was not affected). A good reminder that labels can be wrong, and that lot numbers matter.</li></ol>\n\n"
             "If your trust does not have a single place where clinicians see recalls, it should. Some of us read the <a href=\"https://www.gov.uk/drug-safety-update\">MHRA Drug Safety Update</a> and the FDA feeds in a terminal, which is one way to do it."},
]
