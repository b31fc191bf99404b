// Assigns a TokenKind to one word-break segment from its code points, so
// the ICU path and the ASCII fast path classify identically.
#pragma once

#include <string_view>

#include "segmentation.h"

namespace textsense {

// `segment` is non-empty, valid UTF-8, without leading or trailing blanks.
TokenKind classify_segment(std::string_view segment);

}  // namespace textsense
