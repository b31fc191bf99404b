// Finds the tokens that word-break rules would shatter: URLs, e-mail
// addresses, @mentions, #hashtags and ASCII emoticons. They are located on the whole
// document before sentence and word segmentation, and both treat each one
// as a single, unbreakable token.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/segment/segmentation.h"

namespace textsense::segment {

struct SpecialSpan {
  std::uint32_t begin;
  std::uint32_t end;
  TokenKind kind;  // kUrl, kEmail, kMention, kHashtag or kEmoticon
};

// Appends the spans of `doc` (valid UTF-8) in increasing, non-overlapping
// order. Linear in doc.size(): every byte is examined a bounded number of
// times.
//
//   URL      "http://", "https://", "ftp://" or "www." followed by non-blank
//            characters; trailing . , ; : ! ? ' " and unbalanced ) ] } are
//            left out ("see https://x.org/a." ends before the period).
//   e-mail   local@domain.tld with an ASCII local part and a dotted domain.
//   mention  "@" + letters, digits or "_", not preceded by a letter or digit.
//   hashtag  "#" + letters, digits or "_" with at least one letter, not
//            preceded by a letter or digit ("#1" is a number sign and "1").
//   emoticon eyes [:;=] + optional nose [-'^o] + mouth [)(][DPpO/\|*3] (a mouth
//            may repeat: ":)))"), or "<3" "</3" "^_^" "^^" "-_-" "T_T";
//            not preceded by a letter or digit ("10:30", "C:/") and not
//            followed by one (":Dan").
void find_special_spans(std::string_view doc, std::vector<SpecialSpan>& out);

namespace detail {
// The first i' >= i where a span may start, or doc.size(): '@'; or, not
// after an ASCII letter or digit, one of "#:;=<^-&", "h" or "f" before "t"
// (http, https, ftp), "w" before "w" (www.) in either case, or "T_" (T_T).
// find_special_spans() looks closer at each.
std::size_t next_candidate(std::string_view doc, std::size_t i);
}  // namespace detail

}  // namespace textsense::segment
