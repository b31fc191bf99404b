#include "core/sentiment/lexicon.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "core/common/errors.h"
#include "core/model/file_format.h"
#include "core/model/image.h"
#include "core/sentiment/stemmer.h"

namespace textsense::sentiment {
namespace {

using model::append_array;
using model::pad_to_alignment;

// The file kind: model/file_format.h checks what every kind shares.
constexpr model::FileKind kFileKind{
    kLexiconMagic,       kLexiconFormatVersion, 0, 0x5E471, sizeof(LexiconHeader),
    "sentiment lexicon", "sentiment lexicon"};
static_assert(offsetof(LexiconHeader, language) == offsetof(model::FilePrefix, language) &&
                  offsetof(LexiconHeader, checksum) == offsetof(model::FilePrefix, checksum),
              "a kind's header starts with model::FilePrefix");

[[noreturn]] void damaged(const std::string& origin, const std::string& why) {
  model::damaged(kFileKind, origin, why);
}

}  // namespace

std::string serialize(const LexiconContents& contents) {
  if (contents.sources.size() > 255) throw std::invalid_argument("at most 255 sources");
  LexiconHeader header{};
  model::begin_prefix(reinterpret_cast<model::FilePrefix&>(header), kFileKind, contents.language);

  // Terms in key order, so that the image is deterministic.
  std::vector<const LexiconContents::Term*> order;
  for (const auto& t : contents.terms) order.push_back(&t);
  std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->key < b->key; });
  std::uint64_t capacity = 16;
  while (capacity < order.size() * 2 + 1) capacity <<= 1;
  std::vector<LexiconSlot> slots(capacity, LexiconSlot{0, 0});
  std::vector<LexiconEntry> entries;
  for (const auto* t : order) {
    const LexiconEntry& e = t->entry;
    if (!std::isfinite(e.valence) || !std::isfinite(e.boost) || std::fabs(e.valence) > 10 ||
        std::fabs(e.boost) > 10)
      throw std::invalid_argument("a term's valence or boost is out of range");
    if (e.source >= contents.sources.size()) throw std::invalid_argument("unknown source");
    if (e.max_phrase_tokens > kMaxPhraseTokens) throw std::invalid_argument("phrase too long");
    if (e.flags & kPhraseStart)
      header.max_phrase_tokens =
          std::max<std::uint32_t>(header.max_phrase_tokens, e.max_phrase_tokens);
    const auto fingerprint = static_cast<std::uint32_t>(t->key >> 32);
    std::uint64_t i = t->key & (capacity - 1);
    for (; slots[i].entry_plus_one != 0; i = (i + 1) & (capacity - 1))
      if (slots[i].fingerprint == fingerprint)
        throw std::invalid_argument("two terms share a key fingerprint");
    entries.push_back(e);
    slots[i] = LexiconSlot{fingerprint, static_cast<std::uint32_t>(entries.size())};
    if (e.flags & kIdiom) ++header.phrase_count;
  }
  if (contents.stemmer.size() >= sizeof header.stemmer)
    throw std::invalid_argument("stemmer name too long");
  std::memcpy(header.stemmer, contents.stemmer.data(), contents.stemmer.size());
  for (float w : {contents.negative_weight, contents.stem_weight})
    if (!(w > 0 && w <= 4)) throw std::invalid_argument("a pack weight is out of (0, 4]");
  // 1 is stored as 0, so that packs without weights keep their bytes.
  header.negative_weight = contents.negative_weight == 1.0f ? 0.0f : contents.negative_weight;
  header.stem_weight = contents.stem_weight == 1.0f ? 0.0f : contents.stem_weight;
  header.slot_capacity = static_cast<std::uint32_t>(capacity);
  header.entry_count = static_cast<std::uint32_t>(entries.size());

  std::string sources;
  for (const auto& [name, licence] : contents.sources) {
    if (name.find_first_of("\t\n") != std::string::npos ||
        licence.find_first_of("\t\n") != std::string::npos)
      throw std::invalid_argument("a source name or licence holds a tab or newline");
    sources += name + "\t" + licence + "\n";
  }

  std::string image(sizeof header, '\0');
  header.slots_offset = append_array(image, slots);
  header.entries_offset = append_array(image, entries);
  pad_to_alignment(image);
  header.sources_offset = image.size();
  header.sources_size = sources.size();
  image += sources;
  pad_to_alignment(image);
  std::memcpy(image.data(), &header, sizeof header);
  model::seal_file(image, kFileKind);
  return image;
}

Lexicon::Lexicon() {
  static std::atomic<std::uint64_t> next_id{1};
  instance_id_ = next_id.fetch_add(1, std::memory_order_relaxed);
}

std::unique_ptr<Lexicon> Lexicon::load(const std::string& path) {
  std::unique_ptr<Lexicon> lexicon(new Lexicon());
  lexicon->mapping_ = model::MappedFile(path);
  lexicon->image_ = lexicon->mapping_.bytes();
  lexicon->validate(path);
  return lexicon;
}

std::unique_ptr<Lexicon> Lexicon::from_bytes(std::string bytes) {
  std::unique_ptr<Lexicon> lexicon(new Lexicon());
  lexicon->owned_ = std::move(bytes);
  lexicon->image_ = lexicon->owned_;
  lexicon->validate("<memory>");
  return lexicon;
}

