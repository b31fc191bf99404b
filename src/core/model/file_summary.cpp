#include "core/model/file_summary.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace textsense::model {

FileSummary read_file_summary(const std::string& path, const char (&magic)[8]) {
  FileSummary summary;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    summary.problem = std::string("cannot open: ") + std::strerror(errno);
    return summary;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    summary.problem = std::string("cannot stat: ") + std::strerror(errno);
    ::close(fd);
    return summary;
  }
  summary.bytes = static_cast<std::uint64_t>(st.st_size);
  ssize_t got;
  do {
    got = ::pread(fd, &summary.prefix, sizeof summary.prefix, 0);
  } while (got < 0 && errno == EINTR);
  const int read_errno = errno;
  ::close(fd);
  if (got < 0) {
    summary.problem = std::string("cannot read: ") + std::strerror(read_errno);
  } else if (static_cast<std::size_t>(got) < sizeof summary.prefix) {
    summary.problem = "shorter than a model header (truncated?)";
  } else if (std::memcmp(summary.prefix.magic, magic, sizeof magic) != 0) {
    summary.problem = "not a textsense model of this kind (bad magic)";
  } else if (summary.prefix.file_size != summary.bytes) {
    summary.problem = "size is " + std::to_string(summary.bytes) + " bytes, header says " +
                      std::to_string(summary.prefix.file_size) + " (truncated or extended)";
  }
  if (!summary.problem.empty()) summary.prefix = FilePrefix{};
  return summary;
}

}  // namespace textsense::model
