#include "core/langid/language_detector.h"

#include <algorithm>

#include "core/langid/cld2_adapter.h"
#include "core/langid/detection_sample.h"
#include "core/langid/fast_path.h"
#include "core/langid/latin_word_index.h"
#include "core/langid/script_profile.h"
#include "core/langid/script_rules.h"
#include "core/langid/short_text.h"
#include "core/langid/text_cleaner.h"
#include "core/common/utf8.h"

namespace textsense::langid {

namespace {

// Per-thread scratch copy of the cleaned text, so that detect() allocates
// only when a text is larger than any before it on this thread. Released
// after texts over 1 MiB so that one huge input does not pin its memory.
constexpr std::size_t kKeepScratchBytes = 1u << 20;

// From this size on, CLD2 runs in its default mode first: best-effort mode
// only matters for short text, and costs about 5 % more.
constexpr std::size_t kBestEffortBelowBytes = 256;

// What the function-word short cut (fast_path.h) reports: the evidence is
// decisive, but it is not a probability CLD2 computed.
constexpr double kFastPathConfidence = 0.99;
// ... and for a few words that read as English but are not reliable
// evidence ("@bob #tag"): likelier than not, no more.
constexpr double kFewWordsConfidence = 0.6;

struct Analysis {
  Guess guess;
  CldResult cld;
};

// Everything detect(), choose() and detect_all() share; a long text is
// judged on its sample (detection_sample.h). `with_cld`: run CLD2 even
// where the script alone settles the language (for its confidence and
// shares).
Analysis analyze(std::string_view text, bool with_cld) {
  Analysis a;
  thread_local std::string sampled;
  const std::string_view utf8 = detection_sample(text, sampled);
  if (utf8::find_invalid(utf8) != utf8::kValid) return a;
  // Reads the text as cleaned ("some" in a URL is not an English word)
  // without the copy, which most texts, settled here, do not need.
  const FunctionWordScan scan = scan_function_words(utf8);
  if (const FunctionWordScan::Settled fast = scan.settle(); !fast.language.empty()) {
    // Settled, perhaps with a few words of another language: those mean a
    // caller looking for sentences in other languages must look.
    const bool alone =
        scan.nothing_against(static_cast<MainLanguage>(main_language_index(fast.language)));
    a.guess =
        Guess{std::string(fast.language), fast.reliable ? kFastPathConfidence : kFewWordsConfidence,
              fast.reliable, alone, !alone};
    return a;
  }
  thread_local std::string cleaned;
  clean_for_detection(utf8, cleaned);
  const ScriptProfile profile = profile_scripts(cleaned);
  if (profile.total_letters > 0) {
    const Script dominant = profile.dominant();
    const HanVariants han = dominant == Script::kHan ? count_han_variants(cleaned) : HanVariants{};
    if (!with_cld && dominant != Script::kLatin && script_decides_alone(dominant, profile, han)) {
      const ScriptDecision d = decide_by_script(dominant, profile, CldResult{}, han);
      a.guess = d.lang.empty() ? Guess{}
                               : Guess{std::string(d.lang), d.confidence, d.reliable, false, true};
      if (cleaned.capacity() > kKeepScratchBytes) std::string().swap(cleaned);
      return a;
    }
    if (cleaned.size() >= kBestEffortBelowBytes) a.cld = run_cld2(cleaned, CldMode::kStrict);
    if (a.cld.count == 0) a.cld = run_cld2(cleaned, CldMode::kBestEffort);
    if (dominant == Script::kLatin) {
      // Long text that CLD2 scores as typical of one language: CLD2 alone
      // was right on 99.7 % or more of such dev texts (paragraphs of
      // 250+ bytes scoring 600+, of 400+ bytes scoring 400+), and the word
      // layer would cost a third of CLD2's time, so it is skipped.
      const bool cld_settles_it = a.cld.count > 0 && a.cld.top[0].percent >= 80 &&
                                  ((a.cld.text_bytes >= 250 && a.cld.top[0].score >= 600) ||
                                   (a.cld.text_bytes >= 400 && a.cld.top[0].score >= 400));
      const LatinEvidence evidence =
          cld_settles_it ? LatinEvidence{} : gather_latin_evidence(cleaned);
      const LatinDecision d = cld_settles_it ? decide_latin_by_cld2(profile, a.cld)
                                             : decide_latin(profile, a.cld, evidence);
      a.guess = Guess{std::string(d.lang), d.lang.empty() ? 0 : d.confidence, d.reliable};
    } else {
      const ScriptDecision d = decide_by_script(dominant, profile, a.cld, han);
      a.guess = Guess{std::string(d.lang), d.lang.empty() ? 0 : d.confidence, d.reliable};
    }
    if (a.guess.lang.empty()) a.guess = Guess{};
    // Could part of the text be in another language? Not when it is in a
    // main Latin language and none of its words points elsewhere.
    const int main = main_language_index(a.guess.lang);
    a.guess.others_possible =
        !(main < kMainLanguageCount && scan.nothing_against(static_cast<MainLanguage>(main)));
  }
  if (cleaned.capacity() > kKeepScratchBytes) std::string().swap(cleaned);
  return a;
}

}  // namespace

Detector::Detector() {
  (void)LatinWordIndex::shared();
  tune_allocator_for_cld2();
}

Guess Detector::detect(std::string_view utf8) const { return analyze(utf8, true).guess; }

Guess Detector::choose(std::string_view utf8) const { return analyze(utf8, false).guess; }

void Detector::detect_all(std::string_view utf8, std::vector<Share>& out) const {
  out.clear();
  const Analysis a = analyze(utf8, true);
  if (a.guess.lang.empty()) return;
  for (int i = 0; i < a.cld.count; ++i) {
    const CldLanguage& l = a.cld.top[i];
    out.push_back(Share{std::string(l.code), static_cast<double>(l.percent), l.score});
  }
  if (out.empty()) {
    out.push_back(Share{a.guess.lang, 100.0, 0.0});
    return;
  }
  // The short-text layer may overrule CLD2 on the main language (CLD2's
  // "id" for "O presidente" is "pt"): its answer names the largest share
  // unless CLD2 already lists it.
  const bool listed =
      std::any_of(out.begin(), out.end(), [&](const Share& s) { return s.lang == a.guess.lang; });
  if (!listed) out.front().lang = a.guess.lang;
  std::stable_sort(out.begin(), out.end(),
                   [](const Share& x, const Share& y) { return x.percent > y.percent; });
}

}  // namespace textsense::langid
