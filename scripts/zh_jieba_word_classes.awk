# Turns jieba's dictionary (Debian python3-jieba, MIT/Expat:
# /usr/lib/python3/dist-packages/jieba/dict.txt, lines "word frequency tag"
# with one ICTCLAS-style part-of-speech tag a word) into the word classes
# the Chinese tagger reads (train-tagger --word-classes, src/train/word_classes.h):
#   LC_ALL=C.UTF-8 awk -f scripts/zh_jieba_word_classes.awk dict.txt > classes.tsv
# Four levels, coarsest first: the tag's first letter (n, v, a ...), the
# tag (nr, ns, vn ...), the tag and the word's length in characters (1, 2,
# 3, 4 or more), and the tag, the length and the frequency band (log base 4
# of jieba's count, capped at 7). Every word is kept (349,046: 1.8 MB of
# the model, models/README.md). The locale must be UTF-8 for length() to
# count characters.
NF >= 3 {
  band = int(log($2 + 1) / log(4))
  if (band > 7) band = 7
  n = length($1)
  if (n > 4) n = 4
  printf "%s\t%s\t%s\t%s|%d\t%s|%d|%d\n", $1, substr($3, 1, 1), $3, $3, n, $3, n, band
}