std::unique_ptr<Lexicon> Lexicon::overlay(std::string bytes, const Lexicon& fallback) {
  std::unique_ptr<Lexicon> lexicon = from_bytes(std::move(bytes));
  // The analyzer reports an entry's source through the lexicon it was
  // given (the overlay), whichever table the entry came from.
  bool extends = lexicon->sources_.size() >= fallback.sources_.size();
  for (std::size_t i = 0; extends && i < fallback.sources_.size(); ++i)
    extends = lexicon->sources_[i] == fallback.sources_[i];
  if (!extends)
    throw std::invalid_argument("an overlay's source table must begin with its fallback's");
  if (lexicon->language_ != fallback.language_)
    throw std::invalid_argument("an overlay must have its fallback's language");
  // At least 8 filter bits per entry, a power of two of 64-bit words.
  std::size_t words = 1;
  while (words * 64 < lexicon->header_->entry_count * std::size_t{8}) words <<= 1;
  lexicon->filter_words_.assign(words, 0);
  for (std::uint64_t i = 0; i <= lexicon->mask_; ++i) {
    const LexiconSlot slot = lexicon->slots_[i];
    if (slot.entry_plus_one == 0) continue;
    lexicon->filter_words_[(slot.fingerprint >> 6) & (words - 1)] |= std::uint64_t{1}
                                                                     << (slot.fingerprint & 63);
  }
  lexicon->filter_ = lexicon->filter_words_.data();
  lexicon->filter_mask_ = words - 1;
  lexicon->fallback_ = &fallback;
  return lexicon;
}

void Lexicon::validate(const std::string& origin) {
  const std::string_view image = image_;
  model::check_file(image, kFileKind, origin);
  header_ = reinterpret_cast<const LexiconHeader*>(image.data());
  const LexiconHeader& h = *header_;

  // The checksum catches accidents; these bounds checks make even a crafted
  // file unable to send a lookup outside the image or loop forever.
  auto section_ok = [&](std::uint64_t offset, std::uint64_t count, std::uint64_t item) {
    return offset % 8 == 0 && offset <= image.size() && count <= (image.size() - offset) / item;
  };
  const bool pow2 = h.slot_capacity >= 16 && (h.slot_capacity & (h.slot_capacity - 1)) == 0;
  if (!pow2 || h.entry_count >= h.slot_capacity || h.max_phrase_tokens > kMaxPhraseTokens ||
      !section_ok(h.slots_offset, h.slot_capacity, sizeof(LexiconSlot)) ||
      !section_ok(h.entries_offset, h.entry_count, sizeof(LexiconEntry)) ||
      !section_ok(h.sources_offset, h.sources_size, 1))
    damaged(origin, "inconsistent header");
  slots_ = reinterpret_cast<const LexiconSlot*>(image.data() + h.slots_offset);
  entries_ = reinterpret_cast<const LexiconEntry*>(image.data() + h.entries_offset);
  mask_ = h.slot_capacity - 1;

  std::string_view sources = image.substr(h.sources_offset, h.sources_size);
  sources_.clear();
  licences_.clear();
  while (!sources.empty()) {
    const std::size_t eol = sources.find('\n');
    if (eol == std::string_view::npos) damaged(origin, "malformed source table");
    const std::string_view line = sources.substr(0, eol);
    const std::size_t tab = line.find('\t');
    sources_.push_back(line.substr(0, tab));
    licences_.push_back(tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1));
    sources.remove_prefix(eol + 1);
  }
  std::uint64_t used = 0;
  for (std::uint64_t i = 0; i < h.slot_capacity; ++i) {
    const LexiconSlot s = slots_[i];
    if (s.entry_plus_one == 0) continue;
    ++used;
    if (s.entry_plus_one > h.entry_count) damaged(origin, "slot points past the entries");
  }
  if (used != h.entry_count) damaged(origin, "entry count mismatch");
  for (std::uint64_t i = 0; i < h.entry_count; ++i) {
    const LexiconEntry& e = entries_[i];
    if (!std::isfinite(e.valence) || !std::isfinite(e.boost) || std::fabs(e.valence) > 10 ||
        std::fabs(e.boost) > 10 || e.source >= sources_.size() ||
        e.max_phrase_tokens > kMaxPhraseTokens)
      damaged(origin, "entry " + std::to_string(i) + " is out of range");
  }
  language_.assign(h.language, strnlen(h.language, sizeof h.language));
  const std::size_t stemmer_length = strnlen(h.stemmer, sizeof h.stemmer);
  if (stemmer_length == sizeof h.stemmer) damaged(origin, "unterminated stemmer name");
  stemmer_.assign(h.stemmer, stemmer_length);
  if (!stemmer_.empty() && !Stemmer::known(stemmer_))
    damaged(origin, "unknown Snowball stemmer \"" + stemmer_ + "\"");
  for (float w : {h.negative_weight, h.stem_weight})
    if (!(w >= 0 && w <= 4)) damaged(origin, "a pack weight is out of range");
  negative_weight_ = h.negative_weight == 0 ? 1.0 : h.negative_weight;
  stem_weight_ = h.stem_weight == 0 ? 1.0 : h.stem_weight;
}

}  // namespace textsense::sentiment
