#!/usr/bin/env python3
"""Validate the Salvo lexicon files and print entry counts per language and category.

Usage: python3 scripts/lexicon/check.py [LEXICON_DIR]
       (default: Sources/SalvoText/Resources/lexicon next to this repository's root)

Checks, per line of every *.tsv file:
  - 3 or 4 TAB-separated columns, none of the first three empty;
  - a known category and a valid value for that category (and an extra column where
    the category needs one: claimant role names);
  - '*' only at the end of a word (a stem), and no stem of only 1-2 letters;
  - no duplicate (folded term, category), also not between common.tsv and a language file
    (a <lang>-frames.tsv entry that repeats one of the language file is an override, warned about);
  - a warning (not an error) for terms that fold to something other than what is written
    in a way that suggests a typo (stray spaces around hyphens).
Exit status 1 if any error was found.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

WEAPON_CLASSES = {"drone", "decoy", "missile", "cruise_missile", "ballistic_missile",
                  "guided_bomb", "artillery", "any"}
VALUES: dict[str, set[str] | None] = {
    "weapon": WEAPON_CLASSES,
    "quantity": {"launched", "intercepted", "lost", "hit", "killed", "injured", "missing"},
    # `exact` marks phrases like "rose to" that shadow an up_to reading of "to/до".
    "qualifier": {"at_least", "more_than", "about", "almost", "up_to", "exact"},
    "number": None,  # non-negative integer
    "multiplier": {"1000", "1000000"},
    "month": {str(i) for i in range(1, 13)},
    "weekday": {str(i) for i in range(1, 8)},
    # days from publication (0, -1, …) or `next` (the date or weekday that follows); extra `night`,
    # or `previous` (counted from the date named just before, where there is one)
    "relday": {"next"} | {str(-i) for i in range(0, 32)},
    "claimant": {"UA", "RU", "US", "other"},
    "attribution": {"said"},
    "attacker": {"RU", "UA", "enemy"},
    "people": {"person", "child"},
    "negative": {"money", "war_total", "history", "other_war", "exercise", "accident", "debris", "recovered", "forecast", "vague"},
    "target": {"energy", "residential", "infrastructure", "military", "industrial",
               "medical", "education", "transport", "port"},
    "unit": {"time", "distance", "percent", "building", "settlement", "vehicle", "other", "capital", "country"},
    "abbrev": {"-"},
    # used by the figure finder's own files (<lang>-frames.tsv)
    "subset": {"-"},
    "background": {"-"},
    "preposition": {"origin", "location"},
    "conjunction": {"-"},
    "clause": {"-"},
    "part": {"of", "of_them", "more", "out", "article", "link", "aux", "all", "not", "agent", "total", "each", "particle"},
    # settings, not matched in text: number formats and language identification (weights)
    "separator": {"group", "decimal", "ordinal"},
    "function": None,
    "letter": None,
}
# settings may repeat a term with another value ("," is both group and decimal mark in English)
SETTINGS = {"separator", "function", "letter"}
EXTRA_VALUES = {"relday": {"night", "previous"}}
NEEDS_EXTRA = {"claimant"}
LANGS = ["common", "en", "de", "uk", "ru"]
APOSTROPHES = dict.fromkeys(map(ord, "\u2019\u02bc`\u2018\u02b9"), "'")


def fold(term: str) -> str:
    """The loader's normalisation: lowercase, ё→е, unified apostrophes, single spaces."""
    t = unicodedata.normalize("NFC", term).lower().replace("ё", "е").translate(APOSTROPHES)
    return re.sub(r"\s+", " ", t).strip()


def check_file(path: Path, errors: list[str], warnings: list[str]):
    entries = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{n}"
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) not in (3, 4):
            errors.append(f"{where}: {len(cols)} columns (want 3 or 4): {line!r}")
            continue
        term, cat, value = cols[0], cols[1], cols[2]
        extra = cols[3] if len(cols) == 4 else ""
        if not term.strip() or not cat or not value:
            errors.append(f"{where}: empty column: {line!r}")
            continue
        if term != term.strip() or value != value.strip() or extra != extra.strip():
            errors.append(f"{where}: leading/trailing spaces in a column: {line!r}")
        if cat not in VALUES:
            errors.append(f"{where}: unknown category {cat!r}")
            continue
        allowed = VALUES[cat]
        if allowed is None:
            if not value.isdigit():
                errors.append(f"{where}: number value {value!r} is not a non-negative integer")
        elif value not in allowed:
            errors.append(f"{where}: value {value!r} not valid for {cat} (one of {sorted(allowed)})")
        if cat in EXTRA_VALUES and extra and extra not in EXTRA_VALUES[cat]:
            errors.append(f"{where}: extra {extra!r} not valid for {cat} (one of {sorted(EXTRA_VALUES[cat])})")
        if cat == "separator" and term not in {",", ".", "space"}:
            errors.append(f"{where}: separator {term!r} is not one of ',', '.', 'space'")
        if cat in NEEDS_EXTRA and not extra:
            errors.append(f"{where}: {cat} needs an extra column (canonical role name)")
        if len(cols) == 4 and not extra:
            errors.append(f"{where}: empty 4th column (drop the trailing TAB)")
        # A '*' ends a stem word: at the end of the term, or inside a phrase ("повітрян* сил*",
        # "дрон*-імітатор*"), where the loader lets it stand for the rest of that word.
        for m in re.finditer(r"\*", term):
            if m.end() < len(term) and term[m.end()] not in " -/":
                errors.append(f"{where}: '*' must end a word: {term!r}")
            stem = re.split(r"[\s\-'/.]", term[:m.start()])[-1]
            letters = sum(ch.isalpha() for ch in stem)
            if letters <= 2:
                errors.append(f"{where}: stem {stem + '*'!r} has only {letters} letter(s): {term!r}")
        if re.search(r"\s-|-\s", term):
            warnings.append(f"{where}: spaces around a hyphen: {term!r}")
        # a setting's value is part of its key: "," may be both group and decimal mark
        entries.append((fold(term) + (f"\t{value}" if cat in SETTINGS else ""), cat, value, extra, where))
    return entries


