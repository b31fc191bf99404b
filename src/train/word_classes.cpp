#include "train/word_classes.h"

#include <array>
#include <iterator>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/pos/features.h"
#include "train/conllu.h"
#include "train/text_lines.h"

namespace textsense::train {

std::vector<std::pair<std::uint64_t, std::uint32_t>> read_word_classes(const std::string& path) {
  const std::string text = read_file(path);
  std::array<std::unordered_map<std::string, std::uint32_t>, pos::kClusterLevels> ids;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> out;
  std::unordered_set<std::uint64_t> seen;
  for_each_line(text, [&](std::string_view line, std::size_t line_number) {
    if (line.empty()) return;
    std::string_view field[1 + pos::kClusterLevels];
    if (split_tabs(line, field, std::size(field)) != std::size(field) || field[0].empty())
      throw std::runtime_error(path + ":" + std::to_string(line_number) + ": expected a word and " +
                               std::to_string(pos::kClusterLevels) + " class names, tab-separated");
    const std::uint64_t key = pos::word_key(field[0]);
    if (!seen.insert(key).second) return;
    std::uint32_t packed = 0;
    for (int level = 0; level < pos::kClusterLevels; ++level) {
      auto& level_ids = ids[std::size_t(level)];
      const auto [it, added] = level_ids.emplace(std::string(field[std::size_t(level) + 1]),
                                                 static_cast<std::uint32_t>(level_ids.size() + 1));
      if (added && it->second >= (1u << pos::kClusterBits[level]))
        throw std::runtime_error(path + ": class level " + std::to_string(level) +
                                 " has more than " +
                                 std::to_string((1u << pos::kClusterBits[level]) - 1) + " names");
      packed |= it->second << pos::kClusterShift[level];
    }
    out.emplace_back(key, packed);
  });
  return out;
}

}  // namespace textsense::train
