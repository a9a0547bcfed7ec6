"""A Mastodon account's RSS feed (/@user.rss): no item titles, escaped HTML descriptions with
Mastodon's hashtag and link markup, one <category> per hashtag, guid = status URL.
Dr Okafor is a fictional infectious diseases physician."""

import html
import re

from .common import LANCET_RSV, NEJM_SHARED

ACCOUNT = ("med-mastodon.com", "h_okafor_id")
DISPLAY_NAME = "Helen Okafor, MD"

_TOKEN = re.compile(r"(https?://[^\s<]+[^\s<.,;:!?)])|(#\w[\w-]*)|(@(\w+)@([\w.-]+))")


def _link(url):
    scheme, rest = url.split("://", 1)
    shown, hidden = (rest[:30], rest[30:]) if len(rest) > 30 else (rest, "")
    ellipsis = " ellipsis" if hidden else ""
    return ('<a href="%s" target="_blank" rel="nofollow noopener" translate="no">'
            '<span class="invisible">%s://</span><span class="%s">%s</span>'
            '<span class="invisible">%s</span></a>'
            % (html.escape(url), scheme, ellipsis.strip(), html.escape(shown), html.escape(hidden)))


def _text(fragment):
    """Mastodon escapes quotes in status HTML as &#39; and &quot;."""
    return html.escape(fragment, quote=False).replace("'", "&#39;").replace('"', "&quot;")


def hashtags(text):
    return [m.group(2)[1:] for m in _TOKEN.finditer(text) if m.group(2)]


def render(text, _tags, instance):
    """Plain text with URLs, #hashtags and @user@host mentions, to Mastodon's status HTML."""
    paragraphs = []
    for block in text.split("\n\n"):
        out, last = [], 0
        for m in _TOKEN.finditer(block):
            out.append(_text(block[last:m.start()]).replace("\n", "<br />"))
            if m.group(1):
                out.append(_link(m.group(1)))
            elif m.group(2):
                tag = m.group(2)[1:]
                out.append('<a href="https://%s/tags/%s" class="mention hashtag" rel="tag">#<span>%s</span></a>'
                           % (instance, tag.lower(), tag))
            else:
                user, host = m.group(4), m.group(5)
                out.append('<span class="h-card" translate="no"><a href="https://%s/@%s" class="u-url mention">'
                           "@<span>%s</span></a></span>" % (host, user, user))
            last = m.end()
        out.append(_text(block[last:]).replace("\n", "<br />"))
        paragraphs.append("<p>" + "".join(out) + "</p>")
    return "".join(paragraphs)


