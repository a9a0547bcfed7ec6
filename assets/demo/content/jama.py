"""JAMA (RSS 2.0): weekly Tuesday issues and online-first articles. Fictional.

The JAMA feed carries no DOI element: the DOI appears only in the citation line at the end
of the description, as on the real site.
"""

import datetime as dt
import hashlib
import html


def _seed(item):
    return int(hashlib.sha256(item["title"].encode()).hexdigest(), 16)


def identifiers(item):
    """(article number, doi, citation line)."""
    seed = _seed(item)
    number = 2841000 + seed % 3000
    doi = "10.1001/jama.2026.%d" % (17000 + seed % 6000)
    day = dt.date.fromisoformat(item["date"])
    if item.get("online"):
        cite = "JAMA. Published online %s. doi:%s" % (day.strftime("%B %-d, %Y"), doi)
    else:
        issue = (day - dt.date(2026, 7, 7)).days // 7 + 1
        first = 1400 + (issue - 14) * 110 + seed % 90
        length = {"Original Investigation": 10, "Review": 12, "Special Communication": 9}.get(
            item["type"], 2)
        cite = "JAMA. 2026;336(%d):%d-%d. doi:%s" % (issue, first, first + length - 1, doi)
    return number, doi, cite


def body(item):
    """Structured abstracts: 'Label: text' paragraphs become a bold label and the text."""
    out = []
    for block in item["abstract"].split("\n\n"):
        label, sep, rest = block.partition(": ")
        if sep and len(label) < 40:
            out.append("<p><strong>%s</strong> %s</p>" % (html.escape(label), html.escape(rest)))
        else:
            out.append("<p>%s</p>" % html.escape(block))
    return "".join(out)


