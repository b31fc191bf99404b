#include "english_lexical_lists.h"

#include "ascii.h"

#include <strings.h>

#include <algorithm>
#include <array>

namespace textsense::english {
namespace {

// Titles written before a name: never sentence-final in practice.
constexpr std::array<std::string_view, 21> kTitles = {
    "Mr",  "Mrs", "Ms",  "Dr",   "Prof", "St",  "Mt",  "Ft",  "Lt",  "Capt", "Sgt",
    "Gov", "Sen", "Rep", "Reps", "Gen",  "Rev", "Hon", "Col", "Messrs", "Pres"};

// Short forms that keep their period even at the end of a sentence, but
// may end one ("... from Acme Inc. The next day").
constexpr std::array<std::string_view, 25> kShortForms = {
    "vs",  "etc", "Inc",  "Ltd",  "Co",   "Corp", "Bros", "Jr",   "Sr",
    "Jan", "Feb", "Apr",  "Aug",  "Sept", "Sep",  "Oct",  "Nov",  "Dec",
    "Tues", "Thur", "Thurs", "Ave", "Blvd", "Dept", "approx"};

// Never sentence-final besides titles.
constexpr std::array<std::string_view, 5> kNonFinal = {"vs", "cf", "e.g", "i.e", "viz"};

// Short forms that are also ordinary words ("The answer is no.").
constexpr std::array<std::string_view, 11> kAmbiguous = {
    "No", "Mon", "Wed", "Fri", "Sat", "Sun", "Mar", "Jun", "Jul", "Fig", "Vol"};

constexpr std::array<std::string_view, 40> kHyphenPrefixes = {
    "e",     "co",    "pre",   "post",  "non",    "semi",   "re",    "pro",
    "multi", "mid",   "ex",    "anti",  "sub",    "un",     "vice",  "inter",
    "intra", "counter", "de",  "mis",   "socio",  "psycho", "bi",    "tri",
    "neo",   "ultra", "micro", "macro", "mega",   "mini",   "hyper", "cyber",
    "pseudo", "quasi", "over", "under", "out",    "self",   "cross", "trans"};

template <typename List>
bool contains(const List& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
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
  if (is_dotted_letters(w) || contains(kTitles, w) || contains(kShortForms, w) ||
      contains(kNonFinal, w))
    return true;
  return !sentence_final && (is_initial(w) || contains(kAmbiguous, w));
}

bool never_ends_sentence(std::string_view w) {
  return contains(kTitles, w) || contains(kNonFinal, w) || is_initial(w);
}

bool is_hyphen_prefix(std::string_view w) { return contains_ignoring_case(kHyphenPrefixes, w); }

}  // namespace textsense::english
