#include "train/tagger_trainer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "core/common/hash.h"
#include "core/pos/features.h"

namespace textsense::train {
namespace {

using pos::ModelContents;

// splitmix64: a tiny PRNG whose output is the same on every platform
// (std::shuffle's algorithm is implementation-defined).
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
};

struct Example {
  std::vector<std::string_view> words;
  std::vector<int> labels;
};

// A vocabulary word and the keys of its role features (features.h).
struct FoldWord {
  std::uint64_t key;
  std::vector<std::uint64_t> role_keys[pos::kRoles];
};

// The averaged perceptron with sparse rows: a feature only stores the
// classes it was ever updated for. Averages are kept lazily (Collins 2002;
// the "timestamp" trick): total += w * (instances since the last change).
class Perceptron {
 public:
  explicit Perceptron(std::size_t classes) : classes_(classes) { index_.reserve(1 << 21); }

  void score(const std::uint64_t* keys, int count, float* scores) const {
    std::fill_n(scores, classes_, 0.0f);
    for (int k = 0; k < count; ++k) {
      const auto it = index_.find(keys[k]);
      if (it == index_.end()) continue;
      for (const Weight& w : rows_[it->second]) scores[w.cls] += w.value;
    }
  }

  void update(const std::uint64_t* keys, int count, int gold, int guess) {
    for (int k = 0; k < count; ++k) {
      auto [it, inserted] = index_.try_emplace(keys[k], static_cast<std::uint32_t>(rows_.size()));
      if (inserted) rows_.emplace_back();
      auto& row = rows_[it->second];
      change(row, gold, +1.0f);
      change(row, guess, -1.0f);
    }
  }

  void tick() { ++instances_; }

  // The averaged weights, quantised to int16 and pruned, and the folded
  // rows of `fold` (features.h): per word and role, the sums of the
  // quantised weights of its role features. One scale for both, chosen so
  // that the largest sum still fits in int16: the tagger then gets exactly
  // the scores the features would have given.
  void export_to(ModelContents& out, int prune_below, const std::vector<FoldWord>& fold) const {
    float max_abs = 0.0f;
    for (const auto& row : rows_)
      for (const Weight& w : row) max_abs = std::max(max_abs, std::fabs(average(w)));
    std::vector<float> sums(classes_);
    for (const FoldWord& word : fold)
      for (int role = 0; role < pos::kRoles; ++role) {
        std::fill(sums.begin(), sums.end(), 0.0f);
        for (std::uint64_t key : word.role_keys[role])
          if (const auto it = index_.find(key); it != index_.end())
            for (const Weight& w : rows_[it->second]) sums[w.cls] += average(w);
        for (float v : sums) max_abs = std::max(max_abs, std::fabs(v) * 1.02f);
      }
    const float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
    out.weight_scale = scale;
    auto quantised = [&](const Weight& w) -> long {
      const long q = std::lround(average(w) / scale);
      return std::labs(q) >= prune_below ? q : 0;
    };
    out.features.clear();
    for (const auto& [key, index] : index_) {
      ModelContents::Feature feature{key, {}};
      for (const Weight& w : rows_[index])
        if (const long q = quantised(w); q != 0)
          feature.weights.push_back({w.cls, 0, static_cast<std::int16_t>(q)});
      if (feature.weights.empty()) continue;
      std::sort(feature.weights.begin(), feature.weights.end(),
                [](const auto& a, const auto& b) { return a.cls < b.cls; });
      out.features.push_back(std::move(feature));
    }
    const std::size_t stride = pos::dense_stride(static_cast<std::uint32_t>(classes_));
    out.folded.clear();
    std::vector<long> row(stride);
    for (const FoldWord& word : fold) {
      std::vector<std::int16_t> rows(std::size_t(pos::kRoles) * stride, 0);
      for (int role = 0; role < pos::kRoles; ++role) {
        std::fill(row.begin(), row.end(), 0);
        for (std::uint64_t key : word.role_keys[role])
          if (const auto it = index_.find(key); it != index_.end())
            for (const Weight& w : rows_[it->second]) row[w.cls] += quantised(w);
        for (std::size_t c = 0; c < stride; ++c) {
          if (row[c] < -32767 || row[c] > 32767)
            throw std::logic_error("folded row overflows int16");
          rows[std::size_t(role) * stride + c] = static_cast<std::int16_t>(row[c]);
        }
      }
      out.folded.emplace_back(word.key, std::move(rows));
    }
  }

 private:
  struct Weight {
    std::uint8_t cls;
    float value;
    double total;
    std::uint64_t stamp;
  };

  float average(const Weight& w) const {
    const double total = w.total + double(instances_ - w.stamp) * w.value;
    return static_cast<float>(total / double(std::max<std::uint64_t>(instances_, 1)));
  }

  void change(std::vector<Weight>& row, int cls, float delta) {
    for (Weight& w : row) {
      if (w.cls == cls) {
        w.total += double(instances_ - w.stamp) * w.value;
        w.stamp = instances_;
        w.value += delta;
        return;
      }
    }
    row.push_back({static_cast<std::uint8_t>(cls), delta, 0.0, instances_});
  }

