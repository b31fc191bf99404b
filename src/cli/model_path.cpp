// Where the CLI finds a model file (see command.h).
#include <sys/stat.h>

#include <string>

#include "cli/command.h"
#include "core/common/errors.h"

namespace textsense::cli {
namespace {

bool file_exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

std::string model_path(const Options& options, const char* file, const char* what) {
  const std::string given = options.value("model");
  if (!given.empty()) return given;
#ifdef TEXTSENSE_SOURCE_DIR
  const std::string source = std::string(TEXTSENSE_SOURCE_DIR) + "/models/" + file;
  if (file_exists(source)) return source;
#endif
#ifdef TEXTSENSE_INSTALLED_MODEL_DIR
  const std::string installed = std::string(TEXTSENSE_INSTALLED_MODEL_DIR) + "/" + file;
  if (file_exists(installed)) return installed;
#endif
  throw ModelError(ModelError::kMissing, std::string("no ") + what + " found: pass --model PATH (" +
                                             file +
                                             " is in the models/ folder of the source tree)");
}

}  // namespace textsense::cli
