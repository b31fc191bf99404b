// The rules of the sentiment engine in every shipped language, against the
// shipped models/sentiment_<code>.model: polarity, negation (before and,
// where the language puts it there, after the negated word), boosters and
// contrast. Every case asserts a sign or an ordering, not a value, so
// retuning a lexicon keeps it green while the behaviour holds. Plus the
// engine's morphology: Snowball stems match unlisted inflections, and two-
// byte capitals are lower-cased. Needs no shared data.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang/profile.h"
#include "core/segment/segmenter.h"
#include "core/sentiment/analyzer.h"
#include "core/sentiment/lexicon.h"
#include "scored_text.h"

namespace textsense::sentiment {
namespace {

struct Pack {
  std::unique_ptr<Lexicon> lexicon;
  std::unique_ptr<segment::Segmenter> segmenter;
  std::unique_ptr<Analyzer> analyzer;
};

Pack& pack(std::string_view code) {
  static std::map<std::string, Pack, std::less<>> packs;
  auto it = packs.find(code);
  if (it == packs.end()) {
    Pack p;
    p.lexicon = Lexicon::load(std::string(TEXTSENSE_SOURCE_DIR) + "/models/sentiment_" +
                              std::string(code) + ".model");
    p.segmenter = std::make_unique<segment::Segmenter>(lang::profile_for(code));
    p.analyzer = std::make_unique<Analyzer>(*p.lexicon);
    it = packs.emplace(std::string(code), std::move(p)).first;
  }
  return it->second;
}

double score(std::string_view code, std::string_view text) {
  Pack& p = pack(code);
  return score_text(*p.segmenter, *p.analyzer, text).doc.score;
}

// One language's cases: a positive and a negative statement, the positive
// one negated, boosted, and two contrasts whose second clause decides.
struct Cases {
  const char* code;
  const char* positive;
  const char* negative;
  const char* negated_positive;
  const char* boosted_positive;
  const char* positive_but_negative;
  const char* negative_but_positive;
};

const Cases kCases[] = {
    {"es", "La comida es buena", "La comida es mala", "La comida no es buena",
     "La comida es muy buena", "La comida es buena, pero el servicio es horrible",
     "El servicio es horrible, pero la comida es buena"},
    {"fr", "Le repas est bon", "Le repas est mauvais", "Le repas n'est pas bon",
     "Le repas est très bon", "Le repas est bon, mais le service est horrible",
     "Le service est horrible, mais le repas est bon"},
    {"de", "Das Essen ist gut", "Das Essen ist schlecht", "Das Essen ist nicht gut",
     "Das Essen ist sehr gut", "Das Essen war ausgezeichnet, aber der Service war schrecklich.",
     "Der Service war schrecklich, aber das Essen war ausgezeichnet."},
    {"it", "Il cibo è buono", "Il cibo è cattivo", "Il cibo non è buono", "Il cibo è molto buono",
     "Il cibo è buono, ma il servizio è orribile", "Il servizio è orribile, ma il cibo è buono"},
    {"pt", "A comida é boa", "A comida é ruim", "A comida não é boa", "A comida é muito boa",
     "A comida é boa, mas o serviço é horrível", "O serviço é horrível, mas a comida é boa"},
    {"nl", "Het eten is goed", "Het eten is slecht", "Het eten is niet goed",
     "Het eten is heel goed", "Het eten is goed, maar de service is vreselijk",
     "De service is vreselijk, maar het eten is goed"},
    {"ru", "Еда хорошая", "Еда плохая", "Еда не хорошая", "Еда очень хорошая",
     "Еда хорошая, но обслуживание ужасное", "Обслуживание ужасное, но еда хорошая"},
    {"ar", "الطعام جيد", "الطعام سيء", "الطعام ليس جيدا", "الطعام جيد جدا",
     "الطعام جيد لكن الخدمة سيئة جدا", "الخدمة سيئة لكن الطعام رائع جدا"},
    {"zh", "这家餐厅不错", "这家餐厅很差", "这家餐厅不好", "这家餐厅非常不错",
     "菜很好吃，但是服务太差了", "服务很差，但是菜非常好吃"},
    {"ja", "この料理は美味しい", "この料理はまずい", "この料理は美味しくない",
     "この料理はとても美味しい", "料理は美味しいけど、サービスは最悪だ",
     "サービスは最悪だけど、料理は本当に美味しい"},
};

class LanguageRules : public ::testing::TestWithParam<Cases> {};

TEST_P(LanguageRules, Polarity) {
  const Cases& c = GetParam();
  EXPECT_GT(score(c.code, c.positive), 0.05) << c.positive;
  EXPECT_LT(score(c.code, c.negative), -0.05) << c.negative;
}

TEST_P(LanguageRules, NegationFlipsAPositiveStatement) {
  const Cases& c = GetParam();
  EXPECT_LT(score(c.code, c.negated_positive), 0) << c.negated_positive;
}

TEST_P(LanguageRules, BoosterStrengthens) {
  const Cases& c = GetParam();
  EXPECT_GT(score(c.code, c.boosted_positive), score(c.code, c.positive)) << c.boosted_positive;
}

TEST_P(LanguageRules, WhatFollowsTheContrastDecides) {
  const Cases& c = GetParam();
  EXPECT_LT(score(c.code, c.positive_but_negative), 0) << c.positive_but_negative;
  EXPECT_GT(score(c.code, c.negative_but_positive), 0) << c.negative_but_positive;
}

// Emoticons are in every pack (lexicon_compiler.cpp, read_emoticons), as
// the English pack values them, and so is the HTML-escaped heart of text
// taken from web APIs.
TEST_P(LanguageRules, EmoticonsInEveryPack) {
  const Cases& c = GetParam();
  EXPECT_GT(score(c.code, ":)"), 0.05);
  EXPECT_GT(score(c.code, ":-D"), 0.05);
  EXPECT_LT(score(c.code, ":("), -0.05);
  EXPECT_LT(score(c.code, ":'("), -0.05);
  EXPECT_GT(score(c.code, "<3"), 0.05);
  EXPECT_GT(score(c.code, "&lt;3"), 0.05);
  // About the English value (the rules files of fr and nl set their own).
  EXPECT_NEAR(score(c.code, ":)"), score("en", ":)"), 0.05);
}

TEST_P(LanguageRules, PackIsItsLanguage) {
  const Cases& c = GetParam();
  EXPECT_EQ(pack(c.code).lexicon->language(), c.code);
  // Every pack names where its values came from (sentiment_explain).
  EXPECT_GE(pack(c.code).lexicon->source_count(), 2u);
  EXPECT_EQ(pack(c.code).lexicon->source_name(0), "textsense_rules");
}

INSTANTIATE_TEST_SUITE_P(Shipped, LanguageRules, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.code); });

