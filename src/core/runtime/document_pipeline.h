// Segmentation, sentiment and tagging of one document at a time, on the
// calling thread or, for a large document, across a ThreadPool: the
// document is cut at sentence boundaries into chunks (Segmenter::
// find_chunk_starts), each chunk is segmented and analysed by whichever
// thread takes it, with that thread's own segmenter, analyzer and tagger
// over the shared read-only models, and the results are appended in order
// as the chunks finish (a score alone is folded window by window instead:
// score_by_window()).
// Every result is identical to the single-threaded one: sentences are
// analysed independently of each other, and the document score is folded
// from the sentence results in document order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "core/lang/code.h"
#include "core/lang/profile.h"
#include "core/pos/model.h"
#include "core/pos/tagger.h"
#include "core/segment/segmentation.h"
#include "core/segment/segmenter.h"
#include "core/sentiment/analyzer.h"
#include "core/runtime/mixed_languages.h"
#include "core/runtime/stop_signal.h"
#include "core/runtime/thread_pool.h"

namespace textsense::runtime {

struct ParallelSettings {
  // Documents shorter than this run on the calling thread alone: below it,
  // waking a worker costs more than it saves (bench/parallel_bench.cpp).
  std::size_t min_bytes = kDefaultMinBytes;
  // Chunk length to aim for; 0 picks one from the document length and the
  // thread count. Tests use tiny values to cut at every possible boundary.
  std::size_t chunk_bytes = 0;
  // Threads to use at most, the caller included; 0: all of the pool's.
  std::size_t max_threads = 0;

  static constexpr std::size_t kDefaultMinBytes = 64 * 1024;
};

// What score() keeps besides the document score.
enum class SentimentOutput {
  kDocument,   // the score only: sentence results too for a document below
               // ParallelSettings::min_bytes, no segmentation, no character offsets
  kSentences,  // + the segmentation and one result per sentence
  kTokens,     // + one result per token (sentiment_explain)
};

class DocumentPipeline {
 public:
  // `pool` may be null: everything then runs on the calling thread. The
  // pool must outlive the pipeline or be replaced with set_pool().
  explicit DocumentPipeline(ThreadPool* pool = nullptr);
  ~DocumentPipeline();
  DocumentPipeline(const DocumentPipeline&) = delete;
  DocumentPipeline& operator=(const DocumentPipeline&) = delete;

  void set_pool(ThreadPool* pool) { pool_ = pool; }
  ParallelSettings& settings() { return settings_; }

  // Each call replaces the previous call's results, and throws what the
  // Segmenter, Analyzer and PosTagger throw (CancelledError when `stop`
  // fires, on the calling thread only). Not thread-safe: one pipeline per
  // calling thread.
  // `profile` is the language of the document (lang/profile.h): its
  // segmentation rules are used, and the lexicon or model should be its.
  void segment(std::string_view doc, const lang::Profile& profile, const StopSignal& stop = {});
  sentiment::DocumentSentiment score(std::string_view doc, const lang::Profile& profile,
                                     const sentiment::Lexicon& lexicon,
                                     const sentiment::Params& params, SentimentOutput output,
                                     const StopSignal& stop = {});
  void tag(std::string_view doc, const lang::Profile& profile, const pos::PosModel& model,
           const StopSignal& stop = {});

  // The document score alone (score() with kDocument) of a document of
  // settings().min_bytes or more, chunk by chunk and, within a chunk, one
  // segmenter window at a time: a call holds a window's tokens per thread
  // and the sentence results of the chunks not yet folded, whatever the
  // document (bench/RESULTS.md, "Peak memory per call"). With `foreign`,
  // every sentence is detected (runtime/mixed_languages.h) and one in
  // another language is scored with its lexicon, or left unanalysed when
  // it has none. `lexicon` may be null: the document's own language has
  // none, and its sentences are not analysed. The result equals score()'s
  // (followed by rescore_sentences() for `foreign`) bit for bit. Keeps no
  // sentence results.
  sentiment::DocumentSentiment score_by_window(std::string_view doc, const lang::Profile& profile,
                                               const sentiment::Lexicon* lexicon,
                                               const sentiment::Params& params,
                                               const ForeignLexicons* foreign,
                                               const StopSignal& stop = {});

  // Results of the last call: the segmentation after segment(), tag() and
  // score() with kSentences or more; sentence results after score(); token
  // results after score() with kTokens; tags after tag().
  const segment::Segmentation& segmentation() const { return segmentation_; }
  const std::vector<sentiment::SentenceSentiment>& sentence_sentiments() const {
    return sentence_sentiments_;
  }
  const std::vector<sentiment::TokenSentiment>& token_sentiments() const {
    return token_sentiments_;
  }
  const std::vector<std::uint8_t>& tags() const { return tags_; }
  // After tag(): the tokens tagged as contractions (pos/tagger.h), in token
  // order.
  const std::vector<pos::ContractionTags>& contractions() const { return contractions_; }
  // How many chunks the last call was cut into (1: it ran unsplit).
  std::size_t last_chunk_count() const { return last_chunk_count_; }

