#include "pg/arguments.h"

namespace textsense::pg {

const char* checked_language_name(const char* name, const char* what) {
  if (strcmp(name, "en") != 0)
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("textsense: no %s for language \"%s\"", what, name),
                    errdetail("Available languages: en.")));
  return "en";
}

const char* checked_language(text* lang, const char* what) {
  return checked_language_name(text_to_cstring(lang), what);
}

text* cstring_text(std::string_view s) {
  return cstring_to_text_with_len(s.data(), static_cast<int>(s.size()));
}

}  // namespace textsense::pg
