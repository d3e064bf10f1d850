"""Case forms of Ukrainian and Russian place names, from general declension rules.

News write "у Херсоні", "з Києва", "в Кривому Розі", "под Сумами"; the gazetteer must match every
case form of a name, not just its nominative. These rules are general (ending classes, the
Ukrainian і→о/е alternation, velar palatalisation, adjective + noun agreement); they are not a
list of answers. They overgenerate a little on purpose: a wrong form ("Харківа") never occurs in
text and costs nothing, while a missing form loses a place. build.py drops any generated form
that is a common word (wordfreq) unless the place is major.

    >>> {"Харкова", "Харкові", "Харковом"} <= forms("Харків", "uk")
    True
    >>> {"Кривому Розі", "Кривого Рогу"} <= forms("Кривий Ріг", "uk")
    True
    >>> {"Кривом Роге", "Кривого Рога"} <= forms("Кривой Рог", "ru")
    True

Each word of a name is declined by its class, then multiword names are recombined case by case
("Нова Каховка" → "Новій Каховці"). A word written with a leading "=" never declines
("Харківська =ОВА" → "Харківської ОВА").
"""

import re

CASES = ("nom", "gen", "dat", "acc", "ins", "loc")

UK_VOWELS = set("аеєиіїоуюя")
RU_VOWELS = set("аеёиоуыэюя")
SIBILANTS = set("жчшщ")
VELARS = set("кгх")
# Ukrainian second palatalisation before -і in dative/locative: Каховка → Каховці, Ріг → Розі.
UK_PALATAL = {"к": "ц", "г": "з", "х": "с"}


def _cases(**kw):
    """A paradigm: case → list of endings-applied forms (duplicates removed later)."""
    return {c: list(kw.get(c, [])) for c in CASES}


def _uk_alternation_stems(word):
    """Stems for oblique cases of a Ukrainian masculine noun whose last syllable has і/ї.

    Ukrainian і in a closed final syllable goes back to о/е and returns in open syllables:
    Харків → Харкова, Львів → Львова, Ріг → Рогу, Тернопіль → Тернополя, Ірпінь → Ірпеня,
    Київ → Києва (ї → є after a vowel or at a word start). Both the alternated and the plain
    stem are produced (Ізмаїл → Ізмаїла keeps its ї).
    """
    stems = [word]
    # Find the last vowel.
    i = len(word) - 1
    while i >= 0 and word[i].lower() not in UK_VOWELS:
        i -= 1
    if i <= 0:
        return stems
    tail = word[i + 1:]
    consonants = tail.replace("ь", "")
    if len(consonants) != 1:
        return stems
    v = word[i]
    if v == "і":
        prev = word[i - 1]
        stems.append(word[:i] + "о" + tail)
        if prev in SIBILANTS or prev == "й" or tail.startswith("н"):
            stems.append(word[:i] + "е" + tail)
    elif v == "ї":
        stems.append(word[:i] + "є" + tail)
    return stems


