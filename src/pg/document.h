// Moving text between the server encoding and the core's UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/segment/segmentation.h"
#include "pg/postgres_headers.h"

namespace textsense::pg {

struct Document {
  const char* utf8;
  std::size_t size;
  // In a SQL_ASCII database substr() counts bytes, so SQL offsets are byte
  // positions there and character positions everywhere else.
  bool offsets_in_bytes;
};

// Raises ERROR (program_limit_exceeded) when a document of `bytes` bytes in
// the server encoding is longer than textsense.max_document_bytes. The one
// check of that limit: document_from_text() calls it for every document,
// pos_tag(text[]) for the sum of its tokens.
void check_document_size(std::size_t bytes);

// Detoasts `value`, checks its size (check_document_size) and returns it as
// UTF-8: as is in UTF8 and SQL_ASCII databases (the core rejects SQL_ASCII
// bytes that are not UTF-8), else converted from the server encoding into
// palloc'd memory. Each server character becomes one code point, so code
// point offsets are character offsets in the server encoding too.
Document document_from_text(text* value);

// A text datum in the server encoding holding the UTF-8 bytes s[0, len),
// palloc'd in the current memory context.
text* text_from_utf8(const char* s, std::size_t len);

// 1-based SQL start position and length of a span.
inline std::int32_t sql_start(const segment::Span& span, const Document& doc) {
  return static_cast<std::int32_t>((doc.offsets_in_bytes ? span.byte_begin : span.char_begin) + 1);
}
inline std::int32_t sql_length(const segment::Span& span, const Document& doc) {
  return static_cast<std::int32_t>(doc.offsets_in_bytes ? span.byte_length : span.char_length);
}

}  // namespace textsense::pg
