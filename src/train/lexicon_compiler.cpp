#include "train/lexicon_compiler.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "core/segment/segmenter.h"
#include "core/sentiment/text.h"

namespace textsense::train {
namespace {

using sentiment::LexiconEntry;

// Source indexes in the model's source table (LexiconEntry::source).
enum SourceId : std::uint8_t {
  kRules, kVader, kVaderEmoji, kAfinn, kPattern, kEmojiRanking, kVaderAfinn, kSourceCount
};
const char* const kSourceNames[kSourceCount] = {
    "textsense_rules", "vader", "vader_emoji", "afinn", "pattern", "emoji_sentiment_ranking",
    "vader+afinn"};
const char* const kSourceLicences[kSourceCount] = {
    "PostgreSQL License", "MIT", "MIT", "Apache-2.0", "PDDL", "CC BY-SA 4.0", "MIT, Apache-2.0"};

constexpr double kAbsent = std::numeric_limits<double>::quiet_NaN();

struct Build {
  std::string text;
  double value[kSourceCount];
  std::uint16_t flags = 0;
  float boost = 0;
  std::uint8_t max_phrase_tokens = 0;
  std::size_t tokens = 1;
  bool neutral = false;
  Build() {
    for (double& v : value) v = kAbsent;
  }
};

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, sep)) fields.push_back(field);
  return fields;
}

double parse_number(const std::string& s, const std::string& where) {
  try {
    std::size_t used = 0;
    const double v = std::stod(s, &used);
    if (used != s.size() || !std::isfinite(v)) throw std::invalid_argument(s);
    return v;
  } catch (const std::exception&) {
    throw std::runtime_error(where + ": \"" + s + "\" is not a number");
  }
}

// The value of an XML attribute on one line of Pattern's lexicon.
std::string attribute(const std::string& line, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const std::size_t at = line.find(key);
  if (at == std::string::npos) return {};
  const std::size_t begin = at + key.size();
  const std::size_t end = line.find('"', begin);
  return end == std::string::npos ? std::string() : line.substr(begin, end - begin);
}

class Compiler {
 public:
  explicit Compiler(LexiconReport& report) : report_(report) {
    report_.sources.clear();
    for (const char* name : kSourceNames) report_.sources.push_back({name});
  }

  // The keys of a term's tokens, as the engine computes them.
  std::vector<std::uint64_t> token_keys(const std::string& term, bool* is_emoji) {
    segmenter_.segment(term, seg_);
    std::vector<std::uint64_t> keys;
    *is_emoji = false;
    for (const segment::Token& token : seg_.tokens) {
      *is_emoji |= token.kind == segment::TokenKind::kEmoji || token.kind == segment::TokenKind::kEmoticon;
      sentiment::Casing casing;
      keys.push_back(sentiment::term_key(
          sentiment::primary_form(token.kind, token.span.text(term), form_, casing)));
    }
    return keys;
  }

  // The build record of a term (creating it, and registering a phrase's
  // head), or nullptr when the term cannot be matched (too many tokens).
  // A lexicon phrase that holds a negator ("isn't", "does not work") is
  // dropped unless `keep_negators`: the negation rule scores such phrases,
  // and a phrase match would swallow the negator and its scope.
  Build* term(const std::string& text, bool keep_negators = true) {
    bool is_emoji = false;
    const std::vector<std::uint64_t> keys = token_keys(text, &is_emoji);
    if (keys.empty() || keys.size() > sentiment::kMaxPhraseTokens) return nullptr;
    if (!keep_negators && keys.size() > 1)
      for (std::uint64_t k : keys) {
        const auto it = builds_.find(k);
        if (it != builds_.end() && (it->second.flags & sentiment::kNegator)) return nullptr;
      }
    std::uint64_t key = keys[0];
    for (std::size_t i = 1; i < keys.size(); ++i) key = sentiment::phrase_key(key, keys[i]);
    Build& b = builds_[key];
    if (b.text.empty()) b.text = text;
    b.tokens = keys.size();
    if (is_emoji) b.flags |= sentiment::kEmoji;
    if (keys.size() > 1) {
      Build& head = builds_[keys[0]];
      if (head.text.empty()) head.text = text.substr(0, text.find(' '));
      head.flags |= sentiment::kPhraseStart;
      head.max_phrase_tokens = static_cast<std::uint8_t>(
          std::max<std::size_t>(head.max_phrase_tokens, keys.size()));
    }
    return &b;
  }

  void add_value(SourceId source, const std::string& text, double value) {
    // Single letters ("l", "x") are initials, list markers and pieces of
    // split emoticons far more often than words.
    if (text.size() == 1 && std::isalpha(static_cast<unsigned char>(text[0]))) return;
    Build* b = term(text, /*keep_negators=*/false);
    if (b == nullptr) return;
    ++report_.sources[source].read;
    // Several entries folding to one form (":D" and ":d"): keep the first.
    if (std::isnan(b->value[source])) b->value[source] = value;
  }

