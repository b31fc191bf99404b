// A read-only memory mapping of a whole file. Model files are mapped rather
// than read so that every backend of a server shares one copy of the pages
// through the page cache, and loading costs no copy. The writer below is the
// mapping's other half: a model file is never rewritten in place.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace textsense::model {

class MappedFile {
 public:
  MappedFile() = default;
  // Throws ModelError (kMissing when the file cannot be opened).
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

// Writes `bytes` to a new file beside `path` and renames it over `path`, so
// that a process that has the old file mapped (a server backend, a running
// CLI) keeps reading the old bytes: rewriting a mapped file in place changes
// the pages under it (and shortening it turns reads into SIGBUS). Throws
// std::runtime_error naming the path when a step fails; no temporary file
// is left behind then.
void write_file_replacing(const std::string& path, std::string_view bytes);

}  // namespace textsense::model
