// What a model file's header says, read without mapping or verifying the
// whole file: enough to list installed models (textsense_models()) cheaply.
// Loading a model (pos/model.h, sentiment/lexicon.h) is what checks all of
// it, checksum included.
#pragma once

#include <cstdint>
#include <string>

#include "core/model/file_format.h"

namespace textsense::model {

struct FileSummary {
  std::uint64_t bytes = 0;  // the file's size on disk
  FilePrefix prefix{};      // valid when problem is empty
  std::string problem;      // empty, or why the header cannot be trusted
};

// Reads the prefix of the file at `path`, a file of the kind whose magic is
// `magic`. Never throws for a bad file: an unreadable file, one shorter than
// the prefix, of another kind, or whose size differs from the size its
// header records is described in `problem`.
FileSummary read_file_summary(const std::string& path, const char (&magic)[8]);

}  // namespace textsense::model
