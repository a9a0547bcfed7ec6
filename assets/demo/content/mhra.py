"""MHRA Drug Safety Update on GOV.UK (Atom 1.0: entry ids carry '#timestamp', summary and
HTML content). Firms and brand names are fictional; the advice is written for the demo."""

ITEMS = [
    {"date": "2026-10-20", "slug": "glp-1-receptor-agonists-counterfeit-and-unlicensed-products-advice-for-healthcare-professionals",
     "title": "GLP-1 receptor agonists: counterfeit and unlicensed products sold online",
     "summary": "We continue to receive Yellow Card reports of serious harm from GLP-1 receptor agonists bought online without a prescription. Ask patients where they obtain their medicine and report suspected counterfeit products.",
     "body": "Since January 2026, we have received 214 Yellow Card reports of suspected adverse reactions involving GLP-1 receptor agonists obtained from unregulated online sources, including severe hypoglycaemia, pancreatitis, and injection site infections. Laboratory testing of seized pens has found products containing insulin, incorrect concentrations of semaglutide, or bacterial contamination.\n\n"
             "<h2>Advice for healthcare professionals</h2>\n\n<ul><li>ask patients presenting with unexpected hypoglycaemia, vomiting or injection site infection whether they have bought weight-loss medicines online</li><li>advise patients that GLP-1 receptor agonists should only be obtained with a prescription from a registered pharmacy</li><li>report suspected counterfeit medicines and any adverse reactions via the <a href=\"https://yellowcard.mhra.gov.uk/\">Yellow Card scheme</a></li></ul>"},
    {"date": "2026-11-03", "slug": "letters-and-medicine-recalls-sent-to-healthcare-professionals-in-october-2026",
     "title": "Letters and medicine recalls sent to healthcare professionals in October 2026",
     "summary": "A summary of recent letters and notifications sent to healthcare professionals about medicines and medical devices.",
     "body": "In October 2026, the following letters were sent or provided to relevant healthcare professionals:\n\n"
             "<ul><li>Amoxicillin 125 mg/5 mL and 250 mg/5 mL oral suspension: supply disruption and advice on alternatives</li><li>Benzathine benzylpenicillin 2.4 million units powder for suspension for injection: limited supply until March 2027</li><li>MX-7 implantable cardioverter-defibrillators (Meridian Cardiac Systems): premature battery depletion in certain serial numbers</li></ul>\n\n"
             "<h2>Medicine recalls and notifications</h2>\n\n"
             "<table><thead><tr><th>Date</th><th>Product</th><th>Class</th><th>Reason</th></tr></thead><tbody>"
             "<tr><td>2 October</td><td>Metformin 500 mg prolonged-release tablets (Hallbrook)</td><td>Class 2</td><td>Nitrosamine impurity above acceptable intake</td></tr>"
             "<tr><td>14 October</td><td>OcuVera Artificial Tears</td><td>Class 1</td><td>Lack of sterility assurance</td></tr>"
             "<tr><td>27 October</td><td>Levothyroxine 50 microgram tablets (Verity)</td><td>Class 2</td><td>Subpotency on stability testing</td></tr>"
             "</tbody></table>"},
    {"date": "2026-11-06", "slug": "insulin-pen-needles-check-batches-for-blocked-needles-that-may-cause-missed-doses",
     "title": "Insulin pen needles: check batches for blocked needles that may cause missed doses",
     "summary": "Certain batches of CalderTip 4 mm and 5 mm pen needles (Calder Medical Supplies) have been recalled because some needles are blocked. Advise patients to perform a safety test before every injection.",
     "body": "We have received reports of hyperglycaemia and one case of diabetic ketoacidosis in patients who used blocked pen needles. The manufacturer has recalled affected batches (Class 1 medical device recall).\n\n"
             "<h2>Advice for healthcare professionals</h2>\n\n<ul><li>check stock and quarantine affected batches</li><li>remind patients to perform a 2-unit safety test before each injection and to change the needle if no insulin appears</li><li>consider a blocked needle in patients with unexplained hyperglycaemia</li></ul>"},
    {"date": "2026-11-12", "slug": "valproate-two-specialist-requirement-now-applies-to-patients-of-any-sex-under-55",
     "title": "Valproate: two-specialist requirement now applies to new patients of any sex under 55 years",
     "summary": "From 12 November 2026, valproate must not be started in new patients younger than 55 years unless two specialists independently consider and document that there is no other effective or tolerated treatment.",
     "body": "This measure extends to male patients the requirements previously in place for female patients. Patients currently taking valproate should not stop treatment without advice from a specialist.\n\n"
             "Prescribers should discuss the potential risks with male patients planning a family, including the need for effective contraception and the small possible risk of neurodevelopmental disorders in children whose father was taking valproate around the time of conception."},
    {"date": "2026-11-17", "slug": "methotrexate-once-weekly-dosing-errors-continue-to-cause-fatal-harm",
     "title": "Methotrexate once-weekly: dosing errors continue to cause fatal harm",
     "summary": "Inadvertent daily instead of weekly dosing of oral methotrexate continues to be reported, including deaths. Check that the day of the week is recorded on every prescription and in patient records.",
     "body": "Between 2023 and 2026 we received 38 reports of methotrexate overdose due to daily rather than weekly dosing, 9 of which were fatal. Errors occurred most often on transfer between care settings and on admission to hospital.\n\n"
             "<ul><li>record the day of the week for intake on the prescription and in the medicines administration record</li><li>remind patients of the once-weekly dosing at every review</li><li>consider methotrexate toxicity in patients with mucositis, cytopenia, or acute kidney injury</li></ul>"},
    {"date": "2026-11-24", "slug": "ceftriaxone-powder-for-solution-inspect-reconstituted-solutions-for-particles",
     "title": "Ceftriaxone powder for solution: inspect reconstituted solutions for particles",
     "summary": "Certain batches of ceftriaxone 1 g and 2 g powder for solution for injection are being recalled after visible particles were found during reconstitution.",
     "body": "The affected batches were supplied to hospitals between August and October 2026. No adverse reactions associated with the particles have been reported.\n\n"
             "Inspect all reconstituted ceftriaxone solutions before administration and do not use if particles are visible. Report any suspected adverse reactions via the Yellow Card scheme."},
    {"date": "2026-11-26", "slug": "sglt2-inhibitors-ketone-monitoring-during-acute-illness-in-patients-without-diabetes",
     "title": "SGLT2 inhibitors: ketone monitoring during acute illness, including in patients without diabetes",
     "summary": "Diabetic ketoacidosis with normal or only modestly raised blood glucose has been reported in patients taking SGLT2 inhibitors for heart failure or chronic kidney disease who do not have diabetes.",
     "body": "Cases occurred during acute illness, reduced food intake, dehydration, or around surgery. Blood glucose may be normal, so ketoacidosis may not be suspected.\n\n"
             "<ul><li>advise patients to pause SGLT2 inhibitors during acute illness with vomiting, diarrhoea, or reduced oral intake (sick day rules)</li><li>stop treatment before major surgery and restart when the patient is eating and drinking normally</li><li>measure blood ketones in unwell patients taking SGLT2 inhibitors, regardless of blood glucose</li></ul>"},
]
