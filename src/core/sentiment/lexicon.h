// The sentiment lexicon file: a versioned, checksummed, memory-mappable
// table from terms (words, emoticons, emoji, multi-word phrases) to what
// they do to a sentence: carry a valence, boost or damp a neighbour, negate,
// or mark a contrast. Built by `textsense build-lexicon` (src/train) from the
// openly licensed lexicons in ../shared/data plus the project's own rules
// file (lexicon/en_rules.tsv).
//
// Layout (little-endian, every section 64-byte aligned):
//   LexiconHeader (128 bytes): magic, format version, sizes, offsets,
//                              checksum of everything after the header
//   slots:   open-addressing table of LexiconSlot {fingerprint, entry + 1},
//            capacity a power of two, load factor at most 1/2; 8-byte slots
//            keep the table small enough to stay in L2 (every word of every
//            text is looked up, and most lookups miss)
//   entries: LexiconEntry[entry_count]
//   sources: "name\tlicence\n" per source lexicon (entry.source indexes it)
//
// A term's key is term_key(): the hash of its normalised form; a phrase's
// key folds its tokens' keys left to right (phrase_key), so the engine can
// match phrases on the tokens it already hashed, without building strings.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/hash.h"
#include "core/model/file_format.h"
#include "core/model/mapped_file.h"