// Negators that follow what they negate.
TEST(LanguageRules, NegationAfterTheNegatedWord) {
  EXPECT_LT(score("ja", "この映画は面白くなかった"), 0);
  EXPECT_LT(score("ja", "このホテルは好きじゃない"), 0);
  EXPECT_LT(score("de", "Ich mag das Essen nicht."), 0);
  EXPECT_LT(score("de", "Das Hotel gefällt mir nicht."), 0);
  // Forward first: "nicht" before its word does not also flip the one before.
  EXPECT_GT(score("de", "Gut: das Essen ist nicht schlecht."),
            score("de", "Gut: das Essen ist schlecht."));
  EXPECT_GT(score("de", "Gut: das Essen ist nicht schlecht."), 0);
}

// Inflections the rules do not list reach their word through its stem,
// and capitals are lower-cased in every alphabet.
// A Portuguese verb with an enclitic pronoun scores as the verb: the
// pronoun is a word of its own, not the part of a compound.
TEST(LanguageRules, PortugueseVerbWithEncliticPronoun) {
  EXPECT_LT(score("pt", "Odeio-o."), -0.05);
  EXPECT_GT(score("pt", "Adorei-a!"), 0.05);
  EXPECT_DOUBLE_EQ(score("pt", "Odeio-o."), score("pt", "Odeio."));
}

