// Small helpers shared by the SQL functions: text results built from core
// strings (the `lang` argument: pg/languages.h).
#pragma once

#include <string_view>

#include "pg/postgres_headers.h"

namespace textsense::pg {

// A text datum holding `s` (already in the server encoding: ASCII names).
text* cstring_text(std::string_view s);

}  // namespace textsense::pg