namespace textsense::sentiment {

constexpr char kLexiconMagic[8] = {'T', 'S', 'S', 'E', 'N', 'T', 'L', 'X'};
constexpr std::uint32_t kLexiconFormatVersion = 2;  // 2: term_key without variable memcpy

// What a term does. A term may have several roles ("no" negates; "kind of"
// damps).
enum TermFlags : std::uint16_t {
  kHasValence = 1u << 0,         // valence is a sentiment value (-4..+4)
  kBooster = 1u << 1,            // scales the next sentiment term by (1 + boost)
  kNegator = 1u << 2,            // opens a negation scope
  kContrastBefore = 1u << 3,     // "but", "however": what precedes it counts less
  kConcessive = 1u << 4,         // "although", "though": its own clause counts less
  kPhraseStart = 1u << 5,        // some phrase starts with this term (max_phrase_tokens)
  kScopeBreaker = 1u << 6,       // ends a negation scope ("and then", "which")
  kNeedsSubject = 1u << 7,       // "like": a sentiment verb only after a subject
  kAmplifiesNegation = 1u << 8,  // "at all": strengthens the negation before it
  kEmoji = 1u << 9,              // an emoji or emoticon (for explain)
  kIdiom = 1u << 10,             // a multi-word expression with its own valence
  kNotNegator = 1u << 11,        // "not only", "no doubt that ...": cancels kNegator
  kNegatesBefore = 1u << 12,     // negates the nearest term before it in its clause
                                 // (Japanese ない; with kNegator, German "nicht":
                                 // only when it negated nothing after it)
  kNegationCue = 1u << 13,       // a negator whose valence is its pack's
                                 // negator_valence: counted once a negation
};

struct LexiconEntry {
  float valence;  // sentiment, on VADER's scale: -4 (worst) .. +4 (best)
  float boost;    // booster: +0.293 "very", -0.293 "slightly"
  std::uint16_t flags;
  std::uint8_t max_phrase_tokens;  // with kPhraseStart: longest phrase from here
  std::uint8_t source;             // index into the source table
  std::uint32_t reserved;
};
static_assert(sizeof(LexiconEntry) == 16, "lexicon layout");

struct LexiconSlot {
  std::uint32_t fingerprint;     // high 32 bits of the key
  std::uint32_t entry_plus_one;  // 0 = empty slot
};
static_assert(sizeof(LexiconSlot) == 8, "lexicon layout");

struct LexiconHeader {
  char magic[8];
  std::uint32_t format_version;
  std::uint32_t reserved0;
  std::uint64_t file_size;
  std::uint64_t checksum;  // hashing::bytes of [sizeof(LexiconHeader), file_size)
  char language[8];
  std::uint32_t slot_capacity;
  std::uint32_t entry_count;
  std::uint32_t phrase_count;
  std::uint32_t max_phrase_tokens;
  std::uint64_t slots_offset;
  std::uint64_t entries_offset;
  std::uint64_t sources_offset;
  std::uint64_t sources_size;
  // The Snowball algorithm ("spanish") whose stems the lexicon holds under
  // stem_key(), NUL-padded; all zero: no stems (files before it: reserved).
  char stemmer[16];
  // The pack's own weights (0 in files before them: 1): a negative
  // valence's and a stem-matched word's share of its valence.
  float negative_weight;
  float stem_weight;
  char reserved[16];
};
static_assert(sizeof(LexiconHeader) == 128, "lexicon layout");

constexpr std::size_t kMaxPhraseTokens = 6;

namespace detail {
// The last 1..8 bytes of a term as one integer, with fixed-size loads only:
// hashing::bytes's variable-length memcpy into a stack word stalled on
// store forwarding and was a fifth of the engine's time. Injective for a
// given n (two overlapping 4-byte loads cover 4..8 bytes; 3 picks cover 1..3).
inline std::uint64_t load_tail(const char* p, std::size_t n) {
  if (n >= 4) {
    std::uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return (static_cast<std::uint64_t>(hi) << 32) | lo;
  }
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return std::uint64_t{u[0]} | (std::uint64_t{u[n / 2]} << 8) | (std::uint64_t{u[n - 1]} << 16);
}
}  // namespace detail

// The key of one normalised token (see sentiment_text.h for normalisation).
// Part of the file format: changing it needs a new kLexiconFormatVersion.
inline std::uint64_t term_key(std::string_view normalized) {
  const char* p = normalized.data();
  std::size_t n = normalized.size();
  std::uint64_t h = 0x5E171E47ULL ^ (static_cast<std::uint64_t>(n) * hashing::kGolden);
  while (n > 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    h = (h ^ hashing::mix(v)) * hashing::kGolden;
    p += 8;
    n -= 8;
  }
  if (n > 0) h = (h ^ hashing::mix(detail::load_tail(p, n) ^ n)) * hashing::kGolden;
  return hashing::mix(h);
}
// The key of a phrase whose tokens' keys are a, b, ...: fold left.
inline std::uint64_t phrase_key(std::uint64_t so_far, std::uint64_t next_token_key) {
  return hashing::combine(so_far, next_token_key);
}

// The key under which the compiler stores the stem of valence words
// (stemmer.h): a fold no token or phrase key produces, so a stem never
// shadows a word.
constexpr std::uint64_t kStemSalt = 0x57E35A17C0FFEE01ULL;
inline std::uint64_t stem_key(std::uint64_t stem_term_key) {
  return hashing::combine(kStemSalt, stem_term_key);
}

// Everything a lexicon holds, in plain containers: what the compiler
// produces and serialize() writes.
struct LexiconContents {
  std::string language = "en";
  std::string stemmer;           // Snowball algorithm of its stem entries, or empty
  float negative_weight = 1.0f;  // see LexiconHeader
  float stem_weight = 1.0f;
  struct Term {
    std::uint64_t key;
    LexiconEntry entry;
  };
  std::vector<Term> terms;
  std::vector<std::pair<std::string, std::string>> sources;  // (name, licence)
};

std::string serialize(const LexiconContents& contents);

// A validated, read-only view of a lexicon image; immutable, so any number
// of threads may query it at once.
class Lexicon {
 public:
  // Maps and validates a lexicon file. Throws ModelError.
  static std::unique_ptr<Lexicon> load(const std::string& path);
  // Validates an in-memory image (tests, the compiler). Throws ModelError.
  static std::unique_ptr<Lexicon> from_bytes(std::string bytes);
  // An overlay (custom_lexicon.h): validates `bytes` like from_bytes(), and
  // find() answers from `fallback` every key this image does not hold.
  // `fallback` must outlive the overlay. Entries of the fallback keep their
  // source indexes, so the overlay's source table must begin with the
  // fallback's (std::invalid_argument otherwise).
  static std::unique_ptr<Lexicon> overlay(std::string bytes, const Lexicon& fallback);