  std::size_t classes_;
  std::uint64_t instances_ = 0;
  std::unordered_map<std::uint64_t, std::uint32_t> index_;
  std::vector<std::vector<Weight>> rows_;
};

// Classes are (UPOS, XPOS) pairs, most frequent first (ties in the tagger
// go to the lower id).
std::vector<std::pair<std::string, std::string>> collect_classes(
    const std::vector<ConlluSentence>& train) {
  std::map<std::pair<std::string, std::string>, std::size_t> counts;
  for (const auto& s : train)
    for (const auto& w : s) ++counts[{w.upos, w.xpos}];
  std::vector<std::pair<std::pair<std::string, std::string>, std::size_t>> sorted(counts.begin(),
                                                                                  counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::pair<std::string, std::string>> classes;
  for (const auto& [pair, count] : sorted) classes.push_back(pair);
  if (classes.size() > 255) throw std::runtime_error("more than 255 (UPOS, XPOS) classes");
  return classes;
}

// The tag dictionary (word key -> ambiguity class) and the settled words
// (word key -> class: pos::WordEntry) of the training examples.
std::vector<std::pair<std::uint64_t, std::uint64_t>> build_dictionary(
    const std::vector<Example>& examples, std::size_t classes, const TrainerOptions& options,
    std::vector<std::pair<std::uint64_t, std::uint8_t>>& settled) {
  settled.clear();
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> counts;
  for (const Example& e : examples)
    for (std::size_t i = 0; i < e.words.size(); ++i) {
      auto& c = counts[pos::word_key(e.words[i])];
      if (c.empty()) c.assign(classes, 0);
      ++c[static_cast<std::size_t>(e.labels[i])];
    }
  std::vector<std::pair<std::uint64_t, std::uint64_t>> dictionary;
  for (const auto& [key, c] : counts) {
    std::uint32_t total = 0;
    for (std::uint32_t n : c) total += n;
    if (total < static_cast<std::uint32_t>(options.vocabulary_min_count)) continue;
    if (total < static_cast<std::uint32_t>(options.dictionary_min_count)) {
      dictionary.emplace_back(key, pos::kRareWord);
      continue;
    }
    std::uint64_t ambiguity = 0x7A9;
    for (std::size_t cls = 0; cls < classes; ++cls)
      if (c[cls] > 0 && c[cls] >= options.dictionary_min_share * total)
        ambiguity = hashing::combine(ambiguity, cls + 1);
    dictionary.emplace_back(key, ambiguity | 1);
    if (options.settled_min_count > 0 &&
        total >= static_cast<std::uint32_t>(options.settled_min_count)) {
      const auto top = std::max_element(c.begin(), c.end());
      if (*top >= options.settled_min_share * total)
        settled.emplace_back(key, static_cast<std::uint8_t>(top - c.begin()));
    }
  }
  std::sort(dictionary.begin(), dictionary.end());
  std::sort(settled.begin(), settled.end());
  return dictionary;
}

// UD's multi-word tokens of the training sentences that the tagger should
// split in raw text: a lower-case surface seen split at least twice, and
// more often split than as a word of its own ("des" in French is both),
// into its most frequent words.
std::vector<std::pair<std::string, std::vector<std::string>>> collect_contractions(
    const std::vector<ConlluSentence>& sentences) {
  std::map<std::string, std::map<std::vector<std::string>, int>> split;
  std::map<std::string, int> whole;
  std::string lower;
  for (const auto& s : sentences) {
    for (std::size_t i = 0; i < s.size();) {
      const ConlluWord& w = s[i];
      if (w.token_words < 2 || i + std::size_t(w.token_words) > s.size()) {
        pos::normalize(w.form, lower);
        ++whole[lower];
        ++i;
        continue;
      }
      std::vector<std::string> words;
      for (int k = 0; k < w.token_words; ++k) {
        pos::normalize(s[i + std::size_t(k)].form, lower);
        words.push_back(lower);
      }
      pos::normalize(w.token_form, lower);
      ++split[lower][words];
      i += std::size_t(w.token_words);
    }
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const auto& [surface, expansions] : split) {
    if (surface.find_first_of(" \t\n") != std::string::npos) continue;
    int total = 0, best_count = 0;
    const std::vector<std::string>* best = nullptr;
    for (const auto& [words, n] : expansions) {
      total += n;
      if (n > best_count) best_count = n, best = &words;
    }
    const auto it = whole.find(surface);
    const int alone = it == whole.end() ? 0 : it->second;
    if (total < 2 || total <= alone || best->size() > std::size_t(pos::kMaxContractionWords))
      continue;
    bool clean = true;
    for (const std::string& word : *best)
      clean &= !word.empty() && word.find_first_of(" \t\n") == std::string::npos;
    if (clean) out.emplace_back(surface, *best);
  }
  return out;
}

}  // namespace

TrainingResult train_tagger(const std::vector<ConlluSentence>& train_sentences,
                            const std::vector<ConlluSentence>& dev, const TrainerOptions& options) {
  std::vector<ConlluSentence> upos_only;
  if (!options.xpos) {
    upos_only = train_sentences;
    for (auto& s : upos_only)
      for (auto& w : s) w.xpos = "_";
  }
  const std::vector<ConlluSentence>& train = options.xpos ? train_sentences : upos_only;
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  ModelContents contents;
  contents.language = options.language;
  contents.classes = collect_classes(train);
  std::map<std::pair<std::string, std::string>, int> class_id;
  for (std::size_t i = 0; i < contents.classes.size(); ++i)
    class_id[contents.classes[i]] = static_cast<int>(i);

  std::vector<Example> examples(train.size());
  for (std::size_t s = 0; s < train.size(); ++s)
    for (const ConlluWord& w : train[s]) {
      examples[s].words.push_back(w.form);
      examples[s].labels.push_back(class_id.at({w.upos, w.xpos}));
    }
  contents.word_classes =
      build_dictionary(examples, contents.classes.size(), options, contents.settled);
  contents.contractions = collect_contractions(train);
  if (!options.vectors.empty() && !options.word_classes.empty())
    throw std::invalid_argument("word vectors and word classes fill the same levels: give one");
  if (!options.vectors.empty())
    contents.word_clusters = cluster_word_vectors(options.vectors, options.clusters);
  if (!options.word_classes.empty())
    contents.word_clusters = read_word_classes(options.word_classes);
  log("classes: " + std::to_string(contents.classes.size()) +
      ", dictionary words: " + std::to_string(contents.word_classes.size()) +
      ", clustered words: " + std::to_string(contents.word_clusters.size()) +
      ", contractions: " + std::to_string(contents.contractions.size()) +
      ", settled words: " + std::to_string(contents.settled.size()));

  // The extractor reads the dictionary in its model-file layout.
  const std::string dictionary_image = pos::serialize(contents);
  const auto dictionary_model = pos::PosModel::from_bytes(dictionary_image);
  pos::FeatureExtractor extractor(dictionary_model->word_classes());

  // The words of the vocabulary seen at least fold_min_count times get
  // folded rows.
  std::vector<FoldWord> fold;
  {
    struct Form {
      std::string_view first;
      int count = 0;
    };
    std::unordered_map<std::uint64_t, Form> forms;
    for (const Example& e : examples)
      for (std::string_view w : e.words) {
        Form& f = forms[pos::word_key(w)];
        if (f.count++ == 0) f.first = w;
      }
    std::vector<pos::TokenHashes> one;
    std::uint64_t keys[pos::kMaxRoleFeatures];
    for (const auto& [key, ambiguity] : contents.word_classes) {
      const auto it = forms.find(key);
      if (it == forms.end() || it->second.count < options.fold_min_count) continue;
      extractor.prepare(&it->second.first, 1, one);
      FoldWord word{key, {}};
      for (int role = 0; role < pos::kRoles; ++role) {
        const int k = pos::FeatureExtractor::role_features(one[0], role, keys);
        word.role_keys[role].assign(keys, keys + k);
      }
      fold.push_back(std::move(word));
    }
  }

  const std::size_t classes = contents.classes.size();
  Perceptron perceptron(classes);
  Random random{options.seed};
  std::vector<std::size_t> order(examples.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<pos::TokenHashes> hashes;
  std::vector<float> scores(classes);
  std::uint64_t keys[pos::kMaxStaticFeatures + pos::kMaxHistoryFeatures];

  TrainingResult result;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (std::size_t i = order.size(); i > 1; --i)
      std::swap(order[i - 1], order[random.next() % i]);
    std::size_t correct = 0, total = 0;
    for (std::size_t s : order) {
      const Example& e = examples[s];
      const std::size_t n = e.words.size();
      extractor.prepare(e.words.data(), n, hashes);
      int prev1 = -1, prev2 = -1;
      for (std::size_t i = 0; i < n; ++i) {
        int k = extractor.static_features(hashes.data(), n, i, keys);
        k += extractor.history_features(hashes.data(), n, i, prev1, prev2, keys + k);
        perceptron.score(keys, k, scores.data());
        const int guess =
            static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        const int gold = e.labels[i];
        if (guess != gold) perceptron.update(keys, k, gold, guess);
        perceptron.tick();
        correct += guess == gold;
        ++total;
        prev2 = prev1;
        prev1 = guess;
      }
    }
    ModelContents candidate = contents;
    perceptron.export_to(candidate, options.prune_below, fold);
    const auto model = pos::PosModel::from_bytes(pos::serialize(candidate));
    const TaggerAccuracy acc = evaluate_tagger(*model, dev);
    char line[200];
    std::snprintf(line, sizeof line,
                  "epoch %2d  train %.4f  dev UPOS %.4f  XPOS %.4f  unknown UPOS %.4f  "
                  "features %zu  weights %zu",
                  epoch, double(correct) / double(total), acc.upos(), acc.xpos(),
                  acc.unknown_upos(), model->feature_count(), model->entry_count());
    log(line);
    if (result.best_epoch == 0 || acc.upos() + acc.xpos() > result.dev.upos() + result.dev.xpos()) {
      result.best_epoch = epoch;
      result.dev = acc;
      result.model = std::move(candidate);
    }
  }
  return result;
}

}  // namespace textsense::train
