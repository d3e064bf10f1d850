#!/usr/bin/env python3
"""Spell out multi-word lexicon terms whose inner words are stems.

The loader (SalvoText.Lexicon) only knows a stem at the END of a term: `крилат* ракет*` would
keep a literal `*` inside and never match. This script rewrites such a term into one line per
inflected form of the inner stems, keeping the final stem:

    крилат* ракет*   weapon cruise_missile
 →  крилата ракет*   weapon cruise_missile
    крилате ракет*   weapon cruise_missile
    ...

Forms come from fixed ending lists per language and word class (adjective, noun, past-tense
verb); over-generated non-words are harmless because they never occur in text. Adjectives
inside one term share their ending (they agree in case), which keeps the product small.

Usage: python3 scripts/lexicon/expand.py FILE.tsv [...]   (rewrites the files in place;
lines without inner stems are left as they are, comments and order are kept)
"""
from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

ENDINGS = {
    "uk": {
        "adj": ["а", "е", "ий", "ого", "ому", "им", "ім", "у", "ою", "ої", "ій", "і", "их", "ими"],
        "noun": ["", "а", "я", "и", "і", "у", "ю", "о", "е", "ом", "ем", "ою", "ею", "ам", "ям",
                 "ами", "ями", "ах", "ях", "ів", "ей", "й"],
        "verb": ["", "а", "о", "и", "ася", "ося", "ися", "ась", "ось", "ись"],
    },
    "ru": {
        "adj": ["ая", "ое", "ые", "ий", "ый", "ой", "ого", "ому", "ым", "им", "ом", "ую", "ою", "ей",
                "ых", "их", "ыми", "ими", "ие", "ее", "яя", "его", "ему"],
        "noun": ["", "а", "я", "ы", "и", "е", "у", "ю", "о", "ом", "ем", "ой", "ей", "ою", "ам", "ям",
                 "ами", "ями", "ах", "ях", "ов", "ев", "ь", "й"],
        "verb": ["", "а", "о", "и", "ся", "ась", "ось", "ись"],
    },
}
# Inner stems that are nouns or past-tense verbs; every other inner stem is an adjective or
# participle (ударн*, керован*, обласн*, управляем*). Extend these sets with new terms.
NOUNS = set("""
дрон безпілотник беспилотник апарат аппарат ракет бомб авіабомб авиабомб снаряд сил систем засоб средств
об'єкт объект ціл цел служб штаб сектор центр пункт заклад катер лодк будин дом житель жител мешканц
тварин комитет хрест крест режим влад власт голов глав начальник очільник офіс офис генштаб пакет навчан
маневр склад здани учреждени заведени зіткнен столкновени допомог помощ жизн предприяти підприємств
інфраструктур инфраструктур адміністраці администраци министерств міністерств командуванн командовани
президент країн армі військ войск пространств оружи місі мисси інститут институт порт шахед імітатор
имитатор приманк термінал терминал садк сад рад пуск прокуратур поліці полици ведомств агресор агрессор
аеродром аэродром больниц будівл боєприпас боеприпас домогосподарств влучан граждан пресс-секретар
""".split())
VERBS = set("""
зникл досягл достигл зросл возросл выросл збільшил увеличил здійснил исчезл пропал улетел получил попал
позбавил забрал зазнал повернул покинул вилетіл полетіл залишил
""".split())
MAX_FORMS = 60  # a term that would need more lines is an error: write its forms by hand
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*\*?|[^\w\s]|\s+", re.UNICODE)


def word_class(stem: str, lang: str) -> str:
    s = stem.lower()
    if s in VERBS:
        return "verb"
    if s in NOUNS:
        return "noun"
    return "adj"


def expand_term(term: str, lang: str) -> list[str]:
    """All spellings of `term` with inner stems replaced by inflected forms."""
    parts = WORD.findall(term)
    inner = [i for i, p in enumerate(parts) if p.endswith("*") and i < len(parts) - 1]
    if not inner:
        return [term]
    endings = ENDINGS[lang]
    adj = [i for i in inner if word_class(parts[i][:-1], lang) == "adj"]
    other = [i for i in inner if i not in adj]
    results = []
    # adjectives agree: one shared ending; other inner stems take every ending of their class
    adj_choices = endings["adj"] if adj else [None]
    other_choices = [[parts[i][:-1] + e for e in endings[word_class(parts[i][:-1], lang)]] for i in other]
    for a in adj_choices:
        for combo in itertools.product(*other_choices) if other else [()]:
            p = list(parts)
            for i in adj:
                p[i] = parts[i][:-1] + a
            for i, form in zip(other, combo):
                p[i] = form
            results.append("".join(p))
    results = list(dict.fromkeys(results))
    if len(results) > MAX_FORMS:
        raise ValueError(f"{term!r} expands to {len(results)} forms; spell its forms out by hand")
    return results


def expand_lines(lines: list[str], lang: str) -> list[str]:
    out, seen = [], set()
    for line in lines:
        if not line.strip() or line.startswith("#"):
            out.append(line)
            continue
        cols = line.split("\t")
        for term in expand_term(cols[0], lang):
            key = (term.lower(), cols[1])
            if key in seen:
                continue
            seen.add(key)
            out.append("\t".join([term] + cols[1:]))
    return out


def main() -> int:
    for name in sys.argv[1:]:
        path = Path(name)
        lang = path.stem.split("-")[0]
        if lang not in ENDINGS:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        path.write_text("\n".join(expand_lines(lines, lang)) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