def _noun_uk(w):
    low = w.lower()
    last = low[-1]
    if last == "а":
        stem = w[:-1]
        s_last = stem[-1].lower()
        gen = stem + ("і" if s_last in SIBILANTS else "и")
        dat = stem[:-1] + UK_PALATAL[s_last] + "і" if s_last in UK_PALATAL else stem + "і"
        ins = stem + ("ею" if s_last in SIBILANTS else "ою")
        return _cases(nom=[w], gen=[gen], dat=[dat, stem + "і"], acc=[stem + "у"], ins=[ins], loc=[dat, stem + "і"])
    if last == "я":
        stem = w[:-1]
        s_last = stem[-1].lower()
        if s_last in UK_VOWELS or s_last == "'":
            if s_last == "'":  # Придністров'я, neuter
                return _cases(nom=[w], gen=[w], dat=[stem + "ю"], acc=[w], ins=[stem + "ям"], loc=[stem + "ї"])
            return _cases(nom=[w], gen=[stem + "ї"], dat=[stem + "ї"], acc=[stem + "ю"], ins=[stem + "єю"], loc=[stem + "ї"])
        if len(stem) >= 2 and stem[-1] == stem[-2]:  # Запоріжжя: neuter with a doubled consonant
            return _cases(nom=[w], gen=[w], dat=[stem + "ю"], acc=[w], ins=[stem + "ям"], loc=[stem + "і"])
        return _cases(nom=[w], gen=[stem + "і"], dat=[stem + "і"], acc=[stem + "ю"], ins=[stem + "ею"], loc=[stem + "і"])
    if last == "о":  # Дніпро, Гуляйполе-like neuters in -о
        stem = w[:-1]
        s_last = stem[-1].lower()
        loc = stem[:-1] + UK_PALATAL[s_last] + "і" if s_last in UK_PALATAL else stem + "і"
        return _cases(nom=[w], gen=[stem + "а"], dat=[stem + "у", stem + "ові"], acc=[w], ins=[stem + "ом"], loc=[loc, stem + "у"])
    if last == "е" or last == "є":  # Гуляйполе
        stem = w[:-1]
        return _cases(nom=[w], gen=[stem + "я"], dat=[stem + "ю"], acc=[w], ins=[stem + "ям", stem + "ем"], loc=[stem + "і"])
    if last in "иі":  # plural: Суми, Черкаси, Чернівці, Бровари
        stem = w[:-1]
        forms = _cases(nom=[w], gen=[stem, stem + "ів"], dat=[stem + "ам", stem + "ям"], acc=[w],
                       ins=[stem + "ами", stem + "ями"], loc=[stem + "ах", stem + "ях"])
        return forms
    if last == "ь":
        base = w[:-1]
        out = _cases(nom=[w], acc=[w])
        if low.endswith("ець"):  # fleeting е: Кам'янець → Кам'янця
            stem = w[:-3] + "ц"
            out["gen"].append(stem + "я")
            out["dat"].append(stem + "ю")
            out["ins"].append(stem + "ем")
            out["loc"].append(stem + "і")
        for stem in _uk_alternation_stems(base):
            # masculine soft: Тернопіль → Тернополя, Маріуполь → Маріуполі
            out["gen"].append(stem + "я")
            out["dat"] += [stem + "ю", stem + "еві"]
            out["ins"].append(stem + "ем")
            out["loc"] += [stem + "і", stem + "ю"]
        if not low.endswith("ль"):
            # feminine: Умань → Умані, Уманню; Білорусь → Білорусі, Білоруссю
            out["gen"].append(base + "і")
            out["dat"].append(base + "і")
            out["ins"] += [base + "ю", base + base[-1] + "ю"]
            out["loc"].append(base + "і")
        return out
    if last == "й":
        stem = w[:-1]
        return _cases(nom=[w], gen=[stem + "я"], dat=[stem + "ю", stem + "єві"], acc=[w], ins=[stem + "єм"], loc=[stem + "ї", stem + "ю"])
    if last in UK_VOWELS:  # other vowels (-у, -ю): indeclinable
        return _cases(**{c: [w] for c in CASES})
    # hard consonant, masculine: Херсон, Харків, Луцьк, Ріг
    out = _cases(nom=[w], acc=[w])
    for stem in _uk_alternation_stems(w):
        s_last = stem[-1].lower()
        out["gen"] += [stem + "а", stem + "у"]
        out["dat"] += [stem + "у", stem + "ові"]
        out["ins"].append(stem + ("ем" if s_last in SIBILANTS else "ом"))
        loc_i = stem[:-1] + UK_PALATAL[s_last] + "і" if s_last in UK_PALATAL else stem + "і"
        out["loc"] += [loc_i, stem + "у", stem + "ові"]
    return out


