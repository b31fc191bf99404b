#include "pg/document.h"

#include "pg/settings.h"

namespace textsense::pg {
namespace {

bool server_is_utf8_compatible() {
  const int encoding = GetDatabaseEncoding();
  return encoding == PG_UTF8 || encoding == PG_SQL_ASCII;
}

}  // namespace

void check_document_size(std::size_t bytes) {
  const std::size_t limit = max_document_bytes();
  if (bytes <= limit) return;
  ereport(ERROR,
          (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
           errmsg("document of %zu bytes exceeds textsense.max_document_bytes (%zu)", bytes, limit),
           errhint("Analyse the text in parts (its paragraphs, or substr() slices), or ask a "
                   "superuser to raise textsense.max_document_bytes, e.g. with ALTER ROLE ... "
                   "SET.")));
}

Document document_from_text(text* value) {
  text* t = pg_detoast_datum_packed(value);
  const char* bytes = VARDATA_ANY(t);
  const int len = VARSIZE_ANY_EXHDR(t);
  // The stored size (octet_length()), before any conversion to UTF-8.
  check_document_size(static_cast<std::size_t>(len));
  Document doc{bytes, static_cast<std::size_t>(len), GetDatabaseEncoding() == PG_SQL_ASCII};
  if (!server_is_utf8_compatible()) {
    // Raises a PostgreSQL error itself if a character has no UTF-8 form.
    char* converted = pg_server_to_any(bytes, len, PG_UTF8);
    doc.utf8 = converted;
    doc.size = converted == bytes ? static_cast<std::size_t>(len) : strlen(converted);
  }
  return doc;
}

text* text_from_utf8(const char* s, std::size_t len) {
  if (server_is_utf8_compatible()) return cstring_to_text_with_len(s, static_cast<int>(len));
  char* converted = pg_any_to_server(s, static_cast<int>(len), PG_UTF8);
  const std::size_t out_len = converted == s ? len : strlen(converted);
  return cstring_to_text_with_len(converted, static_cast<int>(out_len));
}

}  // namespace textsense::pg
