// Evaluates textsense::langid::Detector on the development data of
// ../shared/data (README.md there: dev files are for measuring and tuning
// only; nothing of them may ship). For en de es fr it pt nl ru ar zh ja:
//   sentences  whole sentences: the "# text = " lines of the UD dev
//              treebanks; for ar and it (no open UD treebank) the XED dev
//              sample (text before the tab) plus the tweets' val_text.txt;
//   2 words    the first two whitespace-separated words of each of those
//              sentences (the first four characters for zh and ja);
//   tweets     tweets_multilingual/<language>/val_text.txt (ar en fr de it pt es).
// Prints accuracy per language, macro averages, the same for CLD2 alone
// (best-effort mode, codes normalised) and detect() throughput on
// paragraphs of about 600 bytes.
//
//   langid_eval [DATA_DIR] [--errors LANG SET [N]]
// DATA_DIR defaults to ../shared/data. --errors prints up to N (20)
// misclassified items of one language and set (sentences|words|tweets).
#include <cctype>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core/langid/cld2_adapter.h"
#include "core/langid/fast_path.h"
#include "core/langid/language_detector.h"

namespace {

using textsense::langid::Detector;

struct Language {
  std::string code;
  std::vector<std::string> ud_files;    // relative to the data dir
  std::vector<std::string> xed_files;   // text before the tab
  std::vector<std::string> line_files;  // one sentence per line
  std::string tweets;                   // empty: no tweet set
  bool cjk = false;
};

const std::vector<Language>& languages() {
  static const std::vector<Language> kLanguages = {
      {"en", {"ud/en_ewt/en_ewt-ud-dev.conllu"}, {}, {}, "english", false},
      {"de", {"ud/de_gsd/de_gsd-ud-dev.conllu"}, {}, {}, "german", false},
      {"es", {"ud/es_gsd/es_gsd-ud-dev.conllu"}, {}, {}, "spanish", false},
      {"fr", {"ud/fr_gsd/fr_gsd-ud-dev.conllu"}, {}, {}, "french", false},
      {"it",
       {},
       {"sentiment_dev/xed_dev/it-projections.tsv"},
       {"sentiment_dev/tweets_multilingual/italian/val_text.txt"},
       "italian",
       false},
      {"pt", {"ud/pt_bosque/pt_bosque-ud-dev.conllu"}, {}, {}, "portuguese", false},
      {"nl", {"ud/nl_alpino/nl_alpino-ud-dev.conllu"}, {}, {}, "", false},
      {"ru", {"ud/ru_gsd/ru_gsd-ud-dev.conllu"}, {}, {}, "", false},
      {"ar",
       {},
       {"sentiment_dev/xed_dev/ar-projections.tsv"},
       {"sentiment_dev/tweets_multilingual/arabic/val_text.txt"},
       "arabic",
       false},
      {"zh", {"ud/zh_gsdsimp/zh_gsdsimp-ud-dev.conllu"}, {}, {}, "", true},
      {"ja", {"ud/ja_gsd/ja_gsd-ud-dev.conllu"}, {}, {}, "", true},
  };
  return kLanguages;
}

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(2);
  }
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

std::vector<std::string> load_sentences(const std::string& dir, const Language& lang) {
  std::vector<std::string> out;
  for (const std::string& f : lang.ud_files)
    for (const std::string& line : read_lines(dir + "/" + f))
      if (line.rfind("# text = ", 0) == 0) out.push_back(line.substr(9));
  for (const std::string& f : lang.xed_files)
    for (const std::string& line : read_lines(dir + "/" + f)) {
      const std::string text = line.substr(0, line.find('\t'));
      if (!blank(text)) out.push_back(text);
    }
  for (const std::string& f : lang.line_files)
    for (const std::string& line : read_lines(dir + "/" + f))
      if (!blank(line)) out.push_back(line);
  return out;
}

// First two whitespace-separated words, or the first four characters
// (code points, after leading spaces) for Chinese and Japanese.
std::string prefix(const std::string& s, bool cjk) {
  std::size_t i = s.find_first_not_of(" \t");
  if (i == std::string::npos) return {};
  if (cjk) {
    std::size_t begin = i;
    int chars = 0;
    while (i < s.size() && chars < 4) {
      ++i;
      while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
      ++chars;
    }
    return s.substr(begin, i - begin);
  }
  const std::size_t begin = i;
  for (int word = 0; word < 2 && i < s.size(); ++word) {
    i = s.find_first_not_of(" \t", i);
    if (i == std::string::npos) break;
    i = s.find_first_of(" \t", i);
    if (i == std::string::npos) i = s.size();
  }
  return s.substr(begin, i - begin);
}

