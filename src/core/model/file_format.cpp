#include "core/model/file_format.h"

#include <cstdio>
#include <cstring>

#include "core/common/errors.h"
#include "core/common/hash.h"

namespace textsense::model {

void damaged(const FileKind& kind, const std::string& origin, const std::string& why) {
  throw ModelError(ModelError::kDamaged,
                   std::string(kind.noun) + " \"" + origin + "\" is damaged: " + why);
}

const FilePrefix& check_file(std::string_view image, const FileKind& kind,
                             const std::string& origin) {
  if (image.size() < kind.header_size)
    damaged(kind, origin, "shorter than its header (truncated?)");
  const auto& p = *reinterpret_cast<const FilePrefix*>(image.data());
  if (std::memcmp(p.magic, kind.magic, sizeof p.magic) != 0)
    damaged(kind, origin, std::string("not a textsense ") + kind.description + " (bad magic)");
  if (p.format_version != kind.format_version)
    damaged(kind, origin,
            "format version " + std::to_string(p.format_version) + ", this build reads " +
                std::to_string(kind.format_version));
  if (p.kind_version != kind.kind_version)
    damaged(kind, origin,
            "trained with feature set " + std::to_string(p.kind_version) +
                ", this build extracts feature set " + std::to_string(kind.kind_version));
  if (p.file_size != image.size())
    damaged(kind, origin,
            "size is " + std::to_string(image.size()) + " bytes, header says " +
                std::to_string(p.file_size) + " (truncated or extended)");
  if (hashing::bytes(image.substr(kind.header_size), kind.checksum_seed) != p.checksum)
    damaged(kind, origin, "checksum mismatch");
  return p;
}

void begin_prefix(FilePrefix& prefix, const FileKind& kind, std::string_view language) {
  std::memcpy(prefix.magic, kind.magic, sizeof prefix.magic);
  prefix.format_version = kind.format_version;
  prefix.kind_version = kind.kind_version;
  std::memset(prefix.language, 0, sizeof prefix.language);
  std::memcpy(
      prefix.language, language.data(),
      language.size() < sizeof prefix.language ? language.size() : sizeof prefix.language - 1);
}

void seal_file(std::string& image, const FileKind& kind) {
  auto& p = *reinterpret_cast<FilePrefix*>(image.data());
  p.file_size = image.size();
  p.checksum = hashing::bytes(std::string_view(image).substr(kind.header_size), kind.checksum_seed);
}

std::string prefix_language(const FilePrefix& prefix) {
  return std::string(prefix.language, strnlen(prefix.language, sizeof prefix.language));
}

std::string checksum_hex(std::uint64_t checksum) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(checksum));
  return buffer;
}

}  // namespace textsense::model
