"""A Bluesky profile's RSS (bsky.app/profile/<handle>/rss): no item titles, plain-text
descriptions with &#xA; newlines, pubDate like '14 Jan 2026 16:33 +0000', guid = at:// URI.
Dr Nair is a fictional cardiologist."""

from .common import NEJM_SHARED

HANDLE = "rnair-cardio.bsky.social"
DID = "did:plc:q4v7k2mzt3xw5lnc6ha2pybe"
DISPLAY_NAME = "Rohan Nair"
BIO = ("Cardiologist (heart failure & EP). Trials, ECGs, and the occasional rant about prior "
       "authorisation.\n\nViews my own. Not medical advice.")

POSTS = [
    {"date": "2026-10-17 06:52", "text": "ECG of the week: irregularly irregular, narrow complex, rate 140, and delta waves you can only see in V2. Don't give the AV nodal blocker. (Pre-excited AF.)"},
    {"date": "2026-10-20 19:31", "text": "Frailty is not a contraindication to an SGLT2 inhibitor. New JAMA cohort in older adults: fewer HF admissions, no excess fractures or DKA. Start low, counsel on sick days, keep going."},
    {"date": "2026-10-23 12:10", "text": "Smartwatch AF notifications: a third confirmed within 6 months, and the stroke rate in untreated device-detected AF looks lower than clinical AF. We still don't know the anticoagulation threshold. (medRxiv, not peer reviewed.)"},
    {"date": "2026-10-29 17:45", "text": "Pulsed-field ablation in patients over 70 beats rate control on hard outcomes (NEJM). 2.3% procedural SAEs is not nothing. Shared decision-making, not a default.", "embed": True},
    {"date": "2026-11-01 10:22", "text": "Sunday clinic prep. Reminder to self: an eGFR dip of 10-20% after starting an SGLT2i is expected. Do not stop it. Do not let anyone else stop it."},
    {"date": "2026-11-05 08:15", "text": "Finerenone in HF with improved EF: 22% lower risk of HF events or CV death. Hyperkalaemia doubled. In my clinic: check K at 4 weeks and keep the SGLT2i on, it helps with potassium."},
    {"date": "2026-11-09 21:05", "text": "Recall notice on Meridian MX-7 ICDs/CRT-Ds (premature battery depletion). If your patients have one, check remote monitoring alerts are switched on today. Pacing-dependent patients first."},
    {"date": "2026-11-11 13:40", "text": "USPSTF still says I for AF screening. Meanwhile half my new AF referrals come from a watch. The guidelines and the wrists have parted ways."},
    {"date": "2026-11-16 17:02", "text": "WAVE-AF is out. Semaglutide after AF ablation in people with obesity: recurrence 29.8% vs 41.6% at 18 months, loop recorders in everyone.\n\nhttps://doi.org/" + NEJM_SHARED["doi"]},
    {"date": "2026-11-16 17:09", "text": "Questions I have about WAVE-AF: how much is weight loss vs a direct atrial effect, what happens when people stop the drug, and does it work before ablation instead of after? Editorial asks the same."},
    {"date": "2026-11-16 17:15", "text": "And the cost question, which nobody in the trial could answer. If every obese patient after ablation gets semaglutide, that is a big budget line."},
    {"date": "2026-11-17 07:48", "text": "Early DOAC after AF-related stroke: 2-year data (Lancet) confirm fewer recurrent strokes without more ICH. Early is the new default.", "embed": True},
    {"date": "2026-11-19 20:30", "text": "Catheter-directed lysis for intermediate-high-risk PE: fewer decompensations, twice the major bleeding. The PERT conversation just got more interesting."},
    {"date": "2026-11-21 09:14", "text": "Nice blog post from a GIM colleague on WAVE-AF and what to tell patients. Agree with almost all of it.", "embed": True},
    {"date": "2026-11-24 18:55", "text": "Colchicine post-MI in CKD: neutral, more GI side effects. Two neutral trials now. Putting my colchicine enthusiasm back on the shelf."},
    {"date": "2026-11-25 11:38", "text": "Flu + RSV season is early this year. My HF patients over 75: have you had your RSV vaccine? Most of mine haven't."},
    {"date": "2026-11-26 15:20", "text": "Dapagliflozin in diuretic-resistant acute HF (NEJM today): more natriuresis, win ratio 1.22, no excess AKI. Starting it on day 1 now has decent support."},
    {"date": "2026-11-27 08:05", "text": "Black Friday deal: free advice to check your potassium after starting an MRA."},
]
