// The token classifier's short cuts give the general answer: classify_ascii
// and classify_alphabetic against classify_unicode (ICU's properties).
#include "core/segment/token_classifier.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"

namespace textsense::segment {
namespace {

// Every code point below U+0700 alone and next to a letter, a digit, an
// Arabic-Indic digit and a combining mark, in both orders.
TEST(TokenClassifier, AlphabeticShortCutAgreesWithUnicodeBelowU0700) {
  const std::vector<std::string> partners = {"a",
                                             "7",
                                             testing::utf8_of(0x663),
                                             testing::utf8_of(0x301),
                                             testing::utf8_of(0x416),
                                             testing::utf8_of(0x2BC)};
  for (char32_t c = 1; c < 0x700; ++c) {
    const std::string one = testing::utf8_of(c);
    std::vector<std::string> pieces = {one, one + one};
    for (const std::string& p : partners) {
      pieces.push_back(one + p);
      pieces.push_back(p + one);
    }
    for (const std::string& piece : pieces)
      ASSERT_EQ(classify_alphabetic(piece), classify_unicode(piece)) << "U+" << std::hex << c;
  }
}

TEST(TokenClassifier, AsciiShortCutAgreesWithUnicode) {
  for (char32_t c = 1; c < 0x80; ++c)
    for (const char* p : {"", "a", "7", "_", ".", "A1"}) {
      const std::string piece = testing::utf8_of(c) + p;
      ASSERT_EQ(classify_ascii(piece), classify_unicode(piece)) << "char " << int(c);
    }
}

}  // namespace
}  // namespace textsense::segment
