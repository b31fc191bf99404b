#include "core/langid/function_word_index.h"

namespace textsense::langid {

namespace {

std::uint64_t hash_word(std::string_view word) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : word) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

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

}  // namespace

const FunctionWordIndex& FunctionWordIndex::shared() {
  static const FunctionWordIndex index;
  return index;
}

FunctionWordIndex::FunctionWordIndex() {
  std::size_t words = 0;
  for (int l = 0; l < kMainLanguageCount; ++l) {
    const WordList& list = word_list(static_cast<MainLanguage>(l));
    for_each_word(list.top, [&](std::string_view) { ++words; });
    for_each_word(list.common, [&](std::string_view) { ++words; });
  }
  std::size_t capacity = 16;
  while (capacity < words * 2) capacity *= 2;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  for (int l = 0; l < kMainLanguageCount; ++l) {
    const WordList& list = word_list(static_cast<MainLanguage>(l));
    for_each_word(list.top, [&](std::string_view w) { add(w, l, true); });
    for_each_word(list.common, [&](std::string_view w) { add(w, l, false); });
  }
}

void FunctionWordIndex::add(std::string_view word, int language, bool top) {
  std::size_t i = hash_word(word) & mask_;
  while (!slots_[i].word.empty() && slots_[i].word != word) i = (i + 1) & mask_;
  Slot& slot = slots_[i];
  slot.word = word;
  const std::uint8_t bit = static_cast<std::uint8_t>(1u << language);
  if (top) {
    slot.membership.top |= bit;
    slot.membership.common &= static_cast<std::uint8_t>(~bit);
  } else if (!(slot.membership.top & bit)) {
    slot.membership.common |= bit;
  }
}

WordMembership FunctionWordIndex::find(std::string_view word) const {
  if (word.empty()) return {};
  std::size_t i = hash_word(word) & mask_;
  while (!slots_[i].word.empty()) {
    if (slots_[i].word == word) return slots_[i].membership;
    i = (i + 1) & mask_;
  }
  return {};
}

}  // namespace textsense::langid
