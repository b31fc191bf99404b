// Languages in the CLI: --lang CODE|auto (default auto) and the models of
// every installed language, found as the SQL functions find them (files
// named sentiment_<lang>.model and pos_<lang>.model) in the models/ folder
// of the source tree this binary was built from, else the installed
// directory. --model PATH pins one model file instead: its language is
// then the only one.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "core/lang/installed.h"
#include "core/runtime/multilingual.h"

namespace textsense::cli {

// Models are loaded on first use; lexicon() and pos_model() may be called
// from several threads at once (the line-parallel subcommands).
class CliModels {
 public:
  // `kind` is what --model, when given, holds.
  CliModels(const Options& options, lang::ModelKind kind);

  // --lang: 'auto' (the default) or a language with a model of `kind_`;
  // throws std::invalid_argument naming the installed ones otherwise.
  runtime::LanguageRequest request(const Options& options) const;

  runtime::ModelSource source();
  const lang::InstalledModels& installed() const { return installed_; }
  const sentiment::Lexicon* lexicon(lang::Code code);  // nullptr: not installed
  const pos::PosModel* pos_model(lang::Code code);     // nullptr: not installed

 private:
  lang::ModelKind kind_;
  std::string directory_;
  std::string pinned_path_;  // --model
  lang::InstalledModels installed_;

  // One slot per installed language of a kind, made once: a line's look-up
  // is a scan of a few codes and an acquire load, without a lock (a mutex
  // taken per line by two threads costs more than the look-up).
  template <typename Model>
  struct Slot {
    lang::Code code;
    std::atomic<const Model*> model{nullptr};
    std::unique_ptr<Model> owner;  // written under load_mutex_ only
  };
  template <typename Model>
  const Model* cached(std::unique_ptr<Slot<Model>[]>& slots, std::size_t count, lang::Code code,
                      lang::ModelKind kind);

  std::mutex load_mutex_;
  std::unique_ptr<Slot<sentiment::Lexicon>[]> lexicons_;
  std::unique_ptr<Slot<pos::PosModel>[]> pos_models_;
};

// The language request of a subcommand that needs no model (tokens,
// sentences): --lang CODE (any language code) or auto.
runtime::LanguageRequest segmentation_request(const Options& options);

}  // namespace textsense::cli