def _noun_ru(w):
    low = w.lower()
    last = low[-1]
    if last == "а":
        stem = w[:-1]
        s_last = stem[-1].lower()
        y = "и" if s_last in VELARS or s_last in SIBILANTS else "ы"
        ins = [stem + "ой", stem + "ою"] + ([stem + "ей"] if s_last in SIBILANTS or s_last == "ц" else [])
        return _cases(nom=[w], gen=[stem + y], dat=[stem + "е"], acc=[stem + "у"], ins=ins, loc=[stem + "е"])
    if last == "я":
        stem = w[:-1]
        s_last = stem[-1].lower()
        if s_last == "и":  # Россия, Александрия
            return _cases(nom=[w], gen=[stem + "и"], dat=[stem + "и"], acc=[stem + "ю"], ins=[stem + "ей"], loc=[stem + "и"])
        return _cases(nom=[w], gen=[stem + "и"], dat=[stem + "е"], acc=[stem + "ю"], ins=[stem + "ей"], loc=[stem + "е"])
    if last == "о":  # Синельниково, Иваново (also left undeclined in speech)
        stem = w[:-1]
        return _cases(nom=[w], gen=[stem + "а", w], dat=[stem + "у", w], acc=[w], ins=[stem + "ом", w], loc=[stem + "е", w])
    if last == "е":  # Запорожье, Гуляйполе
        stem = w[:-1]
        return _cases(nom=[w], gen=[stem + "я"], dat=[stem + "ю"], acc=[w], ins=[stem + "ем"], loc=[w, stem + "и"])
    if last in "ыи":  # Сумы, Черкассы, Черновцы
        stem = w[:-1]
        return _cases(nom=[w], gen=[stem, stem + "ов", stem + "ей"], dat=[stem + "ам"], acc=[w],
                      ins=[stem + "ами"], loc=[stem + "ах"])
    if last == "ь":
        stem = w[:-1]
        # Gender is not in the spelling: both paradigms, masculine (Севастополь → Севастополе)
        # and, except for -поль, feminine (Керчь → Керчи).
        out = _cases(nom=[w], gen=[stem + "я"], dat=[stem + "ю"], acc=[w], ins=[stem + "ем"], loc=[stem + "е"])
        if not low.endswith("поль"):  # feminine: Керчь, Тверь, Рязань, Астрахань
            out["gen"].append(stem + "и")
            out["dat"].append(stem + "и")
            out["ins"].append(stem + "ью")
            out["loc"].append(stem + "и")
        return out
    if last == "й":
        stem = w[:-1]
        return _cases(nom=[w], gen=[stem + "я"], dat=[stem + "ю"], acc=[w], ins=[stem + "ем"], loc=[stem + "е"])
    if last in RU_VOWELS:
        return _cases(**{c: [w] for c in CASES})
    out = _cases(nom=[w], gen=[w + "а"], dat=[w + "у"], acc=[w], ins=[w + "ом"], loc=[w + "е", w + "у"])
    if last in SIBILANTS or last == "ц":
        out["ins"].append(w + "ем")
    # fleeting vowels: Елец → Ельца, Орёл → Орла
    if low.endswith("ец"):
        stem = w[:-2] + "ц"
        out["gen"].append(stem + "а")
        out["dat"].append(stem + "у")
        out["ins"].append(stem + "ом")
        out["loc"].append(stem + "е")
    if low.endswith("ёл"):
        stem = w[:-2] + "л"
        out["gen"].append(stem + "а")
        out["dat"].append(stem + "у")
        out["ins"].append(stem + "ом")
        out["loc"].append(stem + "е")
    return out


def _adj_uk(w):
    low = w.lower()
    if low.endswith("ий"):
        s = w[:-2]
        return _cases(nom=[w], gen=[s + "ого"], dat=[s + "ому"], acc=[w, s + "ого"], ins=[s + "им"], loc=[s + "ому", s + "ім"])
    if low.endswith("ій"):
        s = w[:-2]
        return _cases(nom=[w], gen=[s + "ього"], dat=[s + "ьому"], acc=[w], ins=[s + "ім"], loc=[s + "ьому", s + "ім"])
    if low.endswith("а"):
        s = w[:-1]
        return _cases(nom=[w], gen=[s + "ої"], dat=[s + "ій"], acc=[s + "у"], ins=[s + "ою"], loc=[s + "ій"])
    if low.endswith("я"):
        s = w[:-1]
        return _cases(nom=[w], gen=[s + "ьої"], dat=[s + "ій"], acc=[s + "ю"], ins=[s + "ьою"], loc=[s + "ій"])
    if low.endswith("е"):
        s = w[:-1]
        return _cases(nom=[w], gen=[s + "ого"], dat=[s + "ому"], acc=[w], ins=[s + "им"], loc=[s + "ому", s + "ім"])
    if low.endswith("і"):
        s = w[:-1]
        return _cases(nom=[w], gen=[s + "их"], dat=[s + "им"], acc=[w], ins=[s + "ими"], loc=[s + "их"])
    return _noun_uk(w)


