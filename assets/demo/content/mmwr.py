"""CDC MMWR Weekly (RSS 2.0), Thursday issues of volume 75. Fictional reports."""

import datetime as dt


def _report(date, article, title, body):
    issue = dt.date.fromisoformat(date).isocalendar()[1]
    code = "mm75%02da%d" % (issue, article)
    return {"date": date, "title": title, "body": body, "guid": code,
            "link": "https://www.cdc.gov/mmwr/volumes/75/wr/%s.htm" % code}


ITEMS = [
    _report("2026-10-22", 1, "Measles Outbreak Associated with an Under-Vaccinated Religious Community - Ohio, June-September 2026",
            "What is already known: Measles outbreaks occur in close-knit communities with low MMR coverage.\n\n"
            "What is added by this report: An outbreak of 112 cases, 92% among unvaccinated persons, led to 19 hospitalizations. Community leaders helped organize vaccination clinics that administered 1,840 MMR doses.\n\n"
            "What are the implications for public health practice: Partnerships with trusted community leaders are essential to outbreak response."),
    _report("2026-10-22", 2, "Respiratory Syncytial Virus Vaccine Coverage Among Adults Aged 75 Years or Older - United States, 2025-26 Season",
            "Coverage with a single dose of RSV vaccine among adults aged 75 years or older reached 47.2%, up from 38.0% the previous season. Coverage was lower among Hispanic and Black adults and among residents of rural areas. Providers' recommendation was the strongest predictor of vaccination."),
    _report("2026-10-29", 1, "Carbapenemase-Producing Organisms Detected Through Admission Screening in Long-Term Acute Care Hospitals - 5 States, 2025-2026",
            "Admission screening detected carbapenemase-producing organisms in 9.4% of patients; NDM now exceeds KPC as the most common carbapenemase in two states. Facilities that screened all admissions and implemented contact precautions had lower rates of transmission."),
    _report("2026-10-29", 2, "Notes from the Field: Botulism Associated with Counterfeit Cosmetic Botulinum Toxin Injections - 3 States, September 2026",
            "Seven patients developed ptosis, dysphagia, and generalized weakness after receiving cosmetic injections from unlicensed providers; four required hospitalization and two received botulism antitoxin. Clinicians should ask about recent cosmetic injections in patients with descending paralysis."),
    _report("2026-11-05", 1, "Human Infections with Highly Pathogenic Avian Influenza A(H5N1) Virus Among Dairy and Poultry Workers - United States, 2026",
            "In 2026, 27 human H5N1 infections were reported among workers exposed to infected dairy cattle or poultry. Conjunctivitis was the most common presentation (81%). Use of eye protection was reported by fewer than one third of exposed workers."),
    _report("2026-11-05", 2, "Prescription Fills for SGLT2 Inhibitors Among Adults with Heart Failure - United States, 2019-2025",
            "Fills for SGLT2 inhibitors among adults with heart failure increased from 4% to 46%. Uptake was lower among adults aged 80 years or older and among those with Medicaid coverage. Out-of-pocket cost remains a barrier."),
    _report("2026-11-12", 1, "Sepsis-Associated Deaths Among Adults - United States, 2018-2024",
            "Sepsis was listed on 1 in 5 death certificates of adults who died in hospitals. Age-adjusted sepsis-associated death rates declined after 2021 but remain higher than before the COVID-19 pandemic, with the highest rates in the South."),
    _report("2026-11-12", 2, "Oropouche Virus Disease Among U.S. Travelers - United States, 2024-2026",
            "A total of 212 travel-associated Oropouche cases were reported, most after travel to Cuba, Brazil, or Peru. Neuroinvasive disease occurred in 4%. No locally acquired cases were identified. One possible vertical transmission was investigated."),
    _report("2026-11-19", 1, "Influenza, COVID-19, and RSV Hospitalization Rates Early in the 2026-27 Respiratory Season - RESP-NET, October-November 2026",
            "Hospitalization rates for RSV rose earlier than in previous seasons among adults aged 75 years or older and infants. Clinicians should ensure that eligible older adults and pregnant patients are offered RSV vaccination and infants receive nirsevimab or clesrovimab if indicated."),
    _report("2026-11-19", 2, "Notes from the Field: Cronobacter sakazakii Infections Among Infants Fed Powdered Formula - 2 States, October 2026",
            "Two infants developed Cronobacter meningitis after consuming powdered infant formula from the same product line; the manufacturer initiated a voluntary recall. Powdered formula is not sterile; caregivers of young and immunocompromised infants should be counseled on safe preparation."),
    _report("2026-11-26", 1, "Antimicrobial Resistance Among Neisseria gonorrhoeae Isolates - Gonococcal Isolate Surveillance Project, 2025",
            "Tetracycline resistance increased in cities with doxycycline postexposure prophylaxis programs. Ceftriaxone remains effective; no isolates had elevated ceftriaxone MICs. Continued surveillance and test of cure for pharyngeal gonorrhea are recommended."),
    _report("2026-11-26", 2, "Vital Signs: Measles Vaccination Coverage Among Kindergartners and Exemptions - United States, 2025-26 School Year",
            "Two-dose MMR coverage among kindergartners was 92.1%, and exemptions reached 4.3%, a record high. In 16 states, more than 5% of kindergartners had an exemption. Communities with coverage below 95% are at risk for sustained measles transmission."),
]
