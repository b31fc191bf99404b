#include "core/common/utf8.h"

#include <gtest/gtest.h>

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
  EXPECT_EQ(find_invalid("\xE4\xB8"), 0u);          // truncated 3-byte
  EXPECT_EQ(find_invalid("\xE4\xB8\x41"), 0u);      // bad continuation
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
