#!/usr/bin/env python3
"""Show what the lexicon matches in texts: a reference matcher for reviewing lexicon data.

Usage:
  python3 scripts/lexicon/coverage.py LANG FILE...          # annotate each line's matches
  python3 scripts/lexicon/coverage.py LANG --stems FILE...  # every distinct word each stem swallowed
  python3 scripts/lexicon/coverage.py LANG --unknown FILE...# frequent words no entry matches

LANG is en, de, uk or ru; common.tsv is always loaded too. The matcher follows the
README's rules (folding, stems ending in '*', multi-word terms, longest match from a word
start); it is a slow review aid in Python, not the engine.
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check import fold  # noqa: E402

LEXDIR = Path(__file__).resolve().parents[2] / "Sources/SalvoText/Resources/lexicon"
# A word is letters/digits with inner apostrophes; every other non-space character is its own token.
TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[^\w\s]", re.UNICODE)


def tokens(text: str):
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(fold(text))]


def load(lang: str):
    """Trie of token sequences; a token ending in '*' is a stem."""
    trie: dict = {}
    for name in ("common", lang):
        for line in (LEXDIR / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            term, cat, value, *extra = line.split("\t")
            if cat in ("separator", "function", "letter"):
                continue  # settings, not terms
            words = re.findall(r"[^\W_]+(?:'[^\W_]+)*\*?|[^\w\s*]", fold(term), re.UNICODE)
            node = trie
            for w in words:
                node = node.setdefault(w, {})
            node.setdefault("$", []).append((cat, value, extra[0] if extra else ""))
    return trie


def match_at(trie, toks, i):
    """Longest match starting at token i: (end index, entries)."""
    best = None
    frontier = [(trie, i)]
    while frontier:
        node, j = frontier.pop()
        if "$" in node and j > i:
            # equal-length matches (a stem and an exact word, or two stems) all count
            if best is None or j > best[0]:
                best = (j, list(node["$"]))
            elif j == best[0]:
                best[1].extend(e for e in node["$"] if e not in best[1])
        if j >= len(toks):
            continue
        w = toks[j][0]
        if w in node:
            frontier.append((node[w], j + 1))
        for key, child in node.items():
            if key.endswith("*") and w.startswith(key[:-1]) and key != "$":
                frontier.append((child, j + 1))
    return best


def scan(trie, text):
    toks = tokens(text)
    i = 0
    out = []
    while i < len(toks):
        m = match_at(trie, toks, i)
        if m:
            j, entries = m
            out.append((toks[i][1], toks[j - 1][2], entries))
            i = j
        elif toks[i][0].isdigit():
            out.append((toks[i][1], toks[i][2], [("digits", toks[i][0], "")]))
            i += 1
        else:
            i += 1
    return out


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    lang, args = sys.argv[1], sys.argv[2:]
    mode = "annotate"
    if args[0] in ("--stems", "--unknown"):
        mode, args = args[0][2:], args[1:]
    trie = load(lang)
    if mode == "annotate":
        for path in args:
            for line in Path(path).read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                folded = fold(line)
                parts = [f"[{folded[a:b]}→{'/'.join(c + ':' + v for c, v, _ in e)}]" for a, b, e in scan(trie, line)]
                print(line[:160])
                print("   ", " ".join(parts))
    elif mode == "stems":
        swallowed = defaultdict(Counter)
        for path in args:
            for tok, _, _ in tokens(Path(path).read_text(encoding="utf-8")):
                node = trie
                for key in node:
                    if key.endswith("*") and tok.startswith(key[:-1]):
                        swallowed[key][tok] += 1
        for key in sorted(swallowed):
            print(f"{key:<24} " + ", ".join(w for w, _ in swallowed[key].most_common()))
    else:
        unknown = Counter()
        for path in args:
            text = Path(path).read_text(encoding="utf-8")
            covered = set()
            for a, b, _ in scan(trie, text):
                covered.update(range(a, b))
            for tok, a, b in tokens(text):
                if a not in covered and tok.isalpha() and len(tok) > 3:
                    unknown[tok] += 1
        for w, n in unknown.most_common(300):
            print(n, w)
    return 0


if __name__ == "__main__":
    sys.exit(main())