// True when `s` has a letter outside URLs, e-mail addresses, @mentions and
// Twitter's "RT" marker
// (ICU's u_isalpha, independent of the detector). Items without one have no
// language: the detector must return "" for them, and they are left out of
// the accuracy (and counted in the "no-letter" column).
bool has_letters(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const std::size_t begin = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    const std::string token = s.substr(begin, i - begin);
    if (token.find("://") != std::string::npos || token.rfind("www.", 0) == 0 ||
        token.find('@') != std::string::npos || token == "RT" || token == "RT:")
      continue;
    std::int32_t j = 0;
    const auto length = static_cast<std::int32_t>(token.size());
    while (j < length) {
      UChar32 c;
      U8_NEXT(token.data(), j, length, c);
      if (c >= 0 && u_isalpha(c)) return true;
    }
  }
  return false;
}

using Classifier = std::function<std::string(const std::string&)>;

struct Score {
  int right = 0;
  int total = 0;
  int no_letters = 0;  // left out of total; `detector_said` counts those not answered ""
  int no_letters_answered = 0;
  double percent() const { return total ? 100.0 * right / total : 0; }
};

Score score(const std::vector<std::string>& items, const std::string& want, const Classifier& f,
            int print_errors = 0) {
  Score s;
  for (const std::string& item : items) {
    const std::string got = f(item);
    if (!has_letters(item)) {
      ++s.no_letters;
      if (!got.empty()) ++s.no_letters_answered;
      continue;
    }
    ++s.total;
    if (got == want) {
      ++s.right;
    } else if (print_errors > 0) {
      --print_errors;
      std::cout << "  [" << (got.empty() ? "-" : got) << "] " << item << "\n";
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = "../shared/data";
  std::string error_lang, error_set;
  int error_count = 20;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--errors" && i + 2 < argc) {
      error_lang = argv[++i];
      error_set = argv[++i];
      if (i + 1 < argc && std::isdigit(static_cast<unsigned char>(argv[i + 1][0])))
        error_count = std::atoi(argv[++i]);
    } else {
      dir = arg;
    }
  }

  const Detector detector;
  const Classifier ours = [&](const std::string& t) { return detector.detect(t).lang; };
  const Classifier cld2 = [](const std::string& t) {
    const auto r = textsense::langid::run_cld2(t, textsense::langid::CldMode::kBestEffort);
    return r.count > 0 ? std::string(r.top[0].code) : std::string();
  };

  struct Row {
    std::string code;
    Score sentences, words, tweets, cld_sentences, cld_words, cld_tweets;
    // The automatic choice's short cut (runtime/multilingual.cpp): items
    // with nothing against English, and of those the ones detect() puts
    // reliably in another language (which the short cut scores as English).
    int items = 0, quiet = 0, quiet_but_other = 0;
    int sentence_items = 0, sentence_quiet_but_other = 0;  // whole sentences only
  };
  std::vector<Row> rows;
  std::vector<std::string> paragraphs;
  for (const Language& lang : languages()) {
    Row row{lang.code, {}, {}, {}, {}, {}, {}, 0, 0, 0, 0, 0};
    const std::vector<std::string> sentences = load_sentences(dir, lang);
    std::vector<std::string> prefixes;
    for (const std::string& s : sentences) prefixes.push_back(prefix(s, lang.cjk));
    std::vector<std::string> tweets;
    if (!lang.tweets.empty())
      for (const std::string& line :
           read_lines(dir + "/sentiment_dev/tweets_multilingual/" + lang.tweets + "/val_text.txt"))
        if (!blank(line)) tweets.push_back(line);

    auto errors_for = [&](const char* set) {
      return error_lang == lang.code && error_set == set ? error_count : 0;
    };
    row.sentences = score(sentences, lang.code, ours, errors_for("sentences"));
    row.words = score(prefixes, lang.code, ours, errors_for("words"));
    row.cld_sentences = score(sentences, lang.code, cld2);
    row.cld_words = score(prefixes, lang.code, cld2);
    if (!tweets.empty()) {
      row.tweets = score(tweets, lang.code, ours, errors_for("tweets"));
      row.cld_tweets = score(tweets, lang.code, cld2);
    }
    const std::vector<std::string>* const sets[] = {&sentences, &prefixes, &tweets};
    for (const std::vector<std::string>* set : sets) {
      for (const std::string& item : *set) {
        ++row.items;
        if (set == &sentences) ++row.sentence_items;
        const textsense::langid::FunctionWordScan scan =
            textsense::langid::scan_function_words(item);
        if (!scan.decisive().empty() || !scan.nothing_against(textsense::langid::kEn)) continue;
        ++row.quiet;
        const textsense::langid::Guess g = detector.detect(item);
        const bool other = g.reliable && !g.lang.empty() && g.lang != "en";
        row.quiet_but_other += other;
        if (set == &sentences) row.sentence_quiet_but_other += other;
      }
    }
    rows.push_back(row);

    // Paragraphs of consecutive sentences, about 600 bytes each.
    std::string paragraph;
    for (const std::string& s : sentences) {
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += s;
      if (paragraph.size() >= 600) {
        paragraphs.push_back(paragraph);
        paragraph.clear();
      }
    }
  }

  std::printf("\n%-5s %13s | %9s %9s %9s | %9s %9s %9s\n", "lang", "n (no-letter)", "sentences",
              "2 words", "tweets", "CLD2 sent", "CLD2 2w", "CLD2 tw");
  double sum[6] = {};
  int no_letter_items = 0, no_letter_answered = 0;
  int tweet_languages = 0;
  for (const Row& r : rows) {
    const bool has_tweets = r.tweets.total > 0;
    char tw[16] = "        -", ctw[16] = "        -";
    if (has_tweets) {
      std::snprintf(tw, sizeof tw, "%8.1f%%", r.tweets.percent());
      std::snprintf(ctw, sizeof ctw, "%8.1f%%", r.cld_tweets.percent());
      ++tweet_languages;
      sum[2] += r.tweets.percent();
      sum[5] += r.cld_tweets.percent();
    }
    char counts[32];
    std::snprintf(counts, sizeof counts, "%d (%d/%d/%d)", r.sentences.total, r.sentences.no_letters,
                  r.words.no_letters, r.tweets.no_letters);
    no_letter_items += r.sentences.no_letters + r.words.no_letters + r.tweets.no_letters;
    no_letter_answered += r.sentences.no_letters_answered + r.words.no_letters_answered +
                          r.tweets.no_letters_answered;
    std::printf("%-5s %13s | %8.1f%% %8.1f%% %9s | %8.1f%% %8.1f%% %9s\n", r.code.c_str(), counts,
                r.sentences.percent(), r.words.percent(), tw, r.cld_sentences.percent(),
                r.cld_words.percent(), ctw);
    sum[0] += r.sentences.percent();
    sum[1] += r.words.percent();
    sum[3] += r.cld_sentences.percent();
    sum[4] += r.cld_words.percent();
  }
  const double n = static_cast<double>(rows.size());
  std::printf("%-5s %13s | %8.2f%% %8.2f%% %8.2f%% | %8.2f%% %8.2f%% %8.2f%%\n", "macro", "",
              sum[0] / n, sum[1] / n, sum[2] / tweet_languages, sum[3] / n, sum[4] / n,
              sum[5] / tweet_languages);
  // The same macro averages with the no-letter items counted as misses.
  double strict[3] = {};
  for (const Row& r : rows) {
    auto with_misses = [](const Score& s) {
      const int all = s.total + s.no_letters;
      return all ? 100.0 * s.right / all : 0.0;
    };
    strict[0] += with_misses(r.sentences);
    strict[1] += with_misses(r.words);
    if (r.tweets.total > 0) strict[2] += with_misses(r.tweets);
  }
  std::printf("%-5s %13s | %8.2f%% %8.2f%% %8.2f%%   (no-letter items counted as misses)\n",
              "macro", "", strict[0] / n, strict[1] / n, strict[2] / tweet_languages);
  std::printf(
      "no-letter items (sentences/2 words/tweets, excluded above): %d, of which the "
      "detector answered a language for %d\n",
      no_letter_items, no_letter_answered);

  std::printf(
      "\nthe automatic choice's short cut (no evidence against English: English "
      "without detection):\n%-5s %8s %8s %s\n",
      "lang", "items", "quiet", "quiet, detected reliably as another language");
  for (const Row& r : rows)
    std::printf("%-5s %8d %8d %d (%.2f %% of the items; of the whole sentences %.2f %%)\n",
                r.code.c_str(), r.items, r.quiet, r.quiet_but_other,
                r.items ? 100.0 * r.quiet_but_other / r.items : 0.0,
                r.sentence_items ? 100.0 * r.sentence_quiet_but_other / r.sentence_items : 0.0);

  // Throughput on the paragraphs, one thread, at least 2 s each, in CPU
  // time of this process (std::clock) so that other load on a shared
  // machine counts less; detect() and, for scale, CLD2 alone.
  std::size_t paragraph_bytes = 0;
  for (const std::string& p : paragraphs) paragraph_bytes += p.size();
  auto throughput = [&](const Classifier& f) {
    std::size_t bytes = 0, checksum = 0;
    const std::clock_t start = std::clock();
    double seconds = 0;
    do {
      for (const std::string& p : paragraphs) {
        checksum += f(p).size();
        bytes += p.size();
      }
      seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    } while (seconds < 2.0);
    return bytes / seconds / 1e6 + 0 * static_cast<double>(checksum);
  };
  const double ours_mbs = throughput(ours);
  const double cld2_mbs = throughput(cld2);
  std::printf(
      "\nthroughput on %zu paragraphs (avg %zu bytes), CPU time, one thread: "
      "detect() %.1f MB/s, CLD2 alone %.1f MB/s\n",
      paragraphs.size(), paragraphs.empty() ? 0 : paragraph_bytes / paragraphs.size(), ours_mbs,
      cld2_mbs);
  return 0;
}
