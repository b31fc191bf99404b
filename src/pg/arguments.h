// Small helpers shared by the SQL functions: the `lang` argument and text
// results built from core strings.
#pragma once

#include <string_view>

#include "pg/postgres_headers.h"

namespace textsense::pg {

// The languages that have a model for `what` ("part-of-speech model",
// "sentiment lexicon"): only "en" for now. `lang` follows the text search
// convention (an explicit argument keeps the function IMMUTABLE). Raises
// 22023 naming the available languages for anything else.
// Returns the language's name in static storage.
const char* checked_language(text* lang, const char* what);

// checked_language() for a C string (a trigger argument).
const char* checked_language_name(const char* name, const char* what);

// A text datum holding `s` (already in the server encoding: ASCII names).
text* cstring_text(std::string_view s);

}  // namespace textsense::pg
