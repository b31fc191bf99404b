#include "core/langid/orthographic_cues.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace textsense::langid {

namespace {

enum class Where { kAnywhere, kSuffix, kPrefix };

// Weights per language in MainLanguage order: en de es fr it pt nl.
struct Cue {
  std::string_view pattern;
  Where where;
  float weight[kMainLanguageCount];
};

// About a log-odds scale: 3 is "nearly proves it", 1 "leans that way".
// Patterns are lower case UTF-8.
constexpr Cue kCues[] = {
    // Letters with diacritics: which orthographies use them at all.
    {"ñ", Where::kAnywhere, {0, 0, 3.5f, 0, 0, 0, 0}},
    {"ß", Where::kAnywhere, {0, 4, 0, 0, 0, 0, 0}},
    {"ã", Where::kAnywhere, {0, 0, 0, 0, 0, 4, 0}},
    {"õ", Where::kAnywhere, {0, 0, 0, 0, 0, 4, 0}},
    {"ç", Where::kAnywhere, {0, 0, 0, 2.5f, 0, 2.5f, 0}},
    {"ä", Where::kAnywhere, {0, 3.5f, 0, 0, 0, 0, 0}},
    {"ö", Where::kAnywhere, {0, 3.5f, 0, 0, 0, 0, 0.3f}},
    {"ü", Where::kAnywhere, {0, 3.5f, 0.3f, 0, 0, 0, 0}},
    {"é", Where::kAnywhere, {0, 0, 1.2f, 2, 0.5f, 1.2f, 0.3f}},
    {"è", Where::kAnywhere, {0, 0, 0, 2.5f, 2, 0, 0.2f}},
    {"ê", Where::kAnywhere, {0, 0, 0, 2.5f, 0, 2.5f, 0}},
    {"â", Where::kAnywhere, {0, 0, 0, 2, 0, 2, 0}},
    {"ô", Where::kAnywhere, {0, 0, 0, 2, 0, 2, 0}},
    {"î", Where::kAnywhere, {0, 0, 0, 3, 0.3f, 0, 0}},
    {"û", Where::kAnywhere, {0, 0, 0, 3, 0, 0, 0}},
    {"ë", Where::kAnywhere, {0, 0, 0, 1.5f, 0, 0, 2.5f}},
    {"ï", Where::kAnywhere, {0, 0, 0, 2, 0, 0, 1.5f}},
    {"á", Where::kAnywhere, {0, 0, 2.5f, 0, 0, 2.5f, 0}},
    {"í", Where::kAnywhere, {0, 0, 2.5f, 0, 0.2f, 2.5f, 0}},
    {"ó", Where::kAnywhere, {0, 0, 2.5f, 0, 0.3f, 2.2f, 0}},
    {"ú", Where::kAnywhere, {0, 0, 2.5f, 0, 0.2f, 2, 0}},
    {"à", Where::kAnywhere, {0, 0, 0, 2, 2, 1, 0}},
    {"ì", Where::kAnywhere, {0, 0, 0, 0, 3.5f, 0, 0}},
    {"ò", Where::kAnywhere, {0, 0, 0, 0, 3.5f, 0, 0}},
    {"ù", Where::kAnywhere, {0, 0, 0, 2, 2.5f, 0, 0}},
    {"œ", Where::kAnywhere, {0, 0, 0, 4, 0, 0, 0}},
    // Letters the Romance languages hardly use outside loanwords.
    {"w", Where::kAnywhere, {1.2f, 1.2f, 0, 0, 0, 0, 1.2f}},
    {"k", Where::kAnywhere, {0.8f, 1.2f, 0, 0, 0, 0, 1.2f}},
    {"y", Where::kAnywhere, {1.2f, 0, 0.5f, 0.3f, 0, 0, 0}},
    // Letter groups.
    {"sch", Where::kAnywhere, {0, 2, 0, 0, 0, 0, 2}},
    {"ij", Where::kAnywhere, {0, 0, 0, 0, 0, 0, 3}},
    {"aa", Where::kAnywhere, {0, 0.5f, 0, 0, 0, 0, 2.5f}},
    {"uu", Where::kAnywhere, {0, 0, 0, 0, 0, 0, 2.5f}},
    {"oe", Where::kAnywhere, {0, 0, 0, 0, 0, 0, 1.5f}},
    {"ee", Where::kAnywhere, {1, 0.5f, 0, 0, 0, 0, 1.5f}},
    {"oo", Where::kAnywhere, {1.2f, 0, 0, 0, 0, 0, 1.2f}},
    {"th", Where::kAnywhere, {2, 0, 0, 0, 0, 0, 0}},
    {"wh", Where::kAnywhere, {2.5f, 0, 0, 0, 0, 0, 0}},
    {"sh", Where::kAnywhere, {1.5f, 0, 0, 0, 0, 0, 0}},
    {"ck", Where::kAnywhere, {1, 2, 0, 0, 0, 0, 0.8f}},
    {"tz", Where::kAnywhere, {0, 2, 0, 0, 0, 0, 0}},
    {"ei", Where::kAnywhere, {0, 1.2f, 0, 0, 0, 0.8f, 1.2f}},
    {"ie", Where::kAnywhere, {0.3f, 1.2f, 0.3f, 0.3f, 0.3f, 0, 1}},
    {"au", Where::kAnywhere, {0, 1, 0, 0.8f, 0, 0, 0}},
    {"eu", Where::kAnywhere, {0, 0.8f, 0, 1.2f, 0, 0.8f, 0.8f}},
    {"ou", Where::kAnywhere, {0.8f, 0, 0, 1.5f, 0, 0.8f, 0.5f}},
    {"ui", Where::kAnywhere, {0, 0, 0, 0.5f, 0, 0, 1}},
    {"gn", Where::kAnywhere, {0, 0, 0, 1, 1, 0, 0}},
    {"gli", Where::kAnywhere, {0, 0, 0, 0, 3, 0, 0}},
    {"zz", Where::kAnywhere, {0, 0, 0, 0, 2.5f, 0, 0}},
    {"cc", Where::kAnywhere, {0, 0, 0, 0.3f, 1.5f, 0, 0}},
    {"nh", Where::kAnywhere, {0, 0, 0, 0, 0, 3, 0}},
    {"lh", Where::kAnywhere, {0, 0, 0, 0, 0, 3, 0}},
    {"ll", Where::kAnywhere, {0.3f, 0, 1.2f, 0.5f, 0.8f, 0, 0.3f}},
    {"rr", Where::kAnywhere, {0, 0, 1.2f, 0, 0.8f, 1.2f, 0}},
    {"qu", Where::kAnywhere, {0, 0, 0.8f, 1, 0.8f, 0.8f, 0}},
    {"pf", Where::kAnywhere, {0, 2, 0, 0, 0, 0, 0}},
    {"chi", Where::kAnywhere, {0, 0, 0, 0, 1.5f, 0, 0}},
    {"che", Where::kAnywhere, {0, 0, 0, 0.5f, 1.2f, 0, 0}},
    {"cia", Where::kAnywhere, {0, 0, 1, 0, 1, 0, 0}},
    {"gh", Where::kAnywhere, {1, 0, 0, 0, 1, 0, 0}},
    // Doubled consonants: Italian doubles nearly every consonant, Spanish
    // only writes ll, rr and cc, Portuguese rr and ss.
    {"pp", Where::kAnywhere, {0.5f, 0.3f, 0, 0.6f, 1.2f, 0, 0.3f}},
    {"tt", Where::kAnywhere, {0.5f, 0.5f, 0, 0.6f, 1.2f, 0, 0.5f}},
    {"bb", Where::kAnywhere, {0.3f, 0, 0, 0.3f, 1.5f, 0, 0}},
    {"gg", Where::kAnywhere, {0.3f, 0, 0, 0, 1.5f, 0, 0.3f}},
    {"mm", Where::kAnywhere, {0.3f, 0.3f, 0, 0.5f, 1, 0, 0.3f}},
    {"nn", Where::kAnywhere, {0.3f, 0.3f, 0, 0.6f, 1, 0, 0.3f}},
    {"ff", Where::kAnywhere, {0.6f, 0.3f, 0, 0.6f, 0.8f, 0, 0.3f}},
    {"ss", Where::kAnywhere, {0.6f, 0.6f, 0, 0.6f, 0.8f, 0.6f, 0.3f}},
    {"dd", Where::kAnywhere, {0.5f, 0, 0, 0, 1, 0, 0.3f}},
    {"'s", Where::kSuffix, {2.5f, 0, 0, 0, 0, 0, 0}},
    // Word endings.
    {"ción", Where::kSuffix, {0, 0, 4, 0, 0, 0, 0}},
    {"ciones", Where::kSuffix, {0, 0, 4, 0, 0, 0, 0}},
    {"zione", Where::kSuffix, {0, 0, 0, 0, 4, 0, 0}},
    {"zioni", Where::kSuffix, {0, 0, 0, 0, 4, 0, 0}},
    {"tion", Where::kSuffix, {2, 0, 0, 2, 0, 0, 0}},
    {"tions", Where::kSuffix, {2, 0, 0, 2, 0, 0, 0}},
    {"ment", Where::kSuffix, {1, 0, 0, 1.5f, 0, 0, 0}},
    {"mente", Where::kSuffix, {0, 0, 1.5f, 0, 1.5f, 1.5f, 0}},
    {"ung", Where::kSuffix, {0, 3, 0, 0, 0, 0, 0}},
    {"ungen", Where::kSuffix, {0, 3, 0, 0, 0, 0, 0}},
    {"keit", Where::kSuffix, {0, 3, 0, 0, 0, 0, 0}},
    {"heit", Where::kSuffix, {0, 3, 0, 0, 0, 0, 0}},
    {"lich", Where::kSuffix, {0, 2.5f, 0, 0, 0, 0, 0}},
    {"isch", Where::kSuffix, {0, 2, 0, 0, 0, 0, 1}},
    {"heid", Where::kSuffix, {0, 0, 0, 0, 0, 0, 3}},
    {"lijk", Where::kSuffix, {0, 0, 0, 0, 0, 0, 3}},
    {"tje", Where::kSuffix, {0, 0, 0, 0, 0, 0, 2.5f}},
    {"ing", Where::kSuffix, {2, 0.3f, 0, 0, 0, 0, 0.5f}},
    {"ings", Where::kSuffix, {1.5f, 0, 0, 0, 0, 0, 0.5f}},
    {"ness", Where::kSuffix, {2.5f, 0, 0, 0, 0, 0, 0}},
    {"ly", Where::kSuffix, {1.5f, 0, 0, 0, 0, 0, 0}},
    {"ed", Where::kSuffix, {1.2f, 0, 0, 0, 0, 0, 0.3f}},
    {"ful", Where::kSuffix, {2, 0, 0, 0, 0, 0, 0}},
    {"eux", Where::kSuffix, {0, 0, 0, 3, 0, 0, 0}},
    {"euse", Where::kSuffix, {0, 0, 0, 3, 0, 0, 0}},
    {"eau", Where::kSuffix, {0, 0, 0, 3, 0, 0, 0}},
    {"eaux", Where::kSuffix, {0, 0, 0, 3, 0, 0, 0}},
    {"aux", Where::kSuffix, {0, 0, 0, 2, 0, 0, 0}},
    {"ais", Where::kSuffix, {0, 0, 0, 1.5f, 0, 0, 0}},
    {"ait", Where::kSuffix, {0, 0, 0, 2, 0, 0, 0}},
    {"aient", Where::kSuffix, {0, 0, 0, 3, 0, 0, 0}},
    {"ée", Where::kSuffix, {0, 0, 0, 3, 0, 0, 0}},
    {"ées", Where::kSuffix, {0, 0, 0, 3, 0, 0, 0}},
    {"eur", Where::kSuffix, {0, 0, 0, 2, 0, 0, 0}},
    {"ité", Where::kSuffix, {0, 0, 0, 2, 0, 0, 0}},
    {"ità", Where::kSuffix, {0, 0, 0, 0, 3, 0, 0}},
    {"dad", Where::kSuffix, {0, 0, 3, 0, 0, 0, 0}},
    {"dade", Where::kSuffix, {0, 0, 0, 0, 0, 3, 0}},
    {"dades", Where::kSuffix, {0, 0, 0, 0, 0, 3, 0}},
    {"ado", Where::kSuffix, {0, 0, 1.2f, 0, 0, 1.2f, 0}},
    {"ada", Where::kSuffix, {0, 0, 1.2f, 0, 0, 1.2f, 0}},
    {"ados", Where::kSuffix, {0, 0, 1.2f, 0, 0, 1.2f, 0}},
    {"adas", Where::kSuffix, {0, 0, 1.2f, 0, 0, 1.2f, 0}},
    {"ato", Where::kSuffix, {0, 0, 0, 0, 1.2f, 0, 0}},
    {"ata", Where::kSuffix, {0, 0, 0, 0, 1, 0, 0}},
    {"ati", Where::kSuffix, {0, 0, 0, 0, 1.5f, 0, 0}},
    {"ete", Where::kSuffix, {0, 0, 0.3f, 0, 1, 0, 0}},
    {"are", Where::kSuffix, {0.3f, 0, 0, 0, 1.2f, 0, 0}},
    {"ere", Where::kSuffix, {0, 0, 0, 0, 1.2f, 0, 0}},
    {"ire", Where::kSuffix, {0, 0, 0, 0.5f, 1, 0, 0}},
    {"i", Where::kSuffix, {0, 0, 0, 0.3f, 1.2f, 0.3f, 0}},
    {"o", Where::kSuffix, {0, 0, 0.8f, 0, 0.8f, 0.8f, 0}},
    {"a", Where::kSuffix, {0, 0, 0.6f, 0, 0.6f, 0.6f, 0}},
    {"os", Where::kSuffix, {0, 0, 1.2f, 0, 0, 1.2f, 0}},
    {"as", Where::kSuffix, {0, 0, 1, 0, 0, 1, 0}},
    {"em", Where::kSuffix, {0, 0, 0, 0, 0, 1.5f, 0}},
    {"am", Where::kSuffix, {0, 0, 0, 0, 0, 1, 0}},
    {"en", Where::kSuffix, {0, 1.2f, 0, 0, 0, 0, 1.2f}},
    {"er", Where::kSuffix, {0.8f, 1, 0, 0.5f, 0, 0, 0.5f}},
    {"ern", Where::kSuffix, {0, 1.5f, 0, 0, 0, 0, 0.5f}},
    {"st", Where::kSuffix, {0.5f, 1, 0, 0, 0, 0, 0.5f}},
    {"cht", Where::kSuffix, {0, 1.5f, 0, 0, 0, 0, 1.5f}},
    {"gt", Where::kSuffix, {0, 1.2f, 0, 0, 0, 0, 0.8f}},
    {"ig", Where::kSuffix, {0, 1.5f, 0, 0, 0, 0, 0.8f}},
    {"z", Where::kSuffix, {0, 0.5f, 1, 0, 0, 0, 0}},
    {"ent", Where::kSuffix, {0.5f, 0, 0, 1.2f, 0, 0, 0}},
    {"es", Where::kSuffix, {0, 0, 0.8f, 0.8f, 0, 0.5f, 0}},
    {"ão", Where::kSuffix, {0, 0, 0, 0, 0, 2, 0}},
    {"ões", Where::kSuffix, {0, 0, 0, 0, 0, 2, 0}},
    // Portuguese against Spanish (and Italian): -ário/-ório where Spanish
    // writes -ario/-orio, -ência/-ância for -encia/-ancia, -agem for -aje,
    // -eiro for -ero, -vel for -ble, nasal -im/-om/-um.
    {"ário", Where::kSuffix, {0, 0, 0, 0, 0, 3, 0}},
    {"ária", Where::kSuffix, {0, 0, 0, 0, 0, 3, 0}},
    {"ório", Where::kSuffix, {0, 0, 0, 0, 0, 3, 0}},
    {"ência", Where::kSuffix, {0, 0, 0, 0, 0, 3, 0}},
    {"ância", Where::kSuffix, {0, 0, 0, 0, 0, 3, 0}},
    {"agem", Where::kSuffix, {0, 0, 0, 0, 0, 3, 0}},
    {"eiro", Where::kSuffix, {0, 0, 0, 0, 0, 2.5f, 0}},
    {"eira", Where::kSuffix, {0, 0, 0, 0, 0, 2.5f, 0}},
    {"vel", Where::kSuffix, {0, 0, 0, 0, 0, 2, 0.3f}},
    {"im", Where::kSuffix, {0, 0, 0, 0, 0, 2, 0}},
    {"om", Where::kSuffix, {0.3f, 0, 0, 0, 0, 1.5f, 0}},
    {"um", Where::kSuffix, {0, 0, 0, 0, 0, 1, 0}},
    {"ov", Where::kAnywhere, {0, 0, 0, 0, 0.3f, 0.8f, 0}},
    // Spanish: diphthongised ue, -aje, -ero, -ble.
    {"ue", Where::kAnywhere, {0.3f, 0, 1.5f, 0.5f, 0, 0.3f, 0}},
    {"aje", Where::kSuffix, {0, 0, 3, 0, 0, 0, 0}},
    {"ero", Where::kSuffix, {0, 0, 1.2f, 0, 0.8f, 0, 0}},
    {"ble", Where::kSuffix, {0.8f, 0, 1.2f, 1, 0, 0, 0}},
    // Italian morphology: -iamo (we), -issimo, -etto/-ello diminutives,
    // -one/-oni augmentatives, -ile.
    {"iamo", Where::kAnywhere, {0, 0, 0, 0, 3, 0, 0}},
    {"issimo", Where::kSuffix, {0, 0, 0, 0, 3, 0, 0}},
    {"issima", Where::kSuffix, {0, 0, 0, 0, 3, 0, 0}},
    {"etto", Where::kSuffix, {0, 0, 0, 0, 2, 0, 0}},
    {"etta", Where::kSuffix, {0, 0, 0, 0.5f, 2, 0, 0}},
    {"ello", Where::kSuffix, {0, 0, 0, 0, 1.5f, 0, 0}},
    {"one", Where::kSuffix, {0.3f, 0, 0, 0.3f, 1.5f, 0, 0}},
    {"oni", Where::kSuffix, {0, 0, 0, 0, 2, 0, 0}},
    {"ile", Where::kSuffix, {0, 0, 0, 0.8f, 1.2f, 0, 0}},
    // French: oi, -age, -ure, -ette, -ière, -eil.
    {"oi", Where::kAnywhere, {0, 0, 0, 1.5f, 0.3f, 0.3f, 0}},
    {"age", Where::kSuffix, {0.5f, 0, 0, 1.5f, 0, 0, 0}},
    {"ages", Where::kSuffix, {0.5f, 0, 0, 1.5f, 0, 0, 0}},
    {"ure", Where::kSuffix, {0.5f, 0, 0, 1, 0, 0, 0}},
    {"ette", Where::kSuffix, {0, 0, 0, 1.5f, 0, 0, 0}},
    {"ière", Where::kSuffix, {0, 0, 0, 3, 0, 0, 0}},
    {"eil", Where::kAnywhere, {0, 0, 0, 2, 0, 0, 0}},
    // Word beginnings.
    {"ge", Where::kPrefix, {0, 0.8f, 0, 0, 0, 0, 0.8f}},
    {"ver", Where::kPrefix, {0, 0.8f, 0, 0, 0, 0, 0.8f}},
    {"wh", Where::kPrefix, {1, 0, 0, 0, 0, 0, 0}},
};

// Cap per word and language: a word is one observation.
constexpr float kMaxPerWord = 4.0f;
constexpr std::size_t kCueCount = sizeof(kCues) / sizeof(kCues[0]);

// The cues bucketed by the byte a match is found from (first byte for
// kAnywhere and kPrefix, last byte for kSuffix), so that a word is checked
// against the few cues that can match at each position instead of all of
// them: this is on the hot path of short-text detection.
class CueIndex {
 public:
  CueIndex() {
    for (std::size_t i = 0; i < kCueCount; ++i) {
      const Cue& cue = kCues[i];
      const auto first = static_cast<unsigned char>(cue.pattern.front());
      const auto last = static_cast<unsigned char>(cue.pattern.back());
      switch (cue.where) {
        case Where::kAnywhere: anywhere_[first].push_back(static_cast<std::uint8_t>(i)); break;
        case Where::kSuffix: suffix_[last].push_back(static_cast<std::uint8_t>(i)); break;
        case Where::kPrefix: prefix_[first].push_back(static_cast<std::uint8_t>(i)); break;
      }
    }
  }

