#include "core/langid/detectable.h"

#include <cld2/internal/lang_script.h>

#include <cctype>

namespace textsense::langid {
namespace {

CLD2::Language cld2_language(std::string_view code) {
  // CLD2 spells a few codes its own way.
  if (code == "he") code = "iw";
  if (code == "zh") code = "zh";
  const std::string name(code);
  return CLD2::GetLanguageFromName(name.c_str());
}

}  // namespace

bool is_detectable(std::string_view code) {
  return !code.empty() && cld2_language(code) != CLD2::UNKNOWN_LANGUAGE;
}

std::string language_name(std::string_view code) {
  const CLD2::Language language = cld2_language(code);
  if (language == CLD2::UNKNOWN_LANGUAGE) return std::string();
  std::string name = CLD2::LanguageName(language);
  // "GERMAN" -> "German", "CHINESE_T" -> "Chinese t"
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (name[i] == '_') name[i] = ' ';
    else name[i] = static_cast<char>(i == 0 ? std::toupper(c) : std::tolower(c));
  }
  return name;
}

}  // namespace textsense::langid
