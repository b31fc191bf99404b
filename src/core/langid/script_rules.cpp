#include "core/langid/script_rules.h"

#include <algorithm>
#include <vector>

#include "core/common/utf8.h"

namespace textsense::langid {

namespace {

bool is_one_of(std::string_view code, std::initializer_list<std::string_view> codes) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::string_view cld_top(const CldResult& cld) {
  return cld.count > 0 ? cld.top[0].code : std::string_view{};
}

// Confidence for a script decision: a handful of letters of a one-language
// script already settle it; CLD2's agreement adds a little.
double script_confidence(std::uint32_t letters, bool cld_agrees) {
  double c = letters >= 8 ? 0.97 : letters >= 3 ? 0.9 : 0.75;
  if (cld_agrees) c = std::min(0.995, c + 0.02);
  return c;
}

ScriptDecision decided(std::string_view lang, std::uint32_t letters, const CldResult& cld,
                       bool reliable) {
  return ScriptDecision{lang, script_confidence(letters, cld_top(cld) == lang), reliable};
}

ScriptDecision decide_cyrillic(const ScriptProfile& p, const CldResult& cld) {
  const std::uint32_t letters = p.count(Script::kCyrillic);
  const std::string_view top = cld_top(cld);
  const bool long_enough = letters >= 40;
  if (p.cyrillic_belarusian > 0) return decided("be", letters, cld, true);
  if (p.cyrillic_ukrainian > 0 && p.cyrillic_russian == 0) return decided("uk", letters, cld, true);
  if (p.cyrillic_macedonian > 0) return decided("mk", letters, cld, true);
  if (p.cyrillic_serbian > 0) return decided("sr", letters, cld, true);
  if (p.cyrillic_south_slavic > 0 && p.cyrillic_russian == 0)
    return decided(top == "mk" ? "mk" : "sr", letters, cld, long_enough);
  if (p.cyrillic_turkic_mongolic > 0 && p.cyrillic_russian <= p.cyrillic_turkic_mongolic) {
    if (is_one_of(top, {"kk", "ky", "mn", "tt", "ba", "tg", "uz", "cv", "sah"}))
      return decided(top, letters, cld, cld.reliable);
    return decided("kk", letters, cld, false);
  }
  // Only letters Russian shares with its neighbours. Ukrainian, Belarusian,
  // Serbian, Macedonian and the Turkic languages were singled out above by
  // their own letters; Bulgarian has none, but writes ъ often (Russian
  // rarely) and never ы, э, ё: with those signs CLD2 may say Bulgarian on a
  // text long enough. Everything else goes to by far the most common one.
  if (top == "bg" && p.cyrillic_russian == 0 && p.cyrillic_hard_sign > 0 && cld.reliable &&
      long_enough)
    return decided("bg", letters, cld, true);
  return decided("ru", letters, cld, p.cyrillic_russian > 0 || letters >= 12 || top == "ru");
}

ScriptDecision decide_arabic(const ScriptProfile& p, const CldResult& cld) {
  const std::uint32_t letters = p.count(Script::kArabic);
  const std::string_view top = cld_top(cld);
  // Persian, Urdu, Pashto, Kurdish (Sorani), Sindhi, Uyghur all write
  // letters Arabic lacks; without them, a CLD2 "fa" on a few words is noise.
  const bool other_language = is_one_of(top, {"fa", "ur", "ps", "ku", "ckb", "sd", "ug"});
  const bool their_letters =
      p.arabic_persian_urdu >= 2 || (p.arabic_persian_urdu >= 1 && cld.reliable);
  if (other_language && their_letters) return decided(top, letters, cld, cld.reliable);
  return decided("ar", letters, cld, letters >= 3);
}

ScriptDecision decide_cjk(Script dominant, const ScriptProfile& p, const CldResult& cld,
                          const HanVariants& han_variants) {
  const std::uint32_t han = p.count(Script::kHan);
  const std::uint32_t kana = p.count(Script::kKana);
  if (dominant == Script::kKana) return decided("ja", han + kana, cld, han + kana >= 2);
  // Han without kana is Chinese, unless it writes Japanese-only character
  // forms and no PRC-simplified-only ones (a headline or a compound in
  // kanji alone). CLD2's own zh/ja call on kanji-only text was a coin toss
  // on the dev data, so it is not used here.
  // Traditional forms shared with Japanese, with CLD2 saying Japanese,
  // tip it too (CLD2 alone on kanji-only text was a coin toss on the dev
  // data; with simplified-only forms absent it is not).
  if (han_variants.simplified_only == 0 &&
      (han_variants.japanese_only > 0 || (han_variants.traditional > 0 && cld_top(cld) == "ja")))
    return decided("ja", han, cld, han >= 4 && han_variants.japanese_only > 0);
  return decided("zh", han, cld, han >= 4);
}

}  // namespace

ScriptDecision decide_by_script(Script dominant, const ScriptProfile& p, const CldResult& cld,
                                const HanVariants& han_variants) {
  switch (dominant) {
    case Script::kNone:
    case Script::kLatin:
    case Script::kCount: return {};
    case Script::kCyrillic: return decide_cyrillic(p, cld);
    case Script::kArabic: return decide_arabic(p, cld);
    case Script::kKana:
    case Script::kHan: return decide_cjk(dominant, p, cld, han_variants);
    case Script::kHangul: return decided("ko", p.count(Script::kHangul), cld, true);
    case Script::kThai: return decided("th", p.count(Script::kThai), cld, true);
    case Script::kGreek:
      return decided("el", p.count(Script::kGreek), cld, p.count(Script::kGreek) >= 2);
    case Script::kHebrew: {
      const std::uint32_t letters = p.count(Script::kHebrew);
      if (cld_top(cld) == "yi" && cld.reliable) return decided("yi", letters, cld, true);
      return decided("he", letters, cld, letters >= 2);
    }
    case Script::kDevanagari: {
      const std::uint32_t letters = p.count(Script::kDevanagari);
      const std::string_view top = cld_top(cld);
      if (is_one_of(top, {"mr", "ne", "sa", "bh", "new"}) && cld.reliable && letters >= 20)
        return decided(top, letters, cld, true);
      return decided("hi", letters, cld, letters >= 3);
    }
    case Script::kOther: {
      // Scripts CLD2 maps to their language by script alone (Armenian,
      // Georgian, Bengali, Tamil, ...): its answer is the decision.
      const std::string_view top = cld_top(cld);
      if (top.empty()) return {};
      return ScriptDecision{top, cld.reliable ? 0.95 : 0.7, cld.reliable};
    }
  }
  return {};
}

bool script_decides_alone(Script dominant, const ScriptProfile& p, const HanVariants& han) {
  switch (dominant) {
    case Script::kKana:
    case Script::kHangul:
    case Script::kThai:
    case Script::kGreek: return true;
    case Script::kHan:
      // decide_cjk(): CLD2 matters only for traditional forms without
      // Japanese-only or simplified-only ones.
      return !(han.simplified_only == 0 && han.japanese_only == 0 && han.traditional > 0);
    case Script::kCyrillic: {
      // decide_cyrillic(), in its order: a letter of Belarusian,
      // Ukrainian (without Russian's), Macedonian or Serbian settles it;
      // South Slavic letters without Russian's, and Turkic letters as many
      // as Russian's, ask CLD2 which language; so does Bulgarian's case
      // (no Russian letter, a hard sign, 40 letters or more); the rest is
      // Russian, reliable with a letter of its own or 12 letters (else
      // CLD2 saying Russian makes it reliable).
      const std::uint32_t ru = p.cyrillic_russian;
      const std::uint32_t letters = p.count(Script::kCyrillic);
      if (p.cyrillic_belarusian > 0 || (p.cyrillic_ukrainian > 0 && ru == 0) ||
          p.cyrillic_macedonian > 0 || p.cyrillic_serbian > 0)
        return true;
      if (p.cyrillic_south_slavic > 0 && ru == 0) return false;
      if (p.cyrillic_turkic_mongolic > 0 && ru <= p.cyrillic_turkic_mongolic) return false;
      if (ru == 0 && p.cyrillic_hard_sign > 0 && letters >= 40) return false;
      return ru > 0 || letters >= 12;
    }
    case Script::kArabic: return p.arabic_persian_urdu == 0;  // decide_arabic(): "ar"
    default: return false;
  }
}

HanVariants count_han_variants(std::string_view utf8) {
  // Written from knowledge of the scripts.
  // Shinjitai (post-war Japanese simplifications that differ from both the
  // traditional and the PRC simplified form) and kokuji (made in Japan).
  static constexpr char32_t kJapaneseOnly[] = {
      U'亜', U'仮', U'伝', U'価', U'働', U'児', U'円', U'処', U'労', U'効', U'勧', U'匂',
      U'単', U'収', U'団', U'囲', U'図', U'圧', U'塩', U'売', U'変', U'実', U'対', U'専',
      U'峠', U'帰', U'広', U'従', U'徳', U'応', U'恵', U'悪', U'戦', U'払', U'拝', U'拡',
      U'挙', U'掲', U'検', U'楽', U'様', U'権', U'歓', U'歳', U'気', U'沢', U'浜', U'済',
      U'渋', U'渓', U'畑', U'県', U'砕', U'経', U'絵', U'続', U'縁', U'聴', U'薬', U'覚',
      U'観', U'読', U'転', U'軽', U'込', U'遅', U'鉄', U'険', U'雑', U'駅', U'験', U'黒',
  };
  // PRC simplified forms that Japanese does not write (Japanese keeps the
  // traditional form or has its own: 这/這, 们/們, 说/説, 气/気, ...).
  // Characters both use in the same form (国, 学, 点, 当, 机, ...) are
  // left out.
  static constexpr char32_t kSimplifiedOnly[] = {
      U'专', U'业', U'东', U'两', U'个', U'为', U'么', U'书', U'产', U'亲', U'仅', U'从', U'们',
      U'价', U'众', U'优', U'传', U'伤', U'关', U'兴', U'军', U'农', U'决', U'况', U'净', U'减',
      U'则', U'刚', U'创', U'务', U'动', U'华', U'协', U'单', U'卖', U'卫', U'厂', U'历', U'压',
      U'县', U'发', U'变', U'吗', U'听', U'员', U'呢', U'园', U'围', U'图', U'圆', U'场', U'坏',
      U'块', U'处', U'备', U'复', U'头', U'夺', U'奋', U'妈', U'宁', U'实', U'对', U'导', U'层',
      U'岁', U'币', U'师', U'带', U'帮', U'广', U'庆', U'应', U'开', U'张', U'弹', U'归', U'录',
      U'总', U'恶', U'战', U'户', U'护', U'报', U'无', U'时', U'术', U'杀', U'权', U'极', U'构',
      U'标', U'树', U'样', U'桥', U'检', U'欢', U'气', U'汉', U'沟', U'济', U'灭', U'热', U'爱',
      U'环', U'现', U'电', U'疗', U'监', U'离', U'种', U'积', U'稳', U'穷', U'笔', U'简', U'类',
      U'约', U'级', U'纪', U'纸', U'线', U'组', U'织', U'终', U'经', U'结', U'给', U'统', U'继',
      U'续', U'维', U'网', U'罗', U'联', U'肃', U'胜', U'脑', U'艺', U'节', U'苏', U'药', U'获',
      U'虽', U'补', U'见', U'观', U'规', U'视', U'觉', U'计', U'认', U'让', U'训', U'议', U'记',
      U'讲', U'许', U'论', U'设', U'证', U'评', U'识', U'诉', U'词', U'试', U'话', U'该', U'语',
      U'误', U'说', U'请', U'读', U'课', U'谁', U'调', U'谈', U'货', U'质', U'购', U'贵', U'费',
      U'资', U'赛', U'赶', U'车', U'转', U'轮', U'软', U'轻', U'较', U'辑', U'边', U'达', U'过',
      U'运', U'还', U'这', U'进', U'远', U'连', U'选', U'递', U'邮', U'铁', U'银', U'锁', U'错',
      U'长', U'门', U'问', U'间', U'闻', U'阳', U'阶', U'际', U'陆', U'险', U'随', U'难', U'题',
      U'颜', U'风', U'飞', U'饭', U'马', U'验', U'鱼', U'鸡', U'龙',
  };
  // Traditional forms that Japanese also writes (師, 間, 東, 語, 時, ...):
  // never in PRC-simplified text, common in Japanese and in Traditional
  // Chinese.
  static constexpr char32_t kTraditionalSharedWithJapanese[] = {
      U'個', U'則', U'創', U'動', U'務', U'勝', U'協', U'員', U'問', U'園', U'報', U'場',
      U'師', U'時', U'書', U'東', U'業', U'決', U'況', U'減', U'現', U'紀', U'約', U'紙',
      U'級', U'終', U'組', U'結', U'給', U'統', U'維', U'網', U'線', U'織', U'羅', U'義',
      U'聞', U'華', U'術', U'衛', U'補', U'見', U'規', U'視', U'親', U'計', U'記', U'設',
      U'試', U'話', U'認', U'誕', U'語', U'課', U'調', U'談', U'請', U'論', U'識', U'議',
      U'貝', U'貨', U'責', U'買', U'貸', U'費', U'貿', U'資', U'賞', U'質', U'車', U'軍',
      U'軟', U'較', U'輪', U'農', U'連', U'進', U'運', U'過', U'達', U'遠', U'選', U'還',
      U'郵', U'銀', U'錯', U'鎖', U'長', U'門', U'開', U'間', U'陸', U'陽', U'階', U'際',
      U'難', U'電', U'頭', U'題', U'類', U'風', U'飛', U'飯', U'館', U'馬', U'魚', U'鳥',
  };
  // The three lists as one byte a character of U+4E00..U+9FFF (21 KB):
  // three binary searches a character were a fifth of a Chinese
  // sentiment() with lang => 'auto'.
  enum : std::uint8_t { kJapanese = 1, kSimplified = 2, kTraditional = 4 };
  constexpr char32_t kFirst = 0x4E00, kLast = 0x9FFF;
  static const std::vector<std::uint8_t> kinds = [] {
    std::vector<std::uint8_t> k(kLast - kFirst + 1, 0);
    const auto mark = [&](char32_t c, std::uint8_t kind) {
      if (c >= kFirst && c <= kLast)
        k[c - kFirst] |= kind;  // (a list's character elsewhere never counted)
    };
    for (const char32_t c : kJapaneseOnly) mark(c, kJapanese);
    for (const char32_t c : kSimplifiedOnly) mark(c, kSimplified);
    for (const char32_t c : kTraditionalSharedWithJapanese) mark(c, kTraditional);
    return k;
  }();
  HanVariants v;
  std::size_t i = 0;
  while (i < utf8.size()) {
    if (static_cast<unsigned char>(utf8[i]) < 0xE0) {
      // ASCII and two-byte sequences hold no ideographs; skip them whole.
      i += static_cast<unsigned char>(utf8[i]) < 0x80 ? 1 : 2;
      continue;
    }
    const char32_t c = utf8::decode(utf8, i);
    if (c < kFirst || c > kLast) continue;
    const std::uint8_t kind = kinds[c - kFirst];
    v.japanese_only += (kind & kJapanese) != 0;
    v.simplified_only += (kind & kSimplified) != 0;
    v.traditional += (kind & kTraditional) != 0;
  }
  return v;
}

}  // namespace textsense::langid