  // The entry for a key, or nullptr. A plain lexicon pays one
  // well-predicted test of a member next to mask_ for overlays (callgrind:
  // +0.7 % instructions in scoring, no difference in time beyond the VM's
  // noise); an overlay answers from its own table, else from its fallback.
  const LexiconEntry* find(std::uint64_t key) const {
    if (fallback_ != nullptr) return find_in_overlay(key);
    return find_here(key);
  }

  // Counts and size of this image alone (an overlay's fallback not included).
  std::size_t entry_count() const { return header_->entry_count; }
  std::size_t phrase_count() const { return header_->phrase_count; }
  std::size_t size_bytes() const { return image_.size(); }
  std::string_view language() const { return language_; }
  // The Snowball algorithm of its stem entries ("" = none); an overlay
  // answers with its fallback's, whose stems it falls back on.
  std::string_view stemmer() const {
    return fallback_ != nullptr ? fallback_->stemmer() : stemmer_;
  }
  // The pack's weights (LexiconHeader); an overlay answers with its fallback's.
  double negative_weight() const {
    return fallback_ != nullptr ? fallback_->negative_weight() : negative_weight_;
  }
  double stem_weight() const {
    return fallback_ != nullptr ? fallback_->stem_weight() : stem_weight_;
  }
  // The header's common prefix: format version, checksum (model/file_format.h).
  const model::FilePrefix& file_prefix() const {
    return *reinterpret_cast<const model::FilePrefix*>(header_);
  }
  std::string_view source_name(std::uint8_t source) const {
    return source < sources_.size() ? sources_[source] : std::string_view("?");
  }
  std::string_view source_licence(std::uint8_t source) const {
    return source < licences_.size() ? licences_[source] : std::string_view("?");
  }
  std::size_t source_count() const { return sources_.size(); }
  // The lexicon an overlay falls back on, or nullptr.
  const Lexicon* fallback() const { return fallback_; }
  // Unique among the lexicons of the process, never reused: a cache keyed
  // by it cannot mistake a new lexicon at a freed one's address for it.
  std::uint64_t instance_id() const { return instance_id_; }

 private:
  Lexicon();
  void validate(const std::string& origin);

  const LexiconEntry* find_here(std::uint64_t key) const {
    const std::uint32_t fingerprint = static_cast<std::uint32_t>(key >> 32);
    for (std::uint64_t i = key & mask_;; i = (i + 1) & mask_) {
      const LexiconSlot slot = slots_[i];
      if (slot.entry_plus_one == 0) return nullptr;
      if (slot.fingerprint == fingerprint) return entries_ + (slot.entry_plus_one - 1);
    }
  }
  // Nearly every key misses the overlay (only the custom terms are in it),
  // but its table of 10,000 terms is 512 KB of slots: a probe there is a
  // cache miss that made scoring tweets 12 % slower. A bit per fingerprint
  // hash (8 bits per entry: 32 KB for 10,000 terms, ~7 % false positives)
  // sends most keys straight to the fallback.
  const LexiconEntry* find_in_overlay(std::uint64_t key) const {
    const std::uint32_t fingerprint = static_cast<std::uint32_t>(key >> 32);
    if ((filter_[(fingerprint >> 6) & filter_mask_] >> (fingerprint & 63)) & 1)
      if (const LexiconEntry* e = find_here(key)) return e;
    return fallback_->find(key);
  }

  model::MappedFile mapping_;
  std::string owned_;
  std::string_view image_;
  const LexiconHeader* header_ = nullptr;
  const LexiconSlot* slots_ = nullptr;
  const LexiconEntry* entries_ = nullptr;
  std::uint64_t mask_ = 0;
  // Overlays only (next to the lookup's other members): the fallback and
  // the filter of this table's fingerprints, filter_mask_ + 1 words.
  const Lexicon* fallback_ = nullptr;
  const std::uint64_t* filter_ = nullptr;
  std::uint64_t filter_mask_ = 0;
  std::vector<std::uint64_t> filter_words_;
  std::vector<std::string_view> sources_;
  std::vector<std::string_view> licences_;
  std::string language_;
  std::string stemmer_;
  double negative_weight_ = 1.0, stem_weight_ = 1.0;
  std::uint64_t instance_id_;
};

}  // namespace textsense::sentiment
