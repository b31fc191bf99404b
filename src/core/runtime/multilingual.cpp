#include "core/runtime/multilingual.h"

#include <algorithm>
#include <exception>

#include "core/lang/profile.h"
#include "core/runtime/mixed_languages.h"

namespace textsense::runtime {
namespace {

struct LexiconLookup {
  const ModelSource* models;
  const sentiment::Lexicon* custom;
};

// The pipeline's callbacks over lexicon_for_language / pos_model_for_language.
const sentiment::Lexicon* lexicon_for(lang::Code code, void* context) {
  const auto& lookup = *static_cast<const LexiconLookup*>(context);
  return lexicon_for_language(*lookup.models, lookup.custom, code);
}

const pos::PosModel* pos_model_for(lang::Code code, void* context) {
  return pos_model_for_language(*static_cast<const ModelSource*>(context), code);
}

// Fills outcome.language (and outcome.choice in automatic mode) for a model
// of `kind`, and says whether the document may mix languages: automatic
// mode only (an explicit language is the caller's word for the whole
// text), two sentences' worth of text, and something in it points to
// another language (a function word of another, a letter of another
// script: langid::Guess::others_possible).
bool choose_language(std::string_view doc, const LanguageRequest& request,
                     const lang::InstalledModels& installed, lang::ModelKind kind,
                     LanguageOutcome& outcome) {
  outcome = LanguageOutcome();
  if (!request.automatic) {
    outcome.language = request.code;
    return false;
  }
  const langid::Guess guess = shared_detector().choose(doc);
  outcome.choice = lang::choose_language(lang::Code(guess.lang), guess.reliable, guess.confidence,
                                         installed, kind);
  outcome.language =
      outcome.choice.analyse.empty() ? outcome.choice.detected : outcome.choice.analyse;
  return !guess.single_language && guess.others_possible &&
         doc.size() >= 2 * kMinMixedSentenceBytes;
}

// Whether the document has sentences in other languages than its own;
// fills outcome.sentence_languages when it has. Needs the pipeline's
// segmentation. Every sentence is detected on its own: CLD2's summary of a
// short document smooths a minority language away (an English review with
// one German sentence in three is "99 % English"), so its shares cannot
// tell which documents to look at.
bool find_foreign_sentences(const DocumentPipeline& pipeline, std::string_view doc,
                            LanguageOutcome& outcome, const StopSignal& stop) {
  if (pipeline.segmentation().sentences.size() < 2) return false;
  if (detect_sentence_languages(doc, pipeline.segmentation(), shared_detector(), outcome.language,
                                outcome.sentence_languages, stop))
    return true;
  outcome.sentence_languages.clear();
  return false;
}

// Every installed lexicon but the document's own language's, for
// DocumentPipeline::score_by_window() (ForeignLexicons: looked up here, on
// the calling thread). A lexicon that fails to load fails the call only if
// a sentence needs it.
ForeignLexicons foreign_lexicons(const ModelSource& models, const sentiment::Lexicon* custom,
                                 lang::Code document_language) {
  ForeignLexicons foreign;
  foreign.document_language = document_language;
  foreign.detector = &shared_detector();
  for (const lang::Code code : models.installed->of(lang::ModelKind::kSentiment)) {
    if (code == document_language) continue;
    ForeignLexicons::Entry entry{code, nullptr, nullptr};
    try {
      entry.lexicon = lexicon_for_language(models, custom, code);
    } catch (...) {
      entry.error = std::current_exception();
    }
    foreign.entries.push_back(entry);
  }
  return foreign;
}

}  // namespace

const langid::Detector& shared_detector() {
  static const langid::Detector detector;
  return detector;
}

lang::Choice choose_automatically(std::string_view text, const lang::InstalledModels& installed,
                                  lang::ModelKind kind) {
  const langid::Guess guess = shared_detector().choose(text);
  return lang::choose_language(lang::Code(guess.lang), guess.reliable, guess.confidence, installed,
                               kind);
}

const sentiment::Lexicon* lexicon_for_language(const ModelSource& models,
                                               const sentiment::Lexicon* custom, lang::Code code) {
  if (custom != nullptr && custom->language() == code.view()) return custom;
  if (code.empty() || !models.installed->has(lang::ModelKind::kSentiment, code)) return nullptr;
  return models.lexicon(code, models.context);
}

const pos::PosModel* pos_model_for_language(const ModelSource& models, lang::Code code) {
  if (code.empty() || !models.installed->has(lang::ModelKind::kPos, code)) return nullptr;
  return models.pos_model(code, models.context);
}

sentiment::DocumentSentiment score_document(
    DocumentPipeline& pipeline, std::string_view doc, const LanguageRequest& request,
    const ModelSource& models, const sentiment::Lexicon* custom, SentimentOutput output,
    const StopSignal& stop, LanguageOutcome& outcome, const sentiment::Params& params) {
  LexiconLookup lookup{&models, custom};
  const bool may_mix =
      choose_language(doc, request, *models.installed, lang::ModelKind::kSentiment, outcome);
  const lang::Profile& profile = lang::profile_for(outcome.language.view());
  const sentiment::Lexicon* lexicon = lexicon_for_language(models, custom, outcome.language);
  const bool split = doc.size() >= pipeline.settings().min_bytes;
  if (split && output == SentimentOutput::kDocument) {
    // A large document's score alone: window by window, each sentence
    // detected and scored in its own language as it is found, so that no
    // segmentation of the whole is kept (bounded memory).
    const ForeignLexicons foreign =
        may_mix ? foreign_lexicons(models, custom, outcome.language) : ForeignLexicons();
    sentiment::DocumentSentiment result =
        pipeline.score_by_window(doc, profile, lexicon, params, may_mix ? &foreign : nullptr, stop);
    if (lexicon == nullptr && result.sentences == 0) result.analysed = false;
    outcome.analysed = result.analysed;
    return result;
  }
  // Otherwise the pipeline keeps the segmentation (a small document's
  // whatever the output), and the sentences in other languages are found
  // and analysed again afterwards.
  sentiment::DocumentSentiment result;
  if (lexicon == nullptr) {
    // Not analysed in its own language: the counts, the sentences for the
    // row functions, and perhaps sentences in installed languages.
    pipeline.segment(doc, profile, stop);
    pipeline.mark_unanalysed(output);
    result.analysed = false;
    result.sentences = static_cast<std::uint32_t>(pipeline.segmentation().sentences.size());
    result.tokens = static_cast<std::uint32_t>(pipeline.segmentation().tokens.size());
  } else {
    outcome.analysed = true;
    result = pipeline.score(doc, profile, *lexicon, params, output, stop);
  }
  if (may_mix && find_foreign_sentences(pipeline, doc, outcome, stop)) {
    result = pipeline.rescore_sentences(doc, outcome.sentence_languages, outcome.language, lexicon,
                                        lexicon_for, &lookup, params, output, stop);
    outcome.analysed = result.analysed;
  }
  return result;
}

void tag_document(DocumentPipeline& pipeline, std::string_view doc, const LanguageRequest& request,
                  const ModelSource& models, const StopSignal& stop, LanguageOutcome& outcome) {
  const bool may_mix =
      choose_language(doc, request, *models.installed, lang::ModelKind::kPos, outcome);
  const lang::Profile& profile = lang::profile_for(outcome.language.view());
  const pos::PosModel* model = pos_model_for_language(models, outcome.language);
  if (model == nullptr) {
    pipeline.segment(doc, profile, stop);
    pipeline.mark_untagged();
  } else {
    outcome.analysed = true;
    pipeline.tag(doc, profile, *model, stop);
  }
  if (may_mix && find_foreign_sentences(pipeline, doc, outcome, stop)) {
    pipeline.retag_sentences(doc, outcome.sentence_languages, outcome.language, pos_model_for,
                             const_cast<ModelSource*>(&models), stop);
    outcome.analysed = true;
  }
}

void segment_document(DocumentPipeline& pipeline, std::string_view doc,
                      const LanguageRequest& request, const StopSignal& stop,
                      LanguageOutcome& outcome) {
  outcome = LanguageOutcome();
  if (!request.automatic) {
    outcome.language = request.code;
  } else {
    const langid::Guess guess = shared_detector().choose(doc);
    outcome.choice.detected = lang::Code(guess.lang);
    outcome.choice.reliable = guess.reliable && !guess.lang.empty();
    outcome.choice.confidence = guess.confidence;
    outcome.language =
        outcome.choice.reliable ? outcome.choice.detected : lang::Code(lang::kFallbackLanguage);
  }
  outcome.analysed = true;
  pipeline.segment(doc, lang::profile_for(outcome.language.view()), stop);
}

}  // namespace textsense::runtime
