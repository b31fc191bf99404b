// A read-only memory mapping of a whole file. Model files are mapped rather
// than read so that every backend of a server shares one copy of the pages
// through the page cache, and loading costs no copy.
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

}  // namespace textsense::model
