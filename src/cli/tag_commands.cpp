// `textsense tag`, `textsense train-tagger` and `textsense eval-tagger`.
#include <chrono>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include "cli/command.h"
#include "cli/input_text.h"
#include "cli/threads.h"
#include "cli/languages.h"
#include "core/common/errors.h"
#include "core/model/mapped_file.h"
#include "core/pos/model.h"
#include "core/pos/tagger.h"
#include "core/segment/segmenter.h"
#include "core/common/utf8.h"
#include "train/conllu.h"
#include "train/raw_text_evaluation.h"
#include "train/tagger_evaluation.h"
#include "train/tagger_trainer.h"

namespace textsense::cli {
namespace {


std::string required(const Options& options, const std::string& name) {
  const std::string v = options.value(name);
  if (v.empty()) throw std::invalid_argument("missing --" + name);
  return v;
}

void append_tags(std::string& out, const pos::PosModel& model, std::uint8_t cls) {
  out += model.upos(cls);
  out += '\t';
  out += model.xpos(cls);
}

// The sentences of a comma-separated list of CoNLL-U files.
std::vector<train::ConlluSentence> read_treebanks(const std::string& list) {
  std::vector<train::ConlluSentence> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    if (comma > start) {
      auto part = train::parse_conllu(train::read_file(list.substr(start, comma - start)));
      out.insert(out.end(), std::make_move_iterator(part.begin()),
                 std::make_move_iterator(part.end()));
    }
    start = comma + 1;
  }
  return out;
}

// Raw text in its language (--lang, default auto): token, UPOS, XPOS a
// line, \N \N for the tokens of a sentence without a tagging model; a
// contraction ("du") a line per word ("de", "le") with the contraction in a
// fourth field.
int tag_raw_text(CliModels& models, const runtime::LanguageRequest& request, std::string_view input,
                 const Options& options) {
  PooledPipeline pooled(options);
  runtime::DocumentPipeline& pipeline = pooled.get();
  runtime::LanguageOutcome outcome;
  runtime::tag_document(pipeline, input, request, models.source(), {}, outcome);
  const segment::Segmentation& seg = pipeline.segmentation();
  const std::vector<std::uint8_t>& tags = pipeline.tags();
  const std::vector<pos::ContractionTags>& contractions = pipeline.contractions();
  std::size_t next_contraction = 0;
  std::string out;
  for (std::size_t s = 0; s < seg.sentences.size(); ++s) {
    const segment::Sentence& sentence = seg.sentences[s];
    const pos::PosModel* model = models.pos_model(outcome.sentence_language(s));
    for (std::uint32_t t = sentence.first_token; t < sentence.first_token + sentence.token_count;
         ++t) {
      const std::string_view text = seg.tokens[t].span.text(input);
      if (next_contraction < contractions.size() && contractions[next_contraction].token == t) {
        // A contraction: a line per word, its surface in a fourth field.
        const pos::ContractionTags& c = contractions[next_contraction++];
        for (int k = 0; k < c.contraction->count; ++k) {
          write_tsv_field(out, c.contraction->words[k]);
          out += '\t';
          append_tags(out, *model, c.tags[k]);
          out += '\t';
          write_tsv_field(out, text);
          out += '\n';
        }
        continue;
      }
      write_tsv_field(out, text);
      out += '\t';
      if (model != nullptr && tags[t] != runtime::DocumentPipeline::kNotTagged)
        append_tags(out, *model, tags[t]);
      else out += "\\N\t\\N";
      out += '\n';
    }
    out += '\n';
    flush_output(out, false);
  }
  flush_output(out, true);
  return kOk;
}

// One token per line; a blank line (or one of only spaces and tabs) ends a
// sentence and is echoed, so the output has the input's line structure.
int tag_pretokenized(const pos::PosModel& model, std::string_view input) {
  if (const std::size_t bad = utf8::find_invalid(input); bad != utf8::kValid)
    throw InvalidUtf8Error(bad);
  pos::PosTagger tagger(model);
  std::vector<std::string_view> words;
  std::vector<std::uint8_t> tags;
  std::string out;
  auto finish_sentence = [&] {
    tagger.tag_sentence(words.data(), words.size(), tags);
    for (std::uint8_t cls : tags) {
      append_tags(out, model, cls);
      out += '\n';
    }
    words.clear();
    flush_output(out, false);
  };
  std::size_t pos = 0;
  while (pos < input.size()) {
    std::size_t eol = input.find('\n', pos);
    if (eol == std::string_view::npos) eol = input.size();
    std::string_view line(input.data() + pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      finish_sentence();
      out += '\n';
    } else {
      words.push_back(line);
    }
  }
  if (!words.empty()) {
    finish_sentence();
    out += '\n';
  }
  flush_output(out, true);
  return kOk;
}

}  // namespace

int run_tag(const Options& options) {
  CliModels models(options, lang::ModelKind::kPos);
  runtime::LanguageRequest request = models.request(options);
  const InputText input(options);
  if (!options.pretokenized) return tag_raw_text(models, request, input, options);
  if (request.automatic) {
    // Pretokenized input has no sentences to tell apart: one language,
    // detected on the whole input, which must have a model.
    const lang::Choice choice =
        runtime::choose_automatically(input, models.installed(), lang::ModelKind::kPos);
    if (choice.analyse.empty())
      throw ModelError(ModelError::kMissing,
                       "no part-of-speech model for the detected language \"" +
                           std::string(choice.detected.view()) + "\" (installed: " +
                           models.installed().list(lang::ModelKind::kPos) + ")");
    request = runtime::LanguageRequest::explicit_language(choice.analyse.view());
  }
  return tag_pretokenized(*models.pos_model(request.code), input);
}

