#include "train/conllu.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "train/text_lines.h"

namespace textsense::train {

std::vector<ConlluSentence> parse_conllu(const std::string& text) {
  std::vector<ConlluSentence> sentences;
  ConlluSentence current;
  std::string pending_form;  // a multi-word token waiting for its first word
  int pending_words = 0;
  for_each_line(text, [&](std::string_view line, std::size_t line_number) {
    if (line.empty()) {
      if (!current.empty()) sentences.push_back(std::move(current));
      current.clear();
      return;
    }
    if (line[0] == '#') return;
    std::string_view fields[10];
    const std::size_t n = split_tabs(line, fields, 10);
    if (n != 10)
      throw std::runtime_error("CoNLL-U line " + std::to_string(line_number) +
                               ": expected 10 fields");
    if (fields[0].find('.') != std::string_view::npos) return;
    if (const std::size_t dash = fields[0].find('-'); dash != std::string_view::npos) {
      const int first = std::atoi(std::string(fields[0].substr(0, dash)).c_str());
      const int last = std::atoi(std::string(fields[0].substr(dash + 1)).c_str());
      if (first < 1 || last <= first)
        throw std::runtime_error("CoNLL-U line " + std::to_string(line_number) +
                                 ": bad token range");
      pending_form = std::string(fields[1]);
      pending_words = last - first + 1;
      return;
    }
    current.push_back({std::string(fields[1]), std::string(fields[3]), std::string(fields[4]),
                       std::move(pending_form), pending_words});
    pending_form.clear();
    pending_words = 0;
  });
  if (!current.empty()) sentences.push_back(std::move(current));
  return sentences;
}

std::pair<std::vector<ConlluSentence>, std::vector<ConlluSentence>> split_every(
    std::vector<ConlluSentence> sentences, int k) {
  if (k < 2) throw std::invalid_argument("split every k-th sentence needs k >= 2");
  std::pair<std::vector<ConlluSentence>, std::vector<ConlluSentence>> out;
  for (std::size_t i = 0; i < sentences.size(); ++i)
    (i % std::size_t(k) == 0 ? out.second : out.first).push_back(std::move(sentences[i]));
  return out;
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
    if (pipe == nullptr)
      throw std::runtime_error(std::string("cannot run ") + tool + " for " + path);
    std::string out;
    char buffer[1 << 16];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
      out.append(buffer, n);
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