def _adj_ru(w):
    low = w.lower()
    if low[-2:] in ("ый", "ий", "ой"):
        s = w[:-2]
        soft = low[-2:] == "ий" and s[-1:].lower() == "н"  # Нижний
        hard_i = s[-1:].lower() in VELARS or s[-1:].lower() in SIBILANTS
        if soft:
            return _cases(nom=[w], gen=[s + "его"], dat=[s + "ему"], acc=[w], ins=[s + "им"], loc=[s + "ем"])
        y = "им" if hard_i else "ым"
        return _cases(nom=[w], gen=[s + "ого"], dat=[s + "ому"], acc=[w, s + "ого"], ins=[s + y], loc=[s + "ом"])
    if low.endswith("ая"):
        s = w[:-2]
        return _cases(nom=[w], gen=[s + "ой"], dat=[s + "ой"], acc=[s + "ую"], ins=[s + "ой", s + "ою"], loc=[s + "ой"])
    if low.endswith("яя"):
        s = w[:-2]
        return _cases(nom=[w], gen=[s + "ей"], dat=[s + "ей"], acc=[s + "юю"], ins=[s + "ей"], loc=[s + "ей"])
    if low[-2:] in ("ое", "ее"):
        s = w[:-2]
        e = "е" if low.endswith("ее") else "о"
        return _cases(nom=[w], gen=[s + e + "го"], dat=[s + e + "му"], acc=[w], ins=[s + ("им" if e == "е" else "ым")], loc=[s + e + "м"])
    if low[-2:] in ("ые", "ие"):
        s = w[:-2]
        i = low[-2]
        return _cases(nom=[w], gen=[s + i + "х"], dat=[s + i + "м"], acc=[w], ins=[s + i + "ми"], loc=[s + i + "х"])
    return _noun_ru(w)


def is_adjective(word, lang, in_phrase):
    """Whether a word of a name declines like an adjective.

    Adjectival endings: Ukrainian -ий/-ій (Хмельницький, Кривий), Russian -ый/-ий/-ой, -ая, -ое;
    a word in -а/-я/-е counts as an adjective only before another word (Нова Каховка) or with a
    typical adjectival suffix (Лозова, Покровське, Южне).
    """
    low = word.lower()
    if in_phrase and low.endswith(("а", "я", "і", "е", "ий", "ій", "ый", "ой", "ая", "ое")) and len(low) >= 3:
        return True  # Нова Каховка, Біла Церква, Кривий Ріг, Велика Новосілка, Гола Пристань
    if len(low) < 5 or len(low) < 6 and low.endswith(("ий", "ый", "ій")):  # Стрый, Гай are nouns
        return False
    if lang == "uk":
        if low.endswith(("ий", "ій")):
            return True
        if low.endswith(("ська", "цька", "зька", "ова", "ева", "єва", "ська")):
            return True
        if low.endswith(("ське", "цьке", "зьке", "ове", "еве", "єве", "не", "ине", "іне")):
            return True
        return False
    if low.endswith(("ый", "ий")) or in_phrase and low.endswith("ой"):
        return True  # a lone -ой name is a noun: Джанкой → в Джанкое
    if low.endswith(("ая", "яя", "ое", "ее", "ые", "ие")):
        return True
    return False


