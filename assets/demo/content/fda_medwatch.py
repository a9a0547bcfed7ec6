"""FDA MedWatch safety alerts (RSS 2.0): drug safety communications, shortages, device
communications. Drug names marked fictional below do not exist; the class-wide items are
written for the demo and are not FDA statements."""


def _alert(date, path, title, summary):
    return {"date": date, "path": path, "title": title, "summary": summary}


ITEMS = [
    _alert("2026-10-19", "drugs/drug-safety-and-availability/fda-drug-safety-communication-velmaritide-pancreatitis",
           "FDA Drug Safety Communication: FDA adds Warning about acute pancreatitis with necrosis to the prescribing information for Velmara (velmaritide)",
           "FDA is adding a Warning to the prescribing information for the weight management medicine Velmara (velmaritide), a dual GLP-1/amylin receptor agonist, about cases of necrotizing pancreatitis, some fatal. Health care professionals should discontinue velmaritide promptly if pancreatitis is suspected and should not restart it if pancreatitis is confirmed."),
    _alert("2026-10-23", "safety/medical-product-safety-information/fda-warns-patients-not-use-counterfeit-semaglutide-pens",
           "FDA warns consumers not to use counterfeit semaglutide pens found in the U.S. drug supply chain",
           "FDA has identified counterfeit semaglutide injection pens distributed through unauthorized online sellers. Some pens contained insulin instead of semaglutide, and several cases of severe hypoglycemia have been reported. Health care professionals and patients should check pens against the manufacturer's packaging features and obtain GLP-1 medicines only with a prescription from state-licensed pharmacies."),
    _alert("2026-10-28", "drugs/drug-safety-and-availability/fda-requires-boxed-warning-corvastatin-rhabdomyolysis-interaction",
           "FDA requires Boxed Warning about serious muscle injury when Corvalto (corvastatin) is taken with strong CYP3A4 inhibitors",
           "FDA is requiring a Boxed Warning, the agency's most prominent warning, on Corvalto (corvastatin) about rhabdomyolysis and acute kidney injury when taken with strong CYP3A4 inhibitors such as clarithromycin, itraconazole, and ritonavir-boosted antivirals. Prescribers should avoid the combination or temporarily stop corvastatin."),
    _alert("2026-11-02", "drugs/drug-shortages/amoxicillin-oral-powder-suspension-shortage",
           "Drug Shortage: Amoxicillin Oral Powder for Suspension (all strengths) added to FDA Drug Shortages List",
           "FDA has added amoxicillin oral powder for suspension, 125 mg/5 mL, 200 mg/5 mL, 250 mg/5 mL and 400 mg/5 mL, to the drug shortage list because of increased demand during the respiratory season and manufacturing delays. Pharmacists may compound suspensions from capsules when appropriate; prescribers are encouraged to consider amoxicillin chewable tablets for children able to take them."),
    _alert("2026-11-05", "medical-devices/safety-communications/glucose-monitoring-system-readings-may-be-falsely-high",
           "Certain Continuous Glucose Monitoring Sensors May Display Falsely High Readings: FDA Safety Communication",
           "FDA is informing patients and health care providers that some lots of a continuous glucose monitoring sensor manufactured by Lakeshore Diabetes Technologies may display falsely high glucose readings. Patients who rely on readings to dose insulin could give too much insulin and develop severe hypoglycemia. Users should confirm readings with a blood glucose meter if symptoms do not match readings."),
    _alert("2026-11-09", "drugs/drug-safety-and-availability/fda-drug-safety-communication-sglt2-inhibitors-ketoacidosis-surgery",
           "FDA reminds health care professionals to stop SGLT2 inhibitors before scheduled surgery to reduce the risk of ketoacidosis",
           "FDA continues to receive reports of euglycemic diabetic ketoacidosis in patients taking SGLT2 inhibitors around the time of surgery, including patients without diabetes who take these medicines for heart failure or chronic kidney disease. Canagliflozin, dapagliflozin, and empagliflozin should be stopped at least 3 days, and ertugliflozin at least 4 days, before scheduled surgery. Check ketones if patients are unwell."),
    _alert("2026-11-12", "vaccines-blood-biologics/safety-availability-biologics/recommendations-reduce-risk-transfusion-transmitted-oropouche-virus",
           "FDA Issues Recommendations to Reduce the Risk of Transfusion-Transmitted Oropouche Virus: Blood Donor Deferral for Recent Travel",
           "FDA is issuing guidance recommending that blood establishments defer individuals for 28 days after travel to areas with active Oropouche virus transmission, or after recovery from a diagnosed Oropouche infection. The recommendations apply to whole blood and blood components, including source plasma. Blood establishments should update donor history questionnaires within 60 days."),
    _alert("2026-11-16", "drugs/drug-shortages/sodium-chloride-09-injection-bags-shortage-update",
           "Drug Shortage Update: 0.9% Sodium Chloride Injection and Lactated Ringer's Injection in Flexible Containers",
           "Supply of large-volume parenteral fluids has improved, but shortages of 100 mL and 250 mL bags persist. FDA has extended temporary importation of fluids from approved foreign facilities. Health care facilities should continue conservation strategies, including oral hydration when clinically appropriate and use of IV push where safe."),
    _alert("2026-11-19", "drugs/drug-safety-and-availability/fda-drug-safety-communication-fluoroquinolones-aortic-aneurysm-reminder",
           "FDA Drug Safety Communication: Reminder to avoid fluoroquinolone antibiotics in patients with aortic aneurysm or at risk for aortic dissection",
           "FDA is reminding health care professionals that fluoroquinolones can increase the risk of aortic aneurysm rupture and dissection. Avoid prescribing fluoroquinolones to patients with a history of aneurysm, older adults with hypertension or peripheral atherosclerotic vascular disease, and patients with Marfan or Ehlers-Danlos syndrome, unless no other treatment options are available."),
    _alert("2026-11-24", "drugs/drug-safety-and-availability/fda-drug-safety-communication-elvanitumab-progressive-multifocal-leukoencephalopathy",
           "FDA Drug Safety Communication: Cases of progressive multifocal leukoencephalopathy reported with Zelvira (elvanitumab)",
           "FDA has received reports of progressive multifocal leukoencephalopathy (PML), including two deaths, in patients treated with Zelvira (elvanitumab) for moderate to severe ulcerative colitis. Most patients had received prior immunosuppressants. Health care professionals should be alert to new neurological symptoms, withhold elvanitumab if PML is suspected, and evaluate with MRI and cerebrospinal fluid testing for JC virus DNA."),
]