  void read_vader(const std::string& dir) {
    for (const std::string& line : read_lines(dir + "/vader/vader_lexicon.txt")) {
      const auto f = split(line, '\t');
      if (f.size() < 2) continue;
      add_value(kVader, f[0], parse_number(f[1], "vader_lexicon.txt"));
    }
    // VADER scores an emoji by the words of its description ("grinning
    // face"); the sum of those words' valences is its VADER-scale value.
    std::unordered_map<std::string, double> words;
    for (const std::string& line : read_lines(dir + "/vader/vader_lexicon.txt")) {
      const auto f = split(line, '\t');
      if (f.size() >= 2) words.emplace(f[0], parse_number(f[1], "vader_lexicon.txt"));
    }
    for (const std::string& line : read_lines(dir + "/vader/emoji_utf8_lexicon.txt")) {
      const auto f = split(line, '\t');
      if (f.size() < 2) continue;
      double sum = 0;
      for (const std::string& w : split(f[1], ' ')) {
        const auto it = words.find(w);
        if (it != words.end()) sum += it->second;
      }
      if (sum != 0) add_value(kVaderEmoji, f[0], sum);
    }
  }

  void read_afinn(const std::string& dir) {
    for (const char* file : {"/lexicons/afinn/AFINN-en-165.txt", "/lexicons/afinn/AFINN-emoticon-8.txt"})
      for (const std::string& line : read_lines(dir + file)) {
        const auto f = split(line, '\t');
        if (f.size() < 2) continue;
        add_value(kAfinn, f[0], parse_number(f[1], file));
      }
  }

  // Pattern lists adjectives per sense; a word form's value is the mean
  // over its senses of polarity x subjectivity.
  void read_pattern(const std::string& dir) {
    std::map<std::string, std::pair<double, int>> forms;
    for (const std::string& line : read_lines(dir + "/lexicons/pattern/en-sentiment.xml")) {
      if (line.find("<word ") == std::string::npos) continue;
      const std::string form = attribute(line, "form");
      const std::string polarity = attribute(line, "polarity");
      if (form.empty() || polarity.empty()) continue;
      auto& [sum, count] = forms[form];
      // Weighted by subjectivity: "full" or "own" carry a polarity in some
      // sense but are mostly objective (dev r +0.005 to +0.012 on all sets).
      const std::string subjectivity = attribute(line, "subjectivity");
      if (subjectivity.empty()) continue;
      sum += parse_number(polarity, "en-sentiment.xml") *
             parse_number(subjectivity, "en-sentiment.xml");
      ++count;
    }
    for (const auto& [form, sc] : forms) {
      const double mean = sc.first / sc.second;
      if (mean != 0) add_value(kPattern, form, mean);
    }
  }

  // Emoji Sentiment Ranking: (positive - negative) / (occurrences + 3), the
  // ranking's smoothed score, for emoji seen at least 5 times.
  void read_emoji_ranking(const std::string& dir) {
    const auto lines =
        read_lines(dir + "/lexicons/emoji_sentiment_ranking/Emoji_Sentiment_Data_v1.0.csv");
    for (std::size_t i = 1; i < lines.size(); ++i) {
      const auto f = split(lines[i], ',');
      if (f.size() < 7) continue;
      const double occurrences = parse_number(f[2], "Emoji_Sentiment_Data_v1.0.csv");
      if (occurrences < 5) continue;
      const double negative = parse_number(f[4], "Emoji_Sentiment_Data_v1.0.csv");
      const double positive = parse_number(f[6], "Emoji_Sentiment_Data_v1.0.csv");
      add_value(kEmojiRanking, f[0], (positive - negative) / (occurrences + 3));
    }
  }

  void read_rules(const std::string& path) {
    const auto lines = read_lines(path);
    for (std::size_t n = 0; n < lines.size(); ++n) {
      const std::string& line = lines[n];
      if (line.empty() || line[0] == '#') continue;
      const std::string where = path + ":" + std::to_string(n + 1);
      const auto f = split(line, '\t');
      if (f.size() < 2) throw std::runtime_error(where + ": expected ROLE<TAB>TERM");
      const std::string& role = f[0];
      Build* b = term(f[1]);
      if (b == nullptr) throw std::runtime_error(where + ": \"" + f[1] + "\" has too many tokens");
      auto value = [&] {
        if (f.size() < 3) throw std::runtime_error(where + ": " + role + " needs a value");
        return parse_number(f[2], where);
      };
      if (role == "negator") b->flags |= sentiment::kNegator;
      else if (role == "not_negator") b->flags |= sentiment::kNotNegator;
      else if (role == "booster") {
        b->flags |= sentiment::kBooster;
        b->boost = static_cast<float>(value());
      } else if (role == "contrast") b->flags |= sentiment::kContrastBefore;
      else if (role == "concessive") b->flags |= sentiment::kConcessive;
      else if (role == "scope_breaker") b->flags |= sentiment::kScopeBreaker;
      else if (role == "amplify_negation") b->flags |= sentiment::kAmplifiesNegation;
      else if (role == "needs_subject") b->flags |= sentiment::kNeedsSubject;
      else if (role == "valence") {
        b->value[kRules] = value();
        b->neutral = false;
      } else if (role == "neutral") {
        b->neutral = true;
        b->value[kRules] = kAbsent;
      } else {
        throw std::runtime_error(where + ": unknown role \"" + role + "\"");
      }
      ++report_.sources[kRules].read;
    }
  }

