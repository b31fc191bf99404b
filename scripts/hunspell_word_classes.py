#!/usr/bin/env python3
"""Word classes for the tagger from a Hunspell spelling dictionary.

A Hunspell dictionary lists stems with the affix flags of their paradigm
(Russian "красивый/AES": an adjective's endings; "гулять/BLPU": a verb's),
and its affix file says which flag produced each inflected form. Those
flags are a morphological lexicon in all but name: the tagger reads them as
word classes (train-tagger --word-classes, src/train/word_classes.h) and
learns from the training words which part of speech each flag pattern
means; a word form the treebank never saw is tagged like them.

    python3 scripts/hunspell_word_classes.py ru_RU > classes.tsv

Needs Debian's hunspell (the program), hunspell-tools (unmunch) and the
language's dictionary (hunspell-ru: /usr/share/hunspell/ru_RU.{dic,aff}).
Every form the dictionary generates (unmunch) is analysed (hunspell -m):
each analysis gives the suffix flag that produced the form ("s" + flag) or,
for a form that is a stem itself, the stem's own flags ("b" + flags). A
form's analyses are merged over letter case (the tagger's keys are lower
case). Four levels, coarsest first: the number of analyses (1, 2, 3 or
more) and whether one is a stem; the analyses' first flags; all flags; all
flags and the form's last two letters. Levels hold at most 31, 127, 511
and 2,047 names (src/core/pos/features.h): the rarest names of a level
share one "other". Deterministic: the same dictionary gives the same bytes.
"""
import collections
import re
import subprocess
import sys

from word_class_levels import write_rows


def run(command, data=None):
    return subprocess.run(command, input=data, capture_output=True, text=True,
                          check=True).stdout


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: hunspell_word_classes.py DICTIONARY (e.g. ru_RU)")
    name = sys.argv[1]
    base = f"/usr/share/hunspell/{name}"
    forms = sorted(set(w for w in run(["unmunch", base + ".dic", base + ".aff"]).split("\n") if w))
    stem_flags = {}
    with open(base + ".dic", encoding="utf-8") as dic:
        next(dic)  # the word count
        for line in dic:
            stem, _, flags = line.strip().partition("/")
            stem_flags.setdefault(stem, set()).update(flags.split()[0] if flags else "")
    analyses = collections.defaultdict(set)
    # One form a line in, one line per analysis out, a blank line after each
    # form (hunspell -m).
    for line in run(["hunspell", "-d", base, "-m"], "\n".join(forms) + "\n").split("\n"):
        fields = line.split()
        if len(fields) < 2:
            continue
        stem = re.search(r"\bst:(\S+)", line)
        flag = re.search(r"\bfl:(\S+)", line)
        if stem is None:
            continue
        if flag is not None:
            analysis = "s" + flag.group(1)
        else:
            analysis = "b" + ("".join(sorted(stem_flags.get(stem.group(1), ""))) or "-")
        analyses[fields[0].lower()].add(analysis)
    rows = []
    for form in sorted(analyses):
        found = sorted(analyses[form])
        count = f"{min(len(found), 3)}{'b' if any(a[0] == 'b' for a in found) else 's'}"
        first = "|".join(sorted(set(a[:2] for a in found)))
        every = "|".join(found)
        rows.append([form, count, first, every, every + "|" + form[-2:]])
    write_rows(rows)


if __name__ == "__main__":
    main()
