#include "train/conllu.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace textsense::train {

std::vector<ConlluSentence> parse_conllu(const std::string& text) {
  std::vector<ConlluSentence> sentences;
  ConlluSentence current;
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string_view line(text.data() + pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!current.empty()) sentences.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (line[0] == '#') continue;
    std::string_view fields[10];
    int n = 0;
    for (std::size_t start = 0; n < 10;) {
      const std::size_t tab = line.find('\t', start);
      fields[n++] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (n != 10)
      throw std::runtime_error("CoNLL-U line " + std::to_string(line_number) + ": expected 10 fields");
    if (fields[0].find_first_of("-.") != std::string_view::npos) continue;
    current.push_back({std::string(fields[1]), std::string(fields[3]), std::string(fields[4])});
  }
  if (!current.empty()) sentences.push_back(std::move(current));
  return sentences;
}

std::string read_file(const std::string& path) {
  auto ends_with = [&](const char* suffix) {
    const std::size_t n = std::char_traits<char>::length(suffix);
    return path.size() > n && path.compare(path.size() - n, n, suffix) == 0;
  };
  if (ends_with(".xz") || ends_with(".gz")) {
    const char* tool = ends_with(".xz") ? "xz" : "gzip";
    std::ifstream probe(path);
    if (!probe) throw std::runtime_error("cannot open " + path);
    FILE* pipe = popen((std::string(tool) + " -dc '" + path + "'").c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error(std::string("cannot run ") + tool + " for " + path);
    std::string out;
    char buffer[1 << 16];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    if (pclose(pipe) != 0) throw std::runtime_error(std::string(tool) + " failed on " + path);
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace textsense::train