  // Least-squares factor mapping `source` onto the reference scale
  // (VADER's words and emoji descriptions), over the terms both have.
  void calibrate(SourceId source) {
    double xy = 0, xx = 0;
    std::size_t overlap = 0;
    for (const auto& [key, b] : builds_) {
      const double x = b.value[source];
      const double y = !std::isnan(b.value[kVader]) ? b.value[kVader] : b.value[kVaderEmoji];
      if (std::isnan(x) || std::isnan(y)) continue;
      xy += x * y;
      xx += x * x;
      ++overlap;
    }
    LexiconReport::Source& s = report_.sources[source];
    s.overlap = overlap;
    if (overlap < 20 || xx == 0) throw std::runtime_error(std::string("too few terms to calibrate ") +
                                                          kSourceNames[source] + " against VADER");
    s.scale = xy / xx;
  }

  sentiment::LexiconContents finish() {
    for (SourceId s : {kAfinn, kPattern, kEmojiRanking}) calibrate(s);
    sentiment::LexiconContents contents;
    for (std::uint8_t s = 0; s < kSourceCount; ++s)
      contents.sources.emplace_back(kSourceNames[s], kSourceLicences[s]);
    report_.terms = report_.phrases = 0;
    for (auto& [key, b] : builds_) {
      LexiconEntry e{};
      e.flags = b.flags;
      e.boost = b.boost;
      e.max_phrase_tokens = b.max_phrase_tokens;
      e.source = kRules;
      double valence = 0;
      int from = -1;
      if (!std::isnan(b.value[kRules])) {
        valence = b.value[kRules];
        from = kRules;
      } else if (!b.neutral && !std::isnan(b.value[kVader])) {
        // Two human-rated word lists are better than one: where AFINN has
        // the word too, the mean of both (dev r: movie +0.011, others +-0.001).
        valence = b.value[kVader];
        from = kVader;
        if (!std::isnan(b.value[kAfinn])) {
          valence = (valence + b.value[kAfinn] * report_.sources[kAfinn].scale) / 2;
          from = kVaderAfinn;
        }
      } else if (!b.neutral && !std::isnan(b.value[kVaderEmoji])) {
        // Emoji: what their names say (VADER's descriptions: "crying
        // face"), else how people use them (the ranking, which counts the
        // sentiment of whole tweets: it rates 😢 as neutral).
        valence = b.value[kVaderEmoji];
        from = kVaderEmoji;
      } else if (!b.neutral && !std::isnan(b.value[kEmojiRanking])) {
        valence = b.value[kEmojiRanking] * report_.sources[kEmojiRanking].scale;
        from = kEmojiRanking;
      } else if (!b.neutral) {
        double sum = 0;
        int count = 0;
        for (SourceId s : {kAfinn, kPattern}) {
          if (std::isnan(b.value[s])) continue;
          sum += b.value[s] * report_.sources[s].scale;
          if (count++ == 0) from = s;
        }
        if (count > 0) valence = sum / count;
      }
      valence = std::clamp(valence, -4.0, 4.0);
      if (from >= 0 && valence != 0) {
        e.flags |= sentiment::kHasValence;
        e.valence = static_cast<float>(valence);
        e.source = static_cast<std::uint8_t>(from);
        ++report_.sources[from].used;
        if (b.tokens > 1) e.flags |= sentiment::kIdiom;
      }
      // A neutral phrase stays (it shields its words); a neutral word goes.
      if (e.flags == 0 && b.tokens == 1) continue;
      if (b.tokens > 1) ++report_.phrases;
      ++report_.terms;
      contents.terms.push_back({key, e});
    }
    return contents;
  }

 private:
  LexiconReport& report_;
  segment::Segmenter segmenter_;
  segment::Segmentation seg_;
  std::string form_;
  std::unordered_map<std::uint64_t, Build> builds_;
};

}  // namespace

sentiment::LexiconContents compile_lexicon(const LexiconSources& sources, LexiconReport& report) {
  Compiler compiler(report);
  const std::string& dir = sources.data_dir;
  compiler.read_rules(sources.rules_file);  // first: the lexicons' phrases check its negators
  compiler.read_vader(dir);
  compiler.read_afinn(dir);
  compiler.read_pattern(dir);
  compiler.read_emoji_ranking(dir);
  return compiler.finish();
}

}  // namespace textsense::train
