// Assigns a TokenKind to one word-break segment from its code points, so
// the ICU path and the ASCII fast path classify identically.
#pragma once

#include <string_view>

#include "core/segment/segmentation.h"

namespace textsense::segment {

// `segment` is non-empty, valid UTF-8, without leading or trailing blanks.
TokenKind classify_segment(std::string_view segment);

// The same for segments known to be pure ASCII / to hold non-ASCII.
TokenKind classify_ascii(std::string_view segment);
// The same for a segment of letters, digits and marks below U+0700
// (ByteRange::alphabetic): a word as soon as a letter is seen, which is
// what classify_unicode() answers for such a segment, without reading the
// rest of it.
TokenKind classify_alphabetic(std::string_view segment);
TokenKind classify_unicode(std::string_view segment);

}  // namespace textsense::segment
