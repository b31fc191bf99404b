#include "train/raw_text_evaluation.h"

#include <map>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include "core/lang/profile.h"
#include "core/pos/tagger.h"
#include "core/segment/segmenter.h"

namespace textsense::train {
namespace {

struct GoldWord {
  std::string form, upos;
  std::string token;  // the surface token it belongs to (itself for a plain word)
  int group;          // the token's number in the sentence
};

struct GoldSentence {
  std::string text;
  std::vector<GoldWord> words;
};

std::vector<GoldSentence> read_sentences(const std::string& conllu) {
  std::vector<GoldSentence> out;
  GoldSentence current;
  std::string range_form;
  int range_left = 0;
  bool range_started = false;
  std::istringstream lines(conllu);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("# text = ", 0) == 0) {
      current.text = line.substr(9);
    } else if (line.empty()) {
      if (!current.words.empty()) out.push_back(std::move(current));
      current = GoldSentence();
      range_left = 0;
    } else if (line[0] != '#') {
      std::vector<std::string> f;
      std::size_t start = 0;
      for (int i = 0; i < 4; ++i) {
        const std::size_t tab = line.find('\t', start);
        f.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      if (f.size() < 4 || f[0].find('.') != std::string::npos) continue;
      if (const std::size_t dash = f[0].find('-'); dash != std::string::npos) {
        range_form = f[1];
        range_started = false;
        range_left = std::stoi(f[0].substr(dash + 1)) - std::stoi(f[0].substr(0, dash)) + 1;
        continue;
      }
      GoldWord w{f[1], f[3], f[1], 0};
      const int previous = current.words.empty() ? -1 : current.words.back().group;
      if (range_left > 0) {
        w.token = range_form;
        // The range's first word starts a token; the others continue it.
        w.group = range_started ? previous : previous + 1;
        range_started = true;
        --range_left;
      } else {
        w.group = previous + 1;
      }
      if (range_left == 0) range_started = false;
      current.words.push_back(std::move(w));
    }
  }
  if (!current.words.empty()) out.push_back(std::move(current));
  return out;
}

}  // namespace

RawTextAccuracy evaluate_raw_text(const pos::PosModel& model, const std::string& conllu,
                                  int hold_out_every) {
  RawTextAccuracy acc;
  const std::vector<GoldSentence> sentences = read_sentences(conllu);
  segment::Segmenter segmenter(lang::profile_for(model.language()));
  pos::PosTagger tagger(model);
  segment::Segmentation seg;
  std::vector<std::uint8_t> tags;
  std::vector<pos::ContractionTags> contractions;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    if (hold_out_every >= 2 && s % std::size_t(hold_out_every) != 0) continue;
    const GoldSentence& sentence = sentences[s];
    // Gold: (span, word index within its token) -> UPOS.
    std::map<std::pair<std::pair<std::size_t, std::size_t>, int>, std::string> gold;
    std::size_t pos = 0;
    bool aligned = !sentence.text.empty();
    for (std::size_t i = 0; i < sentence.words.size();) {
      const std::string& token = sentence.words[i].token;
      const std::size_t at = sentence.text.find(token, pos);
      if (at == std::string::npos) {
        aligned = false;
        break;
      }
      const int group = sentence.words[i].group;
      for (int k = 0; i < sentence.words.size() && sentence.words[i].group == group; ++i, ++k)
        gold[{{at, at + token.size()}, k}] = sentence.words[i].upos;
      pos = at + token.size();
    }
    if (!aligned) {
      ++acc.skipped_sentences;
      continue;
    }
    ++acc.sentences;
    acc.gold_words += gold.size();
    segmenter.segment(sentence.text, seg);
    tagger.tag_document(sentence.text, seg, tags, {}, &contractions);
    std::size_t next = 0;
    for (std::size_t t = 0; t < seg.tokens.size(); ++t) {
      const auto span = std::make_pair(std::size_t(seg.tokens[t].span.byte_begin),
                                       std::size_t(seg.tokens[t].span.byte_end()));
      auto score = [&](int k, std::uint8_t cls) {
        ++acc.predicted_words;
        const auto it = gold.find({span, k});
        if (it == gold.end()) return;
        ++acc.matched_words;
        acc.upos_matched += model.upos(cls) == it->second;
      };
      if (next < contractions.size() && contractions[next].token == t) {
        const pos::ContractionTags& c = contractions[next++];
        for (int k = 0; k < c.contraction->count; ++k) score(k, c.tags[k]);
      } else {
        score(0, tags[t]);
      }
    }
  }
  return acc;
}

}  // namespace textsense::train
