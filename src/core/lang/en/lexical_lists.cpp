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
// a word is packed into one integer (its bytes and its length) and each
// list is a short array of integers.
constexpr std::size_t kMaxPackedBytes = 7;

constexpr std::uint64_t pack(std::string_view w) {
  std::uint64_t key = static_cast<std::uint64_t>(w.size()) << 56;
  for (std::size_t i = 0; i < w.size() && i < kMaxPackedBytes; ++i)
    key |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[i])) << (8 * i);
  return key;
}

// Sorted, for a binary search (insertion sort: constexpr in C++17).
template <std::size_t N>
constexpr std::array<std::uint64_t, N> packed(const std::array<std::string_view, N>& list) {
  std::array<std::uint64_t, N> keys{};
  for (std::size_t i = 0; i < N; ++i) {
    const std::uint64_t key = pack(list[i]);
    std::size_t j = i;
    for (; j > 0 && keys[j - 1] > key; --j) keys[j] = keys[j - 1];
    keys[j] = key;
  }
  return keys;
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

constexpr auto kTitleKeys = packed(kTitles);
constexpr auto kShortFormKeys = packed(kShortForms);
constexpr auto kNonFinalKeys = packed(kNonFinal);
constexpr auto kAmbiguousKeys = packed(kAmbiguous);

// A word longer than any entry is in no list (callers check the length).
template <std::size_t N>
bool contains(const std::array<std::uint64_t, N>& keys, std::uint64_t key) {
  return std::binary_search(keys.begin(), keys.end(), key);
}

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
  const std::uint64_t key = pack(w);
  if (contains(kTitleKeys, key) || contains(kShortFormKeys, key) || contains(kNonFinalKeys, key))
    return true;
  return !sentence_final && (is_initial(w) || contains(kAmbiguousKeys, key));
}

bool never_ends_sentence(std::string_view w) {
  if (w.size() > kMaxPackedBytes) return false;
  const std::uint64_t key = pack(w);
  return contains(kTitleKeys, key) || contains(kNonFinalKeys, key) || is_initial(w);
}

bool is_hyphen_prefix(std::string_view w) { return contains_ignoring_case(kHyphenPrefixes, w); }

}  // namespace textsense::lang::en
