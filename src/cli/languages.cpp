#include "cli/languages.h"

#include <sys/stat.h>

#include <stdexcept>
#include <type_traits>

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

}  // namespace

CliModels::CliModels(const Options& options, lang::ModelKind kind)
    : kind_(kind), directory_(default_model_directory()), pinned_path_(options.value("model")) {
  // --model: one model file, whatever its name; its header says its language.
  std::unique_ptr<sentiment::Lexicon> pinned_lexicon;
  std::unique_ptr<pos::PosModel> pinned_pos;
  if (pinned_path_.empty()) {
    installed_ = lang::scan_installed_models(directory_);
    lang::require_language(installed_, lang::kFallbackLanguage);  // as the extension does
  } else if (kind == lang::ModelKind::kSentiment) {
    pinned_lexicon = sentiment::Lexicon::load(pinned_path_);
    installed_.sentiment.emplace_back(pinned_lexicon->language());
  } else {
    pinned_pos = pos::PosModel::load(pinned_path_);
    installed_.pos.emplace_back(pinned_pos->language());
  }
  const auto make_slots = [](const std::vector<lang::Code>& codes, auto& slots, auto& pinned) {
    using Slot = typename std::remove_reference_t<decltype(slots)>::element_type;
    slots.reset(new Slot[codes.size()]);
    for (std::size_t i = 0; i < codes.size(); ++i) slots[i].code = codes[i];
    if (pinned) {
      slots[0].model.store(pinned.get(), std::memory_order_relaxed);
      slots[0].owner = std::move(pinned);
    }
  };
  make_slots(installed_.sentiment, lexicons_, pinned_lexicon);
  make_slots(installed_.pos, pos_models_, pinned_pos);
}

// The model of `code`, loaded from the directory on first use
// (the path is built only then: this runs for every line); nullptr when
// `code` is not installed.
template <typename Model>
const Model* CliModels::cached(std::unique_ptr<Slot<Model>[]>& slots, std::size_t count,
                               lang::Code code, lang::ModelKind kind) {
  for (std::size_t i = 0; i < count; ++i) {
    Slot<Model>& slot = slots[i];
    if (slot.code != code) continue;
    if (const Model* model = slot.model.load(std::memory_order_acquire)) return model;
    const std::lock_guard<std::mutex> lock(load_mutex_);
    if (!slot.owner) {
      slot.owner = Model::load(directory_ + "/" + lang::model_file_name(kind, code.view()));
      slot.model.store(slot.owner.get(), std::memory_order_release);
    }
    return slot.owner.get();
  }
  return nullptr;
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
  return cached(lexicons_, installed_.sentiment.size(), code, lang::ModelKind::kSentiment);
}

const pos::PosModel* CliModels::pos_model(lang::Code code) {
  return cached(pos_models_, installed_.pos.size(), code, lang::ModelKind::kPos);
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
