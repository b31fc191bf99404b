#include "cli/languages.h"

#include <sys/stat.h>

#include <stdexcept>

#include "core/common/errors.h"
#include "core/lang/auto_choice.h"
#include "core/pos/model.h"
#include "core/sentiment/lexicon.h"

namespace textsense::cli {
namespace {

bool is_directory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// models/ of the source tree, else the installed directory (command.h).
std::string default_model_directory() {
#ifdef TEXTSENSE_SOURCE_DIR
  const std::string source = std::string(TEXTSENSE_SOURCE_DIR) + "/models";
  if (is_directory(source)) return source;
#endif
#ifdef TEXTSENSE_INSTALLED_MODEL_DIR
  return TEXTSENSE_INSTALLED_MODEL_DIR;
#else
  return "models";
#endif
}

// The model of `code` from `cache`, loaded from `directory` on first use
// (the path is built only then: this runs for every line).
template <typename Model>
const Model* cached(std::vector<std::pair<lang::Code, std::unique_ptr<Model>>>& cache,
                    lang::Code code, const std::string& directory, lang::ModelKind kind) {
  for (const auto& entry : cache)
    if (entry.first == code) return entry.second.get();
  cache.emplace_back(code, Model::load(directory + "/" + lang::model_file_name(kind, code.view())));
  return cache.back().second.get();
}

}  // namespace

CliModels::CliModels(const Options& options, lang::ModelKind kind)
    : kind_(kind), directory_(default_model_directory()), pinned_path_(options.value("model")) {
  if (pinned_path_.empty()) {
    installed_ = lang::scan_installed_models(directory_);
    lang::require_language(installed_, lang::kFallbackLanguage);  // as the extension does
    return;
  }
  // One model file, whatever its name: its header says its language.
  if (kind == lang::ModelKind::kSentiment) {
    auto model = sentiment::Lexicon::load(pinned_path_);
    const lang::Code code(model->language());
    installed_.sentiment.push_back(code);
    lexicons_.emplace_back(code, std::move(model));
  } else {
    auto model = pos::PosModel::load(pinned_path_);
    const lang::Code code(model->language());
    installed_.pos.push_back(code);
    pos_models_.emplace_back(code, std::move(model));
  }
}

runtime::LanguageRequest CliModels::request(const Options& options) const {
  const std::string name = options.value("lang", "auto");
  if (name == "auto") return runtime::LanguageRequest::automatic_choice();
  if (!installed_.has(kind_, name))
    throw std::invalid_argument(
        "no " +
        std::string(kind_ == lang::ModelKind::kSentiment ? "sentiment lexicon"
                                                         : "part-of-speech model") +
        " for language \"" + name + "\" (installed: " + installed_.list(kind_) + ")");
  return runtime::LanguageRequest::explicit_language(name);
}

const sentiment::Lexicon* CliModels::lexicon(lang::Code code) {
  if (!installed_.has(lang::ModelKind::kSentiment, code.view())) return nullptr;
  return cached(lexicons_, code, directory_, lang::ModelKind::kSentiment);
}

const pos::PosModel* CliModels::pos_model(lang::Code code) {
  if (!installed_.has(lang::ModelKind::kPos, code.view())) return nullptr;
  return cached(pos_models_, code, directory_, lang::ModelKind::kPos);
}

runtime::ModelSource CliModels::source() {
  runtime::ModelSource s;
  s.installed = &installed_;
  s.lexicon = [](lang::Code code, void* self) {
    return static_cast<CliModels*>(self)->lexicon(code);
  };
  s.pos_model = [](lang::Code code, void* self) {
    return static_cast<CliModels*>(self)->pos_model(code);
  };
  s.context = this;
  return s;
}

runtime::LanguageRequest segmentation_request(const Options& options) {
  const std::string name = options.value("lang", "auto");
  if (name == "auto") return runtime::LanguageRequest::automatic_choice();
  if (!lang::is_language_code(name))
    throw std::invalid_argument("--lang: \"" + name + "\" is not a language code (or auto)");
  return runtime::LanguageRequest::explicit_language(name);
}

}  // namespace textsense::cli
