#!/usr/bin/env python3
"""Word classes for the Japanese tagger from UniDic.

UniDic (Debian unidic-mecab 3.1.1, /usr/share/mecab/dic/unidic/lex_3_1.csv,
the UniDic Consortium, BSD-3-clause or LGPL-2.1 or GPL-2+) lists 879,000
entries: a surface form and its part of speech in up to four levels
(名詞,普通名詞,一般,*), the scheme UD Japanese GSD's XPOS follows. The tagger
reads each form's set of parts of speech as word classes (train-tagger
--word-classes, src/train/word_classes.h) and learns which UPOS each set
means from the training words; a form the treebank never saw is tagged
like them.

    python3 scripts/ja_unidic_word_classes.py > classes.tsv

Four levels, coarsest first: the set of first levels (名詞|動詞), of the
first two, of the first three, and of all four. A form's entries are merged
over letter case (the tagger's keys are lower case); forms that are empty
or hold a space or tab are left out. Levels hold at most 31, 127, 511 and
2,047 names (src/core/pos/features.h): the rarest names of a level share
one "other". Deterministic: the same dictionary gives the same bytes.
"""
import collections
import csv
import sys

from word_class_levels import write_rows


LEXICON = "/usr/share/mecab/dic/unidic/lex_3_1.csv"
def main():
    parts = collections.defaultdict(set)
    with open(LEXICON, encoding="utf-8", newline="") as lexicon:
        for row in csv.reader(lexicon):
            form = row[0].lower() if row else ""
            if len(row) < 8 or not form or any(c.isspace() for c in form):
                continue
            parts[form].add(tuple(row[4:8]))
    rows = []
    for form in sorted(parts):
        found = sorted(parts[form])
        rows.append([form] + ["|".join(sorted(set("-".join(p[:depth]) for p in found)))
                              for depth in (1, 2, 3, 4)])
    write_rows(rows)


if __name__ == "__main__":
    main()
