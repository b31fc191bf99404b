# Relabels the UPOS of the older UD_Dutch-LassySmall training file (Feb
# 2017, ../shared/data/ud/nl_lassysmall) with the conventions of the UD
# 2.16 Dutch dev files, which the Dutch tagger is checked against:
#   xz -dc nl_lassysmall-ud-train.2017-02.filtered.conllu.xz |
#     awk -f scripts/nl_lassysmall_2017_to_current.awk > converted.conllu
# The rules come from comparing, word by word, the tags of the frequent
# words in the 2017 file with those in the two 2.16 dev files (Alpino,
# LassySmall), and keep to the conventions UD Dutch changed since:
# possessives are PRON, ordinals ADJ, "als" SCONJ, the modals moeten,
# kunnen, mogen, zullen AUX; laten, willen, blijven, heten VERB; "geboren"
# VERB, "dezelfde"/"hetzelfde" DET, "zowel" CCONJ; and the capitalised
# words of a name that the 2017 file joined with `fixed` ("Tweede
# Wereldoorlog", "Vlaams Gewest") PROPN. Other columns are kept.
# models/README.md has the accuracy with and without it.
BEGIN { FS = OFS = "\t" }
function flush(   i, h) {
  # A name of several capitalised words ("Tweede Wereldoorlog", "Vlaams
  # Gewest") was annotated with `fixed` and common-word tags: PROPN now.
  for (i = 1; i <= n; i++) {
    if (!(i in id)) continue
    h = head[i]
    if (dep[i] == "fixed" && form[i] ~ /^[A-Z]/ && (h in row) && form[row[h]] ~ /^[A-Z]/) {
      upos[i] = "PROPN"; upos[row[h]] = "PROPN"
    }
  }
  for (i = 1; i <= n; i++) {
    if (!(i in id)) {
      print line[i]
      continue
    }
    split(line[i], f, "\t")
    f[4] = upos[i]
    s = f[1]
    for (k = 2; k <= nf[i]; k++) s = s OFS f[k]
    print s
  }
  delete line; delete id; delete form; delete upos; delete head; delete dep; delete row; delete nf; n = 0
}
/^$/ { flush(); print; next }
{
  n++; line[n] = $0
  if ($0 ~ /^#/ || NF < 8 || $1 !~ /^[0-9]+$/) next
  id[n] = $1; row[$1] = n; form[n] = $2; head[n] = $7; dep[n] = $8; nf[n] = NF
  lf = tolower($2); lemma = tolower($3); u = $4
  if (u == "DET" && lemma ~ /^(mijn|m'n|jouw|je|uw|zijn|z'n|haar|ons|onze|hun|jullie)$/) u = "PRON"
  else if (u == "NUM" && (lf ~ /^[0-9]+(e|de|ste)$/ || lf ~ /(de|ste)$/ || lf == "eerst")) u = "ADJ"
  else if (u == "ADP" && lemma == "als") u = "SCONJ"
  else if (u == "VERB" && lemma ~ /^(moeten|kunnen|mogen|zullen)$/) u = "AUX"
  else if (u == "AUX" && lemma ~ /^(laten|willen|blijven|heten)$/) u = "VERB"
  else if (u == "ADJ" && lemma == "geboren") u = "VERB"
  else if (u == "ADJ" && lemma ~ /^(dezelfde|hetzelfde)$/) u = "DET"
  else if (u == "ADV" && lemma == "zowel") u = "CCONJ"
  upos[n] = u
}
END { flush() }
