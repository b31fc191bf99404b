#include "core/runtime/document_pipeline.h"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <string_view>

#include "core/common/errors.h"
#include "core/common/utf8.h"

namespace textsense::runtime {
namespace {

// Automatic chunk length: about this many chunks per thread, so a thread
// that drew slow text does not hold the others back at the end ...
constexpr std::size_t kChunksPerThread = 4;
// ... but chunks long enough to amortise a task's fixed cost (a segmenter
// restart, a queue operation: microseconds) and short enough that the
// per-chunk scratch stays small.
constexpr std::size_t kMinAutoChunkBytes = 32 * 1024;
constexpr std::size_t kMaxAutoChunkBytes = 1024 * 1024;

std::size_t auto_chunk_bytes(std::size_t doc_bytes, std::size_t threads) {
  const std::size_t even = doc_bytes / (threads * kChunksPerThread);
  return std::clamp(even, kMinAutoChunkBytes, kMaxAutoChunkBytes);
}

template <typename T>
void free_vector(std::vector<T>& v) {
  std::vector<T>().swap(v);
}

sentiment::SentenceSentiment unanalysed_sentence() {
  sentiment::SentenceSentiment none;
  none.analysed = false;
  return none;
}

}  // namespace

// One thread's tools, made on first use by that thread and reused.
struct DocumentPipeline::Workspace {
  static constexpr std::size_t kMaxAnalyzers = 16;
  // One segmenter per language used so far (a column mixing languages
  // would otherwise rebuild ICU's iterators on every row).
  std::vector<std::unique_ptr<segment::Segmenter>> segmenters;
  // One analyzer per lexicon used so far, for the same reason (an
  // analyzer holds its pack's stemmer and its memo of stems).
  struct AnalyzerFor {
    std::uint64_t lexicon;  // Lexicon::instance_id(): an address can be reused
    sentiment::Params params;
    std::unique_ptr<sentiment::Analyzer> analyzer;
  };
  std::vector<AnalyzerFor> analyzers;
  std::unique_ptr<pos::PosTagger> tagger;
  const pos::PosModel* tagger_model = nullptr;
  segment::Segmentation scratch;  // score_by_window(): one window's segmentation
  std::vector<sentiment::SentenceSentiment> window_results;  // score_by_window()
  std::vector<sentiment::TokenSentiment> token_scratch;      // a foreign sentence's

  segment::Segmenter& get_segmenter(const lang::Profile& profile) {
    for (const auto& s : segmenters)
      if (&s->profile() == &profile) return *s;
    segmenters.push_back(std::make_unique<segment::Segmenter>(profile));
    return *segmenters.back();
  }

  sentiment::Analyzer& get_analyzer(const sentiment::Lexicon& lexicon,
                                    const sentiment::Params& params) {
    // Params is plain doubles and sizes: equal bytes mean equal settings
    // (unequal bytes for equal values only cost a new analyzer).
    for (const AnalyzerFor& a : analyzers)
      if (a.lexicon == lexicon.instance_id() && std::memcmp(&a.params, &params, sizeof params) == 0)
        return *a.analyzer;
    // Custom lexicons and experiments could make this grow without bound.
    if (analyzers.size() >= kMaxAnalyzers) analyzers.erase(analyzers.begin());
    analyzers.push_back(
        {lexicon.instance_id(), params, std::make_unique<sentiment::Analyzer>(lexicon, params)});
    return *analyzers.back().analyzer;
  }

  pos::PosTagger& get_tagger(const pos::PosModel& model) {
    if (!tagger || tagger_model != &model) {
      tagger = std::make_unique<pos::PosTagger>(model);
      tagger_model = &model;
    }
    return *tagger;
  }

