// Accuracy gate: the committed engine and lexicon on the four human-rated
// VADER dev sets (Pearson r with the human mean). Floors sit a little under
// what they reached (README, bench/sentiment_dev.sh, which also runs npm's
// vader-sentiment for comparison), so a rule or lexicon change that loses
// accuracy fails here. Skips without ../shared/data.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "core/lang/installed.h"
#include "core/runtime/multilingual.h"
#include "core/segment/segmenter.h"
#include "core/sentiment/analyzer.h"
#include "core/sentiment/lexicon.h"
#include "test_util.h"

namespace textsense::sentiment {
namespace {

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

struct DevSet {
  const char* name;
  std::size_t items;
  double floor;  // reached (r): see the README's table
};

TEST(SentimentAccuracy, VaderDevSets) {
  const std::string data = testing::shared_data_dir();
  if (data.empty()) GTEST_SKIP() << "../shared/data is absent: sentiment accuracy gate skipped";
  const auto lexicon =
      Lexicon::load(std::string(TEXTSENSE_SOURCE_DIR) + "/models/sentiment_en.model");
  Analyzer analyzer(*lexicon);
  segment::Segmenter segmenter;
  segment::Segmentation seg;
  std::vector<SentenceSentiment> sentences;
  const DevSet sets[] = {{"tweets", 1209, 0.860},                 // 0.868
                         {"movieReviewSnippets", 3187, 0.485},    // 0.492
                         {"amazonReviewSnippets", 1072, 0.655},   // 0.665
                         {"nytEditorialSnippets", 1558, 0.495}};  // 0.506
  for (const DevSet& set : sets) {
    std::ifstream in(data + "/sentiment_dev/vader_groundtruth_dev/" + set.name + "_dev.tsv");
    ASSERT_TRUE(in) << set.name;
    std::vector<double> gold, ours;
    for (std::string line; std::getline(in, line);) {
      const std::size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
      ASSERT_NE(t2, std::string::npos) << line;
      const std::string text = line.substr(t2 + 1);
      gold.push_back(std::stod(line.substr(t1 + 1, t2 - t1 - 1)));
      segmenter.segment(text, seg);
      ours.push_back(analyzer.analyze(text, seg, sentences, nullptr).score);
    }
    EXPECT_EQ(gold.size(), set.items) << set.name;
    const double r = pearson(ours, gold);
    EXPECT_GE(r, set.floor) << set.name;
    std::printf("%-22s r %.3f (floor %.3f)\n", set.name, r, set.floor);
  }
}

// lang => 'auto' keeps English quality: on the same sets, r within 0.002 of
// the explicit 'en' (texts detected in another language score NULL, counted
// here as 0, as coalesce(sentiment(body), 0) would; how many there are is
// printed).
TEST(SentimentAccuracy, AutomaticLanguageKeepsEnglishQuality) {
  const std::string data = testing::shared_data_dir();
  if (data.empty()) GTEST_SKIP() << "../shared/data is absent: sentiment accuracy gate skipped";
  const auto lexicon =
      Lexicon::load(std::string(TEXTSENSE_SOURCE_DIR) + "/models/sentiment_en.model");
  lang::InstalledModels installed;
  installed.sentiment.emplace_back("en");
  runtime::ModelSource source;
  source.installed = &installed;
  source.lexicon = [](lang::Code, void* l) { return static_cast<const Lexicon*>(l); };
  source.context = const_cast<Lexicon*>(lexicon.get());
  runtime::DocumentPipeline pipeline;
  runtime::LanguageOutcome outcome;
  for (const char* name :
       {"tweets", "movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets"}) {
    std::ifstream in(data + "/sentiment_dev/vader_groundtruth_dev/" + name + "_dev.tsv");
    ASSERT_TRUE(in) << name;
    std::vector<double> gold, explicit_en, automatic;
    std::size_t not_analysed = 0;
    for (std::string line; std::getline(in, line);) {
      const std::size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
      const std::string text = line.substr(t2 + 1);
      gold.push_back(std::stod(line.substr(t1 + 1, t2 - t1 - 1)));
      explicit_en.push_back(
          runtime::score_document(pipeline, text, runtime::LanguageRequest::explicit_language("en"),
                                  source, nullptr, runtime::SentimentOutput::kDocument, {}, outcome)
              .score);
      const DocumentSentiment d = runtime::score_document(
          pipeline, text, runtime::LanguageRequest::automatic_choice(), source, nullptr,
          runtime::SentimentOutput::kDocument, {}, outcome);
      not_analysed += !d.analysed;
      automatic.push_back(d.analysed ? d.score : 0.0);
    }
    const double r_en = pearson(explicit_en, gold), r_auto = pearson(automatic, gold);
    EXPECT_GE(r_auto, r_en - 0.002) << name;
    std::printf("%-22s r en %.4f, auto %.4f (%zu of %zu not analysed)\n", name, r_en, r_auto,
                not_analysed, gold.size());
  }
}

}  // namespace
}  // namespace textsense::sentiment
