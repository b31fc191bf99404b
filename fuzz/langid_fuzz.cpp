// libFuzzer target: language detection (langid::Detector::detect, choose
// and detect_all) over arbitrary bytes, invalid UTF-8 included. The whole input
// is the text; one input in 16 (first byte & 0x0F == 0x0F) is also repeated
// past 64 KiB, so that CLD2's multi-chunk paths and the long-text shortcut
// run too.
//
// Checks (any failure aborts, i.e. is a crash for libFuzzer):
//   * ill-formed UTF-8 (utf8::find_invalid) gives an empty Guess and no
//     shares; well-formed input never throws;
//   * a Guess is either empty (lang "", confidence 0, not reliable) or a
//     code of 2 or 3 lower-case ASCII letters with a confidence in (0, 1];
//   * detect_all(): at most 3 shares, distinct codes of the same form,
//     percents in [0, 100] summing to at most 100, largest first; empty
//     exactly when detect() is empty, and detect()'s language among them;
//   * the same input gives the same answers twice (no hidden state);
//   * choose() gives detect()'s language, reliability and mixing flags;
//   * on well-formed UTF-8, the short cut's one-pass scan of the raw text
//     (langid/fast_path.h) counts exactly what a scan of the cleaned copy
//     (langid/text_cleaner.h) counts.
// Plus AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/utf8.h"
#include "core/langid/fast_path.h"
#include "core/langid/language_detector.h"
#include "core/langid/text_cleaner.h"
#include "fuzz_util.h"

namespace {

using textsense::langid::Detector;
using textsense::langid::Guess;
using textsense::langid::Share;

const Detector* detector;

bool is_code(const std::string& code) {
  if (code.size() < 2 || code.size() > 3) return false;
  for (char c : code)
    if (c < 'a' || c > 'z') return false;
  return true;
}

void check(std::string_view text) {
  const Guess guess = detector->detect(text);
  if (guess.lang.empty()) {
    FUZZ_CHECK(guess.confidence == 0);
    FUZZ_CHECK(!guess.reliable);
  } else {
    FUZZ_CHECK(is_code(guess.lang));
    FUZZ_CHECK(guess.confidence > 0 && guess.confidence <= 1.0);
  }
  if (textsense::utf8::find_invalid(text) != textsense::utf8::kValid)
    FUZZ_CHECK(guess.lang.empty());

  std::vector<Share> shares;
  detector->detect_all(text, shares);
  FUZZ_CHECK(shares.size() <= 3);
  FUZZ_CHECK(shares.empty() == guess.lang.empty());
  double total = 0;
  bool guess_listed = guess.lang.empty();
  for (std::size_t i = 0; i < shares.size(); ++i) {
    const Share& s = shares[i];
    FUZZ_CHECK(is_code(s.lang));
    FUZZ_CHECK(s.percent >= 0 && s.percent <= 100);
    if (i > 0) FUZZ_CHECK(shares[i - 1].percent >= s.percent);
    for (std::size_t j = 0; j < i; ++j) FUZZ_CHECK(shares[j].lang != s.lang);
    guess_listed = guess_listed || s.lang == guess.lang;
    total += s.percent;
  }
  FUZZ_CHECK(total <= 100.0 + 1e-9);
  FUZZ_CHECK(guess_listed);

  const Guess again = detector->detect(text);
  FUZZ_CHECK(again.lang == guess.lang && again.confidence == guess.confidence &&
             again.reliable == guess.reliable);

  // choose(), which skips CLD2 where the script settles the language, must
  // choose as detect() would.
  const Guess chosen = detector->choose(text);
  FUZZ_CHECK(chosen.lang == guess.lang && chosen.reliable == guess.reliable &&
             chosen.single_language == guess.single_language &&
             chosen.others_possible == guess.others_possible);

  if (textsense::utf8::find_invalid(text) == textsense::utf8::kValid) {
    using textsense::langid::FunctionWordScan;
    std::string cleaned;
    textsense::langid::clean_for_detection(text, cleaned);
    const FunctionWordScan raw = textsense::langid::scan_function_words(text);
    const FunctionWordScan copy = textsense::langid::scan_function_words(cleaned);
    FUZZ_CHECK(raw.plain == copy.plain);
    if (raw.plain) {
      FUZZ_CHECK(raw.words == copy.words && raw.long_words == copy.long_words);
      FUZZ_CHECK(raw.unknown_to_english == copy.unknown_to_english);
      FUZZ_CHECK(raw.for_english == copy.for_english);
      for (int l = 0; l < textsense::langid::kMainLanguageCount; ++l)
        FUZZ_CHECK(raw.exclusive[l] == copy.exclusive[l]);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  detector = new Detector();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check(input);
  if (size > 0 && (data[0] & 0x0F) == 0x0F) {
    std::string big;
    while (big.size() < 66 * 1024) big.append(input).push_back(' ');
    check(big);
  }
  return 0;
}
