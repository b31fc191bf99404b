#include "core/model/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "core/common/errors.h"

namespace textsense::model {

MappedFile::MappedFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw ModelError(ModelError::kMissing,
                     "could not open model file \"" + path + "\": " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    const int saved = errno;
    ::close(fd);
    throw ModelError(ModelError::kMissing,
                     "model file \"" + path + "\" is not a regular file" +
                         (saved ? std::string(": ") + std::strerror(saved) : std::string()));
  }
  size_ = static_cast<std::size_t>(st.st_size);
  if (size_ > 0) {
    data_ = ::mmap(nullptr, size_, PROT_READ, MAP_SHARED, fd, 0);
    if (data_ == MAP_FAILED) {
      const int saved = errno;
      data_ = nullptr;
      size_ = 0;
      ::close(fd);
      throw ModelError(ModelError::kMissing,
                       "could not map model file \"" + path + "\": " + std::strerror(saved));
    }
  }
  ::close(fd);  // the mapping keeps the file alive
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(data_, size_);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) ::munmap(data_, size_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void write_file_replacing(const std::string& path, std::string_view bytes) {
  // Beside the target (rename() does not cross file systems), unique per
  // process so that two writers of one path do not share a temporary.
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  const auto fail = [&](const std::string& what) {
    const int saved = errno;
    ::unlink(temporary.c_str());
    throw std::runtime_error(what + ": " + std::strerror(saved));
  };
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot create " + temporary + ": " + std::strerror(errno));
  for (std::size_t done = 0; done < bytes.size();) {
    const ::ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int saved = errno;
      ::close(fd);
      errno = saved;
      fail("cannot write " + temporary);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) fail("cannot write " + temporary);
  if (std::rename(temporary.c_str(), path.c_str()) != 0)
    fail("cannot rename " + temporary + " to " + path);
}

}  // namespace textsense::model
