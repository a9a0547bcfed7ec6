"""A PubMed saved search (PubMed's RSS 2.0: dc:creator per author, dc:identifier pmid: and
doi:, utm-tagged links). Fictional records, except that the NEJM trial shared with other
feeds keeps its DOI and PMID."""

import datetime as dt
import hashlib

from .common import NEJM_SHARED

# journal abbreviation -> (DOI template, citation style)
#   {n} is a per-article number; 'ahead' citations end in "Online ahead of print."
JOURNALS = {
    "JACC Heart Fail": ("10.1016/j.jchf.2026.10.{n3}", "ahead-pii", "S2213-1779(26)00{n3}-{c}"),
    "Eur Heart J": ("10.1093/eurheartj/ehag{n3}", "ahead-eloc", "ehag{n3}"),
    "Circulation": ("10.1161/CIRCULATIONAHA.126.07{n4}", "ahead", None),
    "Cardiovasc Diabetol": ("10.1186/s12933-026-0{n4}-{c}", "issue", "25(1):{n3}"),
    "ESC Heart Fail": ("10.1002/ehf2.15{n3}", "ahead", None),
    "Heart Rhythm": ("10.1016/j.hrthm.2026.10.{n3}", "ahead-pii", "S1547-5271(26)0{n4}-{c}"),
    "Diabetes Obes Metab": ("10.1111/dom.16{n3}", "ahead", None),
    "JAMA Cardiol": ("10.1001/jamacardio.2026.4{n3}", "ahead-eloc", "e26{n4}"),
    "Europace": ("10.1093/europace/euag{n3}", "issue", "28(11):euag{n3}"),
    "Eur J Heart Fail": ("10.1002/ejhf.3{n3}", "ahead", None),
    "J Am Heart Assoc": ("10.1161/JAHA.126.04{n4}", "ahead-eloc", "e04{n4}"),
    "Kidney Int": ("10.1016/j.kint.2026.10.0{n2}", "ahead-pii", "S0085-2538(26)00{n3}-{c}"),
}


def _seed(item):
    return int(hashlib.sha256(item["title"].encode()).hexdigest(), 16)


def _fill(template, seed):
    return template.format(n2="%02d" % (seed % 90 + 10), n3="%03d" % (seed % 900 + 100),
                           n4="%04d" % (seed % 9000 + 1000), c="0123456789X"[seed % 11])


def identifiers(item):
    """(pmid, doi) of a record; also sets item['citation'] in PubMed's style."""
    seed = _seed(item)
    day = dt.date.fromisoformat(item["date"])
    when = "2026 %s %d" % (day.strftime("%b"), day.day)
    if "pmid" in item:
        pmid, doi = item["pmid"], item["doi"]
        item["citation"] = ("%s. %s. doi: %s. Online ahead of print." % (item["journal"], when, doi))
        return pmid, doi
    pmid = 42150000 + (day - dt.date(2026, 10, 16)).days * 5300 + seed % 4000
    doi_t, style, loc_t = JOURNALS[item["journal"]]
    doi = _fill(doi_t, seed)
    loc = _fill(loc_t, seed) if loc_t else None
    if style == "issue":
        item["citation"] = "%s. %s;%s. doi: %s." % (item["journal"], when, loc, doi)
    elif style == "ahead":
        item["citation"] = "%s. %s. doi: %s. Online ahead of print." % (item["journal"], when, doi)
    else:
        item["citation"] = "%s. %s:%s. doi: %s. Online ahead of print." % (item["journal"], when, loc, doi)
    return pmid, doi


