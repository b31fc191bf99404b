// What every model file of textsense starts with, and the checks every kind
// shares, in one place: the 40-byte prefix (magic, format version, a
// kind-specific version, size, checksum, language) at the start of each
// kind's header (128 bytes for a sentiment lexicon, 192 for a tagging
// model), the writer's seal (size and checksum) and the loader's checks
// (magic, versions, size, checksum). Each kind adds its own bounds checks of
// its sections (pos/model.cpp, sentiment/lexicon.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace textsense::model {

struct FilePrefix {
  char magic[8];
  std::uint32_t format_version;
  std::uint32_t kind_version;  // pos: feature-set version; sentiment: 0
  std::uint64_t file_size;
  std::uint64_t checksum;  // hashing::bytes of [header size, file_size), with the kind's seed
  char language[8];        // ISO 639-1, NUL-padded
};
static_assert(sizeof(FilePrefix) == 40, "model layout");

// A kind of model file.
struct FileKind {
  const char* magic;  // 8 bytes
  std::uint32_t format_version;
  std::uint32_t kind_version;
  std::uint64_t checksum_seed;
  std::size_t header_size;  // the kind's whole header (the prefix included)
  const char* noun;         // in messages: "model file", "sentiment lexicon"
  const char* description;  // after "not a textsense ...": "part-of-speech model"
};

// Throws ModelError(kDamaged) "<noun> "<origin>" is damaged: <why>".
[[noreturn]] void damaged(const FileKind& kind, const std::string& origin, const std::string& why);

// Checks the prefix of `image` against `kind` and returns it.
const FilePrefix& check_file(std::string_view image, const FileKind& kind,
                             const std::string& origin);

// Starts a header: magic, versions and language (truncated to 7 bytes).
void begin_prefix(FilePrefix& prefix, const FileKind& kind, std::string_view language);

// Writes the size and checksum of `image` (its header already copied in).
void seal_file(std::string& image, const FileKind& kind);

// The language of a prefix as a string (up to 8 bytes, NUL-trimmed).
std::string prefix_language(const FilePrefix& prefix);

// The checksum as 16 hex digits (what textsense_languages() shows).
std::string checksum_hex(std::uint64_t checksum);

}  // namespace textsense::model