  // Scratch grows with the largest input seen; dropping the tools frees it
  // (making them again costs microseconds, and only after a huge call).
  void release() {
    free_vector(scratch.tokens);
    free_vector(scratch.sentences);
    free_vector(window_results);
    free_vector(token_scratch);
    segmenters.clear();
    analyzers.clear();
    if (tagger) tagger->release_buffers();
  }
};

// A chunk's results, offsets relative to the chunk. Recycled: a chunk takes
// a spare set when it starts and gives it back once its results are
// appended, so the few sets in use at once keep their capacity from chunk
// to chunk and from call to call (allocating them afresh for every chunk,
// in whichever thread's malloc arena, made backends' memory creep in the
// load test).
struct DocumentPipeline::ChunkResults {
  segment::Segmentation seg;  // unless only the score is wanted
  std::vector<sentiment::SentenceSentiment> sentences;
  std::vector<sentiment::TokenSentiment> tokens;
  std::vector<std::uint8_t> tags;
  std::vector<pos::ContractionTags> contractions;

  void clear() {
    seg.clear();
    sentences.clear();
    tokens.clear();
    tags.clear();
    contractions.clear();
  }
};

// One chunk of the current document.
struct DocumentPipeline::Chunk {
  std::uint32_t begin = 0, end = 0;
  std::uint32_t chars = 0;  // code points, to shift character offsets
  std::size_t token_count = 0;
  ChunkResults out;
};

void DocumentPipeline::take_spare(Chunk& chunk) {
  const std::lock_guard<std::mutex> lock(spare_mutex_);
  if (spares_.empty()) return;
  std::swap(chunk.out, spares_.back());
  spares_.pop_back();
  chunk.out.clear();
}

void DocumentPipeline::give_back(Chunk& chunk) {
  chunk.out.clear();
  const std::lock_guard<std::mutex> lock(spare_mutex_);
  spares_.push_back(std::move(chunk.out));
  chunk.out = ChunkResults();
}

DocumentPipeline::DocumentPipeline(ThreadPool* pool) : pool_(pool) {}

DocumentPipeline::~DocumentPipeline() = default;

DocumentPipeline::Workspace& DocumentPipeline::workspace(std::size_t slot) {
  while (workspaces_.size() <= slot) workspaces_.push_back(std::make_unique<Workspace>());
  return *workspaces_[slot];
}

std::size_t DocumentPipeline::threads() const {
  if (pool_ == nullptr) return 1;
  const std::size_t all = pool_->participants();
  return settings_.max_threads == 0 ? all : std::min(all, settings_.max_threads);
}

pos::PosTagger& DocumentPipeline::tagger(const pos::PosModel& model) {
  return workspace(0).get_tagger(model);
}

// One thread works chunk by chunk too: a score then holds one chunk's
// segmentation at a time, not the whole document's (bounded memory), and
// the chunks' smaller working sets made it faster per core than one
// unsplit pass (bench/RESULTS.md, "One thread works chunk by chunk").
bool DocumentPipeline::plan_chunks(std::string_view doc, const StopSignal& stop) {
  chunk_count_ = 1;
  last_chunk_count_ = 1;
  if (doc.size() < settings_.min_bytes) return false;
  const std::size_t target =
      settings_.chunk_bytes != 0 ? settings_.chunk_bytes : auto_chunk_bytes(doc.size(), threads());
  workspace(0).get_segmenter(*profile_).find_chunk_starts(doc, target, chunk_starts_, stop);
  if (chunk_starts_.size() < 2) return false;
  chunk_count_ = chunk_starts_.size();
  if (chunks_.size() < chunk_count_) chunks_.resize(chunk_count_);
  for (std::size_t i = 0; i < chunk_count_; ++i) {
    chunks_[i].begin = chunk_starts_[i];
    chunks_[i].end =
        i + 1 < chunk_count_ ? chunk_starts_[i + 1] : static_cast<std::uint32_t>(doc.size());
  }
  last_chunk_count_ = chunk_count_;
  return true;
}

template <typename Function>
void DocumentPipeline::run_tasks(std::size_t count, Function&& fn, const StopSignal& stop) {
  if (pool_ != nullptr && threads() > 1) {
    pool_->run(count, fn, stop, threads());
    return;
  }
  // One thread, no pool needed: the tasks in order on the calling thread.
  for (std::size_t i = 0; i < count; ++i) {
    if (stop.requested()) throw CancelledError();
    fn(ThreadPool::TaskContext{i, 0, stop});
  }
}

void DocumentPipeline::run_chunk(std::string_view doc, Chunk& chunk, Workspace& ws,
                                 const JobSpec& spec, const StopSignal& stop) {
  // (A score alone goes through score_by_window() instead.)
  const std::string_view text = doc.substr(chunk.begin, chunk.end - chunk.begin);
  take_spare(chunk);
  ChunkResults& out = chunk.out;
  segment::Segmentation& seg = out.seg;
  ws.get_segmenter(*profile_).segment(text, seg, stop);
  chunk.token_count = seg.tokens.size();
  switch (spec.job) {
    case Job::kSegment: break;
    case Job::kScore:
      ws.get_analyzer(*spec.lexicon, *spec.params)
          .score_sentences(text, seg, out.sentences,
                           spec.output == SentimentOutput::kTokens ? &out.tokens : nullptr, stop);
      break;
    case Job::kTag:
      ws.get_tagger(*spec.model).tag_document(text, seg, out.tags, stop, &out.contractions);
      break;
  }
  chunk.chars = static_cast<std::uint32_t>(utf8::count_code_points(text));
}

template <typename Function>
void DocumentPipeline::for_each_chunk(std::string_view doc, Function&& fn, const StopSignal& stop) {
  // Every slot's workspace exists before any thread runs: the vector must
  // not grow under them.
  workspace(threads() - 1);
  try {
    run_tasks(
        chunk_count_,
        [&](const ThreadPool::TaskContext& task) {
          fn(task.task, *workspaces_[task.slot], task.stop);
        },
        stop);
  } catch (const InvalidUtf8Error&) {
    // Report the document's first bad byte, not a chunk-relative offset
    // from whichever chunk failed first.
    throw InvalidUtf8Error(utf8::find_invalid(doc));
  }
}

// Chunks finish in any order; each is appended to the document's results
// once all before it are, by the calling thread between its own chunks,
// and its buffers go back to the spares then. So a call holds the results
// once, plus the few chunks waiting to be appended: not the chunks and a
// merged copy of them side by side (bench/RESULTS.md, "Peak memory per
// call"). The appends run while the pool's threads work on later chunks.
void DocumentPipeline::run_chunks(std::string_view doc, const JobSpec& spec,
                                  const StopSignal& stop) {
  segmentation_.clear();
  sentence_sentiments_.clear();
  token_sentiments_.clear();
  tags_.clear();
  contractions_.clear();
  std::mutex append_mutex;
  std::vector<std::uint8_t> finished(chunk_count_, 0);
  std::size_t next_to_append = 0;
  std::uint32_t chars = 0;
  const auto append_finished = [&] {
    for (; next_to_append < chunk_count_ && finished[next_to_append] != 0; ++next_to_append) {
      Chunk& chunk = chunks_[next_to_append];
      if (next_to_append == 0) reserve_results(spec, chunk, doc.size());
      append_chunk(spec, chunk, chars);
      chars += chunk.chars;
    }
  };
  for_each_chunk(
      doc,
      [&](std::size_t c, Workspace& ws, const StopSignal& task_stop) {
        run_chunk(doc, chunks_[c], ws, spec, task_stop);
        const std::lock_guard<std::mutex> lock(append_mutex);
        finished[c] = 1;
        // Only the calling thread appends: the document's results are
        // then allocated in its malloc arena, call after call. Grown in
        // whichever pool thread appended, they scattered large blocks over
        // the threads' arenas, and backends' memory crept up under load
        // (test/load_test.sh).
        if (&ws == workspaces_[0].get()) append_finished();
      },
      stop);
  append_finished();
  token_total_ = segmentation_.tokens.size();
}

namespace {

// Room for `estimate` more than `v` holds. Capacity reserved beyond what
// is written costs address space only: large blocks come straight from
// mmap, and untouched pages are not resident.
template <typename T>
void reserve_more(std::vector<T>& v, std::size_t estimate) {
  v.reserve(v.size() + estimate);
}

// Appends `from` to `to`, then `shift` on each appended element.
template <typename T, typename Shift>
void append_shifted(std::vector<T>& to, const std::vector<T>& from, Shift&& shift) {
  const std::size_t old = to.size();
  to.insert(to.end(), from.begin(), from.end());
  for (std::size_t i = old; i < to.size(); ++i) shift(to[i]);
}

}  // namespace

void DocumentPipeline::reserve_results(const JobSpec& spec, const Chunk& first,
                                       std::size_t doc_bytes) {
  // The whole document's results, extrapolated from its first chunk, with
  // a quarter more: text that turns denser later only costs one more
  // growth of the vectors.
  const double scale = 1.25 * static_cast<double>(doc_bytes) /
                       static_cast<double>(std::max<std::uint32_t>(1, first.end - first.begin));
  const auto estimate = [&](std::size_t n) {
    return static_cast<std::size_t>(scale * static_cast<double>(n)) + 1024;
  };
  const std::size_t sentences = estimate(first.out.seg.sentences.size());
  const std::size_t tokens = estimate(first.out.seg.tokens.size());
  reserve_more(segmentation_.sentences, sentences);
  reserve_more(segmentation_.tokens, tokens);
  if (spec.job == Job::kScore) reserve_more(sentence_sentiments_, sentences);
  if (spec.job == Job::kScore && spec.output == SentimentOutput::kTokens)
    reserve_more(token_sentiments_, tokens);
  if (spec.job == Job::kTag) reserve_more(tags_, tokens);
}

void DocumentPipeline::append_chunk(const JobSpec& spec, Chunk& chunk, std::uint32_t char_base) {
  const auto sentence_base = static_cast<std::uint32_t>(segmentation_.sentences.size());
  const auto token_base = static_cast<std::uint32_t>(segmentation_.tokens.size());
  const std::uint32_t byte_base = chunk.begin;
  append_shifted(segmentation_.sentences, chunk.out.seg.sentences, [&](segment::Sentence& s) {
    s.span.byte_begin += byte_base;
    s.span.char_begin += char_base;
    s.first_token += token_base;
  });
  append_shifted(segmentation_.tokens, chunk.out.seg.tokens, [&](segment::Token& t) {
    t.span.byte_begin += byte_base;
    t.span.char_begin += char_base;
    t.sentence += sentence_base;
  });
  if (spec.job == Job::kScore) {
    sentence_sentiments_.insert(sentence_sentiments_.end(), chunk.out.sentences.begin(),
                                chunk.out.sentences.end());
    if (spec.output == SentimentOutput::kTokens) {
      token_sentiments_.insert(token_sentiments_.end(), chunk.out.tokens.begin(),
                               chunk.out.tokens.end());
    }
  }
  if (spec.job == Job::kTag) {
    tags_.insert(tags_.end(), chunk.out.tags.begin(), chunk.out.tags.end());
    append_shifted(contractions_, chunk.out.contractions,
                   [&](pos::ContractionTags& c) { c.token += token_base; });
  }
  give_back(chunk);
}

void DocumentPipeline::segment(std::string_view doc, const lang::Profile& profile,
                               const StopSignal& stop) {
  profile_ = &profile;
  if (!plan_chunks(doc, stop)) {
    workspace(0).get_segmenter(*profile_).segment(doc, segmentation_, stop);
    token_total_ = segmentation_.tokens.size();
    return;
  }
  const JobSpec spec{Job::kSegment, nullptr, nullptr, SentimentOutput::kSentences, nullptr};
  run_chunks(doc, spec, stop);
}

sentiment::DocumentSentiment DocumentPipeline::score(
    std::string_view doc, const lang::Profile& profile, const sentiment::Lexicon& lexicon,
    const sentiment::Params& params, SentimentOutput output, const StopSignal& stop) {
  if (output == SentimentOutput::kDocument && doc.size() >= settings_.min_bytes)
    return score_by_window(doc, profile, &lexicon, params, nullptr, stop);
  profile_ = &profile;
  const bool explain = output == SentimentOutput::kTokens;
  if (!plan_chunks(doc, stop)) {
    // A score alone reports no positions.
    workspace(0).get_segmenter(*profile_).segment(
        doc, segmentation_, stop,
        output == SentimentOutput::kDocument ? segment::Segmenter::Offsets::kBytesOnly
                                             : segment::Segmenter::Offsets::kBytesAndChars);
    token_total_ = segmentation_.tokens.size();
    return workspace(0)
        .get_analyzer(lexicon, params)
        .analyze(doc, segmentation_, sentence_sentiments_, explain ? &token_sentiments_ : nullptr,
                 stop);
  }
  const JobSpec spec{Job::kScore, &lexicon, &params, output, nullptr};
  run_chunks(doc, spec, stop);
  // The fold over sentences runs here, in document order, so it adds the
  // same numbers in the same order as the single-threaded analyze().
  return workspace(0).get_analyzer(lexicon, params).summarize(sentence_sentiments_, token_total_);
}

namespace {

// The sentences of `seg` (a window of `text`) in another language than
// foreign.document_language, scored again with their own lexicon or marked
// unanalysed: what rescore_sentences() does for a whole document.
template <typename AnalyzerFor>
void score_foreign_sentences(std::string_view text, const segment::Segmentation& seg,
                             const ForeignLexicons& foreign, AnalyzerFor&& analyzer_for,
                             std::vector<sentiment::TokenSentiment>& token_scratch,
                             std::vector<sentiment::SentenceSentiment>& results,
                             const StopSignal& stop) {
  for (std::size_t i = 0; i < seg.sentences.size(); ++i) {
    if (i % kStopPollSentences == 0 && stop.requested()) throw CancelledError();
    const segment::Sentence& sentence = seg.sentences[i];
    const lang::Code code =
        sentence_language(sentence.span.text(text), *foreign.detector, foreign.document_language);
    if (code == foreign.document_language) continue;
    const sentiment::Lexicon* lexicon = foreign.find(code);
    if (lexicon == nullptr) {
      results[i] = unanalysed_sentence();
      continue;
    }
    if (token_scratch.size() < sentence.token_count) token_scratch.resize(sentence.token_count);
    results[i] = analyzer_for(*lexicon).score_one(text, seg, i, token_scratch.data());
  }
}

}  // namespace

sentiment::DocumentSentiment DocumentPipeline::score_by_window(
    std::string_view doc, const lang::Profile& profile, const sentiment::Lexicon* lexicon,
    const sentiment::Params& params, const ForeignLexicons* foreign, const StopSignal& stop) {
  profile_ = &profile;
  segmentation_.clear();
  sentence_sentiments_.clear();
  token_sentiments_.clear();
  if (!plan_chunks(doc, stop)) {
    if (chunks_.empty()) chunks_.resize(1);
    chunks_[0].begin = 0;
    chunks_[0].end = static_cast<std::uint32_t>(doc.size());
  }
  // Chunks finish in any order but fold in document order: the thread
  // that finishes a chunk folds every finished chunk that is next in line
  // and frees its sentence results. One chunk folds as it goes.
  sentiment::DocumentFold fold(params);
  std::mutex fold_mutex;
  std::vector<std::uint8_t> finished(chunk_count_, 0);
  std::size_t next_to_fold = 0;
  const bool fold_as_it_goes = chunk_count_ == 1;

  const auto score_chunk = [&](std::size_t c, Workspace& ws, const StopSignal& task_stop) {
    Chunk& chunk = chunks_[c];
    const std::string_view text = doc.substr(chunk.begin, chunk.end - chunk.begin);
    chunk.token_count = 0;
    take_spare(chunk);
    ws.get_segmenter(profile).segment_by_window(
        text, ws.scratch,
        [&](const segment::Segmentation& window) {
          std::vector<sentiment::SentenceSentiment>& results = ws.window_results;
          if (lexicon != nullptr) {
            ws.get_analyzer(*lexicon, params)
                .score_sentences(text, window, results, nullptr, task_stop);
          } else {
            results.assign(window.sentences.size(), unanalysed_sentence());
          }
          if (foreign != nullptr) {
            score_foreign_sentences(
                text, window, *foreign,
                [&](const sentiment::Lexicon& l) -> sentiment::Analyzer& {
                  return ws.get_analyzer(l, params);
                },
                ws.token_scratch, results, task_stop);
          }
          chunk.token_count += window.tokens.size();
          if (fold_as_it_goes) {
            for (const sentiment::SentenceSentiment& r : results) fold.add(r);
          } else {
            chunk.out.sentences.insert(chunk.out.sentences.end(), results.begin(), results.end());
          }
        },
        task_stop);
    if (fold_as_it_goes) return;
    const std::lock_guard<std::mutex> lock(fold_mutex);
    finished[c] = 1;
    for (; next_to_fold < chunk_count_ && finished[next_to_fold] != 0; ++next_to_fold) {
      for (const sentiment::SentenceSentiment& r : chunks_[next_to_fold].out.sentences) fold.add(r);
      give_back(chunks_[next_to_fold]);
    }
  };
  for_each_chunk(doc, score_chunk, stop);

  token_total_ = 0;
  for (std::size_t c = 0; c < chunk_count_; ++c) token_total_ += chunks_[c].token_count;
  return fold.finish(token_total_);
}

void DocumentPipeline::tag(std::string_view doc, const lang::Profile& profile,
                           const pos::PosModel& model, const StopSignal& stop) {
  profile_ = &profile;
  if (!plan_chunks(doc, stop)) {
    workspace(0).get_segmenter(*profile_).segment(doc, segmentation_, stop);
    token_total_ = segmentation_.tokens.size();
    workspace(0).get_tagger(model).tag_document(doc, segmentation_, tags_, stop, &contractions_);
    return;
  }
  const JobSpec spec{Job::kTag, nullptr, nullptr, SentimentOutput::kSentences, &model};
  run_chunks(doc, spec, stop);
}

void DocumentPipeline::release_large_buffers(std::size_t keep_tokens) {
  if (token_total_ <= keep_tokens && segmentation_.tokens.capacity() <= keep_tokens) return;
  free_vector(segmentation_.sentences);
  free_vector(segmentation_.tokens);
  free_vector(sentence_sentiments_);
  free_vector(token_sentiments_);
  free_vector(tags_);
  free_vector(contractions_);
  free_vector(chunks_);
  free_vector(spares_);
  for (std::unique_ptr<Workspace>& ws : workspaces_) ws->release();
  token_total_ = 0;
}

void DocumentPipeline::mark_unanalysed(SentimentOutput output) {
  sentiment::SentenceSentiment none;
  none.analysed = false;
  sentence_sentiments_.assign(segmentation_.sentences.size(), none);
  if (output == SentimentOutput::kTokens)
    token_sentiments_.assign(segmentation_.tokens.size(), sentiment::TokenSentiment());
}

// The second pass over the sentences of a mixed document that are not in
// the language it was analysed in (runtime/mixed_languages.h). Few
// sentences, on the calling thread: the first pass did the bulk of the
// work, on the pool when it was large.

sentiment::DocumentSentiment DocumentPipeline::rescore_sentences(
    std::string_view doc, const std::vector<lang::Code>& languages, lang::Code call_language,
    const sentiment::Lexicon* call_lexicon, LexiconFor lexicon_for, void* context,
    const sentiment::Params& params, SentimentOutput output, const StopSignal& stop) {
  const bool explain = output == SentimentOutput::kTokens;
  const segment::Segmentation& seg = segmentation_;
  std::vector<sentiment::TokenSentiment> scratch;
  for (std::size_t i = 0; i < languages.size() && i < sentence_sentiments_.size(); ++i) {
    if (i % kStopPollSentences == 0 && stop.requested()) throw CancelledError();
    if (languages[i] == call_language) continue;
    const segment::Sentence& sentence = seg.sentences[i];
    sentiment::TokenSentiment* out;
    if (explain) {
      out = token_sentiments_.data() + sentence.first_token;
    } else {
      scratch.resize(sentence.token_count);
      out = scratch.data();
    }
    const sentiment::Lexicon* lexicon = lexicon_for(languages[i], context);
    if (lexicon == nullptr) {
      sentiment::SentenceSentiment none;
      none.analysed = false;
      sentence_sentiments_[i] = none;
      for (std::uint32_t k = 0; k < sentence.token_count; ++k) out[k] = sentiment::TokenSentiment();
      continue;
    }
    // score_sentence() only reads this sentence's tokens, so the document's
    // segmentation serves as it is.
    sentence_sentiments_[i] =
        workspace(0).get_analyzer(*lexicon, params).score_one(doc, seg, i, out);
    if (call_lexicon == nullptr) call_lexicon = lexicon;
  }
  if (call_lexicon == nullptr) {  // nothing analysed at all
    sentiment::DocumentSentiment none;
    none.analysed = false;
    none.sentences = static_cast<std::uint32_t>(seg.sentences.size());
    none.tokens = static_cast<std::uint32_t>(seg.tokens.size());
    return none;
  }
  // The fold depends on the params only (the lexicon is the analyzer's).
  return workspace(0)
      .get_analyzer(*call_lexicon, params)
      .summarize(sentence_sentiments_, token_total_);
}

void DocumentPipeline::retag_sentences(std::string_view doc,
                                       const std::vector<lang::Code>& languages,
                                       lang::Code call_language, ModelFor model_for, void* context,
                                       const StopSignal& stop) {
  const segment::Segmentation& seg = segmentation_;
  const auto retagged_sentence = [&](std::uint32_t sentence) {
    return sentence < languages.size() && languages[sentence] != call_language;
  };
  // The contractions of retagged sentences were their first model's: drop
  // them in one pass (per sentence, the erase was quadratic in a long
  // document with many foreign sentences).
  contractions_.erase(std::remove_if(contractions_.begin(), contractions_.end(),
                                     [&](const pos::ContractionTags& c) {
                                       return retagged_sentence(seg.tokens[c.token].sentence);
                                     }),
                      contractions_.end());
  std::vector<pos::ContractionTags> retagged;
  for (std::size_t i = 0; i < languages.size() && i < seg.sentences.size(); ++i) {
    if (i % kStopPollSentences == 0 && stop.requested()) throw CancelledError();
    if (languages[i] == call_language) continue;
    const segment::Sentence& sentence = seg.sentences[i];
    std::uint8_t* tags = tags_.data() + sentence.first_token;
    const pos::PosModel* model = model_for(languages[i], context);
    if (model == nullptr) {
      std::fill(tags, tags + sentence.token_count, kNotTagged);
      continue;
    }
    workspace(0).get_tagger(*model).tag_segmented_sentence(doc, seg, i, tags, &retagged);
  }
  if (!retagged.empty()) {
    contractions_.insert(contractions_.end(), retagged.begin(), retagged.end());
    std::sort(contractions_.begin(), contractions_.end(),
              [](const auto& a, const auto& b) { return a.token < b.token; });
  }
}

}  // namespace textsense::runtime
