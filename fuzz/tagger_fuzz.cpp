// libFuzzer target: part-of-speech tagging with every shipped model
// (models/pos_<code>.model; the input's size picks one), of raw text (pos_tag(text): segment, then
// tag) and of pre-tokenised words (pos_tag(text[])).
//
// Input: the first byte picks the mode, and is part of the text too:
//   (b & 1) == 0:   raw text, through DocumentPipeline::tag(); when also
//                   (b & 6) == 6, tagged a second time across a thread pool
//                   of one worker in chunks of 1 + b / 8 bytes;
//   (b & 1) == 1:   pre-tokenised: the input split at '\n' is one sentence
//                   of words (empty words included), tagged with
//                   PosTagger::tag_sentence(). Like both callers (the SQL
//                   function and the CLI), only valid UTF-8 is tagged; with
//                   (b & 2) the words are repeated past the tagger's
//                   256-token block.
//
// Checks: ill-formed UTF-8 text throws InvalidUtf8Error at the first bad
// byte; one tag per token, each a class of the model; the chunked run
// equals the serial one (segmentation and tags); tagging the same words
// twice with a warm tagger gives the same tags; tag_document() over the
// pipeline's segmentation gives the pipeline's tags and contractions, each
// contraction on a token of the document, in order, with a class for each
// of its words. Plus ASan, UBSan, LSan.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/runtime/document_pipeline.h"
#include "core/common/errors.h"
#include "core/pos/tagger.h"
#include "core/runtime/thread_pool.h"
#include "core/common/utf8.h"
#include "fuzz_util.h"

namespace {

using namespace textsense;

runtime::DocumentPipeline* serial;
runtime::DocumentPipeline* parallel;
runtime::ThreadPool* pool;
// One tagger per model, kept for the whole run (a pointer: a global vector
// would be destroyed at exit and LeakSanitizer would report its taggers).
std::vector<pos::PosTagger*>* taggers;
const pos::PosModel* current_model;

void check_tags(const std::vector<std::uint8_t>& tags, std::size_t count) {
  const pos::PosModel& model = *current_model;
  FUZZ_CHECK(tags.size() == count);
  for (std::uint8_t t : tags) FUZZ_CHECK(t < model.class_count());
}

void tag_words(pos::PosTagger* tagger, std::string_view input, std::uint8_t options) {
  if (utf8::find_invalid(input) != utf8::kValid) return;
  std::vector<std::string_view> words;
  for (std::size_t pos = 0;;) {
    const std::size_t eol = input.find('\n', pos);
    words.push_back(input.substr(pos, eol == std::string_view::npos ? eol : eol - pos));
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  if ((options & 2) && !words.empty()) {
    const std::size_t n = words.size();
    while (words.size() < 300) words.push_back(words[words.size() % n]);
  }
  std::vector<std::uint8_t> tags, again;
  tagger->tag_sentence(words.data(), words.size(), tags);
  check_tags(tags, words.size());
  tagger->tag_sentence(words.data(), words.size(), again);
  FUZZ_CHECK(tags == again);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  pool = new runtime::ThreadPool(1);
  serial = new runtime::DocumentPipeline();
  parallel = new runtime::DocumentPipeline(pool);
  parallel->settings().min_bytes = 0;
  taggers = new std::vector<pos::PosTagger*>();
  for (const fuzz::TaggingModel& m : fuzz::shipped_pos_models())
    taggers->push_back(new pos::PosTagger(*m.model));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view doc(reinterpret_cast<const char*>(data), size);
  const std::uint8_t options = size > 0 ? data[0] : 0;
  const std::size_t which = size % fuzz::shipped_pos_models().size();
  const fuzz::TaggingModel& chosen = fuzz::shipped_pos_models()[which];
  const pos::PosModel& model = *chosen.model;
  const lang::Profile& profile = *chosen.profile;
  pos::PosTagger* tagger = (*taggers)[which];
  current_model = &model;

  if (options & 1) {
    tag_words(tagger, doc, options);
    return 0;
  }

  const std::size_t bad = utf8::find_invalid(doc);
  try {
    serial->tag(doc, profile, model);
    FUZZ_CHECK(bad == utf8::kValid);
  } catch (const InvalidUtf8Error& e) {
    FUZZ_CHECK(bad != utf8::kValid && e.byte_offset() == bad);
    return 0;
  }
  const segment::Segmentation& seg = serial->segmentation();
  fuzz::check_segmentation(doc, seg);
  check_tags(serial->tags(), seg.tokens.size());
  for (std::uint8_t t : serial->tags()) FUZZ_CHECK(!model.upos(t).empty());

  std::uint32_t previous = 0;
  for (std::size_t c = 0; c < serial->contractions().size(); ++c) {
    const pos::ContractionTags& entry = serial->contractions()[c];
    FUZZ_CHECK(entry.token < seg.tokens.size() && (c == 0 || entry.token > previous));
    FUZZ_CHECK(entry.contraction->count >= 2 &&
               entry.contraction->count <= pos::kMaxContractionWords);
    for (int k = 0; k < entry.contraction->count; ++k)
      FUZZ_CHECK(entry.tags[k] < model.class_count());
    FUZZ_CHECK(serial->tags()[entry.token] == entry.tags[0]);
    previous = entry.token;
  }

  std::vector<std::uint8_t> direct;
  std::vector<pos::ContractionTags> direct_contractions;
  tagger->tag_document(doc, seg, direct, {}, &direct_contractions);
  FUZZ_CHECK(direct == serial->tags());
  FUZZ_CHECK(direct_contractions.size() == serial->contractions().size());

  if ((options & 6) == 6) {
    parallel->settings().chunk_bytes = 1 + options / 8;
    parallel->tag(doc, profile, model);
    FUZZ_CHECK(fuzz::same_segmentation(seg, parallel->segmentation()));
    FUZZ_CHECK(parallel->tags() == serial->tags());
    FUZZ_CHECK(parallel->contractions().size() == serial->contractions().size());
    for (std::size_t c = 0; c < serial->contractions().size(); ++c)
      FUZZ_CHECK(parallel->contractions()[c].token == serial->contractions()[c].token);
  }
  return 0;
}
