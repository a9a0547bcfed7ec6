"""WHO Disease Outbreak News (RSS 2.0 with CDATA HTML). Fictional events and figures."""

ITEMS = [
    {"date": "2026-10-16", "slug": "2026-DON598", "disease": "Cholera",
     "title": "Cholera - Sudan",
     "body": "<h3>Situation at a glance</h3>\n\n"
             "Between 1 August and 10 October 2026, the Federal Ministry of Health of Sudan reported 18 460 suspected cholera cases, including 402 deaths (case fatality ratio 2.2%), from 9 states. The outbreak has spread as flooding and displacement have damaged water and sanitation infrastructure, and access to health facilities is limited in conflict-affected areas.\n\n"
             "<h3>Public health response</h3>\n\n"
             "<ul><li>Reactive oral cholera vaccination campaigns have reached 1.2 million people with a single dose.</li><li>Oral rehydration points and cholera treatment centres have been established in the most affected localities.</li><li>Water chlorination and risk communication are ongoing.</li></ul>\n\n"
             "<h3>WHO risk assessment</h3>\n\nWHO assesses the risk as <strong>very high</strong> at the national level and high at the regional level."},
    {"date": "2026-10-21", "slug": "2026-DON599", "disease": "Avian influenza",
     "title": "Avian Influenza A(H5N1) - Cambodia",
     "body": "On 14 October 2026, the International Health Regulations National Focal Point for Cambodia notified WHO of a laboratory-confirmed human infection with avian influenza A(H5N1) in a 9-year-old child from Takeo province. The child developed fever, cough, and dyspnoea after handling sick backyard poultry and was admitted to intensive care; treatment with oseltamivir was started on day 4 of illness.\n\n"
             "Virus sequencing identified clade 2.3.2.1e, which has caused poultry outbreaks in Cambodia since 2023. No additional cases have been detected among 38 contacts, who received oseltamivir prophylaxis.\n\n"
             "<h3>WHO risk assessment</h3>\n\nBased on available information, WHO assesses the risk to the general population posed by this virus as <strong>low</strong>, and the risk for people occupationally or otherwise exposed to infected animals as low to moderate."},
    {"date": "2026-10-28", "slug": "2026-DON600", "disease": "Mpox",
     "title": "Mpox clade Ib - Multi-country",
     "body": "Since the last update, 7 additional countries have reported travel-associated cases of mpox clade Ib, bringing the total outside Africa to 31 countries. Limited onward transmission within households has been documented in 5 of these countries. In the Democratic Republic of the Congo, Burundi, and Uganda, transmission continues through sexual contact and within households, and children account for a substantial proportion of cases.\n\n"
             "<h3>WHO advice</h3>\n\n"
             "<ul><li>Vaccination of contacts and people at highest risk with MVA-BN or LC16m8.</li><li>Clinicians should consider mpox in patients with a compatible rash, including genital lesions, regardless of travel history.</li><li>Cases should isolate until all lesions have crusted and a fresh layer of skin has formed.</li></ul>"},
    {"date": "2026-11-06", "slug": "2026-DON602", "disease": "Marburg virus disease",
     "title": "Marburg virus disease - Uganda",
     "body": "On 2 November 2026, the Ministry of Health of Uganda declared an outbreak of Marburg virus disease (MVD) after laboratory confirmation of the virus in samples from two patients in Kasese district. As of 5 November, three confirmed cases, including two deaths, have been reported; one of the deceased was a health worker. A total of 146 contacts have been listed and are under follow-up for 21 days.\n\n"
             "<h3>Public health response</h3>\n\n"
             "Rapid response teams have been deployed, an isolation unit has been established, and infection prevention and control measures have been reinforced in health facilities. WHO is supporting preparations for a possible trial of investigational vaccines and therapeutics.\n\n"
             "<h3>WHO risk assessment</h3>\n\nThe risk is assessed as <strong>high</strong> at the national level, moderate at the regional level, and low at the global level. WHO advises against any travel or trade restrictions."},
    {"date": "2026-11-10", "slug": "2026-DON603", "disease": "Oropouche virus disease",
     "title": "Oropouche virus disease - Region of the Americas",
     "body": "Between January and October 2026, 14 820 confirmed Oropouche virus disease cases were reported from 11 countries and territories in the Americas, including 4 deaths and 9 cases of vertical transmission with adverse pregnancy outcomes. Travel-associated cases have been reported in North America and Europe.\n\n"
             "Oropouche virus is transmitted mainly by biting midges. Clinical illness resembles dengue, with fever, severe headache, myalgia, and retro-orbital pain; symptoms recur in up to 60% of patients within days to weeks.\n\n"
             "<h3>WHO advice</h3>\n\n<ul><li>Pregnant travellers should consider postponing travel to affected areas or take strict bite-prevention measures.</li><li>Blood services should assess the risk of transfusion transmission and consider donor deferral after travel to affected areas.</li></ul>"},
    {"date": "2026-11-13", "slug": "2026-DON604", "disease": "Nipah virus infection",
     "title": "Nipah virus infection - Bangladesh",
     "body": "Between 20 October and 9 November 2026, the Institute of Epidemiology, Disease Control and Research (IEDCR) of Bangladesh reported five laboratory-confirmed Nipah virus infections, including four deaths, in three districts. Four of the five patients reported drinking raw date palm sap. One case was a family member who cared for a patient, indicating person-to-person transmission. This is the second Nipah outbreak in Bangladesh this year.\n\n"
             "<h3>WHO risk assessment</h3>\n\nThe risk at the national level is assessed as <strong>high</strong> given the case fatality and the start of the date palm sap season; the risk at regional and global levels is low. There is no licensed vaccine or specific treatment; early intensive supportive care improves survival."},
    {"date": "2026-11-17", "slug": "2026-DON605", "disease": "Marburg virus disease",
     "title": "Marburg virus disease - Uganda (update)",
     "body": "As of 16 November 2026, eight confirmed cases of Marburg virus disease, including three deaths, have been reported from Kasese and Bundibugyo districts since the outbreak was declared. Two of the confirmed cases are health workers. All new confirmed cases since the last update were among listed contacts, and 92% of 402 contacts were followed up daily.\n\n"
             "<h3>Public health response</h3>\n\n"
             "<ul><li>A ring vaccination trial of an investigational chimpanzee adenovirus vectored vaccine started on 14 November.</li><li>Two patients are receiving an investigational monoclonal antibody under a compassionate use protocol.</li><li>Screening is in place at border crossings with the Democratic Republic of the Congo.</li></ul>\n\n"
             "<h3>WHO advice</h3>\n\nClinicians outside the region should consider MVD in febrile travellers who have been in the affected districts within 21 days, particularly those with health-care or funeral exposure, and contact public health authorities before sending samples."},
    {"date": "2026-11-19", "slug": "2026-DON606", "disease": "Measles",
     "title": "Measles - Multi-country (Region of the Americas)",
     "body": "As of epidemiological week 45 of 2026, 9 countries in the Region of the Americas reported 11 942 confirmed measles cases, an increase of more than three-fold compared with the same period in 2025. Deaths have been reported from three countries, mostly among unvaccinated children. Most outbreaks are linked to importations and to communities with low vaccination coverage.\n\n"
             "<h3>WHO advice</h3>\n\n<ul><li>Achieve and maintain 95% coverage with two doses of measles-containing vaccine.</li><li>Travellers aged 6 months and older without evidence of immunity should be vaccinated at least two weeks before departure.</li><li>Health facilities should triage patients with fever and rash promptly to prevent nosocomial transmission.</li></ul>\n\n"
             "WHO assesses the risk as <strong>high</strong> at the regional level ahead of end-of-year travel."},
    {"date": "2026-11-24", "slug": "2026-DON607", "disease": "MERS",
     "title": "Middle East respiratory syndrome coronavirus - Kingdom of Saudi Arabia",
     "body": "Between 1 August and 15 November 2026, the Ministry of Health of the Kingdom of Saudi Arabia reported four cases of MERS-CoV infection, including two deaths. Three cases reported contact with dromedary camels; one was a health worker infected in a hospital setting.\n\n"
             "WHO expects additional cases to be reported and advises clinicians to consider MERS-CoV in patients with acute respiratory illness who have travelled to the Arabian Peninsula within 14 days, and to apply droplet and contact precautions, with airborne precautions for aerosol-generating procedures."},
    {"date": "2026-11-27", "slug": "2026-DON608", "disease": "Diphtheria",
     "title": "Diphtheria - Nigeria",
     "body": "From 1 January to 15 November 2026, the Nigeria Centre for Disease Control and Prevention reported 6 218 suspected diphtheria cases, including 702 confirmed cases and 318 deaths, in 22 states. Most cases are among children aged 2-14 years who have not received any doses of diphtheria-containing vaccine.\n\n"
             "<h3>Public health response</h3>\n\nThe outbreak response is constrained by limited supplies of diphtheria antitoxin. WHO is supporting procurement of antitoxin and reactive vaccination campaigns in the most affected local government areas."},
]
