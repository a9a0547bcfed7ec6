"""Fictional author names for journal items, chosen deterministically from each title.

The pools are hand-picked to look like the bylines of international trials; no list is meant
to name a real person.
"""

import hashlib

# (given names, surnames) by naming tradition, so a byline pairs names that belong together.
GROUPS = [
    (["Elena", "Chiara", "Matteo", "Giulia", "Lorenzo", "Francesca"],
     ["Marchetti", "Romano", "Bianchi", "Ferri", "Colombo", "Esposito"]),
    (["Kwabena", "Ama", "Kofi", "Akosua", "Yaw", "Efua"],
     ["Osei", "Mensah", "Boateng", "Asante", "Owusu", "Amoah"]),
    (["Hiroshi", "Yuki", "Kenji", "Aiko", "Takeshi", "Haruka"],
     ["Nakamura", "Sato", "Takahashi", "Ueda", "Kobayashi", "Ito"]),
    (["Lars", "Ingrid", "Anders", "Signe", "Erik", "Maren", "Freya", "Nils"],
     ["Lindqvist", "Bergström", "Johansson", "Holm", "Sørensen", "Halvorsen", "Lindgren", "Thorsen"]),
    (["Oluwaseun", "Chidi", "Emeka", "Ngozi", "Adaeze", "Tunde"],
     ["Okonkwo", "Adeyemi", "Eze", "Okafor", "Balogun", "Nwosu"]),
    (["Priya", "Arjun", "Vikram", "Ananya", "Dev", "Meera", "Rahul"],
     ["Raghavan", "Iyer", "Menon", "Chaudhary", "Krishnan", "Nair", "Sharma"]),
    (["Tomasz", "Agnieszka", "Piotr", "Katarzyna", "Marek"],
     ["Kowalczyk", "Nowak", "Wójcik", "Mazur", "Krawczyk"]),
    (["Fatima", "Yusuf", "Leila", "Tariq", "Nadia", "Omar", "Noor"],
     ["Haddad", "Mansour", "Farouk", "Karimi", "Rahman", "Siddiqui", "Qureshi"]),
    (["Mateo", "Lucía", "Rafael", "Catalina", "Joaquín", "Beatriz", "Sebastián", "Ines"],
     ["Fernández", "Moreno", "Restrepo", "Castaño", "Navarro", "Alvarado", "Vargas", "Oliveira"]),
    (["Mei", "Wei", "Jing", "Hao", "Xiaoling"],
     ["Zhang", "Chen", "Liu", "Wang", "Huang"]),
    (["Sanna", "Mikko", "Aino", "Juhani"],
     ["Virtanen", "Korhonen", "Mäkinen", "Nieminen"]),
    (["Aoife", "Ruth", "Samuel", "Margaret", "James", "Emily", "Thomas", "Sarah"],
     ["Gallagher", "Whitaker", "McAllister", "Abernethy", "Clarke", "Brennan", "Fletcher", "Hughes"]),
    (["Nikolai", "Dmitri", "Sergei", "Alexei"],
     ["Petrov", "Volkov", "Ivanov", "Sokolov"]),
    (["Thabo", "Bongani", "Nomvula", "Sipho"],
     ["Ndlovu", "Dlamini", "Mokoena", "Khumalo"]),
    (["Camille", "Julien", "Marguerite", "Antoine", "Claire"],
     ["Lefebvre", "Dubois", "Girard", "Rousseau", "Moreau"]),
    (["Jae-won", "Min-jun", "Seo-yeon", "Ji-ho"],
     ["Park", "Kim", "Lee", "Choi"]),
    (["Stefan", "Matthias", "Ilse", "Helga", "Jonas"],
     ["Brandt", "Schäfer", "Hoffmann", "Kessler", "Achterberg", "de Vries"]),
    (["Wanjiru", "Otieno", "Akinyi", "Kamau"],
     ["Kamau", "Mwangi", "Odhiambo", "Wanjiku"]),
    (["Gabriel", "Rosa", "Ana", "Pedro", "Luísa"],
     ["Carvalho", "Costa", "Pereira", "Almeida", "Santos"]),
]


def _pick(title, n):
    seed = int(hashlib.sha256(title.encode()).hexdigest(), 16)
    names, used = [], set()
    round_ = 0
    while len(names) < n:
        if seed < 10 ** 6:
            round_ += 1
            seed = int(hashlib.sha256((title + str(round_)).encode()).hexdigest(), 16)
        seed, group = divmod(seed, len(GROUPS))
        given, surnames = GROUPS[group]
        seed, g = divmod(seed, len(given))
        seed, s = divmod(seed, len(surnames))
        if surnames[s] in used:
            continue
        used.add(surnames[s])
        east_asian = surnames[0] in ("Nakamura", "Zhang", "Park")
        middle = "" if (g + s + group) % 3 or east_asian else chr(ord("A") + (g * 7 + s) % 20)
        names.append((given[g], middle, surnames[s]))
    return names


def full_names(title, n):
    return ["%s %s%s" % (g, m + ". " if m else "", s) for g, m, s in _pick(title, n)]


def nejm_names(title, n):
    """NEJM's Atypon feed: 'E. Marchetti, K.A. Osei, ...'."""
    out = []
    for g, m, s in _pick(title, n):
        initials = "".join(part[0].upper() + "." for part in g.split("-"))
        out.append("%s%s %s" % (initials, m + "." if m else "", s))
    return out


def pubmed_names(title, n):
    """PubMed: one dc:creator per author, 'Marchetti E' or 'Osei KA'."""
    out = []
    for g, m, s in _pick(title, n):
        initials = "".join(part[0].upper() for part in g.split("-")) + m
        out.append("%s %s" % (s, initials))
    return out
