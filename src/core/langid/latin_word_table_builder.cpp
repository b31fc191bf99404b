#include "core/langid/latin_word_table_builder.h"

#include <stdexcept>
#include <string_view>

#include "core/langid/english_vocabulary.h"
#include "core/langid/word_lists.h"

namespace textsense::langid {

namespace {

template <typename Fn>
void for_each_word(const char* list, Fn&& fn) {
  const std::string_view all(list);
  std::size_t i = 0;
  while (i < all.size()) {
    while (i < all.size() && all[i] == ' ') ++i;
    const std::size_t begin = i;
    while (i < all.size() && all[i] != ' ') ++i;
    if (i > begin) fn(all.substr(begin, i - begin));
  }
}

// Calls fn(word, language, top) for every function word, then
// fn(word, kFrequent, false) and fn(word, kSentiment, false) for the words
// of the English vocabulary's two lists.
constexpr int kFrequent = -1;
constexpr int kSentiment = -2;
template <typename Fn>
void for_each_entry(Fn&& fn) {
  for (int l = 0; l < kMainLanguageCount; ++l) {
    const WordList& list = word_list(static_cast<MainLanguage>(l));
    for_each_word(list.top, [&](std::string_view w) { fn(w, l, true); });
    for_each_word(list.common, [&](std::string_view w) { fn(w, l, false); });
  }
  for (std::size_t c = 0; c < kFrequentEnglishChunks; ++c)
    for_each_word(kFrequentEnglish[c], [&](std::string_view w) { fn(w, kFrequent, false); });
  for (std::size_t c = 0; c < kEnglishSentimentWordsChunks; ++c)
    for_each_word(kEnglishSentimentWords[c], [&](std::string_view w) { fn(w, kSentiment, false); });
}

bool is_empty(std::uint64_t key) { return key == 0; }
bool is_empty(const LatinWordIndex::Key& key) { return key.low == 0; }
bool same(std::uint64_t a, std::uint64_t b) { return a == b; }
bool same(const LatinWordIndex::Key& a, const LatinWordIndex::Key& b) {
  return a.low == b.low && a.high == b.high;
}
std::uint64_t low_of(std::uint64_t key) { return key; }
std::uint64_t low_of(const LatinWordIndex::Key& key) { return key.low; }
std::uint64_t high_of(std::uint64_t) { return 0; }
std::uint64_t high_of(const LatinWordIndex::Key& key) { return key.high; }

// Sizes a table for `entries`: at most three quarters full, so that a hit
// takes about 2.5 probes and a miss about 8, nearly always within one or
// two cache lines.
template <typename K>
void size_table(std::size_t entries, std::vector<K>& keys, std::vector<std::uint16_t>& members,
                int& shift) {
  std::size_t capacity = 16;
  shift = 60;
  while (capacity * 3 < entries * 4) {
    capacity *= 2;
    --shift;
  }
  keys.assign(capacity, K{});
  members.assign(capacity, 0);
}

// The slot of `key` (found or newly taken).
template <typename K>
std::size_t slot_for(const K& key, std::vector<K>& keys, int shift) {
  const LatinWordIndex::Table<K> view{keys.data(), nullptr, keys.size() - 1, shift};
  std::size_t i = view.home(low_of(key), high_of(key));
  while (!is_empty(keys[i]) && !same(keys[i], key)) i = (i + 1) & view.mask;
  keys[i] = key;
  return i;
}

}  // namespace

LatinWordIndex LatinWordTables::index() const {
  return LatinWordIndex(
      {short_keys.data(), short_members.data(), short_keys.size() - 1, short_shift},
      {long_keys.data(), long_members.data(), long_keys.size() - 1, long_shift});
}

LatinWordTables build_latin_word_tables() {
  LatinWordTables t;
  std::size_t short_words = 0, long_words = 0;
  for_each_entry([&](std::string_view word, int, bool) {
    if (word.size() > LatinWordIndex::kMaxWordBytes)
      throw std::logic_error(
          "textsense: a listed word is longer than LatinWordIndex::kMaxWordBytes");
    ++(word.size() <= 8 ? short_words : long_words);
  });
  size_table(short_words, t.short_keys, t.short_members, t.short_shift);
  size_table(long_words, t.long_keys, t.long_members, t.long_shift);
  for_each_entry([&](std::string_view word, int language, bool top) {
    const LatinWordIndex::Key key = LatinWordIndex::key_of(word);
    std::uint16_t& bits = key.high == 0
                              ? t.short_members[slot_for(key.low, t.short_keys, t.short_shift)]
                              : t.long_members[slot_for(key, t.long_keys, t.long_shift)];
    if (language < 0) {
      bits |= LatinWordIndex::kFrequentEnglishBit |
              (language == kSentiment ? LatinWordIndex::kEnglishSentimentBit : 0u);
      return;
    }
    // Listed (top or common), and in the top tier if it is there.
    bits = static_cast<std::uint16_t>(bits | (1u << language) |
                                      (top ? 1u << (LatinWordIndex::kTopShift + language) : 0u));
  });
  return t;
}

}  // namespace textsense::langid
