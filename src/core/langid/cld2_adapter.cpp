#include "core/langid/cld2_adapter.h"

// compact_lang_det.h uses FILE without including <cstdio>.
#include <cstdio>
#include <cstdlib>
#include <limits>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

namespace textsense::langid {

namespace {

// CLD2 codes that are not the ISO 639-1 code of their language. Everything
// else CLD2 reports is already ISO 639-1 (or ISO 639-2/3 where no
// two-letter code exists, e.g. "haw", "ceb").
struct CodeAlias {
  std::string_view cld2;
  std::string_view iso;
};
constexpr CodeAlias kAliases[] = {
    {"iw", "he"},    {"ji", "yi"},      {"jw", "jv"},    {"in", "id"},
    {"mo", "ro"},    {"zh-Hant", "zh"}, {"zh-TW", "zh"}, {"pt-PT", "pt"},
    {"pt-BR", "pt"}, {"sr-ME", "sr"},   {"un", ""},      {"xxx", ""},
};

CLD2::Language to_enum(std::uint16_t value) { return static_cast<CLD2::Language>(value); }

}  // namespace

void tune_allocator_for_cld2() {
#ifdef __GLIBC__
  static const bool done = [] {
    // volatile: the compiler may otherwise drop an unused malloc/free pair.
    void* volatile block = std::malloc(512 * 1024);
    std::free(block);
    return true;
  }();
  (void)done;
#endif
}

std::string_view normalize_cld2_code(std::string_view code) {
  for (const CodeAlias& alias : kAliases)
    if (alias.cld2 == code) return alias.iso;
  // "xx-Copt" and the like: CLD2's script-only pseudo languages. They say
  // which script, not which language, so they count as unknown.
  if (code.size() > 3 && code.substr(0, 3) == "xx-") return {};
  return code;
}

CldResult run_cld2(std::string_view text, CldMode mode, std::vector<CldChunk>* chunks) {
  CldResult result;
  if (chunks) chunks->clear();
  const std::size_t max_length = static_cast<std::size_t>(std::numeric_limits<int>::max());
  const int length = static_cast<int>(text.size() < max_length ? text.size() : max_length);
  if (length == 0) return result;

  const CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  const int flags = mode == CldMode::kBestEffort ? CLD2::kCLDFlagBestEffort : 0;
  CLD2::Language language3[3];
  int percent3[3] = {0, 0, 0};
  double score3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::ResultChunkVector raw_chunks;
  CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), length, /*is_plain_text=*/true, &hints, flags, language3, percent3, score3,
      chunks ? &raw_chunks : nullptr, &text_bytes, &reliable, &valid_prefix);
  if (valid_prefix < length) {
    // CLD2 accepts only "interchange-valid" UTF-8 and then reports nothing.
    // The detector hands it cleaned text (controls and noncharacters
    // blanked), so this is a safety net, not a path real input takes.
    result.valid = false;
    return result;
  }
  result.reliable = reliable;
  result.text_bytes = text_bytes;
  for (int i = 0; i < 3; ++i) {
    const std::string_view code = normalize_cld2_code(CLD2::LanguageCode(language3[i]));
    if (code.empty() || percent3[i] <= 0) continue;
    // zh and zh-Hant both become "zh": merge them.
    bool merged = false;
    for (int j = 0; j < result.count; ++j) {
      if (result.top[j].code == code) {
        result.top[j].percent += percent3[i];
        merged = true;
      }
    }
    if (merged) continue;
    result.top[result.count++] = CldLanguage{code, percent3[i], score3[i]};
  }
  if (chunks) {
    chunks->reserve(raw_chunks.size());
    for (const CLD2::ResultChunk& c : raw_chunks) {
      if (c.offset < 0 || c.bytes <= 0) continue;
      chunks->push_back(CldChunk{static_cast<std::uint32_t>(c.offset),
                                 static_cast<std::uint32_t>(c.bytes),
                                 normalize_cld2_code(CLD2::LanguageCode(to_enum(c.lang1)))});
    }
  }
  return result;
}

}  // namespace textsense::langid
