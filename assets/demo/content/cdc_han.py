"""CDC Health Alert Network: Health Advisories and Health Updates (RSS 2.0). Fictional."""


def _han(number, date, title, body):
    return {"date": date, "title": title, "body": body,
            "link": "https://www.cdc.gov/han/2026/han%05d.html" % number,
            "guid": "CDCHAN-%05d" % number}


ITEMS = [
    _han(531, "2026-10-20", "Oropouche Virus Disease Among Travelers Returning from the Americas: Updated Testing and Blood Donation Guidance",
         "Summary: The Centers for Disease Control and Prevention (CDC) is issuing this Health Advisory to update clinicians on the continued increase in travel-associated Oropouche virus disease, including cases among travelers returning from the Caribbean. This advisory updates testing recommendations and summarizes blood donation deferral guidance.\n\n"
         "<h4>Recommendations for Healthcare Providers</h4>\n\n"
         "<ul><li>Consider Oropouche virus infection in patients with fever, headache, and myalgia within 2 weeks of travel to affected areas, after excluding dengue.</li>"
         "<li>Test pregnant patients with compatible illness by RT-PCR and serology; report possible vertical transmission to the health department.</li>"
         "<li>Advise patients with recent travel to affected areas that blood establishments may defer donation for 28 days after return or after symptom resolution.</li></ul>"),
    _han(532, "2026-10-30", "Serious Adverse Events Associated with Counterfeit and Improperly Compounded GLP-1 Receptor Agonist Products",
         "Summary: CDC and FDA have received reports of hypoglycemia, severe vomiting with acute kidney injury, and injection-site abscesses among people using GLP-1 receptor agonist products purchased online without a prescription or prepared by compounders. Several products contained incorrect concentrations or were contaminated with bacteria.\n\n"
         "Clinicians should ask patients where they obtain GLP-1 receptor agonists, check for dosing errors involving units and milliliters, and report adverse events to MedWatch."),
    _han(533, "2026-11-09", "Health Update: Clinical Guidance for Human Infections with Highly Pathogenic Avian Influenza A(H5N1)",
         "Summary: This Health Update follows new human H5N1 infections among dairy and poultry workers. Most recent cases have presented with conjunctivitis, but two patients required hospitalization for pneumonia.\n\n"
         "<ul><li>Collect a conjunctival swab and a nasopharyngeal swab from patients with conjunctivitis or respiratory symptoms and relevant animal exposure within 10 days.</li>"
         "<li>Start oseltamivir as soon as possible, without waiting for test results.</li>"
         "<li>Offer oseltamivir postexposure prophylaxis to household contacts of confirmed cases.</li>"
         "<li>Notify the state or local health department immediately of any suspected case.</li></ul>"),
    _han(534, "2026-11-18", "Marburg Virus Disease Outbreak in Uganda: Guidance for Evaluating Ill Travelers",
         "Summary: CDC is issuing this Health Advisory to inform clinicians of the outbreak of Marburg virus disease (MVD) in Kasese and Bundibugyo districts, Uganda. The risk of MVD in the United States is low.\n\n"
         "Clinicians should obtain a travel history from patients with fever and ask about travel to the affected districts in the previous 21 days. For patients with compatible symptoms and epidemiological risk, isolate the patient in a single room with a private bathroom, use recommended personal protective equipment, and contact the health department immediately to arrange testing. Malaria testing should not be delayed."),
    _han(535, "2026-11-20", "Increase in Measles Cases and Risk of Importation During Holiday Travel",
         "Summary: As of November 19, 2026, 1,486 confirmed measles cases have been reported in 38 jurisdictions this year, the highest annual count since 2019. Most cases are among unvaccinated children and adolescents. With increased international travel during the holiday season, CDC urges clinicians to ensure patients are up to date with MMR vaccination.\n\n"
         "<h4>Recommendations for Healthcare Providers</h4>\n\n"
         "<ul><li>Infants 6 through 11 months should receive one dose of MMR before international travel.</li>"
         "<li>Consider measles in patients with fever and rash, and ask about travel and exposures.</li>"
         "<li>Isolate suspected cases immediately with airborne precautions and notify the health department.</li>"
         "<li>Administer postexposure prophylaxis to susceptible contacts: MMR within 72 hours or immune globulin within 6 days.</li></ul>"),
    _han(536, "2026-11-25", "Shortage of Benzathine Penicillin G: Prioritization for Syphilis Treatment",
         "Summary: Manufacturing delays have caused a national shortage of benzathine penicillin G that is expected to last into 2027. CDC recommends prioritizing available supply for pregnant people with syphilis and for infants with congenital syphilis, for whom there are no acceptable alternatives.\n\n"
         "For nonpregnant adults with primary, secondary, or early latent syphilis, doxycycline 100 mg orally twice daily for 14 days is an alternative; for late latent syphilis, 28 days. Ensure follow-up serology at 6 and 12 months."),
]