def add_once(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def main() -> int:
    root = Path(__file__).resolve().parents[2]
    lexdir = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "Sources/SalvoText/Resources/lexicon"
    errors: list[str] = []
    warnings: list[str] = []
    per_file: dict[str, list] = {}
    for lang in LANGS:
        path = lexdir / f"{lang}.tsv"
        if not path.exists():
            errors.append(f"missing file {path}")
            continue
        per_file[lang] = check_file(path, errors, warnings)
        # "<lang>-frames.tsv" (the figure finder's words) belongs to the same language
        for extra in sorted(lexdir.glob(f"{lang}-*.tsv")):
            per_file[lang] += check_file(extra, errors, warnings)
    known = {f"{l}.tsv" for l in LANGS}
    for p in sorted(lexdir.glob("*.tsv")):
        if p.name not in known and p.name.split("-")[0] not in LANGS:
            warnings.append(f"{p.name}: not a language file ({', '.join(LANGS)}) nor <lang>-*.tsv")

    # duplicates: inside each language (all its files), and between common.tsv and each language;
    # an identical repeated entry is only a warning (the loader merges it)
    common_keys = {}
    for term, cat, value, extra, where in per_file.get("common", []):
        key = (term, cat)
        if key in common_keys:
            errors.append(f"{where}: duplicate ({term!r}, {cat}) first at {common_keys[key][0]}")
        else:
            common_keys[key] = (where, value, extra)
    for lang in LANGS[1:]:
        seen = {}
        for term, cat, value, extra, where in per_file.get(lang, []):
            key = (term, cat)
            first = seen.get(key) or common_keys.get(key)
            if first:
                same = (first[1], first[2]) == (value, extra)
                # A <lang>-frames.tsv entry loads first and so takes precedence: an override, not a mistake.
                override = "-frames.tsv" in where or "-frames.tsv" in first[0]
                (warnings if same or override else errors).append(
                    f"{where}: {'repeats' if same else 'overrides' if override else 'duplicate'} ({term!r}, {cat}) first at {first[0]}")
            else:
                seen[key] = (where, value, extra)

    # shadowing: an exact one-word term that a stem of the same category (in the same
    # language or common.tsv) also matches with a different value: equal-length matches
    # are ambiguous, so report them
    for lang in LANGS[1:]:
        pool = per_file.get("common", []) + per_file.get(lang, [])
        stems = defaultdict(list)
        for term, cat, value, extra, where in pool:
            if term.endswith("*") and " " not in term and "-" not in term:
                stems[cat].append((term[:-1], value, extra, where))
        for term, cat, value, extra, where in pool:
            if not re.fullmatch(r"[^\W_]+(?:'[^\W_]+)*", term):
                continue
            for stem, v2, x2, w2 in stems.get(cat, []):
                if term.startswith(stem) and (v2, x2) != (value, extra):
                    add_once(warnings, f"{where}: {term!r} ({cat} {value} {extra}) is also matched by "
                                    f"stem {stem}* ({v2} {x2}) at {w2}")

    # counts
    cats = list(VALUES)
    counts = {lang: Counter(e[1] for e in per_file.get(lang, [])) for lang in LANGS}
    width = max(len(c) for c in cats)
    print(f"{'category':<{width}} " + " ".join(f"{l:>7}" for l in LANGS) + "   total")
    for c in cats:
        row = [counts[l][c] for l in LANGS]
        print(f"{c:<{width}} " + " ".join(f"{n:>7}" for n in row) + f" {sum(row):>7}")
    totals = [sum(counts[l].values()) for l in LANGS]
    print(f"{'total':<{width}} " + " ".join(f"{n:>7}" for n in totals) + f" {sum(totals):>7}")
    stems = {l: sum(1 for e in per_file.get(l, []) if "*" in e[0]) for l in LANGS}
    print("stems:  " + "  ".join(f"{l} {stems[l]}" for l in LANGS))

    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    print(f"{len(errors)} error(s), {len(warnings)} warning(s)", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
