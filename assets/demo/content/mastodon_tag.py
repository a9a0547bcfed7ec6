"""The #doctoctoc hashtag feed of a French Mastodon instance (/tags/doctoctoc.rss). Posts come
from several instances, in French and English, as on the real tag. Every account is fictional."""

INSTANCE = "piaille.fr"

LEMOINE = ("piaille.fr", "dr_lemoine")
AGNES = ("piaille.fr", "agnes_ide")
KARIM = ("mastodon.social", "karim_urgences")
SOLENE = ("toot.aquilenet.fr", "solene_medgen")
PEDS = ("med-mastodon.com", "petra_peds")
PHARMA = ("piaille.fr", "pharmacien_hosp")
ANESTH = ("mstdn.social", "theo_anesth")
INTERNE = ("piaille.fr", "interne_en_galere")
DERMATO = ("mastodon.online", "claire_dermato")
GERIA = ("piaille.fr", "jb_geriatre")
OKAFOR = ("med-mastodon.com", "h_okafor_id")

POSTS = [
    {"date": "2026-10-16 10:14", "author": LEMOINE,
     "text": "#DocTocToc Un confrère a-t-il l'expérience des gliflozines chez le patient âgé fragile en EHPAD ? Je n'ose pas, peur des déshydratations l'été. Vos pratiques ?"},
    {"date": "2026-10-16 13:02", "author": GERIA,
     "text": "@dr_lemoine@piaille.fr On les utilise, avec consignes claires : suspension si vomissements, diarrhée ou canicule, et ionogramme à 2 semaines. Les bénéfices sur les réhospitalisations pour IC sont réels même chez les très âgés. #DocTocToc #Gériatrie"},
    {"date": "2026-10-18 21:40", "author": INTERNE,
     "text": "#DocTocToc question bête d'interne : NT-proBNP « normal » chez un patient obèse très essoufflé, on élimine vraiment l'insuffisance cardiaque ? Merci 🙏"},
    {"date": "2026-10-19 07:55", "author": KARIM,
     "text": "@interne_en_galere@piaille.fr Pas une question bête. Le NT-proBNP est plus bas en cas d'obésité ; un ICFEp reste possible. Écho et score H2FPEF. #DocTocToc #Cardio"},
    {"date": "2026-10-21 15:20", "author": PEDS,
     "text": "#DocTocToc English-speaking colleague here: anyone in France using nirsevimab AND maternal RSV vaccination together? Our NICU is debating whether infants born >14 days after maternal vaccination still need the antibody."},
    {"date": "2026-10-21 18:47", "author": SOLENE,
     "text": "@petra_peds@med-mastodon.com Chez nous c'est l'un ou l'autre, sauf prématurés et cardiopathies. Mais un essai sort bientôt dans le NEJM, à suivre. #DocTocToc #VRS #RSV"},
    {"date": "2026-10-24 09:30", "author": PHARMA,
     "text": "#DocTocToc Tension d'approvisionnement sur l'amoxicilline suspension buvable qui recommence. Astuce : les gélules peuvent être ouvertes et mélangées à une compote. Évitez de passer d'emblée à l'amox-clav ! #Pénurie #Antibiotiques"},
    {"date": "2026-10-27 12:05", "author": DERMATO,
     "text": "#DocTocToc Photo d'une éruption vésiculeuse chez un jeune homme de retour de Kinshasa, lésions génitales et palmaires. Mpox clade Ib ? Comment vous organisez le prélèvement en ville ?",
     "image": ("https://mastodon.online/system/media_attachments/files/117/512/778/530/316/447/original/a91e07bb3c55d2f1.jpg",
               "Photo floutée de lésions vésiculo-pustuleuses sur la paume de la main")},
    {"date": "2026-10-27 14:31", "author": OKAFOR,
     "text": "@claire_dermato@mastodon.online Swab the lesion base (2 swabs, dry), isolate, and call your public health team: clade-specific PCR matters for contact vaccination. #DocTocToc #Mpox"},
    {"date": "2026-10-30 19:12", "author": ANESTH,
     "text": "#DocTocToc Arrêt des agonistes GLP-1 avant anesthésie : vous faites quoi en pratique ? Chez nous, 1 semaine pour les formes hebdomadaires, échographie gastrique si doute. Beaucoup de variabilité entre centres."},
    {"date": "2026-11-02 08:44", "author": AGNES,
     "text": "#DocTocToc Question d'IDE : un patient sous dapagliflozine pour insuffisance cardiaque, non diabétique, à jeun pour coloscopie demain. On suspend ? Le médecin n'a rien marqué."},
    {"date": "2026-11-02 10:03", "author": LEMOINE,
     "text": "@agnes_ide@piaille.fr Oui, à suspendre la veille au minimum (idéalement 3 jours avant une chirurgie), risque d'acidocétose euglycémique même sans diabète. Bonne question, à faire tracer dans le dossier. #DocTocToc"},
    {"date": "2026-11-05 16:25", "author": INTERNE,
     "text": "#DocTocToc Hyponatrémie à 118 chez une dame de 84 ans sous thiazidique + sertraline, confuse. Je corrige de combien max sur 24 h ? Le senior est au bloc 😅"},
    {"date": "2026-11-05 16:52", "author": GERIA,
     "text": "@interne_en_galere@piaille.fr Pas plus de 8 mmol/L sur 24 h (viser 4-6), surtout à 84 ans. Bolus de 150 mL de NaCl 3% seulement si signes graves. Surveille la diurèse : à l'arrêt du thiazidique, ça peut remonter très vite. #DocTocToc"},
    {"date": "2026-11-09 11:38", "author": KARIM,
     "text": "#DocTocToc Urgences : 2e exposition rougeole cette semaine en salle d'attente. Vous avez un circuit dédié fièvre + éruption dès l'accueil ? Partagez vos protocoles svp #Rougeole #Measles"},
    {"date": "2026-11-10 09:02", "author": PEDS,
     "text": "@karim_urgences@mastodon.social We triage fever + rash straight into a side room with the door shut, before registration. Immune staff only, FFP2/N95 regardless. Saved us twice this autumn. #DocTocToc #Measles"},
    {"date": "2026-11-13 20:10", "author": PHARMA,
     "text": "#DocTocToc Rappel de lots d'aiguilles à stylo à insuline (aiguilles obstruées, doses manquées). Pensez-y devant une hyperglycémie inexpliquée chez un patient sous stylo. Test de sécurité de 2 unités avant chaque injection ! #Diabète #Rappel"},
    {"date": "2026-11-16 22:15", "author": SOLENE,
     "text": "#DocTocToc Vous avez vu l'essai WAVE-AF (sémaglutide après ablation de FA) ? Sur le fond ça se tient, mais qui va payer ? Pas remboursé dans cette indication."},
    {"date": "2026-11-18 07:30", "author": LEMOINE,
     "text": "#DocTocToc Patient de retour d'Ouganda, fièvre à J5, paludisme négatif. Je ne panique pas mais je pose la question : on appelle qui pour Marburg, le SAMU ou l'infectiologue d'astreinte ?"},
    {"date": "2026-11-18 08:12", "author": OKAFOR,
     "text": "@dr_lemoine@piaille.fr Isolate first, then call the on-call ID physician and public health together. Ask about district (Kasese/Bundibugyo), healthcare or funeral exposure. Most will be something else, but ask. #DocTocToc #Marburg"},
    {"date": "2026-11-21 13:45", "author": ANESTH,
     "text": "#DocTocToc Rappel de lots de ceftriaxone (particules visibles à la reconstitution). Regardez vos flacons à contre-jour avant d'injecter. #Pharmacovigilance"},
    {"date": "2026-11-24 17:20", "author": DERMATO,
     "text": "#DocTocToc Érythème migrant chez une patiente qui n'a jamais quitté Paris. Tiques dans les parcs urbains, c'est devenu courant chez vous aussi ? #Lyme"},
    {"date": "2026-11-26 10:48", "author": AGNES,
     "text": "#DocTocToc Merci à tous pour vos réponses cette semaine. Ce hashtag reste le meilleur staff de France 💙"},
]
