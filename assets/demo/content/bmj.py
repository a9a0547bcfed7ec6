"""The BMJ latest articles (Atom). Research, education, news and comment. Fictional.

BMJ research papers have DOIs like 10.1136/bmj-2026-081234 (cited as e081234); other
content uses the year letter, 's' for 2026 (10.1136/bmj.s2345).
"""

import hashlib


def _seed(item):
    return int(hashlib.sha256(item["title"].encode()).hexdigest(), 16)


def identifiers(item):
    """(doi, url path) of an article."""
    if item["type"] == "Research":
        number = "0%05d" % (80000 + _seed(item) % 9000)
        return "10.1136/bmj-2026-" + number, "bmj-2026-" + number
    number = "s%d" % (2100 + _seed(item) % 700)
    return "10.1136/bmj." + number, "bmj." + number


def citation(item, path):
    return "e" + path.rsplit("-", 1)[1] if item["type"] == "Research" else path.split(".")[1]


ITEMS = [
    {"date": "2026-10-16", "type": "Research", "n": 9,
     "title": "Sodium-glucose cotransporter 2 inhibitors and risk of lower limb amputation: nationwide cohort study with active comparator",
     "abstract": "Objective: To assess whether SGLT2 inhibitors are associated with lower limb amputation compared with dipeptidyl peptidase-4 inhibitors in routine care.\n\nResults: Among 214 608 new users in Denmark, Norway, and Sweden, SGLT2 inhibitor use was not associated with an increased risk of amputation (hazard ratio 1.04, 95% confidence interval 0.88 to 1.23) over a mean follow-up of 3.1 years. Results were similar for canagliflozin.\n\nConclusions: These findings do not support a class effect on amputation risk."},
    {"date": "2026-10-18", "type": "News", "n": 1,
     "title": "Pharmacists warn of winter shortages of amoxicillin oral suspension",
     "abstract": "Community pharmacists say that stocks of amoxicillin oral suspension, used for children's chest infections and otitis media, are running low as respiratory infections rise. Prescribers are advised to consider capsules that can be opened, or dispersible tablets, and to check local supply before issuing prescriptions."},
    {"date": "2026-10-20", "type": "Practice", "n": 3,
     "title": "Managing atrial fibrillation in primary care: an update",
     "abstract": "This article summarises how to detect, assess, and treat atrial fibrillation, including stroke risk assessment with CHA2DS2-VA, choice of direct oral anticoagulant dose by weight and kidney function, when to refer for early rhythm control, and management of risk factors such as obesity, hypertension, sleep apnoea, and alcohol."},
    {"date": "2026-10-21", "type": "Editorials", "n": 2,
     "title": "Antibiotic duration: shorter is usually better",
     "abstract": "A growing set of trials shows that shorter antibiotic courses are as effective as longer ones for most common infections. Guidelines and prescribing systems should default to the shortest effective course, with clear advice to patients that stopping early is safe."},
    {"date": "2026-10-22", "type": "Research", "n": 8,
     "title": "Effect of a text message intervention on influenza and RSV vaccine uptake among adults aged 75 and over: cluster randomised trial in general practice",
     "abstract": "Objective: To evaluate whether personalised text message reminders increase uptake of seasonal influenza and RSV vaccines.\n\nResults: In 312 practices (118 430 patients), RSV vaccine uptake at 12 weeks was 61.2% with reminders and 55.8% with usual care (adjusted odds ratio 1.27, 95% confidence interval 1.16 to 1.39). Effects were largest in the most deprived areas.\n\nConclusions: Low-cost text reminders increased uptake and may reduce inequalities."},
    {"date": "2026-10-23", "type": "News", "n": 1,
     "title": "Measles: UK cases reach highest level for a decade as MMR uptake stalls",
     "abstract": "The UK Health Security Agency has reported more than 2400 confirmed measles cases so far this year, with clusters in London, the West Midlands, and Greater Manchester. Health leaders urged parents to check children's vaccination records before the school holidays, and reminded clinicians to isolate suspected cases and notify them promptly."},
    {"date": "2026-10-26", "type": "Analysis", "n": 5,
     "title": "GLP-1 receptor agonists for obesity in the NHS: who should get them first?",
     "abstract": "Demand for weight-lowering medicines far exceeds what health services can fund. The authors argue for prioritisation by absolute cardiovascular and kidney risk rather than body mass index alone, and outline a phased rollout with wraparound support.\n\nKey messages: Prioritise by risk, not BMI alone; plan for long-term treatment; monitor outcomes and equity."},
    {"date": "2026-10-28", "type": "Clinical Updates", "n": 3,
     "title": "Sepsis in adults: recognition and early management",
     "abstract": "Sepsis remains a leading cause of preventable death. This update covers use of the National Early Warning Score, the importance of senior review, blood cultures before antibiotics when this causes no delay, antibiotic choice and timing, fluid resuscitation in 250-500 mL boluses with reassessment, and when to escalate to critical care."},
    {"date": "2026-10-29", "type": "Research", "n": 10,
     "title": "Gabapentinoids and risk of fracture in older adults: target trial emulation",
     "abstract": "Objective: To estimate the effect of starting gabapentin or pregabalin on fracture risk in adults aged 65 and over.\n\nResults: Initiation of a gabapentinoid was associated with a 28% higher risk of hip fracture over 12 months compared with non-initiation (hazard ratio 1.28, 95% confidence interval 1.17 to 1.40), with greater risk when combined with opioids or benzodiazepines.\n\nConclusions: Prescribers should weigh fall and fracture risk when considering gabapentinoids in older people."},
    {"date": "2026-10-30", "type": "News", "n": 1,
     "title": "Blood services defer donors returning from Oropouche-affected countries",
     "abstract": "NHS Blood and Transplant has introduced a 28-day deferral for blood donors returning from countries in the Americas and the Caribbean with active Oropouche virus transmission, after reports of possible transfusion-associated cases elsewhere. Plasma and platelet donors are included. The service says the effect on supply should be small but urged eligible donors to keep appointments over winter."},
    {"date": "2026-11-02", "type": "Rapid Recommendations", "n": 12,
     "title": "Corticosteroids for adults with severe community-acquired pneumonia: a clinical practice guideline",
     "abstract": "What you need to know: The panel makes a weak recommendation for systemic corticosteroids in adults admitted to intensive care with severe community-acquired pneumonia, and a strong recommendation against their use in non-severe pneumonia. Patients with influenza pneumonia or those at high risk of hyperglycaemia may reasonably decline.\n\nThe recommendation is informed by a linked systematic review and network meta-analysis of 23 randomised trials."},
    {"date": "2026-11-03", "type": "Views and Reviews", "n": 1,
     "title": "The ward round is not dead, but it needs rethinking",
     "abstract": "Electronic records, shift patterns, and crowded bays have turned the ward round into a data-entry exercise. A consultant physician argues for shorter, more focused rounds with nurses and patients at the centre."},
    {"date": "2026-11-04", "type": "Research", "n": 9,
     "title": "Tirzepatide, semaglutide, and risk of acute pancreatitis and biliary disease: population based cohort study",
     "abstract": "Objective: To compare the risk of acute pancreatitis and biliary events in new users of tirzepatide and semaglutide for weight management.\n\nResults: Among 96 214 adults, incidence of acute pancreatitis was low with both drugs (1.4 and 1.3 per 1000 person years). Biliary events were more common in the first six months of treatment and with greater weight loss.\n\nConclusions: No meaningful difference in pancreatitis risk was observed; gallstone disease should be discussed when starting treatment."},
    {"date": "2026-11-06", "type": "News", "n": 1,
     "title": "Regulator issues alert after batches of insulin pen needles found with blocked cannulas",
     "abstract": "The MHRA has asked pharmacies and patients to check batches of a widely supplied brand of insulin pen needle after reports that some needles were blocked, leading to missed insulin doses. People with diabetes who notice that insulin is not delivered should change the needle and check their glucose. The manufacturer, Calder Medical Supplies, has recalled the affected batches."},
    {"date": "2026-11-09", "type": "Practice", "n": 4,
     "title": "Recognising measles in primary and urgent care",
     "abstract": "Measles is often missed at first presentation. This article describes the prodrome of fever, cough, coryza, and conjunctivitis, the appearance of Koplik spots and the rash, which patients are at risk of severe disease, how to isolate suspected cases in waiting rooms, and post-exposure prophylaxis with MMR vaccine or human normal immunoglobulin."},
    {"date": "2026-11-10", "type": "Editorials", "n": 2,
     "title": "Avian influenza A(H5N1) in humans: preparedness without panic",
     "abstract": "Sporadic human infections continue without sustained human-to-human transmission. The priorities are surveillance of exposed workers, rapid testing, early antivirals, and readiness of candidate vaccines."},
    {"date": "2026-11-11", "type": "Research", "n": 11,
     "title": "Finerenone versus spironolactone in heart failure with mildly reduced or preserved ejection fraction: target trial emulation using primary care data",
     "abstract": "Objective: To compare effectiveness and safety of finerenone and spironolactone in heart failure with ejection fraction above 40%.\n\nResults: Among 18 740 patients, finerenone was associated with similar rates of heart failure hospitalisation or cardiovascular death (hazard ratio 0.94, 95% confidence interval 0.82 to 1.08), fewer cases of gynaecomastia, and similar hyperkalaemia.\n\nConclusions: Spironolactone may remain a reasonable lower cost option for many patients."},
    {"date": "2026-11-12", "type": "News", "n": 1,
     "title": "Sodium valproate: new prescribing restrictions for men take effect",
     "abstract": "New measures requiring two specialists to agree before valproate is started in patients under 55 now apply to men as well as women, following a review of data on possible effects on fertility and on children conceived while fathers were taking the drug. Existing patients should not stop treatment without advice."},
    {"date": "2026-11-13", "type": "Feature", "n": 1,
     "title": "Inside the hunt for a hospital sink superbug",
     "abstract": "When carbapenem-resistant Klebsiella kept reappearing on a haematology unit, infection control teams followed the genomes to the plumbing. This feature tells the story of how hospitals are redesigning sinks, drains, and the places where medicines are prepared."},
    {"date": "2026-11-16", "type": "Research", "n": 8,
     "title": "Continuous glucose monitoring in adults with type 2 diabetes not using insulin: randomised controlled trial",
     "abstract": "Objective: To assess whether intermittently scanned continuous glucose monitoring improves glycaemic control in people with type 2 diabetes treated with oral agents or GLP-1 receptor agonists.\n\nResults: At 12 months, HbA1c was 3.1 mmol/mol lower with monitoring than with usual care (95% confidence interval 1.6 to 4.6). No effect was seen on weight or quality of life.\n\nConclusions: The modest benefit may not justify routine funding."},
    {"date": "2026-11-17", "type": "Letters", "n": 3,
     "title": "Shortage of benzathine benzylpenicillin: we need a sustainable supply",
     "abstract": "Sexual health clinicians describe rationing benzathine benzylpenicillin for syphilis, prioritising pregnant patients, and the clinical and public health consequences of using less effective alternatives."},
    {"date": "2026-11-18", "type": "News", "n": 1,
     "title": "WHO reports cluster of Marburg virus disease in western Uganda",
     "abstract": "The World Health Organization has reported eight confirmed cases of Marburg virus disease, including three deaths, in two districts of western Uganda. More than 400 contacts are being followed up, and a ring vaccination trial of an investigational vaccine has started. The risk to the UK is assessed as very low; clinicians should ask about travel in febrile patients returning from the region."},
    {"date": "2026-11-19", "type": "Clinical Updates", "n": 2,
     "title": "Heart failure with preserved ejection fraction: diagnosis and management",
     "abstract": "Breathless older adults with obesity, hypertension, or atrial fibrillation may have HFpEF even with normal-looking echocardiograms. This update covers natriuretic peptides (and their lower values in obesity), the H2FPEF score, SGLT2 inhibitors for all eligible patients, diuretics for congestion, and when to consider a GLP-1 receptor agonist."},
    {"date": "2026-11-20", "type": "Research", "n": 12,
     "title": "Nirmatrelvir-ritonavir prescribing and drug-drug interactions in older adults: cross sectional study of 1.2 million prescriptions",
     "abstract": "Objective: To quantify potentially serious interactions when nirmatrelvir-ritonavir is prescribed.\n\nResults: 14.8% of courses were dispensed to patients taking a drug with a contraindicated or severe interaction, most often a statin, tacrolimus, apixaban or rivaroxaban, amiodarone, or a calcium channel blocker. Hospital admissions for bleeding and hypotension were higher in the 30 days after co-dispensing.\n\nConclusions: Decision support at prescribing and dispensing could prevent harm."},
    {"date": "2026-11-23", "type": "Analysis", "n": 4,
     "title": "Drug shortages are a patient safety issue: time for a national early warning system",
     "abstract": "Shortages of antibiotics, hormone replacement therapy, ADHD medicines, and intravenous fluids have become routine. The authors propose mandatory early reporting by manufacturers, transparent stock data, and a clinical network to advise on alternatives."},
    {"date": "2026-11-24", "type": "News", "n": 1,
     "title": "Recall of ceftriaxone batches after particulate matter found in vials",
     "abstract": "Hospitals have been told to quarantine several batches of ceftriaxone 1 g and 2 g powder for injection after visible particles were found during reconstitution. Alternative supplies are available. Clinicians should inspect reconstituted solutions and report any suspected reactions through the Yellow Card scheme."},
    {"date": "2026-11-25", "type": "Research", "n": 10,
     "title": "Risk of sepsis after discharge from hospital in older adults: population based cohort study",
     "abstract": "Objective: To describe the incidence and risk factors of sepsis in the 90 days after hospital discharge.\n\nResults: Among 1.9 million discharges of patients aged 65 and over, 2.1% were followed by a sepsis admission within 90 days. Risk was highest after admissions with urinary tract infection, pneumonia, or Clostridioides difficile, and among care home residents.\n\nConclusions: Discharge planning should include safety netting for sepsis symptoms."},
    {"date": "2026-11-26", "type": "Editorials", "n": 2,
     "title": "Incretin-based drugs for atrial fibrillation: promising but not yet practice",
     "abstract": "A reduction in atrial fibrillation recurrence after ablation with semaglutide is encouraging. Before prescribing for this indication, we need longer follow-up, data in people without obesity, and clarity on cost."},
]