TEST(LanguageRules, StemsAndCapitals) {
  EXPECT_LT(score("es", "Unas habitaciones espantosas"), 0);  // "espantoso" by its stem
  EXPECT_GT(score("ru", "ОТЛИЧНЫЙ отель"), 0);
  EXPECT_GT(score("de", "Ein wunderschönes Zimmer"), 0);
  EXPECT_GT(score("fr", "Très BON accueil"), 0);
  EXPECT_LT(score("ar", "الخدمة وسيئة"), 0);  // "... and bad": a clitic on a listed word
  // Arabic is looked up without tatweel and short vowels: the full value,
  // not a stem match at half weight.
  EXPECT_DOUBLE_EQ(score("ar", "جمـــيل"), score("ar", "جميل"));
  EXPECT_DOUBLE_EQ(score("ar", "جَمِيل"), score("ar", "جميل"));
  // A Spanish lexicon names Snowball's algorithm; Chinese has none.
  EXPECT_EQ(pack("es").lexicon->stemmer(), "spanish");
  EXPECT_EQ(pack("zh").lexicon->stemmer(), "");
}

// Names, places and everyday words whose Snowball stem is a sentiment
// word's carry no sentiment (lexicon/README.md, "How each list was made"):
// "Apple" is not the Arabic root of "fool", Russian "place" is not
// "revenge", German "to get" is not "war". The sentiment forms the blocked
// stems reached still score.
TEST(LanguageRules, StemClashesOnEverydayWordsCarryNoSentiment) {
  EXPECT_EQ(score("ar", "أبل شركة في الشرق الأوسط"), 0);  // Apple, a company, the Middle East
  EXPECT_EQ(score("ru", "Это место было занято ранее."), 0);
  EXPECT_EQ(score("fr", "Il vient parler d'énergie et d'écologie."), 0);
  EXPECT_EQ(score("de", "Wann kriegen wir die Geschichte?"), 0);
  EXPECT_EQ(score("it", "Andiamo alle tre."), 0);
  EXPECT_EQ(score("pt", "Tens uma caneta?"), 0);
  EXPECT_LT(score("ru", "Он жаждет мести."), 0);  // revenge
  EXPECT_LT(score("ru", "Он умер от раны."), 0);  // a wound
}

// The languages' own words, not English rules: German "war" ("was") is not
// the English noun "war".
TEST(LanguageRules, FalseFriendsAreNotEnglish) {
  EXPECT_EQ(score("de", "Das war am Montag."), 0);
  EXPECT_GT(score("de", "Das Essen war ausgezeichnet."), 0);
}

// A negation with no sentiment word to negate leans negative in every pack
// but English (lexicon/README.md, "negator_valence"), and counts once
// however many negators express it (negative concord).
TEST(LanguageRules, NegationAloneLeansNegativeOnce) {
  struct Case {
    const char* code;
    const char* single;   // one negator, nothing to negate
    const char* concord;  // two negators, one negation (nullptr: none)
  };
  const Case cases[] = {
      {"es", "No lo sé.", "No tengo nada."},
      {"fr", "Je ne sais pas.", "Je n'ai jamais rien dit."},
      {"de", "Ich weiß es nicht.", nullptr},
      {"it", "Non lo so.", "Non ho visto nessuno."},
      {"pt", "Não sei.", "Não tenho nada."},
      {"nl", "Ik weet het niet.", nullptr},
      {"ru", "Я не знаю.", "Я ничего не сделал."},
      {"ar", "لا أعرف", nullptr},
      {"zh", "他没有来", nullptr},
      {"ja", "わからない", nullptr},  // ない after its word
  };
  for (const Case& c : cases) {
    const double single = score(c.code, c.single);
    EXPECT_LT(single, -0.05) << c.single;
    EXPECT_GT(single, -0.5) << c.single;  // mild: VADER's "no" (-1.2)
    if (c.concord != nullptr) {
      EXPECT_DOUBLE_EQ(score(c.code, c.concord), single) << c.concord;
    }
  }
  // Two negations, in two clauses, count twice.
  EXPECT_LT(score("es", "No, no lo sé."), score("es", "No lo sé."));
  // A negator that negates a sentiment word adds nothing of its own: the
  // word's negated valence is the whole score.
  const double negated = score("es", "No es bueno.");
  EXPECT_LT(negated, 0);
  EXPECT_GT(negated, score("es", "Es malo."));
  // Words that negate but are no negation cue ("sin": without) stay neutral.
  EXPECT_EQ(score("es", "Vine sin ella."), 0);
  // English keeps VADER's behaviour: only "no" has a valence of its own.
  EXPECT_EQ(score("en", "I don't know."), 0);
  EXPECT_LT(score("en", "No."), 0);
}

}  // namespace
}  // namespace textsense::sentiment