  void score(std::string_view word, float sum[kMainLanguageCount]) const {
    if (word.empty()) return;
    std::uint64_t seen[(kCueCount + 63) / 64] = {};
    auto add = [&](std::uint8_t i) {
      if (seen[i / 64] & (1ull << (i % 64))) return;  // once per word
      seen[i / 64] |= 1ull << (i % 64);
      for (int l = 0; l < kMainLanguageCount; ++l) sum[l] += kCues[i].weight[l];
    };
    for (std::size_t pos = 0; pos < word.size(); ++pos) {
      for (std::uint8_t i : anywhere_[static_cast<unsigned char>(word[pos])]) {
        const std::string_view p = kCues[i].pattern;
        if (word.compare(pos, p.size(), p) == 0) add(i);
      }
    }
    for (std::uint8_t i : suffix_[static_cast<unsigned char>(word.back())]) {
      const std::string_view p = kCues[i].pattern;
      if (word.size() >= p.size() + 2 && word.compare(word.size() - p.size(), p.size(), p) == 0)
        add(i);
    }
    for (std::uint8_t i : prefix_[static_cast<unsigned char>(word.front())]) {
      const std::string_view p = kCues[i].pattern;
      if (word.size() >= p.size() + 3 && word.compare(0, p.size(), p) == 0) add(i);
    }
  }

 private:
  std::vector<std::uint8_t> anywhere_[256];
  std::vector<std::uint8_t> suffix_[256];
  std::vector<std::uint8_t> prefix_[256];
};
static_assert(kCueCount <= 256, "cue indices are bytes");

}  // namespace

void add_orthographic_cues(std::string_view word, float scores[kMainLanguageCount]) {
  static const CueIndex index;
  float sum[kMainLanguageCount] = {};
  index.score(word, sum);
  for (int l = 0; l < kMainLanguageCount; ++l) scores[l] += std::min(sum[l], kMaxPerWord);
}

}  // namespace textsense::langid
