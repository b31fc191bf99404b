#include "cli/input_text.h"

#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace textsense::cli {
namespace {

// The mapped input's bytes, for the SIGBUS handler (0, 0: none).
volatile std::uintptr_t mapped_input_begin = 0;
volatile std::uintptr_t mapped_input_end = 0;

// Only async-signal-safe calls: write(2) and _exit(2). A fault outside
// the input's pages is taken for a model's (model::MappedFile).
void on_sigbus(int, siginfo_t* info, void*) {
  const auto at = reinterpret_cast<std::uintptr_t>(info->si_addr);
  const bool input = at >= mapped_input_begin && at < mapped_input_end;
  static const char kInput[] =
      "textsense: standard input (a file) became shorter while it was read\n";
  static const char kModel[] = "textsense: a model file became shorter while it was in use\n";
  const char* message = input ? kInput : kModel;
  const std::size_t length = input ? sizeof kInput - 1 : sizeof kModel - 1;
  ssize_t ignored = ::write(STDERR_FILENO, message, length);
  (void)ignored;
  ::_exit(input ? kBadInput : kInternal);
}

}  // namespace

void handle_shortened_files() {
  struct sigaction action {};
  action.sa_sigaction = on_sigbus;
  action.sa_flags = SA_SIGINFO;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGBUS, &action, nullptr);
}

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
    // fault at a time by the threads. Only a file at offset 0 (`textsense
    // ... < file`); one already partly read is read on from where it is.
    if (::lseek(STDIN_FILENO, 0, SEEK_CUR) == 0) {
      void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, STDIN_FILENO, 0);
      if (p != MAP_FAILED) {
        mapping_ = p;
        size_ = size;
        mapped_input_begin = reinterpret_cast<std::uintptr_t>(p);
        mapped_input_end = mapped_input_begin + size;
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
  if (mapping_ == nullptr) return;
  mapped_input_begin = mapped_input_end = 0;
  ::munmap(mapping_, size_);
}

}  // namespace textsense::cli
