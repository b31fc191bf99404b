// One document through the pipeline in the language its caller asked for:
// an explicit language, or automatic (lang => 'auto'), where detection and
// the installed models choose (lang/auto_choice.h) and a document that
// mixes languages has its sentences in other languages analysed with their
// own models or not at all (runtime/mixed_languages.h). The SQL functions,
// the trigger and the CLI all come through here, so they agree.
#pragma once

#include <string_view>
#include <vector>

#include "core/lang/auto_choice.h"
#include "core/lang/code.h"
#include "core/lang/installed.h"
#include "core/langid/language_detector.h"
#include "core/runtime/document_pipeline.h"

namespace textsense::runtime {

// What the caller asked for.
struct LanguageRequest {
  bool automatic = true;
  lang::Code code;  // when not automatic: an installed language (the caller checked)

  static LanguageRequest automatic_choice() { return {}; }
  static LanguageRequest explicit_language(std::string_view code) {
    return {false, lang::Code(code)};
  }
};

// Where models come from: the caller's caches. The functions may throw
// ModelError (a damaged file); they return nullptr for a language without
// the model (only asked for installed languages, but a file may vanish).
struct ModelSource {
  const lang::InstalledModels* installed = nullptr;
  const sentiment::Lexicon* (*lexicon)(lang::Code code, void* context) = nullptr;
  const pos::PosModel* (*pos_model)(lang::Code code, void* context) = nullptr;
  void* context = nullptr;
};

// What was decided for the document.
struct LanguageOutcome {
  // The language the document was analysed in; when not analysed, the
  // detected language (empty when nothing could be said).
  lang::Code language;
  bool analysed = false;
  lang::Choice choice;  // automatic mode: what detection said
  // One per sentence when the document mixes languages (after
  // score(kSentences or more), tag() or segment()); empty: all `language`.
  std::vector<lang::Code> sentence_languages;

  lang::Code sentence_language(std::size_t i) const {
    return i < sentence_languages.size() ? sentence_languages[i] : language;
  }
};

// The detector every caller shares (CLD2's tables are static; the
// detector's own index is built once).
const langid::Detector& shared_detector();

// The automatic choice for `text` (lang/auto_choice.h) from its detection.
lang::Choice choose_automatically(std::string_view text, const lang::InstalledModels& installed,
                                  lang::ModelKind kind);

// The model that analyses text in `code`: `custom` when it is that
// language's, else the installed one; nullptr when `code` has none.
const sentiment::Lexicon* lexicon_for_language(const ModelSource& models,
                                               const sentiment::Lexicon* custom, lang::Code code);
const pos::PosModel* pos_model_for_language(const ModelSource& models, lang::Code code);

// Scores `doc`. `custom`, when given, is used for the sentences in its own
// language (a custom lexicon over that language's built-in one). When the
// document is not analysed the result has analysed == false; its sentence
// and token counts are still filled, and for kSentences / kTokens the
// pipeline holds the segmentation with every sentence unanalysed.
sentiment::DocumentSentiment score_document(
    DocumentPipeline& pipeline, std::string_view doc, const LanguageRequest& request,
    const ModelSource& models, const sentiment::Lexicon* custom, SentimentOutput output,
    const StopSignal& stop, LanguageOutcome& outcome, const sentiment::Params& params = {});

// Segments and tags `doc`: pipeline.tags() afterwards, kNotTagged for the
// tokens of sentences without a model (all of them when not analysed).
void tag_document(DocumentPipeline& pipeline, std::string_view doc, const LanguageRequest& request,
                  const ModelSource& models, const StopSignal& stop, LanguageOutcome& outcome);

// Segments `doc` with the rules of its language (automatic: the detected
// language when reliable, else English; no model is needed).
void segment_document(DocumentPipeline& pipeline, std::string_view doc,
                      const LanguageRequest& request, const StopSignal& stop,
                      LanguageOutcome& outcome);

}  // namespace textsense::runtime
