// What CLD2 knows of a language code, for listings (textsense_languages()).
#pragma once

#include <string>
#include <string_view>

namespace textsense::langid {

// Whether CLD2 has a language for this ISO 639-1 code ("zh" counts for
// Chinese in either script).
bool is_detectable(std::string_view code);

// CLD2's English name of the language ("GERMAN" -> "German"); empty when
// CLD2 has none.
std::string language_name(std::string_view code);

}  // namespace textsense::langid