int run_eval_tagger(const Options& options) {
  // --model, else the model of --lang (default en) where models are found.
  const std::string path = model_path(
      options, lang::model_file_name(lang::ModelKind::kPos, options.value("lang", "en")).c_str(),
      "tagger model");
  const auto model = pos::PosModel::load(path);
  auto sentences = read_treebanks(required(options, "dev"));
  if (const std::string k = options.value("split-dev"); !k.empty())
    sentences = train::split_every(std::move(sentences), std::stoi(k)).second;
  if (!options.value("raw").empty()) {
    // --raw yes: the dev files' "# text" segmented and tagged by textsense.
    if (options.value("raw") != "yes") throw std::invalid_argument("--raw takes yes");
    const std::string split = options.value("split-dev");
    const train::RawTextAccuracy raw = train::evaluate_raw_text(
        *model, train::read_file(required(options, "dev")), split.empty() ? 0 : std::stoi(split));
    std::printf(
        "model\t%s\nsentences\t%zu\nskipped_sentences\t%zu\ngold_words\t%zu\n"
        "predicted_words\t%zu\nwords_f1\t%.4f\nupos_f1\t%.4f\n",
        path.c_str(), raw.sentences, raw.skipped_sentences, raw.gold_words, raw.predicted_words,
        raw.words_f1(), raw.upos_f1());
    return kOk;
  }
  const auto start = std::chrono::steady_clock::now();
  const train::TaggerAccuracy acc = train::evaluate_tagger(*model, sentences);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "model\t%s\nwords\t%zu\nupos\t%.4f\nxpos\t%.4f\nunknown_words\t%zu\n"
      "unknown_upos\t%.4f\nwords_per_second\t%.0f\n",
      path.c_str(), acc.words, acc.upos(), acc.xpos(), acc.unknown_words, acc.unknown_upos(),
      double(acc.words) / seconds);
  return kOk;
}

int run_train_tagger(const Options& options) {
  train::TrainerOptions trainer;
  trainer.epochs = std::stoi(options.value("epochs", std::to_string(trainer.epochs)));
  trainer.seed = std::stoull(options.value("seed", std::to_string(trainer.seed)));
  trainer.vectors = options.value("vectors");
  trainer.word_classes = options.value("word-classes");
  trainer.language = options.value("lang", "en");
  trainer.vocabulary_min_count = std::stoi(
      options.value("vocabulary-min-count", std::to_string(trainer.vocabulary_min_count)));
  trainer.dictionary_min_count = std::stoi(
      options.value("dictionary-min-count", std::to_string(trainer.dictionary_min_count)));
  trainer.fold_min_count =
      std::stoi(options.value("fold-min-count", std::to_string(trainer.fold_min_count)));
  trainer.settled_min_count =
      std::stoi(options.value("settled-min-count", std::to_string(trainer.settled_min_count)));
  trainer.settled_min_share =
      std::stod(options.value("settled-min-share", std::to_string(trainer.settled_min_share)));
  if (!(trainer.settled_min_share > 0.5 && trainer.settled_min_share <= 1))  // NaN too
    throw std::invalid_argument("--settled-min-share takes a share above 0.5, at most 1");
  const std::string xpos = options.value("xpos", "yes");
  if (xpos != "yes" && xpos != "no") throw std::invalid_argument("--xpos takes yes or no");
  trainer.xpos = xpos == "yes";
  trainer.log = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  const std::string out_path = required(options, "out");
  // Without --train, --split-dev trains on the dev files alone.
  auto train_set = options.value("split-dev").empty() || !options.value("train").empty()
                       ? read_treebanks(required(options, "train"))
                       : std::vector<train::ConlluSentence>();
  auto dev_set = read_treebanks(required(options, "dev"));
  // --split-dev K: a language with dev splits only trains on them too,
  // keeping every K-th sentence (the 1st, the K+1th, ...) for choosing the
  // epoch and for its reported accuracy (eval-tagger --split-dev K reads
  // the same part).
  if (const std::string k = options.value("split-dev"); !k.empty()) {
    const auto [kept, held] = train::split_every(std::move(dev_set), std::stoi(k));
    train_set.insert(train_set.end(), kept.begin(), kept.end());
    dev_set = held;
  }
  const train::TrainingResult result = train::train_tagger(train_set, dev_set, trainer);
  const std::string image = pos::serialize(result.model);
  model::write_file_replacing(out_path, image);
  std::printf(
      "model\t%s\nbytes\t%zu\nbest_epoch\t%d\ndev_upos\t%.4f\ndev_xpos\t%.4f\n"
      "dev_unknown_upos\t%.4f\n",
      out_path.c_str(), image.size(), result.best_epoch, result.dev.upos(), result.dev.xpos(),
      result.dev.unknown_upos());
  return kOk;
}

}  // namespace textsense::cli
