#include "train/word_classes.h"

#include <array>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/pos/features.h"
#include "train/conllu.h"

namespace textsense::train {

std::vector<std::pair<std::uint64_t, std::uint32_t>> read_word_classes(const std::string& path) {
  const std::string text = read_file(path);
  std::array<std::unordered_map<std::string, std::uint32_t>, pos::kClusterLevels> ids;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> out;
  std::unordered_set<std::uint64_t> seen;
  std::size_t pos = 0, line_number = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string_view line(text.data() + pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    std::array<std::string_view, 1 + pos::kClusterLevels> field;
    std::size_t count = 0;
    while (count < field.size()) {
      const std::size_t tab = line.find('\t');
      field[count++] = line.substr(0, tab);
      if (tab == std::string_view::npos) {
        line = {};
        break;
      }
      line.remove_prefix(tab + 1);
    }
    if (count != field.size() || !line.empty() || field[0].empty())
      throw std::runtime_error(path + ":" + std::to_string(line_number) + ": expected a word and " +
                               std::to_string(pos::kClusterLevels) + " class names, tab-separated");
    const std::uint64_t key = pos::word_key(field[0]);
    if (!seen.insert(key).second) continue;
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
  }
  return out;
}

}  // namespace textsense::train