POSTS = [
    {"date": "2026-10-16 07:42",
     "text": "Morning ID consult list: two S. aureus bacteraemias, one neutropenic fever, one 'cellulitis' that is bilateral leg oedema, and one question about whether amoxicillin allergy from 1987 is real (it almost never is).\n\nCoffee first. #IDTwitter #MedMastodon"},
    {"date": "2026-10-17 18:05",
     "text": "Reminder that penicillin allergy delabelling is one of the most effective antimicrobial stewardship interventions we have. Direct oral challenge for low-risk histories works and is safe.\n\n#AMR #Stewardship #PenicillinAllergy"},
    {"date": "2026-10-21 12:30",
     "text": "New WHO DON: a child in Cambodia with H5N1 (clade 2.3.2.1e) after contact with sick backyard poultry. Different clade from the one in US dairy cattle. Contacts on oseltamivir prophylaxis.\n\nhttps://www.who.int/emergencies/disease-outbreak-news/item/2026-DON599\n\n#H5N1 #AvianInfluenza"},
    {"date": "2026-10-23 21:14",
     "text": "Eye drop recall again (OcuVera Labs, lack of sterility assurance). If you see a keratitis that doesn't behave, ask about OTC drops and culture it. Pseudomonas in artificial tears is not a theoretical risk.\n\n#Ophthalmology #Recall #PatientSafety"},
    {"date": "2026-10-28 08:55",
     "text": "Mpox clade Ib now reported in 31 countries outside Africa. Most travel-associated, some household spread.\n\nIf you see genital or disseminated vesiculopustular lesions: swab, isolate, vaccinate contacts. Travel history optional.\n\n#Mpox #PublicHealth"},
    {"date": "2026-11-05 19:20",
     "text": "Seven days of antibiotics for Gram-negative bacteraemia in neutropenic patients, non-inferior to 14 (NEJM this week). Another brick in the shorter-is-better wall.\n\nNow someone please do S. aureus. (Not seven days. But maybe not six weeks for everyone either.)\n\n#IDTwitter #AMR"},
    {"date": "2026-11-06 08:47",
     "text": "Sink drains as a reservoir for carbapenemase producers: a beautiful brief report in NEJM this week tracing KPC Klebsiella ST307 to hand-wash sinks on a haematology unit. We found the same thing in 2023. Move the medication prep away from the sinks!\n\n#InfectionPrevention #AMR"},
    {"date": "2026-11-06 16:02", "image": ("https://files.med-mastodon.com/media_attachments/files/117/570/333/561/207/118/original/3b9f0c2a71d4e8f5.jpg",
                                            "Map of Uganda with Kasese and Bundibugyo districts highlighted"),
     "text": "Marburg virus disease declared in Kasese district, Uganda. Three confirmed, two deaths, one a health worker. 146 contacts.\n\nFor clinicians elsewhere: ask febrile returning travellers where they've been in the last 21 days. Test for malaria, but don't stop there.\n\n#Marburg #GlobalHealth"},
    {"date": "2026-11-07 09:10",
     "text": "Reading the Lancet RSV effectiveness study from @ecdc_watch@mastodon.social's list this morning: 79% -> 68% -> 51% over three seasons against hospitalisation in adults 60+.\n\nhttps://doi.org/" + LANCET_RSV["doi"] + "\n\nWe need a correlate of protection before we can time revaccination sensibly.\n\n#RSV #Vaccines"},
    {"date": "2026-11-09 20:33",
     "text": "CDC Health Update on H5N1 today. The practical bits: conjunctival AND nasopharyngeal swab, oseltamivir without waiting for results, call public health. Most cases are red eyes, not pneumonias.\n\n#H5N1 #EmergencyMedicine"},
    {"date": "2026-11-10 11:25",
     "text": "Blood services on both sides of the Atlantic now defer donors for 28 days after travel to Oropouche-affected areas. If your returning traveller asks 'can I donate?', the answer for a month is probably no.\n\n#Oropouche #BloodDonation #TravelMedicine"},
    {"date": "2026-11-12 07:58",
     "text": "Koplik spots in the NEJM Images this week. I've now seen more of them in the last two years than in the previous twenty. Vaccinate your kids. Check your own MMR status.\n\n#Measles #Vaccines"},
    {"date": "2026-11-13 22:40",
     "text": "Sulbactam-durlobactam is now on the NICE antimicrobial subscription list. A good model: pay for availability, not for volume. More of this, please.\n\n#AMR #Antibiotics"},
    {"date": "2026-11-16 17:15",
     "text": "Not my field, but the WAVE-AF trial (semaglutide after AF ablation) out in NEJM today is going to generate a lot of referrals to our obesity service.\n\nhttps://www.nejm.org/doi/full/" + NEJM_SHARED["doi"] + "\n\n#Cardiology #GLP1"},
    {"date": "2026-11-17 14:50",
     "text": "Marburg update from WHO: 8 confirmed, 3 deaths, two health workers among the cases. Ring vaccination trial started on the 14th. This is the response working as it should.\n\n#Marburg #Uganda"},
    {"date": "2026-11-19 10:05",
     "text": "Procalcitonin-guided stopping of antibiotics in sepsis, NEJM: 1.6 more antibiotic-free days, non-inferior mortality. I'll take it. The editorial is right though: the biomarker supports the decision, it doesn't make it.\n\n#Sepsis #Stewardship"},
    {"date": "2026-11-20 19:45",
     "text": "CDC HAN on measles before holiday travel. Infants 6-11 months travelling abroad should get an early MMR dose. Post-exposure: MMR within 72 h or immunoglobulin within 6 days.\n\nhttps://www.cdc.gov/han/2026/han00535.html\n\n#Measles #TravelMedicine"},
    {"date": "2026-11-22 12:12",
     "text": "Weekend reading: cefiderocol resistance emerging on treatment of CR Pseudomonas (medRxiv preprint, not yet peer-reviewed). Source control matters. It always matters.\n\n#AMR #Preprint"},
    {"date": "2026-11-24 08:30",
     "text": "A good-news story for once: long-acting cabotegravir PrEP in young women in sub-Saharan Africa, incidence 0.21 vs 1.62 per 100 person-years vs daily oral. Out in NEJM this week.\n\n#HIV #PrEP #GlobalHealth"},
    {"date": "2026-11-25 16:38",
     "text": "Benzathine penicillin shortage HAN. Prioritise pregnant patients and congenital syphilis. Doxycycline 14 days for early syphilis in non-pregnant adults.\n\nWe have been here before. We will be here again unless someone fixes the supply chain.\n\n#Syphilis #Shortage #SexualHealth"},
    {"date": "2026-11-26 21:02",
     "text": "Grateful this Thanksgiving for the microbiology lab, the infection prevention nurses, and the pharmacists who read every recall notice so we don't have to.\n\n#MedMastodon"},
    {"date": "2026-11-27 09:50",
     "text": "WHO DON on diphtheria in Nigeria: 318 deaths this year, and antitoxin supply is the bottleneck. A 19th-century disease with a 20th-century treatment and a 21st-century supply problem.\n\n#Diphtheria #GlobalHealth #Vaccines"},
]
