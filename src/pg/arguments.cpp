#include "pg/arguments.h"

namespace textsense::pg {

const char* checked_language(text* lang, const char* what) {
  const char* name = text_to_cstring(lang);
  if (strcmp(name, "en") != 0)
    ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("textsense: no %s for language \"%s\"", what, name),
                    errdetail("Available languages: en.")));
  return name;
}

text* cstring_text(std::string_view s) {
  return cstring_to_text_with_len(s.data(), static_cast<int>(s.size()));
}

}  // namespace textsense::pg