def _possessive(word, lang):
    """Possessive adjectives before a noun: Часів Яр → Часового Яру, Часовому Яру."""
    out = _cases(nom=[word], acc=[word])
    if lang == "ru":  # Часов Яр → Часового Яра, в Часовом Яре (or undeclined: в Часов Яре)
        out["gen"] += [word + "ого", word]
        out["dat"] += [word + "ому", word]
        out["ins"] += [word + "ым", word]
        out["loc"] += [word + "ом", word]
        return out
    for s in _uk_alternation_stems(word)[1:]:
        out["gen"].append(s + "ого")
        out["dat"].append(s + "ому")
        out["ins"].append(s + "им")
        out["loc"] += [s + "ому", s + "ім", word]
    return out


def decline_word(word, lang, in_phrase=False):
    if word.startswith("="):
        w = word[1:]
        return _cases(**{c: [w] for c in CASES})
    if len(word) < 2:
        return _cases(**{c: [word] for c in CASES})
    low = word.lower()
    if in_phrase and ((lang == "uk" and low.endswith(("ів", "їв"))) or (lang == "ru" and low.endswith(("ов", "ев")))):
        return _possessive(word, lang)
    if is_adjective(word, lang, in_phrase):
        return _adj_uk(word) if lang == "uk" else _adj_ru(word)
    return _noun_uk(word) if lang == "uk" else _noun_ru(word)


def _split(name):
    """Words and separators: "Кам'янець-Подільський" → ["Кам'янець", "-", "Подільський"]."""
    parts, cur = [], ""
    for ch in name:
        if ch in " -":
            if cur:
                parts.append(cur)
            parts.append(ch)
            cur = ""
        else:
            cur += ch
    if cur:
        parts.append(cur)
    return parts


def forms(name, lang):
    """Every case form of a Cyrillic place name in `lang` ("uk" or "ru"), including the nominative."""
    parts = _split(name)
    # "Ростов-на-Дону", "Комсомольск-на-Амуре": only the part before the preposition declines.
    for k, p in enumerate(parts):
        if p.lower() in ("на", "над", "под", "при") and k > 0:
            head = "".join(parts[:k - 1])
            tail = "".join(parts[k - 1:])
            return {f + tail for f in forms(head, lang)}
    words = [p for p in parts if p not in (" ", "-")]
    in_phrase = len(words) > 1
    paradigms = []
    for idx, p in enumerate(parts):
        if p in (" ", "-"):
            paradigms.append(None)
            continue
        # A hyphenated first part ending in -о is a linking form (Івано-Франківськ): it never declines.
        nxt = parts[idx + 1] if idx + 1 < len(parts) else None
        if nxt == "-" and p.lower().endswith("о"):
            paradigms.append(_cases(**{c: [p] for c in CASES}))
            continue
        last_word = p is words[-1] and idx == len(parts) - 1
        paradigms.append(decline_word(p, lang, in_phrase and not last_word))
    out = set()
    for case in CASES:
        combos = [""]
        for p, para in zip(parts, paradigms):
            if para is None:
                combos = [c + p for c in combos]
            else:
                options = para[case] or [p]
                combos = [c + o for c in combos for o in dict.fromkeys(options)]
            if len(combos) > 64:
                combos = combos[:64]
        out.update(combos)
    return out


def script_languages(name):
    """Which declension rules apply to a Cyrillic name: Ukrainian letters mean uk, Russian letters ru.

    Returns [] for Cyrillic of other languages (Serbian ј, Belarusian ў, Bulgarian ъ inside words …),
    whose forms are kept only as written.
    """
    low = name.lower()
    if any(ch in low for ch in "јљњћђџѓќѕў"):
        return []
    uk = any(ch in low for ch in "іїєґ")
    ru = any(ch in low for ch in "ыэъё")
    if uk and ru:
        return []
    if uk:
        return ["uk"]
    if ru:
        return ["ru"]
    return ["uk", "ru"]


if __name__ == "__main__":
    import sys
    for n in sys.argv[1:]:
        for lang in script_languages(n):
            print(lang, n, "→", " ".join(sorted(forms(n, lang))))