  // Mixed documents (runtime/mixed_languages.h): after score() or tag()
  // with the segmentation kept, the sentences whose language in
  // `languages` (one per sentence) is not `call_language` are analysed
  // again: with `lexicon_for(code)` / `model_for(code)` when it returns
  // one, else marked not analysed (SentenceSentiment::analysed false, tags
  // kNotTagged). rescore_sentences() returns the document folded again
  // (`call_lexicon` is null when the document's own language has none).
  // Both poll `stop` every kStopPollSentences sentences (CancelledError).
  using LexiconFor = const sentiment::Lexicon* (*)(lang::Code code, void* context);
  using ModelFor = const pos::PosModel* (*)(lang::Code code, void* context);
  sentiment::DocumentSentiment rescore_sentences(
      std::string_view doc, const std::vector<lang::Code>& languages, lang::Code call_language,
      const sentiment::Lexicon* call_lexicon, LexiconFor lexicon_for, void* context,
      const sentiment::Params& params, SentimentOutput output, const StopSignal& stop = {});
  void retag_sentences(std::string_view doc, const std::vector<lang::Code>& languages,
                       lang::Code call_language, ModelFor model_for, void* context,
                       const StopSignal& stop = {});
  static constexpr std::uint8_t kNotTagged = 0xFF;
  // After segment(): every sentence not analysed (a document in a language
  // without a lexicon), as score() with `output` would have left them, so
  // that rescore_sentences() can score those in other languages.
  void mark_unanalysed(SentimentOutput output);
  // After segment(): tags() holds kNotTagged for every token (a document in
  // a language without a tagging model).
  void mark_untagged() {
    tags_.assign(segmentation_.tokens.size(), kNotTagged);
    contractions_.clear();
  }

  // The calling thread's tagger over `model` (for already-tokenised input).
  pos::PosTagger& tagger(const pos::PosModel& model);

  // Frees what a huge document grew (results, per-chunk and per-thread
  // scratch) once any buffer holds more than `keep_tokens` tokens.
  void release_large_buffers(std::size_t keep_tokens);

 private:
  struct Workspace;
  struct ChunkResults;
  struct Chunk;
  enum class Job { kSegment, kScore, kTag };
  struct JobSpec {
    Job job;
    const sentiment::Lexicon* lexicon;
    const sentiment::Params* params;
    SentimentOutput output;
    const pos::PosModel* model;
  };

  Workspace& workspace(std::size_t slot);
  // Threads this call may use: the pool's and the caller, within settings.
  std::size_t threads() const;
  // Cuts `doc` into chunks; false when it should run unsplit.
  bool plan_chunks(std::string_view doc, const StopSignal& stop);
  // fn(TaskContext) for tasks [0, count): on the pool with threads() > 1,
  // else in order on the calling thread; CancelledError when `stop` fires.
  template <typename Function>
  void run_tasks(std::size_t count, Function&& fn, const StopSignal& stop);
  // fn(chunk, workspace, stop) for every chunk, as run_tasks() runs them;
  // reports bad UTF-8 at its offset in the document.
  template <typename Function>
  void for_each_chunk(std::string_view doc, Function&& fn, const StopSignal& stop);
  // Runs every chunk and appends its results to the document's, in order.
  void run_chunks(std::string_view doc, const JobSpec& spec, const StopSignal& stop);
  void run_chunk(std::string_view doc, Chunk& chunk, Workspace& ws, const JobSpec& spec,
                 const StopSignal& stop);
  // Reserves room for the document's results, estimated from its first
  // chunk's; appends a chunk's results, shifting offsets and indexes by
  // what precedes it, and frees the chunk's own.
  void reserve_results(const JobSpec& spec, const Chunk& first, std::size_t doc_bytes);
  void append_chunk(const JobSpec& spec, Chunk& chunk, std::uint32_t char_base);
  // A spare set of results for a chunk that starts; back to the spares once
  // its results are appended or folded (ChunkResults). Thread-safe.
  void take_spare(Chunk& chunk);
  void give_back(Chunk& chunk);

  ThreadPool* pool_;
  ParallelSettings settings_;
  const lang::Profile* profile_ = &lang::english();     // of the current call
  std::vector<std::unique_ptr<Workspace>> workspaces_;  // [slot]
  std::vector<Chunk> chunks_;
  std::mutex spare_mutex_;
  std::vector<ChunkResults> spares_;
  std::vector<std::uint32_t> chunk_starts_;
  std::size_t chunk_count_ = 0;
  std::size_t last_chunk_count_ = 0;
  std::size_t token_total_ = 0;

  segment::Segmentation segmentation_;
  std::vector<sentiment::SentenceSentiment> sentence_sentiments_;
  std::vector<sentiment::TokenSentiment> token_sentiments_;
  std::vector<std::uint8_t> tags_;
  std::vector<pos::ContractionTags> contractions_;
};

}  // namespace textsense::runtime
