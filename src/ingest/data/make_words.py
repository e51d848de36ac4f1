#!/usr/bin/env python3
"""Regenerate words.tsv.gz, the lexicon ingest uses to repair glued words.

Inputs (fetch them with the ordinary package clients):
  SCOWL word lists:   apt-get download wamerican-large wbritish-large; dpkg-deb -x each into X
                      -> X/usr/share/dict/{american,british}-english-large
  web word counts:    pip download --no-deps wordsegment; unzip
                      -> wordsegment/unigrams.txt (Norvig's counts, Apache-2.0)

Usage: make_words.py SCOWL_DICT_DIR UNIGRAMS_TXT > /dev/null   (writes words.tsv.gz here)

Output lines: word <TAB> zipf*10 [<TAB> flag], sorted by word, lower case.
  zipf  = log10(occurrences per billion web words), 0 when unattested
  flag P = only ever capitalised in SCOWL (a proper noun: Baghdad, Reuters)
  flag C = not in SCOWL but frequent on the web and made of two longer
           content words (airstrikes, counterterrorism): a real compound
           that must not be split
"""
import gzip, math, os, sys

FUNCTION_WORDS = set("""a an the of in on at to for from by with as into onto over under about after
before during since until upon within without between through against among and or but nor so yet
if than that this these those is are was were be been being has have had do does did will would can
could may might must shall should not no it its he she they we you i his her their our your my me him
them us who whom whose which what when where why how all any each some such also just only very""".split())

def main(dict_dir, unigrams):
    words = {}
    for name in ("american-english-large", "british-english-large"):
        for line in open(os.path.join(dict_dir, name), encoding="utf-8", errors="ignore"):
            w = line.strip()
            if not w or not w.isascii() or not w.isalpha():
                continue
            lw = w.lower()
            words[lw] = words.get(lw, False) or w[0].islower()
    counts, total = {}, 0
    for line in open(unigrams):
        w, c = line.split("\t")
        counts[w] = int(c)
        total += int(c)
    zipf = lambda c: max(0, round(math.log10(c / total * 1e9) * 10)) if c else 0
    rows = {w: (zipf(counts.get(w, 0)), "" if has_lower else "P") for w, has_lower in words.items()}
    for w, c in counts.items():
        if w in rows or c < 20000 or len(w) < 6 or not w.isalpha():
            continue
        for i in range(3, len(w) - 2):
            a, b = w[:i], w[i:]
            if (a in rows and b in rows and rows[a][0] >= 30 and rows[b][0] >= 30
                    and a not in FUNCTION_WORDS and b not in FUNCTION_WORDS):
                rows[w] = (zipf(c), "C")
                break
    text = "".join(f"{w}\t{z}\t{f}\n" if f else f"{w}\t{z}\n" for w, (z, f) in sorted(rows.items()))
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "words.tsv.gz"), "wb") as out:
        out.write(gzip.compress(text.encode(), 9, mtime=0))
    print(len(rows), "entries", file=sys.stderr)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
