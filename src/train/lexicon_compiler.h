// Builds the sentiment lexicon (sentiment_lexicon.h) from the openly
// licensed lexicons in ../shared/data and the project's rules file.
//
// Each source scores terms on its own scale (VADER -4..+4 human means,
// AFINN -5..+5 integers, Pattern -1..+1 polarity, Emoji Sentiment Ranking
// counts). Each is mapped onto VADER's scale by the least-squares factor
// fitted on the terms it shares with VADER, so no scale is set by hand.
// A word takes the mean of VADER and AFINN (calibrated) where both have it,
// else VADER's value, else the mean of the other calibrated sources that
// have it (AFINN, Pattern); emoji take VADER's description-based value,
// else the Emoji Sentiment Ranking's. Lexicon phrases that contain a
// negator are dropped (the negation rule scores them). The rules file adds
// roles (negators, boosters, contrast, idioms) and overrides values.
//
// Other languages have no VADER: their word lists (translated AFINN,
// OpeNER, Pattern, the German polarity lexicon, LeIA) are calibrated as
// finish_language() describes, emoji keep VADER's description values, and
// the stems of valence words (Snowball, the profile's algorithm) are stored
// so that unlisted inflections match. models/README.md has the details.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/sentiment/lexicon.h"

namespace textsense::train {

struct LexiconSources {
  std::string data_dir;         // ../shared/data
  std::string rules_file;       // lexicon/<language>_rules.tsv
  std::string language = "en";  // a code with a profile (lang/profiles.cpp)
};

struct LexiconReport {
  struct Source {
    std::string name;
    std::size_t read = 0;     // terms read from the file
    std::size_t used = 0;     // terms whose final valence came from it
    double scale = 1.0;       // calibration factor onto VADER's scale
    std::size_t overlap = 0;  // terms shared with VADER (the fit's sample)
  };
  std::vector<Source> sources;
  std::size_t terms = 0, phrases = 0;
};

// Throws std::runtime_error naming the file and line of any problem.
sentiment::LexiconContents compile_lexicon(const LexiconSources& sources, LexiconReport& report);

}  // namespace textsense::train
