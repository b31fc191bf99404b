// Documents that mix languages, in automatic mode (lang => 'auto'): the
// language of each sentence, and what to do with sentences that are not in
// the language the document was analysed in. The document is segmented and
// analysed in its main language first; then, when it has two sentences or
// more and something in it points to another language (a function word of
// another main language, a letter of another script), each sentence is
// detected on its own (CLD2's summary of a short document smooths a
// minority language away), and a
// sentence reliably in another language is re-analysed with that
// language's lexicon or model when one is installed, or left unanalysed
// (NULL) when none is: never scored with another language's rules.
// docs/languages.md describes the behaviour for users.
#pragma once

#include <exception>
#include <string_view>
#include <vector>

#include "core/lang/code.h"
#include "core/langid/language_detector.h"
#include "core/runtime/stop_signal.h"
#include "core/segment/segmentation.h"
#include "core/sentiment/lexicon.h"

namespace textsense::runtime {

// Shortest sentence worth detecting on its own (shorter ones keep the
// document's language); a document shorter than two of these is taken as
// one language.
constexpr std::size_t kMinMixedSentenceBytes = 20;

// The language of one sentence of a document in `document_language`: its
// own detection when it is long enough and that is reliable, else the
// document's.
lang::Code sentence_language(std::string_view sentence, const langid::Detector& detector,
                             lang::Code document_language);

// Fills `out` with the language of each sentence of `seg`: its own
// detection when it is long enough and that is reliable, else
// `document_language`. Returns true
// when some sentence differs from `document_language`. Polls `stop` every
// kStopPollSentences sentences and throws CancelledError.
bool detect_sentence_languages(std::string_view doc, const segment::Segmentation& seg,
                               const langid::Detector& detector, lang::Code document_language,
                               std::vector<lang::Code>& out, const StopSignal& stop = {});

// The lexicons of a mixed document's other languages, looked up before a
// large document is scored across threads (the caller's model caches are
// not thread-safe; the pool's threads read this table). Every installed
// language is looked up: which ones the document holds is known only once
// its sentences are.
struct ForeignLexicons {
  lang::Code document_language;
  const langid::Detector* detector = nullptr;
  struct Entry {
    lang::Code code;
    const sentiment::Lexicon* lexicon;  // nullptr: loading it failed (`error`)
    std::exception_ptr error;
  };
  std::vector<Entry> entries;

  // The lexicon for sentences in `code`: nullptr when none is installed;
  // rethrows the error loading it raised, as loading it now would.
  const sentiment::Lexicon* find(lang::Code code) const;
};

}  // namespace textsense::runtime
