#include "core/lang/en/lexical_lists.h"

#include "core/common/ascii.h"

#include <strings.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace textsense::lang::en {
namespace {

// Titles written before a name: never sentence-final in practice.
constexpr std::array<std::string_view, 21> kTitles = {
    "Mr",  "Mrs", "Ms",  "Dr",   "Prof", "St",  "Mt",  "Ft",  "Lt",     "Capt", "Sgt",
    "Gov", "Sen", "Rep", "Reps", "Gen",  "Rev", "Hon", "Col", "Messrs", "Pres"};

// Short forms that keep their period even at the end of a sentence, but
// may end one ("... from Acme Inc. The next day").
constexpr std::array<std::string_view, 25> kShortForms = {
    "vs",   "etc",  "Inc",   "Ltd", "Co",   "Corp", "Bros",  "Jr",  "Sr",
    "Jan",  "Feb",  "Apr",   "Aug", "Sept", "Sep",  "Oct",   "Nov", "Dec",
    "Tues", "Thur", "Thurs", "Ave", "Blvd", "Dept", "approx"};

// Never sentence-final besides titles.
constexpr std::array<std::string_view, 5> kNonFinal = {"vs", "cf", "e.g", "i.e", "viz"};

// Short forms that are also ordinary words ("The answer is no.").
constexpr std::array<std::string_view, 11> kAmbiguous = {"No",  "Mon", "Wed", "Fri", "Sat", "Sun",
                                                         "Mar", "Jun", "Jul", "Fig", "Vol"};

constexpr std::array<std::string_view, 40> kHyphenPrefixes = {
    "e",     "co",     "pre",    "post",  "non",  "semi",  "re",    "pro",     "multi", "mid",
    "ex",    "anti",   "sub",    "un",    "vice", "inter", "intra", "counter", "de",    "mis",
    "socio", "psycho", "bi",     "tri",   "neo",  "ultra", "micro", "macro",   "mega",  "mini",
    "hyper", "cyber",  "pseudo", "quasi", "over", "under", "out",   "self",    "cross", "trans"};

// The lists are searched for the word before every '.' and at every
// sentence boundary: comparing string_views one by one was 5 % of
// sentiment()'s instructions on reviews. Every entry is at most 7 bytes, so
// a word is packed into one integer (its bytes and its length), and the
// lists are one sorted table of such integers (kListed).
constexpr std::size_t kMaxPackedBytes = 7;

constexpr std::uint64_t pack(std::string_view w) {
  std::uint64_t key = static_cast<std::uint64_t>(w.size()) << 56;
  for (std::size_t i = 0; i < w.size() && i < kMaxPackedBytes; ++i)
    key |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[i])) << (8 * i);
  return key;
}

template <std::size_t N>
constexpr bool all_packable(const std::array<std::string_view, N>& list) {
  for (std::string_view w : list)
    if (w.size() > kMaxPackedBytes) return false;
  return true;
}
static_assert(all_packable(kTitles) && all_packable(kShortForms) && all_packable(kNonFinal) &&
                  all_packable(kAmbiguous),
              "a list entry is longer than kMaxPackedBytes");

// The four lists as one table of packed words, sorted, each with a bit per
// list that holds it: a word is one binary search (four were 185
// instructions a word before a '.').
enum ListBit : std::uint8_t { kTitle = 1, kShortForm = 2, kNonFinalForm = 4, kAmbiguousForm = 8 };
struct Listed {
  std::uint64_t key;
  std::uint8_t lists;
};
constexpr std::size_t kListedMost =
    kTitles.size() + kShortForms.size() + kNonFinal.size() + kAmbiguous.size();

struct ListedTable {
  Listed entries[kListedMost] = {};
  std::size_t count = 0;
  constexpr void add(std::string_view w, std::uint8_t bit) {
    const std::uint64_t key = pack(w);
    std::size_t j = 0;
    while (j < count && entries[j].key < key) ++j;
    if (j < count && entries[j].key == key) {
      entries[j].lists |= bit;
      return;
    }
    for (std::size_t k = count; k > j; --k) entries[k] = entries[k - 1];
    entries[j] = Listed{key, bit};
    ++count;
  }
  constexpr ListedTable() {
    for (std::string_view w : kTitles) add(w, kTitle);
    for (std::string_view w : kShortForms) add(w, kShortForm);
    for (std::string_view w : kNonFinal) add(w, kNonFinalForm);
    for (std::string_view w : kAmbiguous) add(w, kAmbiguousForm);
  }
  // The lists holding the packed word `key` (0: none).
  std::uint8_t lists_of(std::uint64_t key) const {
    const Listed* end = entries + count;
    const Listed* it = std::lower_bound(entries, end, key,
                                        [](const Listed& e, std::uint64_t k) { return e.key < k; });
    return it != end && it->key == key ? it->lists : 0;
  }
};
constexpr ListedTable kListed;

template <typename List>
bool contains_ignoring_case(const List& list, std::string_view w) {
  return std::any_of(list.begin(), list.end(), [w](std::string_view x) {
    return x.size() == w.size() && strncasecmp(x.data(), w.data(), w.size()) == 0;
  });
}

bool is_dotted_letters(std::string_view w) {
  return w.find('.') != std::string_view::npos &&
         std::all_of(w.begin(), w.end(), [](char c) { return c == '.' || ascii::is_letter(c); });
}

bool is_initial(std::string_view w) { return w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z'; }

}  // namespace

bool keeps_period(std::string_view w, bool sentence_final) {
  if (is_dotted_letters(w)) return true;
  if (w.size() > kMaxPackedBytes) return false;
  const std::uint8_t lists = kListed.lists_of(pack(w));
  if (lists & (kTitle | kShortForm | kNonFinalForm)) return true;
  return !sentence_final && (is_initial(w) || (lists & kAmbiguousForm));
}

bool never_ends_sentence(std::string_view w) {
  if (w.size() > kMaxPackedBytes) return false;
  return (kListed.lists_of(pack(w)) & (kTitle | kNonFinalForm)) || is_initial(w);
}

bool is_hyphen_prefix(std::string_view w) { return contains_ignoring_case(kHyphenPrefixes, w); }

}  // namespace textsense::lang::en
