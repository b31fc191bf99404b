#include "train/word_clusters.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <string_view>
#include <unordered_set>

#include "core/pos/features.h"
#include "train/conllu.h"

namespace textsense::train {
namespace {

struct Vectors {
  std::vector<std::string> words;
  std::vector<float> data;  // words.size() x dims, unit length
  int dims = 0;
  const float* row(std::size_t i) const { return data.data() + i * std::size_t(dims); }
};

Vectors read_vectors(const std::string& path) {
  const std::string text = read_file(path);
  Vectors v;
  std::size_t pos = text.find('\n');
  if (pos == std::string::npos) throw std::runtime_error(path + ": not a word2vec text file");
  {
    const std::string header = text.substr(0, pos);
    const std::size_t space = header.find(' ');
    if (space == std::string::npos) throw std::runtime_error(path + ": bad header line");
    v.dims = std::atoi(header.c_str() + space + 1);
    if (v.dims <= 0 || v.dims > 4096) throw std::runtime_error(path + ": bad dimension count");
  }
  ++pos;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    const std::string_view line(text.data() + pos, eol - pos);
    pos = eol + 1;
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos || space == 0) continue;
    v.words.emplace_back(line.substr(0, space));
    const char* p = line.data() + space;
    const char* end = line.data() + line.size();
    double norm = 0;
    const std::size_t base = v.data.size();
    for (int d = 0; d < v.dims; ++d) {
      char* next = nullptr;
      const float x = std::strtof(p, &next);
      if (next == p || next > end)
        throw std::runtime_error(path + ": short vector for " + v.words.back());
      p = next;
      v.data.push_back(x);
      norm += double(x) * x;
    }
    const float scale = norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
    for (int d = 0; d < v.dims; ++d) v.data[base + std::size_t(d)] *= scale;
  }
  return v;
}

float dot(const float* a, const float* b, int n) {
  float s = 0;
  for (int i = 0; i < n; ++i) s += a[i] * b[i];
  return s;
}

// Spherical k-means of `count` points (weights optional) into k clusters;
// returns each point's cluster and leaves the centroids in `centroids`.
std::vector<int> kmeans(const float* points, const std::vector<double>& weights, std::size_t count,
                        int dims, int k, int iterations, std::uint64_t seed,
                        std::vector<float>& centroids) {
  if (count < std::size_t(k)) throw std::runtime_error("fewer vectors than clusters");
  // Seeded distinct starting points (splitmix64).
  std::uint64_t state = seed;
  auto next = [&] {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  };
  std::unordered_set<std::size_t> chosen;
  centroids.assign(std::size_t(k) * dims, 0.0f);
  for (int c = 0; c < k;) {
    const std::size_t i = next() % count;
    if (!chosen.insert(i).second) continue;
    std::copy(points + i * dims, points + (i + 1) * dims,
              centroids.begin() + std::size_t(c) * dims);
    ++c;
  }
  std::vector<int> assignment(count, -1);
  std::vector<double> sums(std::size_t(k) * dims);
  for (int it = 0; it < iterations; ++it) {
    bool changed = false;
    for (std::size_t i = 0; i < count; ++i) {
      int best = 0;
      float best_score = -2.0f;
      for (int c = 0; c < k; ++c) {
        const float s = dot(points + i * dims, centroids.data() + std::size_t(c) * dims, dims);
        if (s > best_score) best_score = s, best = c;
      }
      changed |= assignment[i] != best;
      assignment[i] = best;
    }
    if (!changed) break;
    std::fill(sums.begin(), sums.end(), 0.0);
    for (std::size_t i = 0; i < count; ++i) {
      const double w = weights.empty() ? 1.0 : weights[i];
      for (int d = 0; d < dims; ++d)
        sums[std::size_t(assignment[i]) * dims + d] += w * points[i * dims + d];
    }
    for (int c = 0; c < k; ++c) {
      double norm = 0;
      for (int d = 0; d < dims; ++d)
        norm += sums[std::size_t(c) * dims + d] * sums[std::size_t(c) * dims + d];
      if (norm == 0) continue;  // an empty cluster keeps its centroid
      for (int d = 0; d < dims; ++d)
        centroids[std::size_t(c) * dims + d] =
            static_cast<float>(sums[std::size_t(c) * dims + d] / std::sqrt(norm));
    }
  }
  return assignment;
}

}  // namespace

std::vector<std::pair<std::uint64_t, std::uint32_t>> cluster_word_vectors(
    const std::string& path, const ClusterOptions& options) {
  if (options.levels.size() != std::size_t(pos::kClusterLevels))
    throw std::invalid_argument("cluster levels must number pos::kClusterLevels");
  for (int level = 0; level < pos::kClusterLevels; ++level) {
    const int k = options.levels[std::size_t(level)];
    const int most = (1 << pos::kClusterBits[level]) - 1;  // id + 1 must fit its bits
    if (k < 2 || k > most)
      throw std::invalid_argument("cluster level " + std::to_string(level) + " needs 2.." +
                                  std::to_string(most) + " clusters");
  }
  const Vectors v = read_vectors(path);
  const int dims = v.dims;
  const int levels = pos::kClusterLevels;

  // The finest level on the words, each coarser level on the centroids of
  // the level below (weighted by their sizes), so that levels nest.
  std::vector<std::vector<int>> word_cluster(levels);
  std::vector<float> centroids;
  word_cluster[levels - 1] =
      kmeans(v.data.data(), {}, v.words.size(), dims, options.levels[levels - 1],
             options.iterations, options.seed, centroids);
  for (int level = levels - 2; level >= 0; --level) {
    const int below = options.levels[level + 1];
    std::vector<double> sizes(below, 0.0);
    for (int c : word_cluster[level + 1]) sizes[c] += 1.0;
    std::vector<float> coarse;
    const std::vector<int> parent =
        kmeans(centroids.data(), sizes, below, dims, options.levels[level], options.iterations * 4,
               options.seed + level + 1, coarse);
    word_cluster[level].resize(v.words.size());
    for (std::size_t i = 0; i < v.words.size(); ++i)
      word_cluster[level][i] = parent[word_cluster[level + 1][i]];
    centroids = std::move(coarse);
  }

  std::vector<std::pair<std::uint64_t, std::uint32_t>> out;
  std::unordered_set<std::uint64_t> seen;
  for (std::size_t i = 0; i < v.words.size(); ++i) {
    const std::uint64_t key = pos::word_key(v.words[i]);
    if (!seen.insert(key).second) continue;
    std::uint32_t packed = 0;
    for (int level = 0; level < levels; ++level)
      packed |= std::uint32_t(word_cluster[level][i] + 1) << pos::kClusterShift[level];
    out.emplace_back(key, packed);
  }
  return out;
}

}  // namespace textsense::train
