// Helpers shared by the libFuzzer targets (fuzz/*_fuzz.cpp): a check that
// aborts (so libFuzzer records the input as a crash), the shipped models
// (loaded once, in LLVMFuzzerInitialize), and the invariants every
// segmentation and every sentiment result must satisfy whatever the input.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang/profile.h"
#include "core/pos/model.h"
#include "core/segment/segmentation.h"
#include "core/sentiment/analyzer.h"
#include "core/sentiment/lexicon.h"
#include "core/common/utf8.h"

// A violated invariant is a bug: print it and abort, which libFuzzer (and a
// reproduction run) reports as a crash with the input that caused it.
#define FUZZ_CHECK(cond)                                                                 \
  do {                                                                                   \
    if (!(cond)) {                                                                       \
      std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

namespace textsense::fuzz {

// models/ of the source tree (TEXTSENSE_SOURCE_DIR is set by CMakeLists.txt),
// or $TEXTSENSE_MODEL_DIR to fuzz other model files.
inline std::string model_path(const char* file) {
  if (const char* dir = std::getenv("TEXTSENSE_MODEL_DIR")) return std::string(dir) + "/" + file;
  return std::string(TEXTSENSE_SOURCE_DIR) + "/models/" + file;
}

// The shipped models. Loaded by a target's LLVMFuzzerInitialize, so a
// missing or damaged model fails before any input runs; kept for the
// process's life (LeakSanitizer ignores what static pointers still hold).
inline const sentiment::Lexicon& shipped_lexicon() {
  static const std::unique_ptr<sentiment::Lexicon> lexicon =
      sentiment::Lexicon::load(model_path("sentiment_en.model"));
  return *lexicon;
}
// Every shipped sentiment pack (models/sentiment_<code>.model of each
// language with a profile), English first.
struct SentimentPack {
  const lang::Profile* profile;
  std::unique_ptr<sentiment::Lexicon> lexicon;
};
inline const std::vector<SentimentPack>& shipped_sentiment_packs() {
  static const std::vector<SentimentPack>* packs = [] {
    auto* all = new std::vector<SentimentPack>();
    const lang::ProfileList list = lang::profiles();
    for (std::size_t i = 0; i < list.count; ++i) {
      const lang::Profile& p = *list.items[i];
      const std::string file = "sentiment_" + std::string(p.code) + ".model";
      // English must load (a missing file fails here); another language
      // is fuzzed when its pack is installed.
      if (p.code != "en") {
        if (FILE* f = std::fopen(model_path(file.c_str()).c_str(), "rb")) std::fclose(f);
        else continue;
      }
      all->push_back({&p, sentiment::Lexicon::load(model_path(file.c_str()))});
      if (p.code == "en") std::swap(all->front(), all->back());
    }
    return all;
  }();
  return *packs;
}
inline const pos::PosModel& shipped_pos_model() {
  static const std::unique_ptr<pos::PosModel> model =
      pos::PosModel::load(model_path("pos_en.model"));
  return *model;
}
// Every shipped tagging model (models/pos_<code>.model of each language
// with a profile), English first; English must load, the others are
// fuzzed when installed.
struct TaggingModel {
  const lang::Profile* profile;
  const pos::PosModel* model;
};
inline const std::vector<TaggingModel>& shipped_pos_models() {
  static const std::vector<TaggingModel>* models = [] {
    auto* all = new std::vector<TaggingModel>();
    all->push_back({&lang::english(), &shipped_pos_model()});
    const lang::ProfileList list = lang::profiles();
    for (std::size_t i = 0; i < list.count; ++i) {
      const lang::Profile& p = *list.items[i];
      if (p.code == "en") continue;
      const std::string file = "pos_" + std::string(p.code) + ".model";
      if (FILE* f = std::fopen(model_path(file.c_str()).c_str(), "rb")) std::fclose(f);
      else continue;
      all->push_back({&p, pos::PosModel::load(model_path(file.c_str())).release()});
    }
    return all;
  }();
  return *models;
}

// The structure Segmenter::segment() promises for any valid UTF-8 `doc`:
// sentences in order and disjoint, each with at least one token and its
// tokens inside it; tokens in order, disjoint, non-empty, each pointing
// back at its sentence; character offsets that count the code points
// before each byte offset (what SQL's substr() needs).
inline void check_segmentation(std::string_view doc, const segment::Segmentation& seg) {
  std::uint32_t next_token = 0;
  std::uint32_t sentence_floor = 0;
  for (std::size_t s = 0; s < seg.sentences.size(); ++s) {
    const segment::Sentence& sentence = seg.sentences[s];
    FUZZ_CHECK(sentence.span.byte_begin >= sentence_floor);
    FUZZ_CHECK(sentence.span.byte_length > 0);
    FUZZ_CHECK(std::uint64_t{sentence.span.byte_begin} + sentence.span.byte_length <= doc.size());
    FUZZ_CHECK(sentence.first_token == next_token);
    FUZZ_CHECK(sentence.token_count > 0);
    FUZZ_CHECK(std::uint64_t{sentence.first_token} + sentence.token_count <= seg.tokens.size());
    next_token += sentence.token_count;
    sentence_floor = sentence.span.byte_end();
    for (std::uint32_t t = sentence.first_token; t < next_token; ++t) {
      const segment::Token& token = seg.tokens[t];
      FUZZ_CHECK(token.sentence == s);
      FUZZ_CHECK(token.span.byte_begin >= sentence.span.byte_begin);
      FUZZ_CHECK(token.span.byte_end() <= sentence.span.byte_end());
    }
  }
  FUZZ_CHECK(next_token == seg.tokens.size());
  std::uint32_t token_floor = 0;
  for (const segment::Token& token : seg.tokens) {
    FUZZ_CHECK(token.span.byte_length > 0);
    FUZZ_CHECK(token.span.byte_begin >= token_floor);
    FUZZ_CHECK(token.span.byte_end() <= doc.size());
    FUZZ_CHECK(static_cast<unsigned>(token.kind) <=
               static_cast<unsigned>(segment::TokenKind::kEmoticon));
    token_floor = token.span.byte_end();
  }
  // Character offsets, and that no span cuts a UTF-8 sequence (`doc` is
  // valid UTF-8, so a boundary is any byte that is not a continuation byte).
  std::vector<std::uint32_t> chars_before(doc.size() + 1, 0);
  for (std::size_t i = 0; i < doc.size(); ++i)
    chars_before[i + 1] = chars_before[i] + ((static_cast<unsigned char>(doc[i]) & 0xC0u) != 0x80u);
  auto is_boundary = [&](std::size_t byte) {
    return byte == doc.size() || (static_cast<unsigned char>(doc[byte]) & 0xC0u) != 0x80u;
  };
  auto check_span = [&](const segment::Span& span) {
    FUZZ_CHECK(is_boundary(span.byte_begin) && is_boundary(span.byte_end()));
    FUZZ_CHECK(span.char_begin == chars_before[span.byte_begin]);
    FUZZ_CHECK(span.char_length == chars_before[span.byte_end()] - chars_before[span.byte_begin]);
  };
  for (const segment::Sentence& sentence : seg.sentences) check_span(sentence.span);
  for (const segment::Token& token : seg.tokens) check_span(token.span);
}

inline bool same_span(const segment::Span& a, const segment::Span& b) {
  return a.byte_begin == b.byte_begin && a.byte_length == b.byte_length &&
         a.char_begin == b.char_begin && a.char_length == b.char_length;
}

inline bool same_segmentation(const segment::Segmentation& a, const segment::Segmentation& b) {
  if (a.sentences.size() != b.sentences.size() || a.tokens.size() != b.tokens.size()) return false;
  for (std::size_t i = 0; i < a.sentences.size(); ++i) {
    const segment::Sentence& x = a.sentences[i];
    const segment::Sentence& y = b.sentences[i];
    if (!same_span(x.span, y.span) || x.first_token != y.first_token ||
        x.token_count != y.token_count)
      return false;
  }
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    const segment::Token& x = a.tokens[i];
    const segment::Token& y = b.tokens[i];
    if (!same_span(x.span, y.span) || x.sentence != y.sentence || x.kind != y.kind) return false;
  }
  return true;
}

inline bool in_unit_range(double x) { return std::isfinite(x) && x >= -1.0 && x <= 1.0; }

inline void check_label(sentiment::Label label) {
  FUZZ_CHECK(static_cast<unsigned>(label) <= static_cast<unsigned>(sentiment::Label::kMixed));
}

// What any sentiment result must look like: scores in [-1, 1], finite
// masses, document shares that sum to 1 (or are all 0), counts that match.
inline void check_document_sentiment(const sentiment::DocumentSentiment& doc, std::size_t sentences,
                                     std::size_t tokens) {
  FUZZ_CHECK(in_unit_range(doc.score));
  check_label(doc.label);
  FUZZ_CHECK(doc.sentences == sentences);
  FUZZ_CHECK(doc.tokens == tokens);
  for (double share : {doc.positive, doc.negative, doc.neutral})
    FUZZ_CHECK(std::isfinite(share) && share >= 0 && share <= 1.0 + 1e-9);
  const double total = doc.positive + doc.negative + doc.neutral;
  FUZZ_CHECK(total == 0 || std::fabs(total - 1.0) < 1e-6);
  if (sentences == 0) FUZZ_CHECK(doc.score == 0);
}

inline void check_sentence_sentiment(const sentiment::SentenceSentiment& s) {
  FUZZ_CHECK(in_unit_range(s.score));
  FUZZ_CHECK(std::isfinite(s.sum));
  for (double mass : {s.positive, s.negative, s.neutral})
    FUZZ_CHECK(std::isfinite(mass) && mass >= 0);
  check_label(s.label);
}

inline void check_token_sentiment(const sentiment::TokenSentiment& t,
                                  const sentiment::Lexicon& lexicon) {
  FUZZ_CHECK(std::isfinite(t.valence) && std::isfinite(t.contribution));
  FUZZ_CHECK(t.rules < (1u << sentiment::kRuleCount));
  // explain prints the source's name: it must be one the lexicon has.
  if (t.valence != 0) FUZZ_CHECK(t.source < lexicon.source_count());
}

}  // namespace textsense::fuzz