def raion_adjective(name, lang):
    """The adjective a raion takes from its centre: Нікополь → Нікопольський, Покровськ →
    Покровський, Каховка → Каховський, Суми → Сумський, Одеса → Одеський, Кременчук →
    Кременчуцький; Russian Никополь → Никопольский. None where no rule fits (multiword names)."""
    if " " in name or "-" in name or len(name) < 4:
        return None
    low = name.lower()
    sk = "ський" if lang == "uk" else "ский"
    if low.endswith(("ськ", "цьк", "зьк", "ск", "цк")):
        return name + ("ий" if lang == "uk" else "ий")
    if low.endswith("ь"):
        return name[:-1] + ("ьський" if lang == "uk" else "ьский")
    if low.endswith(("ська", "цька", "ская", "цкая")):  # Долинська → Долинський
        return name[:-1] + "ий" if lang == "uk" else name[:-2] + "ий"
    if len(low) > 3 and low[-1] == "я" and low[-2] == low[-3] and low[-2] in "лн":  # Добропілля → Добропільський
        return name[:-2] + ("ьський" if lang == "uk" else "ьский")
    if low.endswith("ія") or low.endswith("ия"):
        return name[:-1] + ("йський" if lang == "uk" else "йский")
    if low.endswith(("ове", "еве", "ово", "ево")):
        return name[:-3] + ("івський" if lang == "uk" else "овский")
    if low.endswith("ка"):
        stem = name[:-2]
    elif low[-1] in "аяиіы":
        stem = name[:-1]
    elif low[-1] in "еєоюуй":
        return None
    else:
        stem = name
    if stem.lower().endswith("с"):  # Одес- + ський → Одеський; Russian Одесс- + кий → Одесский
        return stem + sk[1:] if lang == "uk" else stem + "кий"
    if stem.lower().endswith("к"):  # Кременчук → Кременчуцький
        return stem[:-1] + ("цький" if lang == "uk" else "цкий")
    if stem.lower().endswith("г") and lang == "ru":
        return stem + "ский"
    return stem + sk


def ukrainian_spellings(ru):
    """Both readings of Russian и (Ukrainian keeps и in Липецьк, writes і in Армавір)."""
    a = ukrainian_spelling(ru)
    b = ukrainian_spelling(ru, keep_i=True)
    return [a] if a == b else [a, b]


def ukrainian_spelling(ru, keep_i=False):
    """How Ukrainian writes a Russian place name, for Russian towns GeoNames has no Ukrainian name
    for: Морозовск → Морозовськ, Ейск → Єйськ, Новороссийск → Новоросійськ, Сызрань → Сизрань,
    Армавир → Армавір, Энгельс → Енгельс."""
    out = []
    low = ru.lower()
    n = len(ru)
    vowels = "аеёиоуыэюяіїє"
    for i, ch in enumerate(ru):
        c = low[i]
        prev = low[i - 1] if i > 0 else ""
        nxt = low[i + 1] if i + 1 < n else ""
        if c == "ы":
            r = "и"
        elif c == "и":
            if nxt == "й" and (i + 2 == n or not low[i + 2].isalpha()):
                r = "и"  # adjectival -ий stays
            elif prev and prev in vowels:
                r = "ї"
            else:
                r = "и" if keep_i else "і"
        elif c == "е" and (not prev or not prev.isalpha() or prev in vowels):
            r = "є"
        elif c == "э":
            r = "е"
        elif c == "ё":
            r = "ьо" if prev and prev not in vowels else "йо"
        elif c == "ъ":
            r = "'"
        elif c == "с" and prev == "с":
            continue  # Новороссийск → Новоросійськ, Черкассы → Черкаси
        else:
            r = c
        out.append(r.upper() if ch.isupper() and r else r)
    words = []
    for w in re.split(r"([ -])", "".join(out)):
        for end, repl in (("ск", "ськ"), ("цк", "цьк"), ("ский", "ський"), ("цкий", "цький"), ("ская", "ська")):
            if w.endswith(end):
                w = w[: -len(end)] + repl
                break
        words.append(w)
    return "".join(words)
