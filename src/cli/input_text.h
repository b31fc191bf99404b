// The text a subcommand analyses: the positional arguments joined by
// spaces, or all of standard input when there are none.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "cli/command.h"

namespace textsense::cli {

// A regular file on standard input is mapped, not read: copying 20 MB into
// a buffer took 13 ms before any thread started, 3 % of a `textsense
// sentiment` run (bench/cli_throughput.sh), where mapping takes 1. If the
// file shrinks while it is mapped, reading the lost pages raises SIGBUS:
// handle_shortened_files() makes that a message and exit status 1
// (kBadInput), not a crash. The file is read as it was when mapped: bytes
// appended meanwhile are not. Pipes, terminals and empty files are read.
class InputText {
 public:
  explicit InputText(const Options& options);
  ~InputText();
  InputText(const InputText&) = delete;
  InputText& operator=(const InputText&) = delete;

  std::string_view view() const {
    return mapping_ != nullptr ? std::string_view(static_cast<const char*>(mapping_), size_)
                               : std::string_view(owned_);
  }
  operator std::string_view() const { return view(); }  // NOLINT: used as text

 private:
  std::string owned_;
  void* mapping_ = nullptr;
  std::size_t size_ = 0;
};

// Installs the SIGBUS handler for mapped files that become shorter while
// in use: standard input (above; exit status 1) and the models
// (model::MappedFile; exit status 3, kInternal), each with a message
// naming it. Called once, from main().
void handle_shortened_files();

}  // namespace textsense::cli