ITEMS = [
    {"date": "2026-11-17", "journal": "N Engl J Med", "pmid": NEJM_SHARED["pmid"],
     "doi": NEJM_SHARED["doi"], "authors": NEJM_SHARED["authors_pubmed"],
     "title": NEJM_SHARED["title"] + ".",
     "abstract": "BACKGROUND: Obesity is associated with recurrence of atrial fibrillation after catheter ablation, but whether pharmacologic weight reduction lowers recurrence is unknown.\n\nMETHODS: In this double-blind trial, we randomly assigned 1210 patients with a body-mass index of 30 or more who had undergone first pulmonary-vein isolation to once-weekly subcutaneous semaglutide 2.4 mg or placebo. The primary end point was recurrence of atrial arrhythmia lasting at least 30 seconds on an implantable loop recorder after a 3-month blanking period.\n\nRESULTS: At 18 months, recurrence occurred in 29.8% of the semaglutide group and 41.6% of the placebo group (hazard ratio, 0.66; 95% confidence interval, 0.55 to 0.80; P<0.001).\n\nCONCLUSIONS: Among patients with obesity who underwent catheter ablation, semaglutide reduced recurrence of atrial arrhythmia. (WAVE-AF ClinicalTrials.gov number, NCT07981204.)"},
    {"date": "2026-10-16", "journal": "JACC Heart Fail", "n": 8,
     "title": "Dapagliflozin and Loop Diuretic Requirements After Discharge for Heart Failure With Reduced Ejection Fraction: A Secondary Analysis of a Randomized Trial.",
     "abstract": "Patients starting dapagliflozin during hospitalization required lower loop diuretic doses at 90 days than those receiving placebo (mean furosemide-equivalent difference, -14 mg/day). Reductions were greatest among patients with eGFR above 45 mL/min/1.73 m2. Lower diuretic requirement was not associated with more congestion events."},
    {"date": "2026-10-17", "journal": "Cardiovasc Diabetol", "n": 7,
     "title": "Epicardial adipose tissue volume and incident atrial fibrillation in type 2 diabetes treated with GLP-1 receptor agonists: a prospective CT cohort.",
     "abstract": "Among 1,144 adults with type 2 diabetes, GLP-1 receptor agonist treatment was associated with a 14% reduction in epicardial adipose tissue volume over 2 years. Each 10 mL reduction was associated with lower incidence of atrial fibrillation, independent of body-mass index change."},
    {"date": "2026-10-20", "journal": "Eur Heart J", "n": 12,
     "title": "Finerenone and new-onset atrial fibrillation in patients with heart failure with mildly reduced or preserved ejection fraction: a post hoc analysis.",
     "abstract": "In a post hoc analysis of a randomized trial, finerenone reduced new-onset atrial fibrillation or flutter compared with placebo (hazard ratio 0.79, 95% CI 0.64-0.97). The effect was consistent across baseline ejection fraction and kidney function subgroups."},
    {"date": "2026-10-21", "journal": "Heart Rhythm", "n": 6,
     "title": "SGLT2 inhibitor use and atrial arrhythmia recurrence after pulsed-field ablation: a multicenter registry.",
     "abstract": "Among 3,208 patients undergoing first pulsed-field ablation, SGLT2 inhibitor use at the time of ablation was associated with lower 12-month recurrence of atrial arrhythmia (adjusted hazard ratio 0.81, 95% CI 0.69-0.95). Residual confounding by indication is possible."},
    {"date": "2026-10-23", "journal": "ESC Heart Fail", "n": 9,
     "title": "Tolerability of sequential initiation of quadruple therapy in heart failure with reduced ejection fraction in older patients: a real-world analysis.",
     "abstract": "Among 2,416 patients aged 75 years or older, rapid initiation of beta-blocker, renin-angiotensin inhibitor, mineralocorticoid receptor antagonist, and SGLT2 inhibitor within 6 weeks was achieved in 38%. Symptomatic hypotension and hyperkalemia were the main reasons for delay, and discontinuation rates were similar to those in younger patients."},
    {"date": "2026-10-26", "journal": "Diabetes Obes Metab", "n": 7,
     "title": "Tirzepatide and cardiac structure in obesity-related heart failure with preserved ejection fraction: a cardiac magnetic resonance substudy.",
     "abstract": "In 186 participants, tirzepatide reduced left ventricular mass and pericardial fat compared with placebo at 52 weeks. Reductions in left ventricular mass correlated with reductions in body weight and systolic blood pressure."},
    {"date": "2026-10-27", "journal": "Circulation", "n": 10,
     "title": "Semaglutide and Heart Failure Events Across the Spectrum of Kidney Function: Pooled Analysis of Randomized Trials.",
     "abstract": "Across 4 randomized trials, the effect of semaglutide on heart failure events was consistent across eGFR categories, including eGFR below 45 mL/min/1.73 m2. Absolute risk reductions were largest in patients with the lowest kidney function."},
    {"date": "2026-10-29", "journal": "J Am Heart Assoc", "n": 6,
     "title": "Sex Differences in Prescription of SGLT2 Inhibitors After Hospitalization for Heart Failure: A Nationwide Cohort.",
     "abstract": "Among 61,022 patients discharged after heart failure hospitalization, women were less likely than men to receive an SGLT2 inhibitor within 90 days (48% vs 57%), after adjustment for ejection fraction, kidney function, and age. The gap narrowed in hospitals with heart failure nurse-led transition programs."},
    {"date": "2026-10-30", "journal": "Europace", "n": 8,
     "title": "Weight loss trajectories and atrial fibrillation burden after catheter ablation: insights from continuous monitoring.",
     "abstract": "In 612 patients with implantable loop recorders after ablation, sustained weight loss of 10% or more was associated with lower atrial fibrillation burden at 2 years. Weight regain attenuated the association."},
    {"date": "2026-11-02", "journal": "Eur J Heart Fail", "n": 11,
     "title": "Early in-hospital initiation of empagliflozin and 1-year outcomes in acute heart failure: a registry-based randomized trial.",
     "abstract": "Among 1,732 patients hospitalized with acute heart failure, initiation of empagliflozin within 48 hours of admission reduced the composite of death or heart failure readmission at 1 year compared with initiation at discharge (hazard ratio 0.86, 95% CI 0.74-0.99)."},
    {"date": "2026-11-03", "journal": "Kidney Int", "n": 7,
     "title": "Combined SGLT2 inhibitor and finerenone therapy and hyperkalemia risk in chronic kidney disease with heart failure.",
     "abstract": "Concomitant SGLT2 inhibitor therapy was associated with a lower risk of hyperkalemia among patients starting finerenone (potassium >5.5 mmol/L: 7.1% vs 11.8%). These data support combination therapy in patients with CKD and heart failure."},
    {"date": "2026-11-05", "journal": "JAMA Cardiol", "n": 9,
     "title": "GLP-1 Receptor Agonists and Risk of Ventricular Arrhythmias in Patients With Implantable Cardioverter-Defibrillators.",
     "abstract": "In a cohort of 8,960 patients with an implantable cardioverter-defibrillator, GLP-1 receptor agonist use was not associated with appropriate device therapies (hazard ratio 0.97, 95% CI 0.83-1.13). Resting heart rate increased by a mean of 3 beats per minute."},
    {"date": "2026-11-06", "journal": "JACC Heart Fail", "n": 10,
     "title": "Natriuretic Peptide Levels and Response to Semaglutide in Obesity-Related HFpEF.",
     "abstract": "In a participant-level analysis, semaglutide improved symptoms and physical limitations irrespective of baseline NT-proBNP. NT-proBNP levels fell by 18% with semaglutide despite weight loss, which usually raises natriuretic peptide concentrations."},
    {"date": "2026-11-09", "journal": "Heart Rhythm", "n": 7,
     "title": "Bariatric surgery versus GLP-1 receptor agonist therapy and atrial fibrillation recurrence after ablation: a propensity-matched study.",
     "abstract": "Among 1,286 matched patients with severe obesity, bariatric surgery and GLP-1 receptor agonist therapy before ablation were associated with similar 2-year arrhythmia-free survival (68% vs 64%). Both were superior to no weight-loss intervention."},
    {"date": "2026-11-10", "journal": "Cardiovasc Diabetol", "n": 8,
     "title": "Sotagliflozin and ventricular remodelling after myocardial infarction in patients with type 2 diabetes: a randomized imaging trial.",
     "abstract": "Sotagliflozin reduced left ventricular end-systolic volume index at 6 months compared with placebo in 212 patients with type 2 diabetes and recent anterior myocardial infarction. No difference in infarct size was observed."},
    {"date": "2026-11-12", "journal": "Eur Heart J", "n": 14,
     "title": "Incretin-based therapies and outcomes in heart failure with reduced ejection fraction: a meta-analysis of randomized trials.",
     "abstract": "Across 7 trials (n=5,812) in heart failure with reduced ejection fraction, GLP-1 receptor agonists did not reduce heart failure hospitalization or cardiovascular death (risk ratio 1.02, 95% CI 0.88-1.18). The benefits seen in HFpEF should not be extrapolated to HFrEF."},
    {"date": "2026-11-13", "journal": "ESC Heart Fail", "n": 6,
     "title": "Euglycaemic diabetic ketoacidosis with SGLT2 inhibitors in patients hospitalized for heart failure: a case series and pharmacovigilance analysis.",
     "abstract": "We describe 43 cases of euglycaemic diabetic ketoacidosis in patients with heart failure receiving SGLT2 inhibitors, most associated with reduced oral intake, surgery, or insulin dose reduction. Ketone monitoring during acute illness is recommended."},
    {"date": "2026-11-16", "journal": "Circulation", "n": 9,
     "title": "Atrial Fibrillation Burden and Heart Failure Hospitalization in Patients With Obesity: Secondary Analysis of a Randomized Trial of Semaglutide.",
     "abstract": "Among participants with continuous monitoring, each 10% increase in atrial fibrillation burden was associated with a higher risk of heart failure hospitalization. Semaglutide reduced atrial fibrillation burden relative to placebo."},
    {"date": "2026-11-18", "journal": "Diabetes Obes Metab", "n": 8,
     "title": "Discontinuation of GLP-1 receptor agonists before elective cardiac procedures and periprocedural aspiration: a multicentre cohort.",
     "abstract": "Among 4,118 patients undergoing catheter ablation or transoesophageal echocardiography under sedation, pulmonary aspiration was rare (0.12%) and did not differ by whether GLP-1 receptor agonists were held for at least 7 days. Residual gastric content on ultrasound was more common with continued treatment."},
    {"date": "2026-11-19", "journal": "J Am Heart Assoc", "n": 7,
     "title": "Cost-Effectiveness of Finerenone Added to SGLT2 Inhibitors in Heart Failure With Preserved Ejection Fraction.",
     "abstract": "At current US prices, adding finerenone to an SGLT2 inhibitor in HFpEF had an incremental cost-effectiveness ratio of $86,000 per quality-adjusted life-year. Results were sensitive to drug price and to the rate of hyperkalemia monitoring."},
    {"date": "2026-11-20", "journal": "Europace", "n": 9,
     "title": "Dapagliflozin and atrial fibrillation burden in patients with implanted pacemakers: a randomized, placebo-controlled trial.",
     "abstract": "In 480 patients with dual-chamber pacemakers and paroxysmal atrial fibrillation, dapagliflozin did not significantly reduce atrial fibrillation burden at 12 months compared with placebo (median 1.8% vs 2.4%)."},
    {"date": "2026-11-23", "journal": "JAMA Cardiol", "n": 8,
     "title": "Use of SGLT2 Inhibitors and GLP-1 Receptor Agonists Among Patients With Heart Failure and Diabetes, 2020-2026.",
     "abstract": "In a national cohort, combined use of SGLT2 inhibitors and GLP-1 receptor agonists rose from 6% to 27% among patients with heart failure and type 2 diabetes. Out-of-pocket costs and Medicare Part D coverage were associated with lower uptake."},
    {"date": "2026-11-24", "journal": "Eur J Heart Fail", "n": 10,
     "title": "Safety of tirzepatide in patients with heart failure with reduced ejection fraction: a pooled analysis.",
     "abstract": "In pooled data from 3 trials including 412 patients with reduced ejection fraction, tirzepatide was not associated with worsening heart failure. Heart rate increased and 6% discontinued for gastrointestinal intolerance."},
    {"date": "2026-11-25", "journal": "Kidney Int", "n": 8,
     "title": "Initial eGFR dip after SGLT2 inhibitor initiation and long-term kidney outcomes in heart failure.",
     "abstract": "An initial eGFR decline of up to 20% after SGLT2 inhibitor initiation was not associated with worse long-term kidney outcomes. Declines above 30% warranted review of volume status and concomitant diuretic dose."},
    {"date": "2026-11-26", "journal": "JACC Heart Fail", "n": 9,
     "title": "Semaglutide and Atrial Fibrillation in Heart Failure With Preserved Ejection Fraction: Time for Trials With Rhythm End Points.",
     "abstract": "This review discusses mechanisms linking obesity, epicardial adipose tissue, atrial myopathy, and atrial fibrillation in HFpEF, summarises recent randomized evidence including trials of incretin-based therapies after ablation, and proposes rhythm end points for future trials."},
]
