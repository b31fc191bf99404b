#include "cli/input_text.h"

#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace textsense::cli {
namespace {

// Only async-signal-safe calls: write(2) and _exit(2). The models are
// mapped files too, so the message names both.
void input_shrank(int) {
  static const char kMessage[] =
      "textsense: a file being read (standard input or a model) became shorter\n";
  ssize_t ignored = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  (void)ignored;
  ::_exit(kBadInput);
}

}  // namespace

InputText::InputText(const Options& options) {
  if (!options.positional.empty()) {
    for (const std::string& p : options.positional) {
      if (!owned_.empty()) owned_ += ' ';
      owned_ += p;
    }
    return;
  }
  struct stat st;
  if (::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    const auto size = static_cast<std::size_t>(st.st_size);
    // MAP_POPULATE: the pages are mapped now, in one call, rather than a
    // fault at a time by the threads. Mapped from the current offset's
    // start only when the offset is 0 (`textsense ... < file`).
    if (::lseek(STDIN_FILENO, 0, SEEK_CUR) == 0) {
      void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, STDIN_FILENO, 0);
      if (p != MAP_FAILED) {
        struct sigaction action {};
        action.sa_handler = input_shrank;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGBUS, &action, nullptr);
        mapping_ = p;
        size_ = size;
        return;
      }
    }
    owned_.reserve(size);
  }
  char buffer[1 << 16];
  for (ssize_t n; (n = ::read(STDIN_FILENO, buffer, sizeof buffer)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("reading standard input: ") + std::strerror(errno));
    }
    owned_.append(buffer, static_cast<std::size_t>(n));
  }
}

InputText::~InputText() {
  if (mapping_ != nullptr) ::munmap(mapping_, size_);
}

}  // namespace textsense::cli