ITEMS = [
    {"date": "2026-10-20", "type": "Original Investigation", "n": 10,
     "title": "Empagliflozin and Risk of Hospitalization for Heart Failure in Older Adults With Type 2 Diabetes and Frailty",
     "abstract": "Importance: Older adults with frailty are underrepresented in trials of sodium-glucose cotransporter 2 (SGLT2) inhibitors.\n\nObjective: To estimate the effectiveness and safety of empagliflozin vs sitagliptin in Medicare beneficiaries with frailty.\n\nResults: Among 88 240 matched patients (mean age, 78 years), empagliflozin was associated with a lower rate of heart failure hospitalization (hazard ratio, 0.68; 95% CI, 0.60-0.77) and a higher rate of genital infections; rates of fractures, volume depletion, and diabetic ketoacidosis were similar.\n\nConclusions and Relevance: Frailty alone should not preclude SGLT2 inhibitor treatment."},
    {"date": "2026-10-20", "type": "Viewpoint", "n": 2,
     "title": "Deprescribing in the Era of Cardiometabolic Polypharmacy",
     "abstract": "Patients now leave clinic with an SGLT2 inhibitor, a GLP-1 receptor agonist, a mineralocorticoid receptor antagonist, and a statin. The authors propose a framework for deciding which medicines to stop when goals of care change."},
    {"date": "2026-10-20", "type": "JAMA Clinical Guidelines Synopsis", "n": 3,
     "title": "Management of Community-Acquired Pneumonia in Adults",
     "abstract": "This synopsis summarizes the updated guideline on outpatient and inpatient antibiotic regimens, 5-day minimum durations for patients who are clinically stable, testing for influenza and SARS-CoV-2, and limited indications for corticosteroids."},
    {"date": "2026-10-22", "online": True, "type": "Original Investigation", "n": 9,
     "title": "RSV Prefusion F Vaccination and Guillain-Barré Syndrome in Adults 60 Years or Older",
     "abstract": "Importance: A possible association between RSV vaccines and Guillain-Barré syndrome (GBS) was signaled in postlicensure surveillance.\n\nResults: In a self-controlled case series of 9.8 million vaccinated adults, the risk of GBS in the 1 to 42 days after vaccination was elevated for adjuvanted and nonadjuvanted vaccines (incidence rate ratio, 2.3; 95% CI, 1.6-3.4), corresponding to approximately 7 excess cases per million doses.\n\nConclusions and Relevance: The small risk should be weighed against the substantial burden of RSV hospitalization in older adults."},
    {"date": "2026-10-27", "type": "Original Investigation", "n": 11,
     "title": "Balanced Crystalloids vs Saline in Children With Sepsis Treated in Emergency Departments",
     "abstract": "Importance: Whether balanced crystalloids improve outcomes in pediatric sepsis is uncertain.\n\nResults: In this cluster-randomized crossover trial in 28 emergency departments involving 8 604 children, 30-day mortality was 2.1% with balanced crystalloids and 2.4% with 0.9% saline (adjusted odds ratio, 0.88; 95% CI, 0.71-1.09); new or persistent kidney injury was less frequent with balanced fluids.\n\nConclusions and Relevance: Balanced crystalloids did not reduce mortality but may reduce kidney injury."},
    {"date": "2026-10-27", "type": "Research Letter", "n": 5,
     "title": "Trends in Measles Hospitalizations Among US Children, 2019-2026",
     "abstract": "Using a national inpatient database, we found that pediatric measles hospitalizations in the first 9 months of 2026 exceeded any full year since 2019; 84% of hospitalized children were unvaccinated, and pneumonia was the most common complication."},
    {"date": "2026-10-27", "type": "Medical News", "n": 1,
     "title": "Dairy Farm Workers, Conjunctivitis, and the Slow Spread of H5N1 Testing",
     "abstract": "Two years into the H5N1 outbreak in US dairy cattle, testing of symptomatic workers remains inconsistent. Clinicians in rural areas describe barriers and what to ask patients with red eyes."},
    {"date": "2026-11-03", "type": "Original Investigation", "n": 10,
     "title": "Apixaban vs Rivaroxaban for Atrial Fibrillation in Patients With Advanced Chronic Kidney Disease",
     "abstract": "Importance: Comparative data on direct oral anticoagulants in stage 4 and 5 chronic kidney disease are limited.\n\nResults: In a cohort of 21 622 patients with atrial fibrillation and eGFR below 30 mL/min/1.73 m², apixaban was associated with lower rates of major bleeding (hazard ratio, 0.71; 95% CI, 0.62-0.82) and similar rates of ischemic stroke compared with rivaroxaban.\n\nConclusions and Relevance: Apixaban may be preferred when anticoagulation is indicated in advanced CKD."},
    {"date": "2026-11-03", "type": "Review", "n": 3,
     "title": "Diagnosis and Treatment of Clostridioides difficile Infection: A Review",
     "abstract": "Observations: Two-step testing reduces overdiagnosis of colonization. Fidaxomicin is preferred for initial and recurrent episodes where available; vancomycin is an alternative. Fecal microbiota-based therapies reduce recurrence after multiple episodes. Bezlotoxumab is no longer available.\n\nConclusions and Relevance: Antimicrobial stewardship and diagnostic stewardship remain central to prevention."},
    {"date": "2026-11-03", "type": "JAMA Patient Page", "n": 1,
     "title": "What Is Atrial Fibrillation?",
     "abstract": "Atrial fibrillation is a common irregular heart rhythm that can cause palpitations, breathlessness, and stroke. This page explains symptoms, stroke prevention, and treatments, including medicines, ablation, and weight loss."},
    {"date": "2026-11-06", "online": True, "type": "Original Investigation", "n": 9,
     "title": "Antibiotic Prophylaxis With Doxycycline After Sex and Antimicrobial Resistance in Neisseria gonorrhoeae",
     "abstract": "Importance: Doxycycline postexposure prophylaxis (doxy-PEP) reduces bacterial sexually transmitted infections, but may select for resistance.\n\nResults: In surveillance of 4 912 gonococcal isolates from 11 cities, the proportion with high-level tetracycline resistance rose from 21% to 38% in the 2 years after doxy-PEP implementation; no change in ceftriaxone susceptibility was detected.\n\nConclusions and Relevance: Ongoing resistance monitoring should accompany doxy-PEP programs."},
    {"date": "2026-11-10", "type": "Original Investigation", "n": 12,
     "title": "Semaglutide and Incident Dementia in Adults With Type 2 Diabetes: A Target Trial Emulation",
     "abstract": "Importance: Observational studies suggest GLP-1 receptor agonists may lower dementia risk.\n\nResults: Among 143 560 adults aged 60 years or older, initiation of semaglutide vs a DPP-4 inhibitor was associated with a lower 3-year risk of dementia (2.9% vs 3.4%; hazard ratio, 0.84; 95% CI, 0.76-0.93). Estimates were attenuated in negative control analyses.\n\nConclusions and Relevance: Residual confounding cannot be excluded; randomized trials are needed."},
    {"date": "2026-11-10", "type": "Editorial", "n": 2,
     "title": "GLP-1 Receptor Agonists and the Brain - Hope, Hype, and Healthy User Bias",
     "abstract": "The appeal of a diabetes drug that prevents dementia is obvious. So are the pitfalls of observational comparisons between patients who start new, expensive drugs and those who do not."},
    {"date": "2026-11-10", "type": "US Preventive Services Task Force Recommendation Statement", "n": 14,
     "title": "Screening for Atrial Fibrillation: US Preventive Services Task Force Recommendation Statement",
     "abstract": "The USPSTF concludes that the current evidence is insufficient to assess the balance of benefits and harms of screening for atrial fibrillation in asymptomatic adults 50 years or older (I statement), noting new trial data on consumer wearable devices and the need for outcome trials."},
    {"date": "2026-11-13", "online": True, "type": "Research Letter", "n": 6,
     "title": "Drug Shortages of Sterile Injectables in US Hospitals, 2022-2026",
     "abstract": "Using national shortage data, we found that active shortages of sterile injectable drugs rose from 142 to 201 between 2022 and 2026; chemotherapy agents, local anesthetics, and intravenous fluids accounted for nearly half. Median shortage duration was 14 months."},
    {"date": "2026-11-17", "type": "Original Investigation", "n": 11,
     "title": "Early Goal-Directed Mobilization in Patients Receiving Mechanical Ventilation for Sepsis",
     "abstract": "Importance: Early mobilization may reduce intensive care unit (ICU)-acquired weakness.\n\nResults: In 1 206 adults with sepsis who were mechanically ventilated, an early goal-directed mobilization protocol did not increase days alive and out of hospital at 180 days (median, 142 vs 139 days) and was associated with more adverse events, including arrhythmias and desaturation.\n\nConclusions and Relevance: These findings do not support early intensive mobilization in this population."},
    {"date": "2026-11-17", "type": "JAMA Insights", "n": 2,
     "title": "Treatment of Hyperkalemia in Patients Receiving Renin-Angiotensin-Aldosterone System Inhibitors",
     "abstract": "Potassium binders can allow continuation of guideline-directed medical therapy in heart failure and chronic kidney disease. This article reviews sodium zirconium cyclosilicate, patiromer, dietary advice, and when to reduce doses."},
    {"date": "2026-11-17", "type": "Medical News", "n": 1,
     "title": "Why Another Winter of IV Fluid Shortages May Be Avoidable",
     "abstract": "Manufacturing capacity has recovered since the 2024 hurricane damage, but hospitals say conservation measures remain in place. Experts discuss stockpiles, purchasing contracts, and oral rehydration."},
    {"date": "2026-11-20", "online": True, "type": "Special Communication", "n": 8,
     "title": "Recommendations for Clinical Management of Human Avian Influenza A(H5N1) Infection",
     "abstract": "A multidisciplinary panel recommends oseltamivir for all patients with suspected or confirmed H5N1 infection regardless of time since symptom onset, testing of conjunctival and nasopharyngeal specimens, airborne precautions in hospital, and postexposure prophylaxis for household contacts."},
    {"date": "2026-11-24", "type": "Original Investigation", "n": 10,
     "title": "Home Hospital vs Traditional Hospital Care for Acute Decompensated Heart Failure",
     "abstract": "Importance: Hospital-at-home programs are expanding, but evidence in heart failure is limited.\n\nResults: In this randomized clinical trial of 604 patients, home hospital care with intravenous diuretics and remote monitoring was noninferior to inpatient care for 30-day readmission or death (18.2% vs 19.9%) and reduced hospital-acquired delirium.\n\nConclusions and Relevance: Home hospital care is a feasible option for selected patients with acute heart failure."},
    {"date": "2026-11-24", "type": "Viewpoint", "n": 2,
     "title": "Measles Outbreaks and the Legal Landscape of School Vaccine Exemptions",
     "abstract": "Several states have broadened nonmedical exemptions since 2024. The authors review legal challenges and the public health tools that remain when exemption rates exceed 5%."},
    {"date": "2026-11-24", "type": "Research Letter", "n": 5,
     "title": "Uptake of Nirsevimab and Maternal RSV Vaccination Among US Infants, 2025-2026 Season",
     "abstract": "In a national claims analysis, 61% of infants born between October and March were protected by nirsevimab, maternal vaccination, or both; uptake was lowest among infants covered by Medicaid in rural counties."},
    {"date": "2026-11-25", "online": True, "type": "Original Investigation", "n": 9,
     "title": "Ceftriaxone Dosing of 1 g vs 2 g Daily and Clinical Outcomes in Hospitalized Adults With Pneumonia",
     "abstract": "Importance: Ceftriaxone doses for community-acquired pneumonia vary across countries.\n\nResults: In a target trial emulation including 64 880 hospitalized adults, 2 g daily was not associated with lower 30-day mortality compared with 1 g daily (risk difference, -0.2 percentage points; 95% CI, -0.7 to 0.3), and was associated with more C difficile infection.\n\nConclusions and Relevance: A 1-g daily dose may be sufficient for most patients without risk factors for resistant organisms."},
]
