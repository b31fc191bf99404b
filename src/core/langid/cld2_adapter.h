// The one place that talks to CLD2 (Compact Language Detector 2, Debian's
// libcld2-dev): runs ExtDetectLanguageSummaryCheckUTF8 and turns its
// Language enums into ISO 639-1 codes ("zh" for zh-Hant too, "he" for "iw").
// Everything else in langid sees only CldResult, so the CLD2 headers (which
// need <cstdio> first and pull in a lot of names) stay in cld2_adapter.cpp.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace textsense::langid {

// One of CLD2's top-3 languages.
struct CldLanguage {
  std::string_view code;  // ISO 639-1 when one exists, else CLD2's code; empty for unknown
  int percent = 0;        // 0..100 of the text's letter bytes
  double score = 0;       // CLD2's normalized score (comparable within one call)
};

// A run of the input that CLD2 assigned to one language.
struct CldChunk {
  std::uint32_t offset = 0;
  std::uint32_t bytes = 0;
  std::string_view code;  // empty when CLD2 found the chunk too short or unreliable
};

struct CldResult {
  CldLanguage top[3];
  int count = 0;          // how many of top[] are set (code not empty)
  bool reliable = false;  // CLD2's own flag
  int text_bytes = 0;     // letter bytes CLD2 scored (tags and spaces excluded)
  bool valid = true;      // false when CLD2 refused the buffer (not interchange-valid UTF-8)
};

enum class CldMode {
  kStrict,      // CLD2's defaults: unknown on short, indeterminate text
  kBestEffort,  // kCLDFlagBestEffort: always an answer when there are letters
};

// Runs CLD2 over `text` as plain text (no HTML). `chunks`, when not null,
// receives CLD2's per-language spans. Thread-safe: CLD2 reads only static
// tables. Texts of 2 GiB or more are cut to their first 2 GiB - 1 bytes
// (CLD2 takes an int length).
CldResult run_cld2(std::string_view text, CldMode mode, std::vector<CldChunk>* chunks = nullptr);

// Makes glibc keep CLD2's per-call scratch memory (about 175 KiB in four
// blocks, each under the 128 KiB mmap threshold) instead of returning it
// to the OS after every call: with the default 128 KiB trim threshold each
// detection costs two brk() shrink/grow pairs, 70 us on a 40-byte text
// that CLD2 scores in 2 us. glibc raises both thresholds by itself the
// first time a process frees an mmap()ed block (mallopt(3), "dynamic mmap
// threshold"); this frees one such block of 512 KiB, once per process, so
// the thresholds become 512 KiB (mmap) and 1 MiB (trim). No effect on
// other C libraries. Called by Detector's constructor.
void tune_allocator_for_cld2();

// ISO code for a CLD2 language code string: "iw" -> "he", "zh-Hant" -> "zh",
// "jw" -> "jv", "in" -> "id", "un" -> "". Returns a view of static storage.
std::string_view normalize_cld2_code(std::string_view cld2_code);

}  // namespace textsense::langid
