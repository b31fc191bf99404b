#include "core/common/utf8.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <random>
#include <string>

namespace textsense::utf8 {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_EQ(find_invalid(""), kValid);
  EXPECT_EQ(find_invalid("plain ASCII text that is longer than eight bytes"), kValid);
  EXPECT_EQ(find_invalid("caf\xC3\xA9 \xE4\xB8\x96\xE7\x95\x8C \xF0\x9F\x91\x8D"), kValid);
  EXPECT_EQ(find_invalid("\xF4\x8F\xBF\xBF"), kValid);  // U+10FFFF
}

TEST(Utf8, ReportsTheFirstBadByte) {
  EXPECT_EQ(find_invalid("abc\x80"), 3u);           // stray continuation
  EXPECT_EQ(find_invalid("ab\xC3"), 2u);            // truncated
  EXPECT_EQ(find_invalid("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(find_invalid("\xE0\x80\xAF"), 0u);      // overlong
  EXPECT_EQ(find_invalid("xx\xED\xA0\x80"), 2u);    // surrogate U+D800
  EXPECT_EQ(find_invalid("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(find_invalid("12345678\xFF"), 8u);      // after an ASCII block
  const std::string ascii(70, 'a');                 // blocks of 32, then 8, then 1
  for (std::size_t at = 0; at <= ascii.size(); ++at) {
    std::string s = ascii;
    s.insert(at, "\xFF");
    ASSERT_EQ(find_invalid(s), at);
    bool all_ascii = false;
    ASSERT_EQ(find_invalid(ascii.substr(0, at), all_ascii), kValid);
    ASSERT_TRUE(all_ascii);
    ASSERT_TRUE(is_ascii(ascii.substr(0, at)));
    ASSERT_FALSE(is_ascii(s));
  }
  EXPECT_EQ(find_invalid("\xE4\xB8"), 0u);      // truncated 3-byte
  EXPECT_EQ(find_invalid("\xE4\xB8\x41"), 0u);  // bad continuation
}

// ICU's U8_NEXT as the reference: the offset of the first sequence it
// reads as ill-formed.
std::size_t icu_first_invalid(const std::string& s) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < n;) {
    const std::int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return static_cast<std::size_t>(at);
  }
  return kValid;
}

// Random strings of pieces that cover every lead and continuation byte
// range, in runs (the validator has fast paths for ASCII words and runs of
// two-byte characters), at every alignment.
TEST(Utf8, FindsTheSameFirstBadByteAsIcu) {
  const std::vector<std::string> pieces = {"a",
                                           "plain ",
                                           "a run of ASCII longer than one 32-byte block",
                                           "12345678",
                                           "\xC3\xA9",
                                           "\xD0\xB6\xD0\xB4",
                                           "\xD9\x85",
                                           "\xDF\xBF",
                                           "\xE4\xB8\x96",
                                           "\xE0\xA0\x80",
                                           "\xED\x9F\xBF",
                                           "\xEF\xBF\xBD",
                                           "\xF0\x9F\x91\x8D",
                                           "\xF4\x8F\xBF\xBF",
                                           "\x80",
                                           "\xBF",
                                           "\xC0",
                                           "\xC1",
                                           "\xC2",
                                           "\xDF",
                                           "\xE0",
                                           "\xE0\x80",
                                           "\xED\xA0",
                                           "\xF0\x80",
                                           "\xF4\x90",
                                           "\xF5",
                                           "\xFF",
                                           "\xD0",
                                           "\xD0\x41",
                                           "\xE3\x81\x82\xE3\x81\x84",
                                           "\xEE\x80\x80",
                                           "\xEF\xBC\x81",
                                           "\xEC\xBF\xBF",
                                           "\xE3\x81",
                                           "\xE9\x41\x80",
                                           "\xE3\x81\x41"};
  std::mt19937 rng(20261205);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 12);
  std::bernoulli_distribution clean(0.5);
  for (int i = 0; i < 200000; ++i) {
    std::string s;
    const bool well_formed_only = clean(rng);
    for (int k = length(rng); k > 0; --k) {
      const std::string& piece = pieces[pick(rng)];
      if (well_formed_only && icu_first_invalid(piece) != kValid) continue;
      s += piece;
    }
    ASSERT_EQ(find_invalid(s), icu_first_invalid(s)) << "input of " << s.size() << " bytes";
    bool all_ascii = false;
    if (find_invalid(s, all_ascii) == kValid) {
      ASSERT_EQ(all_ascii, is_ascii(s));
    }
  }
}

TEST(Utf8, DecodesAndCounts) {
  const std::string_view s = "a\xC3\xA9\xE4\xB8\x96\xF0\x9F\x91\x8D";
  std::size_t i = 0;
  EXPECT_EQ(decode(s, i), U'a');
  EXPECT_EQ(decode(s, i), U'\u00E9');
  EXPECT_EQ(decode(s, i), U'\u4E16');
  EXPECT_EQ(decode(s, i), U'\U0001F44D');
  EXPECT_EQ(i, s.size());
  EXPECT_EQ(decode_before(s, i), U'\U0001F44D');
  EXPECT_EQ(i, 6u);
  EXPECT_EQ(count_code_points(s), 4u);
  EXPECT_TRUE(is_ascii("only ascii here, no high bytes"));
  EXPECT_FALSE(is_ascii("only ascii here, no high byte\xC3\xA9"));
}

}  // namespace
}  // namespace textsense::utf8
