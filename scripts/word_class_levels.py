"""Shared by the scripts that turn a lexicon into the tagger's word classes
(hunspell_word_classes.py, ja_unidic_word_classes.py): the four class
levels must fit the bits the model gives them (src/core/pos/features.h).
"""
import collections
import sys

# Names a level can hold: kClusterBits 5, 7, 9 and 11, id 0 meaning none.
LEVEL_NAMES = (31, 127, 511, 2047)


def write_rows(rows, out=sys.stdout):
    """Writes rows of [form, level 0, level 1, level 2, level 3] as the
    tab-separated lines train-tagger --word-classes reads, after giving the
    rarest names of a level that holds too many one shared name, "other"
    (the most frequent keep theirs; ties by name, so the output is
    deterministic)."""
    for level, most in enumerate(LEVEL_NAMES, start=1):
        names = collections.Counter(row[level] for row in rows)
        kept = {n for n, _ in sorted(names.items(), key=lambda x: (-x[1], x[0]))[: most - 1]}
        for row in rows:
            if row[level] not in kept:
                row[level] = "other"
    for row in rows:
        out.write("\t".join(row) + "\n")
