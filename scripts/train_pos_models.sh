#!/usr/bin/env bash
# Trains the part-of-speech model of every language below from the UD
# treebanks in ../shared/data/ud (models/README.md says why each treebank and
# split): `bash scripts/train_pos_models.sh [code...]` (default: all but
# English, whose model `cmake --build build --target pos-model` trains).
# Needs build/textsense (cmake --build build). Deterministic: the same data
# give the same bytes.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ud=${TEXTSENSE_SHARED_DATA:-$root/../shared/data}/ud
cli=$root/build/textsense
[ -x "$cli" ] || { echo "build/textsense is missing: run cmake --build build first" >&2; exit 1; }
[ -d "$ud" ] || { echo "no UD treebanks at $ud" >&2; exit 1; }

# code | --train files | --dev files | --xpos | --split-dev (languages trained
# on dev splits: every 10th sentence held out) | more train-tagger options.
# Dutch trains on the LassySmall dev split, the Alpino dev split (same UD
# release and conventions) and the older LassySmall train file relabelled
# to those conventions (scripts/nl_lassysmall_2017_to_current.awk; as it
# is, that file scored lower on the same held-out part). A path starting
# with "/" is not under ud/.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
nl_2017=$work/nl_lassysmall-ud-train.2017-02.relabelled.conllu
# Chinese reads the part-of-speech tags of jieba's dictionary (Debian
# python3-jieba, MIT) as word classes: a tag dictionary of 349,000 words for
# the words the treebank never saw (scripts/zh_jieba_word_classes.awk).
jieba_dict=/usr/lib/python3/dist-packages/jieba/dict.txt
zh_classes=$work/zh_jieba_word_classes.tsv
# Russian and German read the affix flags of their Hunspell dictionaries
# (Debian hunspell-ru, hunspell-de-de) as word classes, over every form the
# dictionary generates (scripts/hunspell_word_classes.py).
ru_classes=$work/ru_hunspell_word_classes.tsv
de_classes=$work/de_hunspell_word_classes.tsv
# Japanese reads the parts of speech of UniDic (Debian unidic-mecab: a 1 GB
# download, 5 GB installed; scripts/ja_unidic_word_classes.py).
ja_classes=$work/ja_unidic_word_classes.tsv
# Installs Debian packages the word classes need (scripts/common.sh).
need_packages() {
  # shellcheck source=common.sh
  source "$root/scripts/common.sh"
  install_debian_packages "$@"
}
languages=(
  "pt|pt_bosque/pt_bosque-ud-train.conllu.xz|pt_bosque/pt_bosque-ud-dev.conllu|no||"
  "fr|fr_sequoia/fr_sequoia-ud-train.conllu|fr_sequoia/fr_sequoia-ud-dev.conllu|no||"
  "ru|ru_taiga/ru_taiga-ud-train.conllu|ru_taiga/ru_taiga-ud-dev.conllu|no||--word-classes $ru_classes"
  "ja|ja_gsd/ja_gsd-ud-train.conllu.xz|ja_gsd/ja_gsd-ud-dev.conllu|no||--word-classes $ja_classes"
  "nl|nl_alpino/nl_alpino-ud-dev.conllu,$nl_2017|nl_lassysmall/nl_lassysmall-ud-dev.conllu|no|10|--dictionary-min-count 2"
  "es||es_gsd/es_gsd-ud-dev.conllu,es_ancora/es_ancora-ud-dev.conllu|no|10|"
  "de||de_gsd/de_gsd-ud-dev.conllu|yes|10|--word-classes $de_classes"
  "zh||zh_gsdsimp/zh_gsdsimp-ud-dev.conllu|no|10|--word-classes $zh_classes"
)
wanted=" $* "
for entry in "${languages[@]}"; do
  IFS='|' read -r code train dev xpos split more <<<"$entry"
  [ $# -eq 0 ] || [[ $wanted == *" $code "* ]] || continue
  prefix() { local out=() f; IFS=',' read -ra parts <<<"$1"; for f in "${parts[@]}"; do [[ $f == /* ]] && out+=("$f") || out+=("$ud/$f"); done; (IFS=,; echo "${out[*]}"); }
  if [ "$code" = zh ] && [ ! -f "$zh_classes" ]; then
    [ -f "$jieba_dict" ] || need_packages python3-jieba
    LC_ALL=C.UTF-8 awk -f "$root/scripts/zh_jieba_word_classes.awk" "$jieba_dict" >"$zh_classes"
  fi
  if [ "$code" = ru ] || [ "$code" = de ]; then
    dictionary=$([ "$code" = ru ] && echo ru_RU || echo de_DE)
    need_packages python3 hunspell hunspell-tools "hunspell-$([ "$code" = ru ] && echo ru || echo de-de)"
    python3 "$root/scripts/hunspell_word_classes.py" "$dictionary" >"$work/${code}_hunspell_word_classes.tsv"
  fi
  if [ "$code" = ja ]; then
    need_packages python3 unidic-mecab
    python3 "$root/scripts/ja_unidic_word_classes.py" >"$ja_classes"
  fi
  if [ "$code" = nl ] && [ ! -f "$nl_2017" ]; then
    xz -dc "$ud/nl_lassysmall/nl_lassysmall-ud-train.2017-02.filtered.conllu.xz" |
      awk -f "$root/scripts/nl_lassysmall_2017_to_current.awk" >"$nl_2017"
  fi
  args=(train-tagger --lang "$code" --dev "$(prefix "$dev")" --xpos "$xpos" --out "$root/models/pos_$code.model")
  [ -n "$train" ] && args+=(--train "$(prefix "$train")")
  [ -n "$split" ] && args+=(--split-dev "$split")
  [ -n "$more" ] && read -ra more_args <<<"$more" && args+=("${more_args[@]}")
  echo "==> pos_$code.model"
  "$cli" "${args[@]}" 2> >(grep -v '^epoch' >&2)
done
